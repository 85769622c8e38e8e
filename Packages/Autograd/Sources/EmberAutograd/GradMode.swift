import EmberCore

/// Runs `body` without recording operations for autograd on this thread (`torch.no_grad()`).
public func noGrad<R>(_ body: () throws -> R) rethrows -> R {
    try DispatchKeySet.excluding(.autograd, body)
}

/// Runs `body` with gradient recording enabled on this thread (`torch.enable_grad()`).
public func enableGrad<R>(_ body: () throws -> R) rethrows -> R {
    try DispatchKeySet.including(.autograd, body)
}

/// Runs `body` in inference mode (`torch.inference_mode()`): as ``noGrad(_:)``, nothing is
/// recorded on this thread.
public func inferenceMode<R>(_ body: () throws -> R) rethrows -> R {
    try DispatchKeySet.excluding(.autograd, body)
}

extension Autograd {
    /// Whether operations are recorded on this thread (`torch.is_grad_enabled()`).
    public static var isGradEnabled: Bool { !DispatchKeySet.excludedOnThisThread.contains(.autograd) }

    /// Turns recording on or off for this thread (`torch.set_grad_enabled`).
    public static func setGradEnabled(_ enabled: Bool) {
        if enabled {
            DispatchKeySet.excludedOnThisThread.remove(.autograd)
        } else {
            DispatchKeySet.excludedOnThisThread.insert(.autograd)
        }
    }
}
