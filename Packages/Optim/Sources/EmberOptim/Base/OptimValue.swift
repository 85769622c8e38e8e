import EmberCore

/// One hyperparameter of a parameter group: a number, a flag, or a pair such as Adam's
/// `betas` (the values a PyTorch `param_group` dictionary holds).
public enum OptimValue: Sendable, Hashable, CustomStringConvertible,
    ExpressibleByFloatLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral {
    /// A real number (`lr`, `momentum`, `weight_decay`, ...).
    case double(Double)
    /// A flag (`nesterov`, `amsgrad`, `maximize`, ...).
    case bool(Bool)
    /// A pair of numbers (`betas`).
    case pair(Double, Double)

    /// A number literal.
    public init(floatLiteral value: Double) { self = .double(value) }
    /// An integer literal, kept as a number.
    public init(integerLiteral value: Int) { self = .double(Double(value)) }
    /// A flag literal.
    public init(booleanLiteral value: Bool) { self = .bool(value) }

    /// The number, if this is one.
    public var doubleValue: Double? { if case .double(let d) = self { d } else { nil } }
    /// The flag, if this is one.
    public var boolValue: Bool? { if case .bool(let b) = self { b } else { nil } }
    /// The pair, if this is one.
    public var pairValue: (Double, Double)? { if case .pair(let a, let b) = self { (a, b) } else { nil } }

    /// Python's spelling: `0.001`, `True`, `(0.9, 0.999)`; ``init(parsing:)`` reads it back.
    public var description: String {
        switch self {
        case .double(let d): return Self.format(d)
        case .bool(let b): return b ? "True" : "False"
        case .pair(let a, let b): return "(\(Self.format(a)), \(Self.format(b)))"
        }
    }

    /// Reads the text written by ``description``; `nil` if it is not of that form.
    public init?(parsing text: String) {
        let s = text.trimmingCharacters(in: " ")
        if s == "True" || s == "False" { self = .bool(s == "True"); return }
        if s.hasPrefix("("), s.hasSuffix(")") {
            let parts = s.dropFirst().dropLast().split(separator: ",")
            guard parts.count == 2, let a = Self.number(String(parts[0])), let b = Self.number(String(parts[1])) else {
                return nil
            }
            self = .pair(a, b)
            return
        }
        guard let d = Self.number(s) else { return nil }
        self = .double(d)
    }

    /// A number as Python prints a float (`1e-08`, `0.1`, `inf`).
    static func format(_ d: Double) -> String {
        if d.isInfinite { return d > 0 ? "inf" : "-inf" }
        if d.isNaN { return "nan" }
        return "\(d)"
    }

    static func number(_ text: String) -> Double? {
        let s = text.trimmingCharacters(in: " ")
        switch s {
        case "inf": return .infinity
        case "-inf": return -.infinity
        case "nan": return .nan
        default: return Double(s)
        }
    }
}

extension String {
    /// The string without leading and trailing `character`s.
    func trimmingCharacters(in character: Character) -> String {
        var s = Substring(self)
        while s.first == character { s = s.dropFirst() }
        while s.last == character { s = s.dropLast() }
        return String(s)
    }
}
