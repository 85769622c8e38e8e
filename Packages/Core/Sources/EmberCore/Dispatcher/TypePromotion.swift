/// How an operator's tensor arguments are brought to one dtype before its kernel runs.
///
/// The dispatcher applies the rule before the layers, through the `_to_copy` operator, so
/// that autograd records the casts and kernels only ever see inputs of the dispatch dtype.
public enum TypePromotion: Sendable {
    /// No casts; the kernel is chosen by the dtype of the dispatch argument.
    case none
    /// Cast the named tensor arguments to their common type (`torch.result_type`).
    case common([String])
    /// As `common`, then integer and bool results become the default float type (true
    /// division, `atan2`, unary floating functions such as `exp`).
    case commonIntToFloat([String])

    /// The common dtype of `tensors` (`torch.result_type`): dimensioned tensors outrank 0-d
    /// tensors, which outrank wrapped Swift numbers, unless a lower-priority operand is of a
    /// higher category (bool < integral < floating). A wrapped floating number counts as the
    /// default float type.
    public static func resultType(_ tensors: [Tensor]) -> DType? {
        var dim: DType?, zeroDim: DType?, wrapped: DType?
        func merge(_ a: DType?, _ b: DType) -> DType { a.map { DType.promoted($0, b) } ?? b }
        for t in tensors {
            if t.isWrappedNumber {
                wrapped = merge(wrapped, t.dtype.isFloatingPoint ? .defaultFloat : t.dtype)
            } else if t.rank == 0 {
                zeroDim = merge(zeroDim, t.dtype)
            } else {
                dim = merge(dim, t.dtype)
            }
        }
        return combine(dim, combine(zeroDim, wrapped))
    }

    private static func combine(_ higher: DType?, _ lower: DType?) -> DType? {
        guard let higher else { return lower }
        guard let lower else { return higher }
        if higher.isFloatingPoint { return higher }
        if higher == .bool || lower.isFloatingPoint { return DType.promoted(higher, lower) }
        return higher
    }
}
