/// Parsing of literal values (schema defaults, JSON given on the command line).
extension IValue {
    /// Parses `literal` (PyTorch's default syntax or JSON: `None`/`null`, `True`/`true`,
    /// `1`, `0.5`, `[0, 1]`, `"mean"`) as a value of `type`.
    public init(literal: String, for type: Schema.ArgumentType) throws {
        let text = literal.trimmingSpaces()
        let bad = EmberError(.invalidArgument, op: nil, "cannot read '\(literal)' as \(type)")
        if text == "None" || text == "null" {
            guard case .optional = type else { throw bad }
            self = .none
            return
        }
        switch type.unwrapped {
        case .tensor, .optional, .generator:
            throw bad
        case .int:
            guard let v = Int(text) else { throw bad }
            self = .int(v)
        case .float:
            guard let v = Double(text) ?? IValue.special(text) else { throw bad }
            self = .double(v)
        case .bool:
            switch text {
            case "True", "true": self = .bool(true)
            case "False", "false": self = .bool(false)
            default: throw bad
            }
        case .scalar:
            if text == "True" || text == "true" { self = .scalar(.bool(true)) }
            else if text == "False" || text == "false" { self = .scalar(.bool(false)) }
            else if let i = Int64(text) { self = .scalar(.int(i)) }
            else if let d = Double(text) ?? IValue.special(text) { self = .scalar(.double(d)) }
            else { throw bad }
        case .string:
            self = .string(IValue.unquote(text))
        case .dtype:
            guard let d = DType(name: IValue.unquote(text)) else { throw bad }
            self = .dtype(d)
        case .device:
            self = .device(Device(.init(IValue.unquote(text))))
        case .list(let element):
            guard text.first == "[", text.last == "]" else {
                // PyTorch accepts a single int for int[] (e.g. `dim=1`).
                if element == .int, let v = Int(text) { self = .ints([v]); return }
                throw bad
            }
            let inner = text.dropFirst().dropLast()
            let items = inner.split(separator: ",").map { String($0).trimmingSpaces() }.filter { !$0.isEmpty }
            switch element {
            case .int:
                let v = items.compactMap { Int($0) }
                guard v.count == items.count else { throw bad }
                self = .ints(v)
            case .float:
                let v = items.compactMap { Double($0) }
                guard v.count == items.count else { throw bad }
                self = .doubles(v)
            default:
                throw bad
            }
        }
    }

    private static func special(_ text: String) -> Double? {
        switch text {
        case "inf", "Infinity", "math.inf": return .infinity
        case "-inf", "-Infinity", "-math.inf": return -.infinity
        case "nan", "NaN": return .nan
        default: return nil
        }
    }

    private static func unquote(_ text: String) -> String {
        if text.count >= 2, let f = text.first, f == text.last, f == "\"" || f == "'" {
            return String(text.dropFirst().dropLast())
        }
        return text
    }
}
