// A sequential fold over each output's elements (products, extrema, logical reductions,
// counts): rows fold element by element; column blocks fold whole rows of outputs at once,
// an inner loop over contiguous columns that the compiler can vectorise.

extension Reduction {
    /// Reduces `x` under `plan`: each output starts at `initial`, folds its elements in
    /// order with `combine`, and stores `finish(accumulator)` as an `R`.
    @inlinable
    static func fold<T: TensorElement, A, R: TensorElement>(
        _ x: Tensor, _ plan: ReducePlan, _ type: T.Type, to result: R.Type, initial: A,
        _ combine: (A, T) -> A, finish: (A) -> R
    ) -> Tensor {
        let (out, po) = output(plan.outputShape, R.self)
        let columns = plan.forEachColumnBlock(of: x, as: T.self) { o, src, rows, rowStride, cols in
            withUnsafeTemporaryAllocation(of: A.self, capacity: cols) { acc in
                let a = acc.baseAddress!
                a.initialize(repeating: initial, count: cols)
                for i in 0..<rows {
                    let row = src + i * rowStride
                    for j in 0..<cols { a[j] = combine(a[j], row[j]) }
                }
                for j in 0..<cols { po[o + j] = finish(a[j]) }
                a.deinitialize(count: cols)
            }
        }
        if columns { return out }
        plan.forEachRow(of: x, as: T.self) { o, row, n, s in
            var acc = initial
            if s == 1 {
                for i in 0..<n { acc = combine(acc, row[i]) }
            } else {
                for i in 0..<n { acc = combine(acc, row[i * s]) }
            }
            po[o] = finish(acc)
        }
        return out
    }

    /// As ``fold(_:_:_:to:initial:_:finish:)`` with the accumulator stored as is.
    @inlinable
    static func fold<T: TensorElement, R: TensorElement>(
        _ x: Tensor, _ plan: ReducePlan, _ type: T.Type, initial: R, _ combine: (R, T) -> R
    ) -> Tensor {
        fold(x, plan, T.self, to: R.self, initial: initial, combine, finish: { $0 })
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
