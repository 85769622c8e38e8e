// roll: rotates elements along dimensions, `out[i] = self[(i - shift) mod n]`. With no dims
// the tensor is rolled as if flattened, then given its shape back.
//
// Rolling dimension d by s splits it into two blocks: out[s..<n] ← self[0..<n-s] and
// out[0..<s] ← self[n-s..<n]. For k rolled dimensions the 2^k block combinations are each
// one strided copy.

extension CoreOperators {
    static func registerRoll(_ d: Dispatcher) {
        let op = define(d, "roll(Tensor self, int[] shifts, int[] dims=[]) -> Tensor",
                        doc: "Rotates elements along dimensions (flattened when dims is empty).")
        registerBitwise(d, op, RollKernel())
        d.registerSamples(op) { dtype in [
            [.tensor(Indexing.sample([1, 2, 3, 4, 5, 6], [2, 3], dtype)), .ints([1]), .ints([])],
            [.tensor(Indexing.transposedSample([1, 2, 3, 4, 5, 6], [2, 3], dtype)), .ints([1, -2]), .ints([0, 1])],
        ] }
    }
}

/// `roll` for elements of `T`'s size.
struct RollKernel: Indexing.BitwiseKernel {
    func run<T: BitwiseCopyable>(_ args: Arguments, _ type: T.Type) throws -> [IValue] {
        let x = try args.tensor(0)
        let shifts = try args.ints(1), dims = try args.ints(2)
        guard !shifts.isEmpty else {
            throw EmberError(.invalidArgument, op: "roll", "`shifts` required")
        }
        guard dims.isEmpty ? shifts.count == 1 : shifts.count == dims.count else {
            throw EmberError(.invalidArgument, op: "roll",
                "shifts and dimensions must align. shifts: \(shifts.count), dims:\(dims.count)")
        }
        let out = Tensor(empty: x.shape, dtype: x.dtype)
        if dims.isEmpty {
            // Flattened roll: a 1-D roll of the elements in row-major order.
            let flat = x.isContiguous ? x : Indexing.contiguousCopy(x, T.self)
            let n = x.count
            withExtendedLifetime(flat) {
                roll(Indexing.Elements<T>(flat), into: Indexing.Elements<T>(out), shape: [n],
                     srcStrides: [1], dstStrides: [1], shifts: [0: shifts[0]])
            }
            return [.tensor(out)]
        }
        guard x.rank > 0 else {
            throw EmberError(.invalidDimension, op: "roll",
                "Dimension specified as \(dims[0]) but tensor has no dimensions")
        }
        var byDim: [Int: Int] = [:]
        for (shift, raw) in zip(shifts, dims) {
            byDim[try checkedDim(raw, rank: x.rank, op: "roll"), default: 0] += shift
        }
        roll(Indexing.Elements<T>(x), into: Indexing.Elements<T>(out), shape: x.shape,
             srcStrides: x.strides, dstStrides: out.strides, shifts: byDim)
        return [.tensor(out)]
    }

    /// Copies `src` into `dst` rolled by `shifts[d]` along each dimension `d`.
    private func roll<T>(
        _ src: Indexing.Elements<T>, into dst: Indexing.Elements<T>, shape: [Int],
        srcStrides: [Int], dstStrides: [Int], shifts: [Int: Int]
    ) {
        if shape.contains(0) { return }
        var rolled: [(dim: Int, shift: Int)] = []
        for (d, s) in shifts.sorted(by: { $0.key < $1.key }) {
            let n = shape[d], m = ((s % n) + n) % n
            if m != 0 { rolled.append((d, m)) }
        }
        for combination in 0..<(1 << rolled.count) {
            var blockShape = shape, srcStart = 0, dstStart = 0
            for (j, r) in rolled.enumerated() {
                let n = shape[r.dim]
                if combination & (1 << j) == 0 {
                    blockShape[r.dim] = n - r.shift  // out[s..<n] ← self[0..<n-s]
                    dstStart += r.shift * dstStrides[r.dim]
                } else {
                    blockShape[r.dim] = r.shift  // out[0..<s] ← self[n-s..<n]
                    srcStart += (n - r.shift) * srcStrides[r.dim]
                }
            }
            Indexing.copy(shape: blockShape, to: dst.advanced(by: dstStart), dstStrides,
                          from: src.advanced(by: srcStart), srcStrides)
        }
    }
}

extension Tensor {
    private static let rollOp = Dispatcher.shared.handle("roll")

    /// A copy with elements rotated by `shifts[i]` along `dims[i]` (`torch.roll`); with no
    /// dims, the elements are rolled as if flattened (one shift). Elements shifted past the
    /// end come back at the start; negative shifts roll the other way.
    ///
    /// - Complexity: O(elements).
    public func roll(_ shifts: [Int], dims: [Int] = []) -> Tensor {
        Dispatcher.shared.callForTensor(Tensor.rollOp, [.tensor(self), .ints(shifts), .ints(dims)])
    }

    /// A copy rotated by `shift` along `dim`, or flattened when `dim` is `nil`.
    public func roll(_ shift: Int, dim: Int? = nil) -> Tensor {
        roll([shift], dims: dim.map { [$0] } ?? [])
    }
}
