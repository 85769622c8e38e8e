/// The declared signature of an operator, written in PyTorch's schema language:
/// `sum(Tensor self, int[]? dim=None, bool keepdim=False, *, ScalarType? dtype=None) -> Tensor`.
public struct Schema: Sendable, CustomStringConvertible {
    /// The type of one argument or result.
    public indirect enum ArgumentType: Sendable, Equatable, CustomStringConvertible {
        case tensor, int, float, bool, scalar, string, dtype, device, generator
        case list(ArgumentType)
        case optional(ArgumentType)

        public var description: String {
            switch self {
            case .tensor: return "Tensor"
            case .int: return "int"
            case .float: return "float"
            case .bool: return "bool"
            case .scalar: return "Scalar"
            case .string: return "str"
            case .dtype: return "ScalarType"
            case .device: return "Device"
            case .generator: return "Generator"
            case .list(let t): return "\(t)[]"
            case .optional(let t): return "\(t)?"
            }
        }

        /// The type without its optional marker.
        public var unwrapped: ArgumentType {
            if case .optional(let t) = self { return t }
            return self
        }

        /// Whether values of this type are (or hold) tensors.
        public var holdsTensors: Bool {
            switch unwrapped {
            case .tensor: return true
            case .list(let t): return t == .tensor
            default: return false
            }
        }
    }

    /// One declared argument.
    public struct Argument: Sendable, CustomStringConvertible {
        /// The argument's name (`self`, `other`, `dim`).
        public let name: String
        /// The argument's type.
        public let type: ArgumentType
        /// The default value; `nil` when the argument is required.
        public let defaultValue: IValue?
        /// The default as written in the schema, for printing.
        public let defaultText: String?
        /// Whether the argument comes after `*` (keyword-only in PyTorch).
        public let isKeywordOnly: Bool

        public var description: String {
            "\(type) \(name)" + (defaultText.map { "=\($0)" } ?? "")
        }
    }

    /// One declared result.
    public struct Result: Sendable, CustomStringConvertible {
        /// The result's name, if the schema names it (`values`, `indices`).
        public let name: String?
        /// The result's type.
        public let type: ArgumentType
        public var description: String { name.map { "\(type) \($0)" } ?? "\(type)" }
    }

    /// The operator's name (`add`, `myplugin::cdist`).
    public let name: String
    /// The arguments in order.
    public let arguments: [Argument]
    /// The results in order.
    public let results: [Result]

    /// Parses a schema string; throws `invalidSchema` naming the problem.
    public init(_ text: String) throws {
        var parser = SchemaParser(text)
        self = try parser.parse()
    }

    init(name: String, arguments: [Argument], results: [Result]) {
        self.name = name
        self.arguments = arguments
        self.results = results
    }

    /// The position of the argument called `name`.
    public func index(of name: String) -> Int? { arguments.firstIndex { $0.name == name } }

    /// The schema in PyTorch's notation.
    public var description: String {
        var parts: [String] = []
        var starred = false
        for a in arguments {
            if a.isKeywordOnly && !starred { parts.append("*"); starred = true }
            parts.append(a.description)
        }
        let ret = results.count == 1 && results[0].name == nil
            ? results[0].description : "(" + results.map(\.description).joined(separator: ", ") + ")"
        return "\(name)(\(parts.joined(separator: ", "))) -> \(ret)"
    }

    /// Fills a call's arguments from positional values and named values, using defaults
    /// for the rest; throws naming the operator when an argument is missing or unknown.
    public func bind(positional: [IValue], named: [String: IValue] = [:]) throws -> [IValue] {
        guard positional.count <= arguments.count else {
            throw EmberError(.invalidArgument, op: name,
                "takes \(arguments.count) arguments but \(positional.count) were given")
        }
        if let unknown = named.keys.first(where: { index(of: $0) == nil }) {
            throw EmberError(.invalidArgument, op: name,
                "got an unexpected keyword argument '\(unknown)'; schema: \(self)")
        }
        var values: [IValue] = []
        values.reserveCapacity(arguments.count)
        for (i, a) in arguments.enumerated() {
            if i < positional.count {
                if named[a.name] != nil {
                    throw EmberError(.invalidArgument, op: name, "got multiple values for argument '\(a.name)'")
                }
                values.append(positional[i])
            } else if let v = named[a.name] {
                values.append(v)
            } else if let d = a.defaultValue {
                values.append(d)
            } else {
                throw EmberError(.invalidArgument, op: name,
                    "missing required argument '\(a.name)' (\(a.type)); schema: \(self)")
            }
        }
        return values
    }
}
