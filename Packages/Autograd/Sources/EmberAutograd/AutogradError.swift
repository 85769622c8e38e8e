import EmberCore

/// Errors raised by autograd, worded as PyTorch's.
public enum AutogradError {
    /// The error code shared by autograd failures.
    public static let code = EmberError.Code("autograd")

    static func modifiedInPlace(_ message: String) -> EmberError { EmberError(code, message) }
    static func notImplemented(_ message: String) -> EmberError { EmberError(code, message) }
    static func error(_ message: String) -> EmberError { EmberError(code, message) }

    static let freedGraph = EmberError(code,
        "Trying to backward through the graph a second time (or directly access saved tensors after they have "
        + "already been freed). Saved intermediate values of the graph are freed when you call .backward() or "
        + "autograd.grad(). Specify retain_graph=True if you need to backward through the graph a second time or "
        + "if you need to access saved tensors after calling backward.")
}
