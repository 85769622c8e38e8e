import EmberCore

// distance::cdist(x1, x2, p): the p-norm distance between each row of x1 [..., P, M] and
// each row of x2 [..., R, M], giving [..., P, R]; batch dims broadcast.
//   p = 0:   the number of coordinates that differ
//   p = inf: the largest absolute difference
//   else:    (Σ |x1 - x2|^p)^(1/p)
// Errors use PyTorch's messages for the same mistakes.

enum CDist {
    static let schema = "distance::cdist(Tensor x1, Tensor x2, float p=2.0) -> Tensor"

    static func register(_ d: Dispatcher) throws {
        let op = try d.define(schema, package: EmberDistance.package,
                              doc: "Pairwise p-norm distances between the rows of two batched matrices.")
        d.register(op, floating: Kernel(), package: EmberDistance.package)
        d.registerSamples(op) { dtype in
            guard dtype.isFloatingPoint else { return [] }
            let a = Tensor([0.1, 0.9, -0.4, 1.3, 0.7, -1.1], dtype: .float64).view(as: [3, 2]).to(dtype)
            let b = Tensor([0.5, -0.2, 1.4, 0.3], dtype: .float64).view(as: [2, 2]).to(dtype)
            return [[.tensor(a), .tensor(b), .double(2)], [.tensor(a), .tensor(b), .double(1.5)]]
        }
    }

    struct Kernel: FloatKernel {
        func run<T: FloatElement>(_ args: Arguments, _ type: T.Type) throws -> [IValue] {
            let x1 = try args.tensor(0), x2 = try args.tensor(1), p = try args.double(2)
            try validate(x1, x2, p)
            let m = x1.shape.last!, rows1 = x1.shape[x1.rank - 2], rows2 = x2.shape[x2.rank - 2]
            let batch = try broadcastShapes(Array(x1.shape.dropLast(2)), Array(x2.shape.dropLast(2)), op: "cdist")
            let out = Tensor(empty: batch + [rows1, rows2], dtype: T.dtype)
            let a = x1.broadcastBatch(to: batch), b = x2.broadcastBatch(to: batch)
            let po = out.dataPointer.assumingMemoryBound(to: T.self)
            let pa = UnsafePointer(a.dataPointer.assumingMemoryBound(to: T.self))
            let pb = UnsafePointer(b.dataPointer.assumingMemoryBound(to: T.self))
            let batchLoop = StridedLoop(shape: batch, strides: [
                Array(out.strides.dropLast(2)), Array(a.strides.dropLast(2)), Array(b.strides.dropLast(2)),
            ])
            let sa = (row: a.strides[a.rank - 2], col: a.strides[a.rank - 1])
            let sb = (row: b.strides[b.rank - 2], col: b.strides[b.rank - 1])
            let so = (row: out.strides[out.rank - 2], col: out.strides[out.rank - 1])
            let norm = Norm<T>(p: p)
            batchLoop.forEachRow { off, n, st in
                for r in 0..<n {
                    let (o, x, y) = (po + off[0] + r * st[0], pa + off[1] + r * st[1], pb + off[2] + r * st[2])
                    for i in 0..<rows1 {
                        for j in 0..<rows2 {
                            var acc = T.zero
                            for k in 0..<m {
                                acc = norm.accumulate(acc, abs(x[i * sa.row + k * sa.col] - y[j * sb.row + k * sb.col]))
                            }
                            o[i * so.row + j * so.col] = norm.finish(acc)
                        }
                    }
                }
            }
            return [.tensor(out)]
        }

        private func validate(_ x1: Tensor, _ x2: Tensor, _ p: Double) throws {
            guard x1.rank >= 2 else {
                throw EmberError(.invalidArgument, op: "cdist", "cdist only supports at least 2D tensors, X1 got: \(x1.rank)D")
            }
            guard x2.rank >= 2 else {
                throw EmberError(.invalidArgument, op: "cdist", "cdist only supports at least 2D tensors, X2 got: \(x2.rank)D")
            }
            guard x1.dtype == x2.dtype else {
                throw EmberError(.invalidDType, op: "cdist", "expected both inputs to have the same dtype, but got \(x1.dtype) and \(x2.dtype)")
            }
            guard x1.shape.last == x2.shape.last else {
                throw EmberError(.shapeMismatch, op: "cdist",
                    "X1 and X2 must have the same number of columns. X1: \(x1.shape.last!) X2: \(x2.shape.last!)")
            }
            guard p >= 0 else {
                throw EmberError(.invalidArgument, op: "cdist", "cdist only supports non-negative p values")
            }
        }
    }

    /// The accumulation for one p: a running sum of |d|^p (or a count, or a maximum).
    struct Norm<T: FloatElement> {
        let p: Double
        let pt: T
        init(p: Double) {
            self.p = p
            self.pt = T(p)
        }
        @inline(__always) func accumulate(_ acc: T, _ d: T) -> T {
            if p == 2 { return acc + d * d }
            if p == 1 { return acc + d }
            if p == 0 { return acc + (d != 0 ? 1 : 0) }
            if p.isInfinite { return Swift.max(acc, d) }
            return acc + T.pow(d, pt)
        }
        @inline(__always) func finish(_ acc: T) -> T {
            if p == 2 { return acc.squareRoot() }
            if p == 1 || p == 0 || p.isInfinite { return acc }
            return T.pow(acc, 1 / pt)
        }
    }
}

extension Tensor {
    /// Reads this [..., R, M] tensor as if its batch dims were broadcast to `batch` (a view
    /// built directly, so no operator is recorded).
    fileprivate func broadcastBatch(to batch: [Int]) -> Tensor {
        let matrix = Array(shape.suffix(2))
        let target = batch + matrix
        return Tensor(storage: storage, shape: target, strides: broadcastStrides(to: target),
                      storageOffset: storageOffset, dtype: dtype)
    }

    /// A contiguous tensor's data reshaped without an operator (used for sample inputs).
    fileprivate func view(as shape: [Int]) -> Tensor {
        Tensor(storage: storage, shape: shape, strides: Tensor.contiguousStrides(for: shape),
               storageOffset: storageOffset, dtype: dtype)
    }

    private static let cdistOp: OperatorHandle = {
        EmberDistance.register()
        return Dispatcher.shared.handle("distance::cdist")
    }()

    /// The p-norm distance between each row of this [..., P, M] tensor and each row of
    /// `other` [..., R, M], as a [..., P, R] tensor (`torch.cdist`). Batch dims broadcast.
    ///
    /// - Parameters:
    ///   - other: the second set of row vectors, with the same number of columns.
    ///   - p: the norm's order, in `0...inf`.
    public func cdist(_ other: Tensor, p: Double = 2) -> Tensor {
        Dispatcher.shared.callForTensor(Tensor.cdistOp, [.tensor(self), .tensor(other), .double(p)])
    }
}
