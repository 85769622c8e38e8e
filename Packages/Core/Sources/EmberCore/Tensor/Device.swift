/// Where a tensor's storage lives. Ember ships the CPU; a plugin adds a device by
/// registering a backend for a new ``Device/Kind``.
public struct Device: Hashable, Sendable, CustomStringConvertible {
    /// A kind of device, identified by its name (`"cpu"`, `"cuda"`, ...).
    public struct Kind: Hashable, Sendable, CustomStringConvertible {
        /// The device kind's name.
        public let name: String
        /// Creates a kind from its name.
        public init(_ name: String) { self.name = name }
        /// The host CPU.
        public static let cpu = Kind("cpu")
        public var description: String { name }
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
