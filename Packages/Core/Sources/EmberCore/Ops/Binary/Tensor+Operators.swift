// Swift operators for the elementwise operators, with tensors or Swift numbers (`Scalar`)
// on either side. A number becomes a wrapped 0-d tensor, so it never widens a tensor's
// dtype within its category: `intTensor * 2.5` is float32, `floatTensor * 2` stays float32,
// `float64Tensor * 2.5` stays float64.
//
// Comparisons are spelled `.==`, `.!=`, `.<`, `.<=`, `.>`, `.>=` (as for SIMD vectors) and
// return bool tensors; Tensor stays free of `Equatable`'s `==`.

extension Tensor {
    /// `lhs * rhs`, broadcasting (`torch.mul`).
    public static func * (lhs: Tensor, rhs: Tensor) -> Tensor { lhs.mul(rhs) }
    /// `lhs * rhs` for a Swift number `rhs`.
    public static func * (lhs: Tensor, rhs: Scalar) -> Tensor { lhs.mul(Tensor(wrapping: rhs)) }
    /// `lhs * rhs` for a Swift number `lhs`.
    public static func * (lhs: Scalar, rhs: Tensor) -> Tensor { Tensor(wrapping: lhs).mul(rhs) }
    /// True division `lhs / rhs` (`torch.div`); integer tensors give float32.
    public static func / (lhs: Tensor, rhs: Tensor) -> Tensor { lhs.div(rhs) }
    /// True division by a Swift number.
    public static func / (lhs: Tensor, rhs: Scalar) -> Tensor { lhs.div(Tensor(wrapping: rhs)) }
    /// True division of a Swift number by a tensor.
    public static func / (lhs: Scalar, rhs: Tensor) -> Tensor { Tensor(wrapping: lhs).div(rhs) }
    /// Python's `%`: the remainder with the divisor's sign (`torch.remainder`).
    public static func % (lhs: Tensor, rhs: Tensor) -> Tensor { lhs.remainder(rhs) }
    /// The remainder of division by a Swift number, with the divisor's sign.
    public static func % (lhs: Tensor, rhs: Scalar) -> Tensor { lhs.remainder(Tensor(wrapping: rhs)) }
    /// The remainder of a Swift number divided by a tensor, with the divisor's sign.
    public static func % (lhs: Scalar, rhs: Tensor) -> Tensor { Tensor(wrapping: lhs).remainder(rhs) }

    /// Multiplies `lhs` by `rhs` in place (`mul_`).
    public static func *= (lhs: Tensor, rhs: Tensor) { lhs.mul_(rhs) }
    /// Multiplies `lhs` by a Swift number in place.
    public static func *= (lhs: Tensor, rhs: Scalar) { lhs.mul_(Tensor(wrapping: rhs)) }
    /// Divides `lhs` by `rhs` in place (`div_`); `lhs` must be floating point.
    public static func /= (lhs: Tensor, rhs: Tensor) { lhs.div_(rhs) }
    /// Divides `lhs` by a Swift number in place.
    public static func /= (lhs: Tensor, rhs: Scalar) { lhs.div_(Tensor(wrapping: rhs)) }
    /// Replaces `lhs` by `lhs % rhs` (`remainder_`).
    public static func %= (lhs: Tensor, rhs: Tensor) { lhs.remainder_(rhs) }
    /// Replaces `lhs` by `lhs % rhs` for a Swift number.
    public static func %= (lhs: Tensor, rhs: Scalar) { lhs.remainder_(Tensor(wrapping: rhs)) }
}

