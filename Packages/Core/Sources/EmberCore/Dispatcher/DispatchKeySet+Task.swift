import Synchronization

/// Exclude sets scoped to a task, for asynchronous code: a body that suspends may resume
/// on another thread, where a thread-local setting would not follow it.
extension DispatchKeySet {
    /// The exclude set of the current task's innermost asynchronous scope.
    @TaskLocal static var taskExcluded: DispatchKeySet?

    /// The asynchronous scopes running in the process; while there are none, reading the
    /// exclude set costs one thread-local load.
    static let activeTaskScopes = Atomic<Int>(0)

    /// Runs the asynchronous `body` with `layers` excluded for the current task and the
    /// child tasks it creates, wherever they run.
    public static func excluding<R>(_ layers: DispatchKeySet, isolation: isolated (any Actor)? = #isolation,
                                    _ body: () async throws -> R) async rethrows -> R {
        try await withTaskExclusion(excludedOnThisThread.union(layers), isolation: isolation, body)
    }

    /// Runs the asynchronous `body` with `layers` re-included for the current task and the
    /// child tasks it creates.
    public static func including<R>(_ layers: DispatchKeySet, isolation: isolated (any Actor)? = #isolation,
                                    _ body: () async throws -> R) async rethrows -> R {
        try await withTaskExclusion(excludedOnThisThread.subtracting(layers), isolation: isolation, body)
    }

    private static func withTaskExclusion<R>(_ excluded: DispatchKeySet, isolation: isolated (any Actor)?,
                                             _ body: () async throws -> R) async rethrows -> R {
        activeTaskScopes.add(1, ordering: .relaxed)
        defer { activeTaskScopes.subtract(1, ordering: .relaxed) }
        return try await $taskExcluded.withValue(excluded, operation: body, isolation: isolation)
    }
}
