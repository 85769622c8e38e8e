// masked_select: the elements of self where the bool mask is true, in row-major order of
// the broadcast shape of self and mask, as a 1-D tensor.

extension CoreOperators {
    static func registerMaskedSelect(_ d: Dispatcher) {
        let op = define(d, "masked_select(Tensor self, Tensor mask) -> Tensor",
                        doc: "The elements where mask is true, as a 1-D tensor.")
        registerBitwise(d, op, MaskedSelectKernel())
        d.registerSamples(op) { dtype in [
            [.tensor(Indexing.sample([1, 2, 3, 4, 5, 6], [2, 3], dtype)), .tensor(Indexing.sample([1, 0, 1], [3], .bool))],
            [.tensor(Indexing.transposedSample([1, 2, 3, 4, 5, 6], [2, 3], dtype)),
             .tensor(Indexing.sample([0, 1, 1, 0, 0, 1], [2, 3], .bool))],
        ] }
    }
}

/// `masked_select` for elements of `T`'s size: counts the selected elements, then copies them.
struct MaskedSelectKernel: Indexing.BitwiseKernel {
    func run<T: BitwiseCopyable>(_ args: Arguments, _ type: T.Type) throws -> [IValue] {
        let x = try args.tensor(0), mask = try args.tensor(1)
        guard mask.dtype == .bool else {
            throw EmberError(.invalidDType, op: "masked_select", "expected BoolTensor for mask (got \(mask.dtype))")
        }
        let shape = try broadcastShapes(x.shape, mask.shape, op: "masked_select")
        let strides = [x.broadcastStrides(to: shape), mask.broadcastStrides(to: shape)]
        let loop = StridedLoop(shape: shape, strides: strides)
        let m = Indexing.Elements<UInt8>(mask), src = Indexing.Elements<T>(x)
        var count = 0
        loop.forEachRow { off, n, st in
            let mk = m.advanced(by: off[1]), sm = st[1]
            for i in 0..<n where mk[i &* sm] != 0 { count += 1 }
        }
        let out = Tensor(empty: [count], dtype: x.dtype)
        let dst = Indexing.Elements<T>(out)
        var next = 0
        loop.forEachRow { off, n, st in
            let s = src.advanced(by: off[0]), mk = m.advanced(by: off[1]), ss = st[0], sm = st[1]
            for i in 0..<n where mk[i &* sm] != 0 {
                dst[next] = s[i &* ss]
                next += 1
            }
        }
        return [.tensor(out)]
    }
}

extension Tensor {
    private static let maskedSelectOp = Dispatcher.shared.handle("masked_select")

    /// The elements where the bool `mask` is true, as a 1-D tensor (`torch.masked_select`);
    /// `mask` and this tensor broadcast together.
    ///
    /// - Complexity: O(elements of the broadcast shape).
    public func maskedSelect(_ mask: Tensor) -> Tensor {
        Dispatcher.shared.callForTensor(Tensor.maskedSelectOp, [.tensor(self), .tensor(mask)])
    }
}
