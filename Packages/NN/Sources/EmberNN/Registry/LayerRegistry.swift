import Synchronization

/// Maps layer names to constructors, so tools (the model zoo, the CLI) can build an
/// architecture from its name and PyTorch-style keyword arguments:
/// ```swift
/// LayerRegistry.shared.register("Linear") { args in
///     Linear(try args.int("in_features"), try args.int("out_features"), bias: try args.bool("bias", default: true))
/// }
/// let layer = try LayerRegistry.shared.make("Linear", ["in_features": 3, "out_features": 2])
/// ```
/// ``shared`` starts with every EmberNN layer (``packageLayers``). Registering a name again
/// replaces its builder (a plugin may provide its own).
public final class LayerRegistry: Sendable {
    /// Builds a layer from its arguments.
    public typealias Builder = @Sendable (LayerArguments) throws -> Module

    /// The registry every tool uses, holding EmberNN's layers from the start.
    public static let shared: LayerRegistry = {
        let registry = LayerRegistry()
        for family in packageLayers {
            for (name, builder) in family { registry.register(name, builder) }
        }
        return registry
    }()

    private let builders = Mutex<[String: Builder]>([:])

    /// An empty registry (tests; most code uses ``shared``).
    public init() {}

    /// Registers `builder` under `name`, replacing an earlier one.
    public func register(_ name: String, _ builder: @escaping Builder) {
        builders.withLock { $0[name] = builder }
    }

    /// The registered names, sorted.
    public var names: [String] { builders.withLock { $0.keys.sorted() } }

    /// Whether `name` is registered.
    public func contains(_ name: String) -> Bool { builders.withLock { $0[name] != nil } }

    /// Builds the layer `name` from `arguments` (PyTorch's keyword names, e.g. `in_features`).
    /// Throws ``LayerRegistryError`` for an unknown name, a missing, mistyped or invalid
    /// argument, or an argument the layer does not take.
    public func make(_ name: String, _ arguments: [String: LayerArgument] = [:]) throws -> Module {
        guard let builder = builders.withLock({ $0[name] }) else {
            throw LayerRegistryError(.unknownLayer, "unknown layer '\(name)'; registered: \(names.joined(separator: ", "))")
        }
        let args = LayerArguments(layer: name, arguments)
        let module = try builder(args)
        let unexpected = Set(arguments.keys).subtracting(args.read).sorted()
        guard unexpected.isEmpty else {
            throw LayerRegistryError(.unexpectedArgument, "\(name): unexpected argument"
                + (unexpected.count == 1 ? " " : "s ") + unexpected.map { "'\($0)'" }.joined(separator: ", ")
                + (args.read.isEmpty ? "; it takes none" : "; it takes " + args.read.sorted().map { "'\($0)'" }.joined(separator: ", ")))
        }
        return module
    }
}

/// Why ``LayerRegistry/make(_:_:)`` could not build a layer.
public struct LayerRegistryError: Error, CustomStringConvertible, Equatable {
    /// The kind of failure (extensible).
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        /// The code's name.
        public let name: String
        /// A code named `name`.
        public init(_ name: String) { self.name = name }
        /// The name.
        public var description: String { name }
        /// No layer of that name is registered.
        public static let unknownLayer = Code("unknownLayer")
        /// A required argument was not given.
        public static let missingArgument = Code("missingArgument")
        /// An argument has the wrong type.
        public static let mistypedArgument = Code("mistypedArgument")
        /// An argument has the right type but an unacceptable value.
        public static let invalidArgument = Code("invalidArgument")
        /// An argument the layer does not take.
        public static let unexpectedArgument = Code("unexpectedArgument")

        /// Matches an error by code: `catch LayerRegistryError.Code.missingArgument`.
        public static func ~= (code: Code, error: any Error) -> Bool {
            (error as? LayerRegistryError)?.code == code
        }
    }

    /// The kind of failure.
    public let code: Code
    /// What went wrong, naming the layer and the argument.
    public let message: String

    /// An error of `code` with `message`.
    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    /// The message.
    public var description: String { message }
}
