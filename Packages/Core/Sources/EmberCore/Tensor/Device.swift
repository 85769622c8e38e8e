import Synchronization

/// Where a tensor's storage lives. Ember ships the CPU; a plugin adds a device by
/// registering a backend for a new ``Device/Kind``.
public struct Device: Hashable, Sendable, CustomStringConvertible {
    /// A kind of device, identified by its name (`"cpu"`, `"cuda"`, ...). Kinds are
    /// interned: equal names share one small integer id, so comparisons are cheap.
    public struct Kind: Hashable, Sendable, CustomStringConvertible {
        /// The device kind's name.
        public let name: String
        /// The interned id (0 is the CPU).
        public let id: Int

        /// The kind named `name`, interning it on first use.
        public init(_ name: String) {
            self.name = name
            self.id = name == "cpu" ? 0 : KindRegistry.id(for: name)
        }

        /// The host CPU.
        public static let cpu = Kind("cpu")
        public var description: String { name }
        public static func == (a: Kind, b: Kind) -> Bool { a.id == b.id }
        public func hash(into hasher: inout Hasher) { hasher.combine(id) }
    }

    /// The kind of device.
    public let kind: Kind
    /// The device index for kinds with several devices; `nil` for the CPU.
    public let index: Int?

    /// Creates a device.
    public init(_ kind: Kind, index: Int? = nil) {
        self.kind = kind
        self.index = index
    }

    /// The host CPU.
    public static let cpu = Device(.cpu)

    /// PyTorch's spelling: `cpu`, `cuda:0`.
    public var description: String {
        index.map { "\(kind.name):\($0)" } ?? kind.name
    }
}

/// Interns device kind names.
enum KindRegistry {
    private static let ids = Mutex<[String: Int]>(["cpu": 0])

    static func id(for name: String) -> Int {
        ids.withLock { ids in
            if let id = ids[name] { return id }
            ids[name] = ids.count
            return ids.count - 1
        }
    }
}
