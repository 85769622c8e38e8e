/// Code written once for every element type, run for a runtime ``DType`` with
/// ``DType/visit(_:)`` (Ember's `AT_DISPATCH_ALL_TYPES`).
protocol ElementTypeVisitor {
    /// Runs with the element type of the visited dtype.
    mutating func visit<T: TensorElement>(_ type: T.Type) throws
}

extension DType {
    /// Calls `visitor.visit` with this dtype's element type.
    func visit(_ visitor: inout some ElementTypeVisitor) throws {
        switch self {
        case .bool: try visitor.visit(Bool.self)
        case .uint8: try visitor.visit(UInt8.self)
        case .int8: try visitor.visit(Int8.self)
        case .int16: try visitor.visit(Int16.self)
        case .int32: try visitor.visit(Int32.self)
        case .int64: try visitor.visit(Int64.self)
        case .float16: try visitor.visit(Float16.self)
        case .bfloat16: try visitor.visit(BFloat16.self)
        case .float32: try visitor.visit(Float.self)
        case .float64: try visitor.visit(Double.self)
        }
    }

    /// The integers `random_` may produce without bounds: [min, max] for integer types,
    /// [−2^digits, 2^digits] for floating types (the exactly representable integers).
    var integerBounds: (lower: Int64, upper: Int64) {
        switch self {
        case .bool: return (0, 1)
        case .uint8: return (0, Int64(UInt8.max))
        case .int8: return (Int64(Int8.min), Int64(Int8.max))
        case .int16: return (Int64(Int16.min), Int64(Int16.max))
        case .int32: return (Int64(Int32.min), Int64(Int32.max))
        case .int64: return (.min, .max)
        case .float16: return (-(1 << 11), 1 << 11)
        case .bfloat16: return (-(1 << 8), 1 << 8)
        case .float32: return (-(1 << 24), 1 << 24)
        case .float64: return (-(1 << 53), 1 << 53)
        }
    }

    /// The C++ element type's name, as PyTorch's range messages print it.
    var cTypeName: String {
        switch self {
        case .bool: return "bool"
        case .uint8: return "unsigned char"
        case .int8: return "signed char"
        case .int16: return "short int"
        case .int32: return "int"
        case .int64: return "long int"
        case .float16: return "c10::Half"
        case .bfloat16: return "c10::BFloat16"
        case .float32: return "float"
        case .float64: return "double"
        }
    }
}
