/// A number passed to an operator, like PyTorch's `Scalar`: a bool, an integer or a double.
///
/// Scalars take part in type promotion by category only: `intTensor + 2.5` is floating
/// point, `floatTensor * 2` keeps the tensor's dtype.
public enum Scalar: Sendable, Hashable, CustomStringConvertible,
    ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral, ExpressibleByBooleanLiteral
{
    case bool(Bool)
    case int(Int64)
    case double(Double)

    public init(integerLiteral value: Int) { self = .int(Int64(value)) }
    public init(floatLiteral value: Double) { self = .double(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }

    /// The value as a double.
    public var doubleValue: Double {
        switch self {
        case .bool(let b): return b ? 1 : 0
        case .int(let i): return Double(i)
        case .double(let d): return d
        }
    }

    /// The value as an integer, truncating toward zero.
    public var intValue: Int64 {
        switch self {
        case .bool(let b): return b ? 1 : 0
        case .int(let i): return i
        case .double(let d): return d.isFinite ? Int64(d) : 0
        }
    }

    /// The value as a bool (non-zero is true).
    public var boolValue: Bool {
        switch self {
        case .bool(let b): return b
        case .int(let i): return i != 0
        case .double(let d): return d != 0
        }
    }

    /// The dtype a 0-d tensor made from this scalar gets: bool, int64 or the default float.
    public var dtype: DType {
        switch self {
        case .bool: return .bool
        case .int: return .int64
        case .double: return .defaultFloat
        }
    }

    public var description: String {
        switch self {
        case .bool(let b): return b ? "True" : "False"
        case .int(let i): return String(i)
        case .double(let d): return String(d)
        }
    }
}
