// Registration of Core's reduction operators (ATen names and arguments; PyTorch's dtype
// rules and messages):
//
//   sum, mean                   (self, int[]? dim=None, bool keepdim=False, *, ScalarType? dtype=None)
//   prod                        (self, int? dim=None, bool keepdim=False, *, ScalarType? dtype=None)
//   amax, amin                  (self, int[] dim=[], bool keepdim=False)
//   max, min                    (self)                              all elements
//   max.dim, min.dim            (self, int dim, bool keepdim=False) -> (values, indices)
//   argmax, argmin              (self, int? dim=None, bool keepdim=False)
//   var, std                    (self, int[]? dim=None, *, Scalar? correction=None, bool keepdim=False)
//   norm                        (self, Scalar? p=2, int[]? dim=None, bool keepdim=False)
//   logsumexp                   (self, int[] dim, bool keepdim=False)
//   all, any                    (self, int[]? dim=None, bool keepdim=False)
//   count_nonzero               (self, int[]? dim=None)
//   cumsum, cumprod             (self, int dim, *, ScalarType? dtype=None)
//   softmax, log_softmax        (self, int dim, ScalarType? dtype=None)
//
// ATen overloads `max`/`min`; with one schema per name the dim forms are `max.dim` and
// `min.dim`, ATen's overload names. An empty dim list reduces everything, except for
// all/any, where (as in PyTorch) it reduces nothing.
//
// The loops they share are ``ReducePlan`` (any set of dims of a strided tensor: rows,
// column blocks, lines), ``CascadeSum`` (pairwise floating-point summation) and
// ``ReductionFold`` (sequential folds as specialisable structs).
extension CoreOperators {
    static func registerReductionOps(_ d: Dispatcher) {
        registerSum(d)
        registerProd(d)
        registerExtrema(d)
        registerArgExtrema(d)
        registerVariance(d)
        registerNorm(d)
        registerLogSumExp(d)
        registerLogical(d)
        registerScans(d)
        registerSoftmax(d)
    }
}
