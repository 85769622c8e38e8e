// Registration of Core's reduction operators: sums and means, products, extrema and their
// indices, variance, norms, logsumexp, logical reductions, scans and softmax. The loops
// they share are ``ReducePlan`` (reduce any set of dims of a strided tensor) and
// ``CascadeSum`` (pairwise floating-point summation).
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
