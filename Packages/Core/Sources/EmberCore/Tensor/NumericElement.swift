import RealModule

/// Element types with arithmetic and ordering: the integer types, float32 and float64.
/// (float16 and bfloat16 compute in float32; bool has its own kernels.)
public protocol NumericElement: TensorElement, Numeric, Comparable {
    /// Zero, for accumulators.
    static var zeroValue: Self { get }
    /// One.
    static var oneValue: Self { get }
    /// The lowest value (for max-reductions): `-inf` for floats.
    static var lowest: Self { get }
    /// The highest value (for min-reductions): `+inf` for floats.
    static var highest: Self { get }
    /// Addition that wraps around on integer overflow, as PyTorch's integer kernels do;
    /// ordinary addition for floats. Kernels use these so that `uint8(200) + 100` is 44.
    static func wrappingAdd(_ lhs: Self, _ rhs: Self) -> Self
    /// Subtraction that wraps on integer overflow; ordinary for floats.
    static func wrappingSubtract(_ lhs: Self, _ rhs: Self) -> Self
    /// Multiplication that wraps on integer overflow; ordinary for floats.
    static func wrappingMultiply(_ lhs: Self, _ rhs: Self) -> Self
}

/// float32 and float64: the types with native floating kernels, and `Real`'s functions.
public protocol FloatElement: NumericElement, BinaryFloatingPoint, Real {}

extension FloatElement {
    @_transparent public static func wrappingAdd(_ lhs: Self, _ rhs: Self) -> Self { lhs + rhs }
    @_transparent public static func wrappingSubtract(_ lhs: Self, _ rhs: Self) -> Self { lhs - rhs }
    @_transparent public static func wrappingMultiply(_ lhs: Self, _ rhs: Self) -> Self { lhs * rhs }
}

extension Float: FloatElement {
    @inlinable public static var zeroValue: Float { 0 }
    @inlinable public static var oneValue: Float { 1 }
    @inlinable public static var lowest: Float { -.infinity }
    @inlinable public static var highest: Float { .infinity }
}
extension Double: FloatElement {
    @inlinable public static var zeroValue: Double { 0 }
    @inlinable public static var oneValue: Double { 1 }
    @inlinable public static var lowest: Double { -.infinity }
    @inlinable public static var highest: Double { .infinity }
}

/// Integer element types with arithmetic.
public protocol IntegerNumericElement: NumericElement, IntegerTensorElement {}
extension IntegerNumericElement {
    @inlinable public static var zeroValue: Self { 0 }
    @inlinable public static var oneValue: Self { 1 }
    @inlinable public static var lowest: Self { .min }
    @inlinable public static var highest: Self { .max }
    @_transparent public static func wrappingAdd(_ lhs: Self, _ rhs: Self) -> Self { lhs &+ rhs }
    @_transparent public static func wrappingSubtract(_ lhs: Self, _ rhs: Self) -> Self { lhs &- rhs }
    @_transparent public static func wrappingMultiply(_ lhs: Self, _ rhs: Self) -> Self { lhs &* rhs }
}
extension UInt8: IntegerNumericElement {}
extension Int8: IntegerNumericElement {}
extension Int16: IntegerNumericElement {}
extension Int32: IntegerNumericElement {}
extension Int64: IntegerNumericElement {}

/// A kernel written once for every numeric element type.
public protocol NumericKernel: Sendable {
    /// Runs the kernel with elements of type `T`.
    func run<T: NumericElement>(_ args: Arguments, _ type: T.Type) throws -> [IValue]
}

/// A kernel written once for float32 and float64.
public protocol FloatKernel: Sendable {
    /// Runs the kernel with elements of type `T`.
    func run<T: FloatElement>(_ args: Arguments, _ type: T.Type) throws -> [IValue]
}

/// A kernel written once for the integer types (and bool where it makes sense).
public protocol IntegerKernel: Sendable {
    /// Runs the kernel with elements of type `T`.
    func run<T: IntegerNumericElement>(_ args: Arguments, _ type: T.Type) throws -> [IValue]
}
