// Sequential folds over each output's elements (products, extrema, logical reductions,
// counts). A fold is a small struct rather than a closure so that its step specialises and
// inlines into the loops: rows fold element by element (or through the fold's own SIMD
// path for contiguous rows); column blocks fold whole rows of outputs at once, an inner
// loop over contiguous columns that the compiler vectorises.

/// One step of a sequential reduction: `accumulator = step(accumulator, element)` from
/// `initial`; the final accumulator is the output element.
public protocol ReductionFold {
    /// The input element type.
    associatedtype Element: TensorElement
    /// The accumulator, stored as the output element.
    associatedtype Accumulator: TensorElement
    /// The accumulator before any element (the identity, or the first-step sentinel).
    var initial: Accumulator { get }
    /// Folds one element in.
    func step(_ accumulator: Accumulator, _ element: Element) -> Accumulator
    /// The fold of a contiguous run from `initial`, when the fold has a faster path than
    /// element by element (SIMD); `nil` otherwise.
    func contiguous(_ p: UnsafePointer<Element>, _ n: Int) -> Accumulator?
}

extension ReductionFold {
    /// No fast path by default.
    @inlinable public func contiguous(_ p: UnsafePointer<Element>, _ n: Int) -> Accumulator? { nil }
}

extension Reduction {
    /// Reduces `x` under `plan` with `fold`, into a new tensor of the accumulator's dtype.
    @inlinable
    static func fold<F: ReductionFold>(_ x: Tensor, _ plan: ReducePlan, _ fold: F) -> Tensor {
        let (out, po) = output(plan.outputShape, F.Accumulator.self)
        let initial = fold.initial
        let columns = plan.forEachColumnBlock(of: x, as: F.Element.self) { o, src, rows, rowStride, cols in
            let a = po + o
            for j in 0..<cols { a[j] = initial }
            for i in 0..<rows {
                let row = src + i * rowStride
                for j in 0..<cols { a[j] = fold.step(a[j], row[j]) }
            }
        }
        if columns { return out }
        plan.forEachRow(of: x, as: F.Element.self) { o, row, n, s in
            if s == 1, let fast = fold.contiguous(row, n) { po[o] = fast; return }
            var acc = initial
            if s == 1 {
                for i in 0..<n { acc = fold.step(acc, row[i]) }
            } else {
                for i in 0..<n { acc = fold.step(acc, row[i * s]) }
            }
            po[o] = acc
        }
        return out
    }

    /// The larger of two values, NaN winning (PyTorch's max/amax propagate NaN).
    @inlinable
    static func maxPropagatingNaN<T: NumericElement>(_ a: T, _ b: T) -> T {
        (b > a || b != b) ? b : a
    }

    /// The smaller of two values, NaN winning.
    @inlinable
    static func minPropagatingNaN<T: NumericElement>(_ a: T, _ b: T) -> T {
        (b < a || b != b) ? b : a
    }
}

/// The product of the elements in their own type (floating).
struct ProductFold<T: FloatElement>: ReductionFold {
    var initial: T { T.oneValue }
    @inlinable func step(_ a: T, _ x: T) -> T { a * x }
}

/// The wrapping int64 product of integer elements.
struct IntegerProductFold<T: IntegerNumericElement>: ReductionFold {
    var initial: Int64 { 1 }
    @inlinable func step(_ a: Int64, _ x: T) -> Int64 { a &* Int64(truncatingIfNeeded: x) }
}

/// The number of non-zero elements (NaN counts), as int64.
struct NonzeroCountFold<T: NumericElement>: ReductionFold {
    var initial: Int64 { 0 }
    @inlinable func step(_ a: Int64, _ x: T) -> Int64 { x != T.zeroValue ? a + 1 : a }
}

/// Whether every element (`isAll`) or any element is non-zero.
struct AllAnyFold<T: NumericElement>: ReductionFold {
    let isAll: Bool
    var initial: Bool { isAll }
    @inlinable func step(_ a: Bool, _ x: T) -> Bool { isAll ? a && x != T.zeroValue : a || x != T.zeroValue }
}
