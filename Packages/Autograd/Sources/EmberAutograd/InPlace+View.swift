import EmberCore

/// In-place changes through views (PyTorch's `CopySlices` and view-history regeneration).
extension Autograd {
    /// In-place on a view of `base`: the base's new history is its old one with the view's
    /// elements replaced by the out-of-place result (a differentiable gather and scatter in the
    /// base's element order, so any view geometry works, `as_strided` included), under a
    /// `CopySlices` node; the view's history is then regenerated from the base's.
    static func inPlaceOnView(_ target: Tensor, _ base: Tensor, _ args: Arguments, _ next: Redispatch,
                              _ compute: (Tensor, [IValue]) throws -> Tensor?) throws -> [IValue] {
        if let m = base.meta, m.requiresGrad, m.gradFn == nil {
            throw AutogradError.error("a view of a leaf Variable that requires grad is being used in an in-place operation.")
        }
        if base._requiresGrad && target.meta?.view == nil {
            throw AutogradError.error("A view was created in no_grad mode and is being modified inplace with grad mode "
                + "enabled. Given that this use case is ambiguous and error-prone, it is forbidden. You can clarify your "
                + "code by moving both the view and the inplace either both inside the no_grad block (if you don't want "
                + "the inplace to be tracked) or both outside (if you want the inplace to be tracked).")
        }
        guard base.dtype.isFloatingPoint else { return try next(args.values) }
        let index = try elementIndex(of: target, in: base)
        let oldBase = historyCopy(base).reshape([-1])
        guard let result = try compute(oldBase.gather(dim: 0, index: index).reshape(target.shape), args.values) else {
            return try next(args.values)
        }
        let values = (result.dtype == base.dtype ? result : result.to(base.dtype)).expand(target.shape).reshape([-1])
        let newBase = oldBase.scatter(dim: 0, index: index, src: values).reshape(base.shape)
        let out = try next(args.values)
        if let edge = newBase.gradientEdge() {
            let node = CopySlices(edge, forwardOp: args.op)
            rebase(base, onto: AutogradMeta(requiresGrad: true, gradFn: node, outputNr: 0))
        }
        let m: AutogradMeta
        if let existing = target.meta {
            m = existing
        } else {
            m = AutogradMeta(requiresGrad: true)
            target.attach(m)
        }
        m.requiresGrad = true
        m.view = ViewInfo(version: -1)  // stale: regenerated now, from the rebased base
        refreshViewHistory(target, m)
        return out
    }

    /// The positions, in `base`'s row-major element order, of the elements `view` addresses
    /// (flattened, int64): found through a storage-sized map from storage slots to positions,
    /// so they are right for any layout of the base and any view geometry.
    static func elementIndex(of view: Tensor, in base: Tensor) throws -> Tensor {
        try DispatchKeySet.excluding(.autograd) {
            let slots = base.storage.byteCount / Swift.max(base.dtype.itemSize, 1)
            let map = Tensor([Int64](repeating: -1, count: slots), shape: [slots])
            let positions = Tensor((0..<Int64(base.count)).map { $0 }, shape: base.shape)
            _ = Tensor(storage: map.storage, shape: base.shape, strides: base.strides,
                       storageOffset: base.storageOffset, dtype: .int64).copy_(positions)
            let index = Tensor(storage: map.storage, shape: view.shape, strides: view.strides,
                               storageOffset: view.storageOffset, dtype: .int64).contiguous().reshape([-1])
            let outside = index.dataPointer.withMemoryRebound(to: Int64.self, capacity: index.count) { p in
                (0..<index.count).contains { p[$0] < 0 }
            }
            if outside {
                throw AutogradError.error("an in-place operation on a view of shape \(view.shape), strides \(view.strides) and "
                    + "offset \(view.storageOffset) writes elements outside its base of shape \(base.shape)")
            }
            return index
        }
    }

    /// Regenerates the history of the view `t` when its storage changed since its `gradFn`
    /// was made (PyTorch's check of the version recorded in a view's autograd metadata): the
    /// new `gradFn` is an `AsStridedBackward0` of the base's current history.
    /// A view taken outside the graph whose base has since gained history joins it (PyTorch
    /// makes such a view require grad): it gets metadata whose history is regenerated from
    /// the base as an `AsStridedBackward0`. Returns that metadata, or `nil` while the base
    /// does not require grad. Views made under `noGrad` stay outside.
    static func joinBaseHistory(_ t: Tensor) -> AutogradMeta? {
        guard t.meta == nil, t.dtype.isFloatingPoint, !t.viewCreationExclusions.contains(.autograd),
              let base = t.base, base._requiresGrad else { return nil }
        // Threads meeting the view at once attach one metadata (the refresh calls operators,
        // which may take the same lock, so it runs outside).
        let m = AccumulateGrad.lock.withLock { _ -> AutogradMeta in
            if let existing = t.meta { return existing }
            let m = AutogradMeta(requiresGrad: true)
            m.view = ViewInfo(version: t.version &- 1)  // stale, so that the refresh below runs
            t.attach(m)
            return m
        }
        refreshViewHistory(t, m)
        return m
    }

    static func refreshViewHistory(_ t: Tensor, _ m: AutogradMeta) {
        guard let info = m.view, info.version != t.version, let base = t.base else { return }
        m.view?.version = t.version
        guard base._requiresGrad else { return }
        let fresh = DispatchKeySet.including(.autograd) {
            base.asStrided(size: t.shape, stride: t.strides, storageOffset: t.storageOffset)
        }
        guard let fm = fresh.meta, let fn = fm.gradFn else { return }
        m.gradFn = fn
        m.outputNr = fm.outputNr
    }
}

/// The history of a base changed in place through one of its views (PyTorch's `CopySlices`):
/// the gradient passes unchanged to the recorded scatter of the new values into the old base.
final class CopySlices: Node, @unchecked Sendable {
    init(_ edge: Edge, forwardOp: String) {
        super.init(name: "CopySlices", forwardOp: forwardOp, nextEdges: [edge], outputCount: 1)
    }

    override func apply(_ grads: [Tensor?], createGraph: Bool) throws -> [Tensor?] { [grads[0]] }
}
