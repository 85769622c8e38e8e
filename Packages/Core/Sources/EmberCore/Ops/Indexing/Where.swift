// where: `out[i] = condition[i] ? self[i] : other[i]`, broadcasting all three; self and
// other are promoted to their common dtype. The condition is bool (uint8 is accepted, as
// PyTorch still does with a deprecation warning).

extension CoreOperators {
    static func registerWhere(_ d: Dispatcher) {
        let op = define(d, "where(Tensor condition, Tensor self, Tensor other) -> Tensor",
                        promotion: .common(["self", "other"]), dispatchOn: "self",
                        doc: "Chooses elements from self where condition is true, else from other.")
        registerBitwise(d, op, WhereKernel())
        d.registerSamples(op) { dtype in [
            [.tensor(Indexing.sample([1, 0, 1], [3], .bool)), .tensor(Indexing.sample([1, 2, 3, 4, 5, 6], [2, 3], dtype)),
             .tensor(Indexing.sample([7, 8, 9], [3], dtype))],
            [.tensor(Indexing.sample([0, 1, 1, 0, 0, 1], [2, 3], .bool)),
             .tensor(Indexing.transposedSample([1, 2, 3, 4, 5, 6], [2, 3], dtype)), .tensor(Indexing.sample([4], [], dtype))],
        ] }
    }
}

/// `where` for elements of `T`'s size.
struct WhereKernel: Indexing.BitwiseKernel {
    func run<T: BitwiseCopyable>(_ args: Arguments, _ type: T.Type) throws -> [IValue] {
        let condition = try args.tensor(0), x = try args.tensor(1), y = try args.tensor(2)
        guard condition.dtype == .bool || condition.dtype == .uint8 else {
            throw EmberError(.invalidDType, op: "where",
                "where expected condition to be a boolean tensor, but got a tensor with dtype \(condition.dtype)")
        }
        guard x.dtype == y.dtype else {
            throw EmberError(.invalidDType, op: "where", "expected self and other to have the same dtype, got \(x.dtype) and \(y.dtype)")
        }
        let shape = try broadcastShapes([condition.shape, x.shape, y.shape], op: "where")
        let out = Tensor(empty: shape, dtype: x.dtype)
        let strides = [out.strides, condition.broadcastStrides(to: shape), x.broadcastStrides(to: shape), y.broadcastStrides(to: shape)]
        let dst = Indexing.Elements<T>(out), c = Indexing.Elements<UInt8>(condition)
        let a = Indexing.Elements<T>(x), b = Indexing.Elements<T>(y)
        StridedLoop(shape: shape, strides: strides).forEachRow { off, n, st in
            let o = dst.advanced(by: off[0]), ck = c.advanced(by: off[1])
            let p = a.advanced(by: off[2]), q = b.advanced(by: off[3])
            let so = st[0], sc = st[1], sp = st[2], sq = st[3]
            for i in 0..<n { o[i &* so] = ck[i &* sc] != 0 ? p[i &* sp] : q[i &* sq] }
        }
        return [.tensor(out)]
    }
}

extension Tensor {
    private static let whereOp = Dispatcher.shared.handle("where")

    /// Elements of `x` where `condition` is true and of `y` elsewhere (`torch.where`); all
    /// three broadcast together and `x`, `y` are promoted to their common dtype.
    ///
    /// - Complexity: O(elements of the broadcast shape).
    public static func `where`(_ condition: Tensor, _ x: Tensor, _ y: Tensor) -> Tensor {
        Dispatcher.shared.callForTensor(whereOp, [.tensor(condition), .tensor(x), .tensor(y)])
    }

    /// `where` with a number for the elements where `condition` is false.
    public static func `where`(_ condition: Tensor, _ x: Tensor, _ y: Scalar) -> Tensor {
        Tensor.where(condition, x, Tensor(wrapping: y))
    }

    /// `where` with a number for the elements where `condition` is true.
    public static func `where`(_ condition: Tensor, _ x: Scalar, _ y: Tensor) -> Tensor {
        Tensor.where(condition, Tensor(wrapping: x), y)
    }
}