extension Tensor {
    /// A bool tensor: `lhs == rhs` elementwise (`torch.eq`).
    public static func .== (lhs: Tensor, rhs: Tensor) -> Tensor { lhs.eq(rhs) }
    /// A bool tensor: `lhs == rhs` for a Swift number.
    public static func .== (lhs: Tensor, rhs: Scalar) -> Tensor { lhs.eq(Tensor(wrapping: rhs)) }
    /// A bool tensor: `lhs == rhs` for a Swift number on the left.
    public static func .== (lhs: Scalar, rhs: Tensor) -> Tensor { Tensor(wrapping: lhs).eq(rhs) }
    /// A bool tensor: `lhs != rhs` elementwise (`torch.ne`).
    public static func .!= (lhs: Tensor, rhs: Tensor) -> Tensor { lhs.ne(rhs) }
    /// A bool tensor: `lhs != rhs` for a Swift number.
    public static func .!= (lhs: Tensor, rhs: Scalar) -> Tensor { lhs.ne(Tensor(wrapping: rhs)) }
    /// A bool tensor: `lhs != rhs` for a Swift number on the left.
    public static func .!= (lhs: Scalar, rhs: Tensor) -> Tensor { Tensor(wrapping: lhs).ne(rhs) }
    /// A bool tensor: `lhs < rhs` elementwise (`torch.lt`).
    public static func .< (lhs: Tensor, rhs: Tensor) -> Tensor { lhs.lt(rhs) }
    /// A bool tensor: `lhs < rhs` for a Swift number.
    public static func .< (lhs: Tensor, rhs: Scalar) -> Tensor { lhs.lt(Tensor(wrapping: rhs)) }
    /// A bool tensor: `lhs < rhs` for a Swift number on the left.
    public static func .< (lhs: Scalar, rhs: Tensor) -> Tensor { Tensor(wrapping: lhs).lt(rhs) }
    /// A bool tensor: `lhs <= rhs` elementwise (`torch.le`).
    public static func .<= (lhs: Tensor, rhs: Tensor) -> Tensor { lhs.le(rhs) }
    /// A bool tensor: `lhs <= rhs` for a Swift number.
    public static func .<= (lhs: Tensor, rhs: Scalar) -> Tensor { lhs.le(Tensor(wrapping: rhs)) }
    /// A bool tensor: `lhs <= rhs` for a Swift number on the left.
    public static func .<= (lhs: Scalar, rhs: Tensor) -> Tensor { Tensor(wrapping: lhs).le(rhs) }
    /// A bool tensor: `lhs > rhs` elementwise (`torch.gt`).
    public static func .> (lhs: Tensor, rhs: Tensor) -> Tensor { lhs.gt(rhs) }
    /// A bool tensor: `lhs > rhs` for a Swift number.
    public static func .> (lhs: Tensor, rhs: Scalar) -> Tensor { lhs.gt(Tensor(wrapping: rhs)) }
    /// A bool tensor: `lhs > rhs` for a Swift number on the left.
    public static func .> (lhs: Scalar, rhs: Tensor) -> Tensor { Tensor(wrapping: lhs).gt(rhs) }
    /// A bool tensor: `lhs >= rhs` elementwise (`torch.ge`).
    public static func .>= (lhs: Tensor, rhs: Tensor) -> Tensor { lhs.ge(rhs) }
    /// A bool tensor: `lhs >= rhs` for a Swift number.
    public static func .>= (lhs: Tensor, rhs: Scalar) -> Tensor { lhs.ge(Tensor(wrapping: rhs)) }
    /// A bool tensor: `lhs >= rhs` for a Swift number on the left.
    public static func .>= (lhs: Scalar, rhs: Tensor) -> Tensor { Tensor(wrapping: lhs).ge(rhs) }
}

extension Tensor {
    /// Bitwise (for bool: logical) and of integer or bool tensors.
    public static func & (lhs: Tensor, rhs: Tensor) -> Tensor { lhs.bitwiseAnd(rhs) }
    /// Bitwise and with a Swift integer or bool.
    public static func & (lhs: Tensor, rhs: Scalar) -> Tensor { lhs.bitwiseAnd(Tensor(wrapping: rhs)) }
    /// Bitwise and of a Swift integer or bool with a tensor.
    public static func & (lhs: Scalar, rhs: Tensor) -> Tensor { Tensor(wrapping: lhs).bitwiseAnd(rhs) }
    /// Bitwise (for bool: logical) or of integer or bool tensors.
    public static func | (lhs: Tensor, rhs: Tensor) -> Tensor { lhs.bitwiseOr(rhs) }
    /// Bitwise or with a Swift integer or bool.
    public static func | (lhs: Tensor, rhs: Scalar) -> Tensor { lhs.bitwiseOr(Tensor(wrapping: rhs)) }
    /// Bitwise or of a Swift integer or bool with a tensor.
    public static func | (lhs: Scalar, rhs: Tensor) -> Tensor { Tensor(wrapping: lhs).bitwiseOr(rhs) }
    /// Bitwise (for bool: logical) exclusive or of integer or bool tensors.
    public static func ^ (lhs: Tensor, rhs: Tensor) -> Tensor { lhs.bitwiseXor(rhs) }
    /// Bitwise exclusive or with a Swift integer or bool.
    public static func ^ (lhs: Tensor, rhs: Scalar) -> Tensor { lhs.bitwiseXor(Tensor(wrapping: rhs)) }
    /// Bitwise exclusive or of a Swift integer or bool with a tensor.
    public static func ^ (lhs: Scalar, rhs: Tensor) -> Tensor { Tensor(wrapping: lhs).bitwiseXor(rhs) }
    /// Bitwise complement (for bool: logical not).
    public static prefix func ~ (operand: Tensor) -> Tensor { operand.bitwiseNot() }
    /// Left shift of an integer tensor (`torch.bitwise_left_shift`).
    public static func << (lhs: Tensor, rhs: Tensor) -> Tensor { lhs.bitwiseLeftShift(rhs) }
    /// Left shift by a Swift integer.
    public static func << (lhs: Tensor, rhs: Scalar) -> Tensor { lhs.bitwiseLeftShift(Tensor(wrapping: rhs)) }
    /// Right shift of an integer tensor, filling with the sign bit (`torch.bitwise_right_shift`).
    public static func >> (lhs: Tensor, rhs: Tensor) -> Tensor { lhs.bitwiseRightShift(rhs) }
    /// Right shift by a Swift integer.
    public static func >> (lhs: Tensor, rhs: Scalar) -> Tensor { lhs.bitwiseRightShift(Tensor(wrapping: rhs)) }
}
