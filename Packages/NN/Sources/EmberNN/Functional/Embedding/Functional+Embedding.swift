import EmberAutograd
import EmberCore

// embedding(weight, indices): the rows of weight [num, dim] picked by an int64/int32 index
// tensor of any shape, giving [*indices.shape, dim]. The weight's gradient scatter-adds the
// incoming rows into zeros (ATen's embedding_dense_backward), skipping padding_idx and
// dividing by each index's count with scale_grad_by_freq; it is written with scatter_add,
// so double backward works.

enum EmbeddingOp {
    static let schema = "embedding(Tensor weight, Tensor indices, int padding_idx=-1, bool scale_grad_by_freq=False, bool sparse=False) -> Tensor"

    static func register(_ d: Dispatcher) throws {
        let op = try d.define(schema, package: EmberNN.package, doc: "The rows of weight picked by an index tensor.")
        d.register(op, floating: Kernel(), package: EmberNN.package)
        Autograd.register("embedding", derivative, into: d)
        d.registerSamples(op) { dtype in
            guard dtype.isFloatingPoint else { return [] }
            let w = SampleData.tensor((0..<15).map { Double($0) * 0.3 - 2 }, [5, 3], dtype)
            let idx = Tensor([0, 2, 4, 2, 1, 0] as [Int64], shape: [2, 3])
            let idx32 = Tensor([3, 3, 1] as [Int32], shape: [3])
            // padding_idx and scale_grad_by_freq deliberately differ from the true derivative
            // (as in PyTorch), so gradcheck samples leave them off; fixtures test them.
            return [[.tensor(w), .tensor(idx), .int(-1), .bool(false), .bool(false)],
                    [.tensor(w), .tensor(idx32), .int(-1), .bool(false), .bool(false)]]
        }
    }

    struct Kernel: FloatKernel {
        func run<T: FloatElement>(_ args: Arguments, _ type: T.Type) throws -> [IValue] {
            let weight = try args.tensor(0), indices = try args.tensor(1)
            guard indices.dtype == .int64 || indices.dtype == .int32 else {
                throw EmberError(.invalidDType, op: "embedding",
                    "Expected tensor for argument #1 'indices' to have one of the following scalar types: Long, Int; but got torch.\(legacyTypeName(indices.dtype)) instead (while checking arguments for embedding)")
            }
            guard weight.rank == 2 else {
                throw EmberError(.shapeMismatch, op: "embedding", "'weight' must be 2-D, got weight \(weight.shape) (\(weight.dtype))")
            }
            guard try !args.bool(4) else {
                throw EmberError(.invalidArgument, op: "embedding", "sparse gradients are not supported; use sparse=False")
            }
            let flat = indices.reshape([-1]).to(.int64)
            if flat.scalars(as: Int64.self).contains(where: { $0 < 0 || $0 >= weight.shape[0] }) {
                throw EmberError(.indexOutOfRange, op: "embedding", "index out of range in self")
            }
            let rows = weight.indexSelect(dim: 0, index: flat)
            return [.tensor(rows.reshape(indices.shape + [weight.shape[1]]))]
        }
    }

    /// PyTorch's legacy tensor type name (`FloatTensor`) used in its argument-check messages.
    static func legacyTypeName(_ dtype: DType) -> String {
        let names: [DType: String] = [.float32: "Float", .float64: "Double", .float16: "Half", .bfloat16: "BFloat16",
                                      .uint8: "Byte", .int8: "Char", .int16: "Short", .bool: "Bool"]
        return (names[dtype] ?? "\(dtype)") + "Tensor"
    }

    /// d weight = zeros[num, dim] scatter-added with the gradient's rows at their indices.
    static let derivative = Derivative(saves: [1]) { c in
        guard c.needsGrad(0) else { return [nil, nil] }
        let shape = c.inputShape(0), dtype = c.inputDType(0)
        let index = try c.input(1).reshape([-1]).to(.int64)
        let padding = try c.args.int(2), scaleByFrequency = try c.args.bool(3)
        var rows = c.grad().reshape([-1, shape[1]])
        if padding >= 0 { rows = rows.maskedFill(index.eq(Tensor(wrapping: .int(Int64(padding)))).unsqueeze(1), 0) }
        if scaleByFrequency {
            let ones = Tensor.ones([index.count], dtype: dtype)
            let counts = Tensor.zeros([shape[0]], dtype: dtype).scatterAdd(dim: 0, index: index, src: ones)
            rows = rows / counts.indexSelect(dim: 0, index: index).unsqueeze(1)
        }
        let spread = index.unsqueeze(1).expand([index.count, shape[1]])
        return [Tensor.zeros(shape, dtype: dtype).scatterAdd(dim: 0, index: spread, src: rows), nil]
    }
}

extension Functional {
    private static let embeddingOp = EmberNN.handle("embedding")

    /// The rows of `weight` [num, dim] picked by the int64/int32 `input` (`F.embedding`),
    /// shaped [*input.shape, dim].
    ///
    /// - Parameters:
    ///   - paddingIdx: a row (negative counts from the end) that receives no gradient.
    ///   - maxNorm: rows picked whose `normType`-norm exceeds it are first rescaled in
    ///     `weight` itself to that norm (PyTorch's `embedding_renorm_`).
    ///   - scaleGradByFreq: divides each row's gradient by its index's count in `input`.
    public static func embedding(_ input: Tensor, weight: Tensor, paddingIdx: Int? = nil, maxNorm: Double? = nil,
                                 normType: Double = 2, scaleGradByFreq: Bool = false, sparse: Bool = false) -> Tensor {
        let rows = weight.shape.first ?? 0
        var padding = -1
        if let paddingIdx {
            precondition(paddingIdx < rows && paddingIdx >= -rows, "Padding_idx must be within num_embeddings")
            padding = paddingIdx < 0 ? paddingIdx + rows : paddingIdx
        }
        if let maxNorm { EmbeddingRenorm.apply(weight, input, maxNorm: maxNorm, normType: normType) }
        return Dispatcher.shared.callForTensor(embeddingOp, [
            .tensor(weight), .tensor(input), .int(padding), .bool(scaleGradByFreq), .bool(sparse),
        ])
    }
}

/// `embedding_renorm_`: rescales, without recording history, each row of `weight` indexed
/// by `indices` whose norm exceeds `maxNorm` to norm `maxNorm` (scale maxNorm / (norm + 1e-7)).
enum EmbeddingRenorm {
    static func apply(_ weight: Tensor, _ indices: Tensor, maxNorm: Double, normType: Double) {
        noGrad {
            let dim = weight.shape[1]
            for i in Set(indices.reshape([-1]).to(.int64).scalars(as: Int64.self)).sorted() {
                let row = weight.select(dim: 0, index: Int(i))
                let values = row.doubleScalars
                let norm = normType == .infinity ? values.map { Swift.abs($0) }.max() ?? 0
                    : Double.pow(values.reduce(0) { $0 + Double.pow(Swift.abs($1), normType) }, 1 / normType)
                guard norm > maxNorm else { continue }
                let scale = maxNorm / (norm + 1e-7)
                row.copy_(Tensor(values.map { $0 * scale }, shape: [dim]).to(weight.dtype))
            }
        }
    }
}
