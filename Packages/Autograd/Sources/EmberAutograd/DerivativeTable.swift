import EmberCore

/// The derivative table: one ``Derivative`` per differentiable Core operator, keyed by
/// the operator's ATen name. Families live in `Derivatives+*.swift`.
enum DerivativeTable {
    /// Every entry.
    static func all() -> [String: Derivative] {
        var table: [String: Derivative] = [:]
        pointwise(&table)
        unary(&table)
        reductions(&table)
        linearAlgebra(&table)
        views(&table)
        indexing(&table)
        return table
    }
}

/// Small helpers the formulas share.
extension Tensor {
    /// `self * s` for a Swift double.
    func scaled(_ s: Double) -> Tensor { s == 1 ? self : self * Scalar.double(s) }
    /// A bool tensor as this tensor's float dtype (for masks in formulas).
    func asMask(_ dtype: DType) -> Tensor { to(dtype) }
}

extension BackwardContext {
    /// The gradient of a reduction over `dims` (nil or empty: all) brought back to keepdim
    /// form, so that it broadcasts against the input.
    func keepdimGrad(_ g: Tensor, inputShape: [Int], dims: [Int]?, keepdim: Bool) -> Tensor {
        if keepdim { return g }
        let rank = inputShape.count
        let reduced = (dims?.isEmpty ?? true) ? Array(0..<rank) : dims!.map { $0 < 0 ? $0 + rank : $0 }.sorted()
        var shape = g.shape
        for d in reduced where d <= shape.count { shape.insert(1, at: d) }
        return g.reshape(shape)
    }

    /// The result of a reduction in keepdim form.
    func keepdimResult(_ r: Tensor, inputShape: [Int], dims: [Int]?, keepdim: Bool) -> Tensor {
        keepdimGrad(r, inputShape: inputShape, dims: dims, keepdim: keepdim)
    }
}
