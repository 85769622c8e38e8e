import EmberCore

/// Runs `body` without recording operations for autograd on this thread (`torch.no_grad()`).
public func noGrad<R>(_ body: () throws -> R) rethrows -> R {
    try DispatchKeySet.excluding(.autograd, body)
}

/// Runs the asynchronous `body` without recording operations for autograd, in this task
/// and the child tasks it creates, on whichever threads they resume.
public func noGrad<R>(isolation: isolated (any Actor)? = #isolation, _ body: () async throws -> R) async rethrows -> R {
    try await DispatchKeySet.excluding(.autograd, isolation: isolation, body)
}

/// Runs `body` with gradient recording enabled on this thread (`torch.enable_grad()`).
public func enableGrad<R>(_ body: () throws -> R) rethrows -> R {
    try DispatchKeySet.including(.autograd, body)
}

/// Runs the asynchronous `body` with gradient recording enabled in this task and its
/// child tasks.
public func enableGrad<R>(isolation: isolated (any Actor)? = #isolation, _ body: () async throws -> R) async rethrows -> R {
    try await DispatchKeySet.including(.autograd, isolation: isolation, body)
}

/// Runs `body` in inference mode (`torch.inference_mode()`): as ``noGrad(_:)``, nothing is
/// recorded on this thread.
public func inferenceMode<R>(_ body: () throws -> R) rethrows -> R {
    try DispatchKeySet.excluding(.autograd, body)
}

/// Runs the asynchronous `body` in inference mode in this task and its child tasks.
public func inferenceMode<R>(isolation: isolated (any Actor)? = #isolation, _ body: () async throws -> R) async rethrows -> R {
    try await DispatchKeySet.excluding(.autograd, isolation: isolation, body)
}

extension Autograd {
    /// Whether operations are recorded here (`torch.is_grad_enabled()`): the thread's
    /// setting, or the current task's asynchronous scope.
    public static var isGradEnabled: Bool { !DispatchKeySet.excludedOnThisThread.contains(.autograd) }

    /// Turns recording on or off for this thread (`torch.set_grad_enabled`). In
    /// asynchronous code prefer the scoped `noGrad { }`: a task may move between threads.
    public static func setGradEnabled(_ enabled: Bool) {
        if enabled {
            DispatchKeySet.excludedOnThisThread.remove(.autograd)
        } else {
            DispatchKeySet.excludedOnThisThread.insert(.autograd)
        }
    }
}
