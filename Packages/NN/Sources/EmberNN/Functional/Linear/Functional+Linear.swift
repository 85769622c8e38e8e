import EmberAutograd
import EmberCore

// linear(input, weight, bias): y = input · weightᵀ + bias over the last dimension of input
// ([*, in] × [out, in] → [*, out]). The CPU kernel is one addmm on the flattened batch, so a
// faster mm/addmm (Plugins/BLAS) speeds it up; a plugin may also replace `linear` itself.

enum LinearOp {
    static let schema = "linear(Tensor input, Tensor weight, Tensor? bias=None) -> Tensor"

    static func register(_ d: Dispatcher) throws {
        let op = try d.define(schema, package: EmberNN.package,
                              doc: "Applies y = input · weightᵀ + bias over the last dimension.")
        d.register(op, floating: Kernel(), package: EmberNN.package)
        Autograd.register("linear", derivative, into: d)
        d.registerSamples(op) { dtype in
            guard dtype.isFloatingPoint else { return [] }
            let x = SampleData.tensor([0.3, -1.2, 0.8, 2.0, -0.5, 0.1], [2, 3], dtype)
            let w = SampleData.tensor([0.2, -0.4, 1.1, 0.7, 0.05, -0.9, 1.3, 0.6, -0.2, 0.4, -1.0, 0.25], [4, 3], dtype)
            let b = SampleData.tensor([0.1, -0.2, 0.3, 0.5], [4], dtype)
            let batched = SampleData.tensor((0..<12).map { Double($0) * 0.1 - 0.5 }, [2, 2, 3], dtype)
            return [[.tensor(x), .tensor(w), .tensor(b)], [.tensor(batched), .tensor(w), .none],
                    [.tensor(x.t()), .tensor(w.narrow(dim: 1, start: 1, length: 2)), .tensor(b)]]
        }
    }

    struct Kernel: FloatKernel {
        func run<T: FloatElement>(_ args: Arguments, _ type: T.Type) throws -> [IValue] {
            let input = try args.tensor(0), weight = try args.tensor(1), bias = try args.optionalTensor(2)
            try validate(input, weight, bias)
            let inFeatures = weight.shape[1], outFeatures = weight.shape[0]
            let batchShape = Array(input.shape.dropLast())
            let flat = input.reshape([-1, inFeatures])
            let out = bias.map { $0.expand([flat.shape[0], outFeatures]).addmm(flat, weight.t()) } ?? flat.mm(weight.t())
            return [.tensor(out.reshape(batchShape + [outFeatures]))]
        }

        private func validate(_ input: Tensor, _ weight: Tensor, _ bias: Tensor?) throws {
            let types = ([input, weight] + (bias.map { [$0] } ?? [])).map { "\($0.dtype)" }.joined(separator: ", ")
            guard weight.rank == 2, input.rank >= 1 else {
                throw EmberError(.shapeMismatch, op: "linear",
                    "expected a 2-D weight and an input with at least 1 dimension, got input \(input.shape) and weight \(weight.shape) (\(types))")
            }
            guard input.dtype == weight.dtype, bias.map({ $0.dtype == input.dtype }) ?? true else {
                throw EmberError(.invalidDType, op: "linear",
                    "expected input, weight and bias to have the same dtype, but got \(types)")
            }
            guard input.shape.last == weight.shape[1] else {
                let rows = input.count / Swift.max(input.shape.last!, 1)
                throw EmberError(.shapeMismatch, op: "linear",
                    "mat1 and mat2 shapes cannot be multiplied (\(rows)x\(input.shape.last!) and \(weight.shape[1])x\(weight.shape[0])); input \(input.shape), weight \(weight.shape) (\(types))")
            }
            if let bias, bias.rank > 1 || (bias.rank == 1 && bias.shape[0] != weight.shape[0] && bias.shape[0] != 1) {
                throw EmberError(.shapeMismatch, op: "linear",
                    "bias of shape \(bias.shape) does not match out_features \(weight.shape[0]) (\(types))")
            }
        }
    }

    /// d input = g · W, d weight = gᵀ · x (over the flattened batch), d bias = Σ g.
    static let derivative = Derivative(saves: [0, 1]) { c in
        let input = try c.input(0), weight = try c.input(1), g = c.grad()
        let outFeatures = weight.shape[0], inFeatures = weight.shape[1]
        let g2 = g.reshape([-1, outFeatures])
        let gradInput = c.needsGrad(0) ? g.matmul(weight) : nil
        let gradWeight = c.needsGrad(1) ? g2.t().mm(input.reshape([-1, inFeatures])) : nil
        let gradBias = c.inputCount > 2 && c.needsGrad(2) ? g2.sum(dim: 0) : nil
        return [gradInput, gradWeight, gradBias]
    }
}

extension Functional {
    private static let linearOp = EmberNN.handle("linear")

    /// `input · weightᵀ + bias` over the last dimension (`F.linear`): input [*, in],
    /// weight [out, in], bias [out] → [*, out].
    public static func linear(_ input: Tensor, weight: Tensor, bias: Tensor? = nil) -> Tensor {
        Dispatcher.shared.callForTensor(linearOp, [.tensor(input), .tensor(weight), bias.map(IValue.tensor) ?? .none])
    }
}

/// Small sample tensors for the conformance suite.
enum SampleData {
    /// A contiguous tensor of `values` with `shape`, cast to `dtype`.
    static func tensor(_ values: [Double], _ shape: [Int], _ dtype: DType) -> Tensor {
        Tensor(values, shape: shape).to(dtype)
    }
}
