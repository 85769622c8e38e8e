import EmberAutograd
import EmberCore

// layer_norm(input, normalized_shape, weight, bias, eps): over the trailing dims given by
// normalized_shape (M elements per row),
//   y = (x − mean) / √(var + eps) · weight + bias,   var the biased variance.
// The kernel makes two passes per row (mean, then centred squares) with a Double accumulator.
// The derivative recomputes x̂ with tensor ops, so it is itself differentiable:
//   dx = rstd · (ĝ − mean(ĝ) − x̂ · mean(ĝ · x̂)),  ĝ = g · weight;  dw = Σ g · x̂;  db = Σ g.

enum LayerNormOp {
    static let schema = "layer_norm(Tensor input, int[] normalized_shape, Tensor? weight=None, Tensor? bias=None, float eps=1e-05, bool cudnn_enable=True) -> Tensor"

    static func register(_ d: Dispatcher) throws {
        let op = try d.define(schema, package: EmberNN.package,
                              doc: "Normalises over the trailing normalized_shape dims, then scales by weight and adds bias.")
        d.register(op, floating: Kernel(), package: EmberNN.package)
        Autograd.register("layer_norm", derivative, into: d)
        d.registerSamples(op) { dtype in
            guard dtype.isFloatingPoint else { return [] }
            let x = SampleData.tensor([0.3, -1.2, 0.8, 2.0, -0.5, 0.1, 1.4, -0.7, 0.25, 0.9, -1.6, 0.45], [2, 2, 3], dtype)
            let w = SampleData.tensor([1.2, -0.4, 0.7], [3], dtype)
            let b = SampleData.tensor([0.1, -0.2, 0.3], [3], dtype)
            let w2 = SampleData.tensor([0.5, 1.5, -1.0, 0.8, 1.1, 0.3], [2, 3], dtype)
            return [[.tensor(x), .ints([3]), .tensor(w), .tensor(b), .double(1e-5), .bool(true)],
                    [.tensor(x), .ints([2, 3]), .tensor(w2), .none, .double(1e-3), .bool(true)],
                    [.tensor(x.transpose(0, 2)), .ints([2]), .none, .none, .double(1e-5), .bool(true)]]
        }
    }

    struct Kernel: FloatKernel {
        func run<T: FloatElement>(_ args: Arguments, _ type: T.Type) throws -> [IValue] {
            let input = try args.tensor(0), shape = try args.ints(1)
            let weight = try args.optionalTensor(2), bias = try args.optionalTensor(3), eps = try args.double(4)
            try validate(input, shape, weight, bias)
            let m = shape.reduce(1, *), rows = m == 0 ? 0 : input.count / m
            let x = input.contiguous(), out = Tensor(empty: input.shape, dtype: T.dtype)
            let w = weight.map { $0.expand(shape).contiguous() }, b = bias.map { $0.expand(shape).contiguous() }
            let px = UnsafePointer(x.dataPointer.assumingMemoryBound(to: T.self))
            let po = out.dataPointer.assumingMemoryBound(to: T.self)
            let pw = w.map { UnsafePointer($0.dataPointer.assumingMemoryBound(to: T.self)) }
            let pb = b.map { UnsafePointer($0.dataPointer.assumingMemoryBound(to: T.self)) }
            for r in 0..<rows {
                normaliseRow(px + r * m, po + r * m, m, eps: eps, weight: pw, bias: pb)
            }
            return [.tensor(out)]
        }

        private func normaliseRow<T: FloatElement>(_ x: UnsafePointer<T>, _ y: UnsafeMutablePointer<T>, _ m: Int, eps: Double,
                                                   weight: UnsafePointer<T>?, bias: UnsafePointer<T>?) {
            var sum = 0.0
            for i in 0..<m { sum += Double(x[i]) }
            let mean = sum / Double(m)
            var squares = 0.0
            for i in 0..<m {
                let d = Double(x[i]) - mean
                squares += d * d
            }
            let rstd = 1 / (squares / Double(m) + eps).squareRoot()
            let tMean = T(mean), tRstd = T(rstd)
            for i in 0..<m {
                var v = (x[i] - tMean) * tRstd
                if let weight { v *= weight[i] }
                if let bias { v += bias[i] }
                y[i] = v
            }
        }

