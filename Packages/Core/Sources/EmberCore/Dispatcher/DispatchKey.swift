import _EmberCoreSupport

/// A set of functionality layers (PyTorch's dispatch keys above the backends), highest
/// priority first: `autograd` runs before `autocast`, which runs before user layers.
///
/// A call goes through the layers present on any of its tensor arguments, minus the layers
/// the current thread excludes (see ``DispatchKeySet/excludedOnThisThread``).
public struct DispatchKeySet: OptionSet, Sendable, Hashable, CustomStringConvertible {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    /// Reverse-mode automatic differentiation (installed by EmberAutograd).
    public static let autograd = DispatchKeySet(rawValue: 1 << 0)
    /// Automatic mixed precision.
    public static let autocast = DispatchKeySet(rawValue: 1 << 1)
    /// A layer free for users and plugins (tracing, logging, profiling). `n` in 0..<8.
    public static func user(_ n: Int) -> DispatchKeySet {
        precondition((0..<8).contains(n), "DispatchKeySet.user: index \(n) outside 0..<8")
        return DispatchKeySet(rawValue: 1 << UInt32(8 + n))
    }

    /// The highest-priority layer in the set (lowest bit), if any.
    @inlinable public var highest: DispatchKeySet? {
        rawValue == 0 ? nil : DispatchKeySet(rawValue: rawValue & (~rawValue &+ 1))
    }

    /// The layers the current thread or task skips (PyTorch's thread-local exclude set;
    /// `noGrad` adds `autograd`): the thread's own setting where a synchronous scope or an
    /// assignment made one, otherwise that of the task's innermost asynchronous scope
    /// (see ``excluding(_:isolation:_:)``), otherwise none.
    public static var excludedOnThisThread: DispatchKeySet {
        get {
            let raw = ember_tls_excluded_layers()
            if raw != 0 { return DispatchKeySet(rawValue: raw & ~threadSettingMarker) }
            return activeTaskScopes.load(ordering: .relaxed) == 0 ? [] : (taskExcluded ?? [])
        }
        set { ember_tls_set_excluded_layers(newValue.rawValue | threadSettingMarker) }
    }

    /// Marks the thread-local mask as set (a mask of 0 means "no setting on this thread").
    static let threadSettingMarker: UInt32 = 1 << 31

    /// Runs `body` with `layers` excluded on this thread, restoring the previous set after.
    public static func excluding<R>(_ layers: DispatchKeySet, _ body: () throws -> R) rethrows -> R {
        let saved = ember_tls_excluded_layers()
        excludedOnThisThread = excludedOnThisThread.union(layers)
        defer { ember_tls_set_excluded_layers(saved) }
        return try body()
    }

    /// Runs `body` with `layers` re-included on this thread.
    public static func including<R>(_ layers: DispatchKeySet, _ body: () throws -> R) rethrows -> R {
        let saved = ember_tls_excluded_layers()
        excludedOnThisThread = excludedOnThisThread.subtracting(layers)
        defer { ember_tls_set_excluded_layers(saved) }
        return try body()
    }

    public var description: String {
        var names: [String] = []
        if contains(.autograd) { names.append("autograd") }
        if contains(.autocast) { names.append("autocast") }
        for n in 0..<8 where contains(.user(n)) { names.append("user\(n)") }
        return "[" + names.joined(separator: ", ") + "]"
    }
}
