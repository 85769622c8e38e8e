/// The brain floating-point format: float32's exponent with a 7-bit mantissa.
///
/// Conversion from `Float` rounds to nearest even, as PyTorch does; NaN stays NaN.
public struct BFloat16: Sendable, Hashable, CustomStringConvertible {
    /// The raw bit pattern.
    public var bitPattern: UInt16

    /// Creates a value from its raw bits.
    @inlinable public init(bitPattern: UInt16) { self.bitPattern = bitPattern }

    /// Rounds a float to the nearest bfloat16.
    @inlinable public init(_ value: Float) {
        if value.isNaN { bitPattern = 0x7FC0; return }
        let bits = value.bitPattern
        let roundingBias = 0x7FFF + ((bits >> 16) & 1)
        bitPattern = UInt16(truncatingIfNeeded: (bits &+ roundingBias) >> 16)
    }

    /// The value widened to a float (exact).
    @inlinable public var floatValue: Float { Float(bitPattern: UInt32(bitPattern) << 16) }

    public var description: String { floatValue.description }
}