        private func validate(_ input: Tensor, _ shape: [Int], _ weight: Tensor?, _ bias: Tensor?) throws {
            let types = ([input] + [weight, bias].compactMap { $0 }).map { "\($0.dtype)" }.joined(separator: ", ")
            let list = "[" + shape.map(String.init).joined(separator: ", ") + "]"
            guard !shape.isEmpty, shape.count <= input.rank, Array(input.shape.suffix(shape.count)) == shape else {
                throw EmberError(.shapeMismatch, op: "layer_norm",
                    "Given normalized_shape=\(list), expected input with shape [*, \(shape.map(String.init).joined(separator: ", "))], but got input of size\(input.shape) (\(types))")
            }
            for (name, t) in [("weight", weight), ("bias", bias)] {
                guard let t else { continue }
                guard t.shape == shape else {
                    throw EmberError(.shapeMismatch, op: "layer_norm",
                        "Expected \(name) to be of same shape as normalized_shape, but got \(name) of shape \(t.shape) and normalized_shape = \(list) (\(types))")
                }
                guard t.dtype == input.dtype else {
                    throw EmberError(.invalidDType, op: "layer_norm", "expected input, weight and bias to have the same dtype, but got \(types)")
                }
            }
        }
    }

    /// Gradients from x̂ recomputed with tensor operations (see the file header).
    static let derivative = Derivative(saves: [0, 2]) { c in
        let input = try c.input(0), weight = try c.optionalInput(2), g = c.grad()
        let shape = try c.args.ints(1), eps = try c.args.double(4)
        let dims = Array((input.rank - shape.count)..<input.rank)
        let batchDims = Array(0..<(input.rank - shape.count))
        let mean = input.mean(dims: dims, keepdim: true)
        let centred = input - mean
        let rstd = ((centred * centred).mean(dims: dims, keepdim: true) + Scalar.double(eps)).rsqrt()
        let xhat = centred * rstd
        let gHat = weight.map { g * $0 } ?? g
        var gradInput: Tensor?
        if c.needsGrad(0) {
            let meanG = gHat.mean(dims: dims, keepdim: true)
            let meanGX = (gHat * xhat).mean(dims: dims, keepdim: true)
            gradInput = rstd * (gHat - meanG - xhat * meanGX)
        }
        let gradWeight = c.inputCount > 1 && weight != nil && c.needsGrad(1) ? sumBatch(g * xhat, batchDims) : nil
        let biasSlot = weight == nil ? 1 : 2
        let gradBias = c.inputCount > biasSlot && c.needsGrad(biasSlot) ? sumBatch(g, batchDims) : nil
        return weight == nil ? [gradInput, gradBias] : [gradInput, gradWeight, gradBias]
    }

    private static func sumBatch(_ t: Tensor, _ dims: [Int]) -> Tensor {
        dims.isEmpty ? t : t.sum(dims: dims)
    }
}

extension Functional {
    private static let layerNormOp = EmberNN.handle("layer_norm")

    /// Layer normalisation over the trailing `normalizedShape` dimensions (`F.layer_norm`):
    /// (x − mean) / √(var + eps) · weight + bias, with the biased variance.
    public static func layerNorm(_ input: Tensor, normalizedShape: [Int], weight: Tensor? = nil, bias: Tensor? = nil,
                                 eps: Double = 1e-5) -> Tensor {
        Dispatcher.shared.callForTensor(layerNormOp, [
            .tensor(input), .ints(normalizedShape), weight.map(IValue.tensor) ?? .none,
            bias.map(IValue.tensor) ?? .none, .double(eps), .bool(true),
        ])
    }
}
