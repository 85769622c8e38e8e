import EmberAutograd
import EmberCore

// prelu(self, weight): x for x > 0, w · x otherwise, with one weight per channel (dim 1 of
// an input of 2 or more dims) or a single weight shared by every element.

enum PReLUOp {
    static let schema = "prelu(Tensor self, Tensor weight) -> Tensor"

    static func register(_ d: Dispatcher) throws {
        let op = try d.define(schema, promotion: .common(["self", "weight"]), package: EmberNN.package,
                              doc: "x for x > 0, weight · x otherwise; one weight per channel (dim 1) or one for all.")
        d.register(op, floating: Kernel(), package: EmberNN.package)
        Autograd.register("prelu", derivative, into: d)
        d.registerSamples(op) { dtype in
            guard dtype.isFloatingPoint else { return [] }
            let x = SampleData.tensor((0..<12).map { ActivationOps.sampleValues[$0 % 8] * ($0 % 3 == 0 ? -1 : 1) }, [2, 3, 2], dtype)
            let perChannel = SampleData.tensor([0.25, -0.1, 0.6], [3], dtype)
            let shared = SampleData.tensor([0.3], [1], dtype)
            let vector = SampleData.tensor(Array(ActivationOps.sampleValues.prefix(5)), [5], dtype)
            return [[.tensor(x), .tensor(perChannel)], [.tensor(x), .tensor(shared)], [.tensor(vector), .tensor(shared)]]
        }
    }

    /// The weight viewed so that it broadcasts against `input` along dim 1.
    static func broadcastWeight(_ weight: Tensor, for input: Tensor) -> Tensor {
        guard input.rank >= 2, weight.count > 1 else { return weight.reshape([]) }
        return weight.reshape([1, weight.count] + Array(repeating: 1, count: input.rank - 2))
    }

    struct Kernel: FloatKernel {
        func run<T: FloatElement>(_ args: Arguments, _ type: T.Type) throws -> [IValue] {
            let input = try args.tensor(0), weight = try args.tensor(1)
            try validate(input, weight)
            let w = broadcastWeight(weight, for: input)
            let out = try Elementwise.zip(input, w, T.self, T.self, to: T.self, op: "prelu") { x, a in x > 0 ? x : a * x }
            return [.tensor(out)]
        }

        private func validate(_ input: Tensor, _ weight: Tensor) throws {
            if weight.count != 1 {
                guard input.rank > 0 else {
                    throw EmberError(.invalidArgument, op: "prelu", "Not allow zero-dim input tensor.")
                }
                let channels = input.rank > 1 ? input.shape[1] : 1
                guard channels == weight.count else {
                    throw EmberError(.shapeMismatch, op: "prelu",
                        "Mismatch of parameter numbers and input channel size. Found parameter numbers = \(weight.count) and channel size = \(channels).")
                }
            }
            guard weight.rank <= 1 else {
                throw EmberError(.shapeMismatch, op: "prelu",
                    "prelu: Expected `weight` to be a scalar or 1D tensor, but got: ndim = \(weight.rank)")
            }
        }
    }

    /// d self = g where x > 0, w · g elsewhere; d weight = Σ g · x over x ≤ 0, per channel.
    static let derivative = Derivative(saves: [0, 1]) { c in
        let x = try c.input(0), weight = try c.input(1), g = c.grad()
        let positive = x.gt(Tensor(wrapping: .double(0)))
        let w = broadcastWeight(weight, for: x)
        let gradInput = c.needsGrad(0) ? Tensor.where(positive, g, g * w) : nil
        var gradWeight: Tensor?
        if c.needsGrad(1) {
            let contribution = (g * x).maskedFill(positive, 0)
            let channelwise = x.rank >= 2 && weight.count > 1
            let reduced = channelwise ? contribution.sum(dims: (0..<x.rank).filter { $0 != 1 }) : contribution.sum()
            gradWeight = reduced.reshape(weight.shape)
        }
        return [gradInput, gradWeight]
    }
}

extension Functional {
    private static let preluOp = EmberNN.handle("prelu")

    /// Parametric ReLU (`F.prelu`): `x` where positive, `weight · x` elsewhere. `weight` has
    /// one element, or one per channel (dim 1 of `input`).
    public static func prelu(_ input: Tensor, weight: Tensor) -> Tensor {
        Dispatcher.shared.callForTensor(preluOp, [.tensor(input), .tensor(weight)])
    }
}
