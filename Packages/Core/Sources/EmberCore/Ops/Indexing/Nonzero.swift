// nonzero: the indices of the non-zero elements as an int64 [n, rank] tensor, in row-major
// order. NaN counts as non-zero and -0.0 as zero, as in PyTorch.

extension CoreOperators {
    static func registerNonzero(_ d: Dispatcher) {
        let op = define(d, "nonzero(Tensor self) -> Tensor",
                        doc: "The indices of the non-zero elements, one row per element.")
        registerEveryDType(d, op, NonzeroKernel())
        d.registerSamples(op) { dtype in [
            [.tensor(Indexing.sample([1, 0, 3, 0, 5, 6], [2, 3], dtype))],
            [.tensor(Indexing.transposedSample([0, 2, 3, 0, 0, 6], [2, 3], dtype))],
        ] }
    }
}

/// `nonzero` for elements of type `T`: one pass to count, one to write the indices.
struct NonzeroKernel: Indexing.ElementKernel {
    func run<T: TensorElement>(_ args: Arguments, _ type: T.Type) throws -> [IValue] {
        let x = try args.tensor(0)
        let p = UnsafePointer(x.dataPointer.assumingMemoryBound(to: T.self))
        var count = 0
        StridedLoop(shape: x.shape, strides: [x.strides]).forEachRow { off, n, st in
            for i in 0..<n where p[off[0] &+ i &* st[0]].doubleValue != 0 { count += 1 }
        }
        let rank = x.rank
        let out = Tensor(empty: [count, rank], dtype: .int64)
        guard count > 0, rank > 0 else { return [.tensor(out)] }
        let o = out.dataPointer.assumingMemoryBound(to: Int64.self)
        // Walk every element with a row-major odometer, keeping the multi-index.
        var index = [Int](repeating: 0, count: rank)
        var offset = 0, written = 0
        for _ in 0..<x.count {
            if p[offset].doubleValue != 0 {
                for d in 0..<rank { o[written &* rank &+ d] = Int64(index[d]) }
                written += 1
            }
            var d = rank - 1
            while d >= 0 {
                index[d] += 1
                offset += x.strides[d]
                if index[d] < x.shape[d] { break }
                offset -= x.strides[d] * x.shape[d]
                index[d] = 0
                d -= 1
            }
        }
        return [.tensor(out)]
    }
}

extension Tensor {
    private static let nonzeroOp = Dispatcher.shared.handle("nonzero")

    /// The indices of the non-zero elements (`torch.nonzero`): an int64 tensor of shape
    /// `[n, rank]`, one row per non-zero element in row-major order.
    ///
    /// - Complexity: O(elements × rank).
    public func nonzero() -> Tensor {
        Dispatcher.shared.callForTensor(Tensor.nonzeroOp, [.tensor(self)])
    }
}
