import EmberCore

/// The named arguments of one ``LayerRegistry/make(_:_:)`` call, read by a layer's builder
/// with typed accessors that throw ``LayerRegistryError`` naming the layer and argument.
/// The registry rejects arguments the builder never read.
public final class LayerArguments {
    /// The layer being built.
    public let layer: String
    /// The arguments as given.
    public let values: [String: LayerArgument]
    /// The names the builder has read.
    private(set) var read: Set<String> = []

    /// Arguments `values` for building `layer`.
    public init(layer: String, _ values: [String: LayerArgument]) {
        self.layer = layer
        self.values = values
    }

    /// The value of `key`, marking it read; `nil` when absent or `None`.
    public func value(_ key: String) -> LayerArgument? {
        read.insert(key)
        if let v = values[key], v != .none { return v }
        return nil
    }

    /// Marks every argument read (for layers that accept and ignore anything, like `Identity`).
    public func ignoreRest() { read.formUnion(values.keys) }

    /// The required integer `key`.
    public func int(_ key: String) throws -> Int { try required(key, optionalInt(key)) }
    /// The integer `key`, or `defaultValue` when absent.
    public func int(_ key: String, default defaultValue: Int) throws -> Int { try optionalInt(key) ?? defaultValue }
    /// The integer `key`, or `nil` when absent or `None`.
    public func optionalInt(_ key: String) throws -> Int? {
        guard let v = value(key) else { return nil }
        if case .int(let i) = v { return i }
        throw mistyped(key, "int", v)
    }

    /// The required number `key` (an integer is accepted).
    public func double(_ key: String) throws -> Double { try required(key, optionalDouble(key)) }
    /// The number `key`, or `defaultValue` when absent.
    public func double(_ key: String, default defaultValue: Double) throws -> Double { try optionalDouble(key) ?? defaultValue }
    /// The number `key`, or `nil` when absent or `None`.
    public func optionalDouble(_ key: String) throws -> Double? {
        guard let v = value(key) else { return nil }
        switch v {
        case .double(let d): return d
        case .int(let i): return Double(i)
        default: throw mistyped(key, "float", v)
        }
    }

    /// The required boolean `key`.
    public func bool(_ key: String) throws -> Bool { try required(key, optionalBool(key)) }
    /// The boolean `key`, or `defaultValue` when absent.
    public func bool(_ key: String, default defaultValue: Bool) throws -> Bool { try optionalBool(key) ?? defaultValue }
    /// The boolean `key`, or `nil` when absent or `None`.
    public func optionalBool(_ key: String) throws -> Bool? {
        guard let v = value(key) else { return nil }
        if case .bool(let b) = v { return b }
        throw mistyped(key, "bool", v)
    }

    /// The required string `key`.
    public func string(_ key: String) throws -> String { try required(key, optionalString(key)) }
    /// The string `key`, or `defaultValue` when absent.
    public func string(_ key: String, default defaultValue: String) throws -> String { try optionalString(key) ?? defaultValue }
    /// The string `key`, or `nil` when absent or `None`.
    public func optionalString(_ key: String) throws -> String? {
        guard let v = value(key) else { return nil }
        if case .string(let s) = v { return s }
        throw mistyped(key, "str", v)
    }

    /// The string `key` (or `defaultValue`), which must be one of `choices`.
    public func choice(_ key: String, _ choices: [String], default defaultValue: String) throws -> String {
        let s = try string(key, default: defaultValue)
        guard choices.contains(s) else {
            throw LayerRegistryError(.invalidArgument, "\(layer): argument '\(key)' must be one of "
                + choices.map { "'\($0)'" }.joined(separator: ", ") + ", got '\(s)'")
        }
        return s
    }

    /// The required integer list `key`; a single integer stands for `count` copies of it
    /// (PyTorch's `int or tuple`), and a list must then have `count` entries.
    public func ints(_ key: String, count: Int? = nil) throws -> [Int] { try required(key, optionalInts(key, count: count)) }
    /// The integer list `key` as in ``ints(_:count:)``, or `nil` when absent or `None`.
    public func optionalInts(_ key: String, count: Int? = nil) throws -> [Int]? {
        guard let v = value(key) else { return nil }
        switch v {
        case .int(let i): return Array(repeating: i, count: count ?? 1)
        case .ints(let list):
            if let count, list.count != count {
                throw LayerRegistryError(.mistypedArgument, "\(layer): argument '\(key)' must have \(count) entries, got \(v)")
            }
            return list
        default: throw mistyped(key, "int list", v)
        }
    }

    /// The `dtype` argument by PyTorch's name (`"float64"`), or the default float type.
    public func dtype(_ key: String = "dtype") throws -> DType {
        guard let name = try optionalString(key) else { return .defaultFloat }
        guard let dtype = DType(name: name) else {
            throw LayerRegistryError(.invalidArgument, "\(layer): argument '\(key)' names no dtype: '\(name)'")
        }
        return dtype
    }

    private func required<T>(_ key: String, _ value: T?) throws -> T {
        guard let value else { throw LayerRegistryError(.missingArgument, "\(layer): missing required argument '\(key)'") }
        return value
    }

    private func mistyped(_ key: String, _ expected: String, _ got: LayerArgument) -> LayerRegistryError {
        LayerRegistryError(.mistypedArgument, "\(layer): argument '\(key)' must be \(expected), got \(got.typeName) \(got)")
    }
}
