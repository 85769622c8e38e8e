/// A Swift type that stores one element of a tensor of a given ``DType``.
///
/// Conversions follow PyTorch's casting rules: floating to integral truncates toward zero,
/// anything to bool tests for non-zero. Values outside an integer type's range saturate
/// rather than trap (PyTorch leaves them undefined).
public protocol TensorElement: Sendable {
    /// The dtype whose elements this type stores.
    static var dtype: DType { get }
    /// Converts a double, truncating toward zero for integer types.
    init(doubleValue: Double)
    /// Converts an int64 (wrapping for narrower integer types, as C casts do).
    init(int64Value: Int64)
    /// The value as a double.
    var doubleValue: Double { get }
    /// The value as an int64 (truncating toward zero for floats).
    var int64Value: Int64 { get }
}

@usableFromInline func saturatingInt64(_ d: Double) -> Int64 {
    if d.isNaN { return 0 }
    if d >= 9.223372036854775807e18 { return .max }
    if d <= -9.223372036854775808e18 { return .min }
    return Int64(d)
}

extension Bool: TensorElement {
    @inlinable public static var dtype: DType { .bool }
    @inlinable public init(doubleValue: Double) { self = doubleValue != 0 }
    @inlinable public init(int64Value: Int64) { self = int64Value != 0 }
    @inlinable public var doubleValue: Double { self ? 1 : 0 }
    @inlinable public var int64Value: Int64 { self ? 1 : 0 }
}

extension Float: TensorElement {
    @inlinable public static var dtype: DType { .float32 }
    @inlinable public init(doubleValue: Double) { self = Float(doubleValue) }
    @inlinable public init(int64Value: Int64) { self = Float(int64Value) }
    @inlinable public var doubleValue: Double { Double(self) }
    @inlinable public var int64Value: Int64 { saturatingInt64(Double(self)) }
}

extension Double: TensorElement {
    @inlinable public static var dtype: DType { .float64 }
    @inlinable public init(doubleValue: Double) { self = doubleValue }
    @inlinable public init(int64Value: Int64) { self = Double(int64Value) }
    @inlinable public var doubleValue: Double { self }
    @inlinable public var int64Value: Int64 { saturatingInt64(self) }
}

extension Float16: TensorElement {
    @inlinable public static var dtype: DType { .float16 }
    @inlinable public init(doubleValue: Double) { self = Float16(Float(doubleValue)) }
    @inlinable public init(int64Value: Int64) { self = Float16(Float(int64Value)) }
    @inlinable public var doubleValue: Double { Double(Float(self)) }
    @inlinable public var int64Value: Int64 { saturatingInt64(Double(Float(self))) }
}

extension BFloat16: TensorElement {
    @inlinable public static var dtype: DType { .bfloat16 }
    @inlinable public init(doubleValue: Double) { self.init(Float(doubleValue)) }
    @inlinable public init(int64Value: Int64) { self.init(Float(int64Value)) }
    @inlinable public var doubleValue: Double { Double(floatValue) }
    @inlinable public var int64Value: Int64 { saturatingInt64(Double(floatValue)) }
}

/// Integer element types share their conversions.
public protocol IntegerTensorElement: TensorElement, FixedWidthInteger {}

extension IntegerTensorElement {
    @inlinable public init(doubleValue: Double) { self.init(truncatingIfNeeded: saturatingInt64(doubleValue)) }
    @inlinable public init(int64Value: Int64) { self.init(truncatingIfNeeded: int64Value) }
    @inlinable public var doubleValue: Double { Double(self) }
    @inlinable public var int64Value: Int64 { Int64(truncatingIfNeeded: self) }
}

extension UInt8: IntegerTensorElement { @inlinable public static var dtype: DType { .uint8 } }
extension Int8: IntegerTensorElement { @inlinable public static var dtype: DType { .int8 } }
extension Int16: IntegerTensorElement { @inlinable public static var dtype: DType { .int16 } }
extension Int32: IntegerTensorElement { @inlinable public static var dtype: DType { .int32 } }
extension Int64: IntegerTensorElement { @inlinable public static var dtype: DType { .int64 } }
