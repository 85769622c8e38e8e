/// The element type of a tensor, named as in PyTorch (`torch.float32` → `.float32`).
///
/// The raw values order the types by promotion rank within each category, so that
/// ``DType/promoted(_:_:)`` can compare them.
public enum DType: UInt8, CaseIterable, Sendable, CustomStringConvertible {
    case bool = 0
    case uint8, int8, int16, int32, int64
    case float16, bfloat16, float32, float64

    /// The number of bytes one element occupies.
    @inlinable public var itemSize: Int {
        switch self {
        case .bool, .uint8, .int8: return 1
        case .int16, .float16, .bfloat16: return 2
        case .int32, .float32: return 4
        case .int64, .float64: return 8
        }
    }

    /// Whether the type is a floating-point type (`torch.is_floating_point`).
    @inlinable public var isFloatingPoint: Bool {
        switch self {
        case .float16, .bfloat16, .float32, .float64: return true
        default: return false
        }
    }

    /// Whether the type is an integer type, `bool` excluded.
    @inlinable public var isIntegral: Bool {
        switch self {
        case .uint8, .int8, .int16, .int32, .int64: return true
        default: return false
        }
    }

    /// Whether the type can hold negative values.
    @inlinable public var isSigned: Bool { self != .bool && self != .uint8 }

    /// PyTorch's name without the `torch.` prefix, e.g. `float32`.
    public var description: String {
        switch self {
        case .bool: return "bool"
        case .uint8: return "uint8"
        case .int8: return "int8"
        case .int16: return "int16"
        case .int32: return "int32"
        case .int64: return "int64"
        case .float16: return "float16"
        case .bfloat16: return "bfloat16"
        case .float32: return "float32"
        case .float64: return "float64"
        }
    }

    /// PyTorch's C++ `ScalarType` name (`Float`, `Long`, `Byte`...), as its error messages
    /// spell dtypes ("expected scalar type Float but found Double").
    public var scalarTypeName: String {
        switch self {
        case .bool: return "Bool"
        case .uint8: return "Byte"
        case .int8: return "Char"
        case .int16: return "Short"
        case .int32: return "Int"
        case .int64: return "Long"
        case .float16: return "Half"
        case .bfloat16: return "BFloat16"
        case .float32: return "Float"
        case .float64: return "Double"
        }
    }

    /// Parses a PyTorch or NumPy dtype name (`"float32"`, `"float"`, `"long"`, `"half"`, ...).
    public init?(name: String) {
        let lower = name.lowercased()
        switch lower.hasPrefix("torch.") ? String(lower.dropFirst(6)) : lower {
        case "bool": self = .bool
        case "uint8": self = .uint8
        case "int8": self = .int8
        case "int16", "short": self = .int16
        case "int32", "int": self = .int32
        case "int64", "long": self = .int64
        case "float16", "half": self = .float16
        case "bfloat16": self = .bfloat16
        case "float32", "float": self = .float32
        case "float64", "double": self = .float64
        default: return nil
        }
    }

    /// The category used by type promotion: bool < integral < floating.
    @usableFromInline var category: Int {
        if self == .bool { return 0 }
        return isFloatingPoint ? 2 : 1
    }

    /// The type that holds values of both `a` and `b`, following `torch.promote_types`.
    ///
    /// uint8 with a signed integer type promotes to the next wider signed type that holds
    /// both (int16 for int8); float16 with bfloat16 promotes to float32.
    public static func promoted(_ a: DType, _ b: DType) -> DType {
        if a == b { return a }
        if a.category != b.category { return a.category > b.category ? a : b }
        switch (a, b) {
        case (.float16, .bfloat16), (.bfloat16, .float16): return .float32
        case (.uint8, .int8), (.int8, .uint8): return .int16
        default: return a.rawValue > b.rawValue ? a : b
        }
    }

    /// The default floating-point type (`torch.get_default_dtype()`).
    public static let defaultFloat: DType = .float32
}
