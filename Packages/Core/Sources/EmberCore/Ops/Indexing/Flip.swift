// flip: reverses the order of elements along the given dimensions, by copying from a view
// with negated strides that starts at the last element of each flipped dimension.

extension CoreOperators {
    static func registerFlip(_ d: Dispatcher) {
        let op = define(d, "flip(Tensor self, int[] dims) -> Tensor",
                        doc: "Reverses the order of elements along the given dimensions.")
        registerBitwise(d, op, FlipKernel())
        d.registerSamples(op) { dtype in [
            [.tensor(Indexing.sample([1, 2, 3, 4, 5, 6], [2, 3], dtype)), .ints([0])],
            [.tensor(Indexing.transposedSample([1, 2, 3, 4, 5, 6], [2, 3], dtype)), .ints([0, -1])],
        ] }
    }
}

/// `flip` for elements of `T`'s size.
struct FlipKernel: Indexing.BitwiseKernel {
    func run<T: BitwiseCopyable>(_ args: Arguments, _ type: T.Type) throws -> [IValue] {
        let x = try args.tensor(0)
        var flipped = Set<Int>()
        for raw in try args.ints(1) {
            let d = try checkedDim(raw, rank: x.rank, op: "flip")
            guard flipped.insert(d).inserted else {
                throw EmberError(.invalidArgument, op: "flip", "dim \(d) appears multiple times in the list of dims")
            }
        }
        let out = Tensor(empty: x.shape, dtype: x.dtype)
        var strides = x.strides
        var start = 0
        for d in flipped where x.rank > 0 && x.shape[d] > 0 {
            start += (x.shape[d] - 1) * x.strides[d]
            strides[d] = -strides[d]
        }
        Indexing.copy(shape: x.shape, to: Indexing.Elements<T>(out), out.strides,
                      from: Indexing.Elements<T>(x).advanced(by: start), strides)
        return [.tensor(out)]
    }
}

extension Tensor {
    private static let flipOp = Dispatcher.shared.handle("flip")

    /// A copy with the order of elements reversed along each of `dims` (`torch.flip`).
    ///
    /// - Complexity: O(elements).
    public func flip(_ dims: [Int]) -> Tensor {
        Dispatcher.shared.callForTensor(Tensor.flipOp, [.tensor(self), .ints(dims)])
    }

    /// A copy reversed along each of `dims` (`tensor.flip(0, 1)`).
    public func flip(_ dims: Int...) -> Tensor { flip(dims) }
}
