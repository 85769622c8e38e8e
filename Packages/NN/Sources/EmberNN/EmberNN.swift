import EmberAutograd
import EmberCore

/// EmberNN's operators (the functional forms of its layers, with derivatives) and their
/// registration with the dispatcher.
///
/// Swift has no load-time constructors: ``register(into:)`` declares the operators and is
/// idempotent for the shared dispatcher; every Swift API of the package calls it on first use.
public enum EmberNN {
    /// The provenance EmberNN's registrations carry.
    public static let package = "EmberNN"

    /// Declares EmberNN's operators, registers their kernels and derivatives with `dispatcher`
    /// (the shared one by default). Safe to call more than once for the shared dispatcher.
    public static func register(into dispatcher: Dispatcher = .shared) {
        if dispatcher === Dispatcher.shared {
            _ = sharedRegistration
        } else {
            registerOperators(dispatcher)
        }
    }

    private static let sharedRegistration: Void = registerOperators(.shared)

    /// Each operator family registers itself here: one line per family.
    private static func registerOperators(_ d: Dispatcher) {
        do {
            try LinearOp.register(d)
            try DropoutOp.register(d)
            try LayerNormOp.register(d)
            try ActivationOps.register(d)
            try PReLUOp.register(d)
            try EmbeddingOp.register(d)
            try OneHotOp.register(d)
            try BilinearOp.register(d)
            try RegressionLossOps.register(d)
            try BinaryCrossEntropyOps.register(d)
            try NLLLossOps.register(d)
            try CrossEntropyOps.register(d)
            try KLDivOps.register(d)
            try PadOps.register(d)
            try UpsampleOps.register(d)
            try ConvOps.register(d)
            try PoolOps.register(d)
            try NormOps.register(d)
        } catch {
            preconditionFailure("EmberNN: \(error)")
        }
    }

    /// The handle of an EmberNN operator on the shared dispatcher, registering the package first.
    static func handle(_ name: String) -> OperatorHandle {
        register()
        return Dispatcher.shared.handle(name)
    }
}
