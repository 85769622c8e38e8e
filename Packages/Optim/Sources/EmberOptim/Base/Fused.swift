import EmberCore

/// Helpers of the fused update paths: one pass over raw pointers per parameter, with the
/// parameter, its gradient and its state buffers read and written together.
///
/// A parameter takes the fused path when it, its gradient and its buffers are contiguous
/// float32 or float64 tensors of one dtype and size; otherwise the optimizer runs its
/// tensor-operation reference path, which computes the same formulas.
enum Fused {
    /// Whether `p`, `g` and the given buffers allow the fused path.
    @inline(__always)
    static func eligible(_ p: Tensor, _ g: Tensor, _ a: Tensor? = nil, _ b: Tensor? = nil, _ c: Tensor? = nil) -> Bool {
        guard p.dtype == .float32 || p.dtype == .float64, p.device == .cpu else { return false }
        let n = p.count
        func fits(_ t: Tensor?) -> Bool {
            guard let t else { return true }
            return t.dtype == p.dtype && t.count == n && t.isContiguous && t.device == .cpu
        }
        return p.isContiguous && fits(g) && fits(a) && fits(b) && fits(c)
    }

    /// The typed pointer to element 0 of `t` (contiguous, of element type `T`).
    @inline(__always)
    static func ptr<T: FloatElement>(_ t: Tensor, _ type: T.Type) -> UnsafeMutablePointer<T> {
        t.dataPointer.assumingMemoryBound(to: T.self)
    }

    /// The typed pointer to element 0 of `t`, or `nil`.
    @inline(__always)
    static func ptr<T: FloatElement>(_ t: Tensor?, _ type: T.Type) -> UnsafeMutablePointer<T>? {
        t.map { $0.dataPointer.assumingMemoryBound(to: T.self) }
    }

    /// Records the in-place writes of a fused update.
    @inline(__always)
    static func bump(_ tensors: Tensor?...) {
        for t in tensors { t?.storage.bumpVersion() }
    }
}

/// The reference path's building blocks: PyTorch's in-place compound operations written
/// with Core tensor operations (they bump the version as every in-place op does).
enum Ref {
    /// `s.lerp_(end, w)`.
    static func lerp_(_ s: Tensor, _ end: Tensor, _ w: Double) {
        if Swift.abs(w) < 0.5 {
            s.add_((end - s) * .double(w))
        } else {
            s.copy_(end - (end - s) * .double(1 - w))
        }
    }

    /// `s.addcmul_(t1, t2, value)`.
    static func addcmul_(_ s: Tensor, _ t1: Tensor, _ t2: Tensor, _ value: Double) {
        s.add_(t1 * t2, alpha: .double(value))
    }

    /// `s.addcdiv_(t1, t2, value)`.
    static func addcdiv_(_ s: Tensor, _ t1: Tensor, _ t2: Tensor, _ value: Double) {
        s.add_(t1 / t2, alpha: .double(value))
    }

    /// The gradient as the update sees it: negated under `maximize`, plus `wd · p` when
    /// `wd != 0` (L2 weight decay).
    static func effectiveGrad(_ g: Tensor, _ p: Tensor, maximize: Bool, weightDecay wd: Double) -> Tensor {
        var grad = maximize ? -g : g
        if wd != 0 { grad = grad.add(p, alpha: .double(wd)) }
        return grad
    }
}
