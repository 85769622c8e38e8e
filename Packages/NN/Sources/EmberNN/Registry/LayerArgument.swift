/// A value passed to a layer constructor through the ``LayerRegistry``: an integer, a
/// floating-point number, a boolean, a string, a list of integers, or none.
///
/// Literals convert, so arguments read like PyTorch keyword arguments:
/// `["in_features": 3, "bias": false, "kernel_size": [3, 3], "padding_idx": nil]`.
public enum LayerArgument: Sendable, Hashable, CustomStringConvertible {
    /// An integer (`in_features`).
    case int(Int)
    /// A floating-point number (`negative_slope`).
    case double(Double)
    /// A boolean (`bias`).
    case bool(Bool)
    /// A string (`approximate`).
    case string(String)
    /// A list of integers (`unflattened_size`, `kernel_size`).
    case ints([Int])
    /// An explicit `None`: the same as leaving the argument out.
    case none

    /// The value as PyTorch would print it (`3`, `0.01`, `True`, `'tanh'`, `(2, 5)`, `None`).
    public var description: String {
        switch self {
        case .int(let v): return String(v)
        case .double(let v): return String(v)
        case .bool(let v): return v ? "True" : "False"
        case .string(let v): return "'\(v)'"
        case .ints(let v): return "(" + v.map(String.init).joined(separator: ", ") + (v.count == 1 ? ",)" : ")")
        case .none: return "None"
        }
    }

    /// The kind of value, for error messages (`int`, `float`, `bool`, `str`, `int list`, `None`).
    public var typeName: String {
        switch self {
        case .int: return "int"
        case .double: return "float"
        case .bool: return "bool"
        case .string: return "str"
        case .ints: return "int list"
        case .none: return "None"
        }
    }
}

extension LayerArgument: ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral, ExpressibleByBooleanLiteral,
    ExpressibleByStringLiteral, ExpressibleByArrayLiteral, ExpressibleByNilLiteral {
    /// An ``int(_:)``.
    public init(integerLiteral value: Int) { self = .int(value) }
    /// A ``double(_:)``.
    public init(floatLiteral value: Double) { self = .double(value) }
    /// A ``bool(_:)``.
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    /// A ``string(_:)``.
    public init(stringLiteral value: String) { self = .string(value) }
    /// An ``ints(_:)``.
    public init(arrayLiteral elements: Int...) { self = .ints(elements) }
    /// ``none``.
    public init(nilLiteral: ()) { self = .none }
}
