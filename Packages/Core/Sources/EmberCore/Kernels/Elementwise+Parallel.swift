// Large contiguous elementwise loops split over Core's pool. The helpers here only prepare
// the output and the operands; the kernel writes the loop itself, calling its function as
// a static type (`F.apply`, or an operator on a concrete element type). Such a loop body
// specialises with its kernel and calls the function directly; a closure handed down as a
// parameter (as `Elementwise.map` takes it) would be called indirectly per element from a
// pool task, measured 5× slower than serial.

extension Elementwise {
    /// Elements from which the contiguous loops split over the pool (two ``grain``s).
    public static let parallelMinimum = 2 * grain

    /// The operands of a large unary loop: a new output shaped like `x`, and both base
    /// pointers; `nil` when `x` is small or not contiguous (use the serial loops).
    @inlinable
    public static func parallelOperands<A: TensorElement, R: TensorElement>(
        _ x: Tensor, _ a: A.Type, to r: R.Type
    ) -> (out: Tensor, po: UnsafeMutablePointer<R>, px: UnsafePointer<A>)? {
        guard x.count >= parallelMinimum, x.isContiguous else { return nil }
        let out = Tensor(emptyLike: x, dtype: R.dtype)
        return (out, out.dataPointer.assumingMemoryBound(to: R.self),
                UnsafePointer(x.dataPointer.assumingMemoryBound(to: A.self)))
    }

    /// The operands of a large binary loop over contiguous `a` and `b`, where `b` has `a`'s
    /// shape (`bIsScalar == false`) or one element (`true`, read as `pb[0]`); `nil` for
    /// any other case.
    @inlinable
    public static func parallelOperands<A: TensorElement, B: TensorElement, R: TensorElement>(
        _ a: Tensor, _ b: Tensor, _ ta: A.Type, _ tb: B.Type, to r: R.Type
    ) -> (out: Tensor, po: UnsafeMutablePointer<R>, pa: UnsafePointer<A>, pb: UnsafePointer<B>, bIsScalar: Bool)? {
        guard a.count >= parallelMinimum, a.isContiguous else { return nil }
        let bIsScalar = b.count == 1 && b.rank <= a.rank
        guard bIsScalar || (b.shape == a.shape && b.isContiguous) else { return nil }
        let out = Tensor(emptyLike: a, dtype: R.dtype)
        return (out, out.dataPointer.assumingMemoryBound(to: R.self),
                UnsafePointer(a.dataPointer.assumingMemoryBound(to: A.self)),
                UnsafePointer(b.dataPointer.assumingMemoryBound(to: B.self)), bIsScalar)
    }
}
