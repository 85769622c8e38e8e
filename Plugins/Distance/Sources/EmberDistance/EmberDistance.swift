import EmberCore

/// An example operator plugin: pairwise distances between two sets of row vectors
/// (`torch.cdist`), which Core does not provide.
///
/// Swift has no load-time constructors, so a plugin registers explicitly. ``register(into:)``
/// is idempotent for the shared dispatcher, and the Swift API registers on first use.
public enum EmberDistance {
    /// The provenance this plugin's registrations carry.
    public static let package = "EmberDistance"

    /// Declares the plugin's operators and registers their kernels with `dispatcher`
    /// (the shared one by default). Safe to call more than once for the shared dispatcher.
    public static func register(into dispatcher: Dispatcher = .shared) {
        if dispatcher === Dispatcher.shared {
            _ = sharedRegistration
        } else {
            registerOperators(dispatcher)
        }
    }

    private static let sharedRegistration: Void = registerOperators(.shared)

    private static func registerOperators(_ d: Dispatcher) {
        do {
            try CDist.register(d)
        } catch {
            fatalError("EmberDistance: \(error)")
        }
    }
}
