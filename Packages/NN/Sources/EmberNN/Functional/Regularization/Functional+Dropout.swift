import EmberAutograd
import EmberCore

// dropout(input, p, train) and feature_dropout(input, p, train): composite operators, as
// ATen's are on the CPU. A noise tensor is filled with bernoulli_(1 − p) (shaped like input
// for dropout, [N, C, 1, …] for feature_dropout), divided by 1 − p, and multiplied into the
// input, so the draws, the values and the gradient (grad × mask / (1 − p), mul's derivative,
// itself differentiable) are PyTorch's after the same seed.

enum DropoutOp {
    static let dropoutSchema = "dropout(Tensor input, float p, bool train) -> Tensor"
    static let featureSchema = "feature_dropout(Tensor input, float p, bool train) -> Tensor"

    static func register(_ d: Dispatcher) throws {
        let dropout = try d.define(dropoutSchema, package: EmberNN.package,
                                   doc: "Zeroes each element with probability p and scales the rest by 1/(1-p) when train.")
        let feature = try d.define(featureSchema, package: EmberNN.package,
                                   doc: "Zeroes whole channels (dim 1) with probability p and scales the rest by 1/(1-p) when train.")
        d.registerComposite(dropout, package: EmberNN.package) { args in
            [.tensor(try apply(try args.tensor(0), p: try args.double(1), train: try args.bool(2), feature: false))]
        }
        d.registerComposite(feature, package: EmberNN.package) { args in
            [.tensor(try apply(try args.tensor(0), p: try args.double(1), train: try args.bool(2), feature: true))]
        }
        for op in [dropout, feature] {
            d.registerSamples(op) { dtype in
                guard dtype.isFloatingPoint else { return [] }
                let x = SampleData.tensor((0..<24).map { Double($0) * 0.1 - 1 }, [2, 3, 2, 2], dtype)
                return [[.tensor(x), .double(0.5), .bool(true)], [.tensor(x), .double(0.2), .bool(false)]]
            }
        }
    }

    /// The message PyTorch's `F.dropout` raises for a probability outside [0, 1].
    static func probabilityMessage(_ p: Double) -> String {
        "dropout probability has to be between 0 and 1, but got \(p)"
    }

    static func apply(_ input: Tensor, p: Double, train: Bool, feature: Bool) throws -> Tensor {
        let op = feature ? "feature_dropout" : "dropout"
        guard p >= 0, p <= 1 else { throw EmberError(.invalidArgument, op: op, probabilityMessage(p)) }
        guard input.dtype.isFloatingPoint else {
            throw EmberError(.invalidDType, op: op, "expected a floating-point input, got \(input.dtype) of shape \(input.shape)")
        }
        if feature && input.rank < 2 {
            throw EmberError(.shapeMismatch, op: op,
                "Feature dropout requires at least 2 dimensions in the input, got input of shape \(input.shape) (\(input.dtype))")
        }
        if p == 0 || !train || input.count == 0 { return input }
        if p == 1 { return input * Tensor.zeros(like: input) }
        let noise: Tensor
        if feature {
            noise = Tensor.empty([input.shape[0], input.shape[1]] + Array(repeating: 1, count: input.rank - 2), dtype: input.dtype)
        } else {
            noise = Tensor.empty(like: input)
        }
        noGrad { _ = noise.bernoulli_(1 - p).div_(Tensor(wrapping: .double(1 - p))) }
        return input * noise
    }
}

extension Functional {
    private static let dropoutOp = EmberNN.handle("dropout")
    private static let featureDropoutOp = EmberNN.handle("feature_dropout")

    /// Zeroes each element with probability `p` and scales the others by 1/(1 − p) when
    /// `training` (`F.dropout`); the identity otherwise. Draws from `generator` or the default
    /// generator, as PyTorch does, so the mask equals PyTorch's after the same seed.
    public static func dropout(_ input: Tensor, p: Double = 0.5, training: Bool = true, generator: Generator? = nil) -> Tensor {
        precondition(p >= 0 && p <= 1, DropoutOp.probabilityMessage(p))
        return withGenerator(generator) {
            Dispatcher.shared.callForTensor(dropoutOp, [.tensor(input), .double(p), .bool(training)])
        }
    }

    /// Zeroes whole channels (dimension 1) with probability `p` and scales the others by
    /// 1/(1 − p) when `training` (`F.dropout2d` on [N, C, H, W], `F.dropout1d` on [N, C, L]):
    /// one draw per (sample, channel).
    public static func dropout2d(_ input: Tensor, p: Double = 0.5, training: Bool = true, generator: Generator? = nil) -> Tensor {
        precondition(p >= 0 && p <= 1, DropoutOp.probabilityMessage(p))
        return withGenerator(generator) {
            Dispatcher.shared.callForTensor(featureDropoutOp, [.tensor(input), .double(p), .bool(training)])
        }
    }

    /// Runs `body` with `generator` as the default generator when one is given.
    static func withGenerator<R>(_ generator: Generator?, _ body: () -> R) -> R {
        guard let generator else { return body() }
        return Generator.withDefault(generator, body)
    }
}
