import EmberCore

/// The autograd state of one tensor (PyTorch's `AutogradMeta`), kept in
/// `Tensor.autogradMeta`: whether it requires grad, its accumulated gradient, the node
/// that produced it (`gradFn`) and which of that node's outputs it is.
final class AutogradMeta: @unchecked Sendable {
    /// Whether gradients flow to this tensor.
    @exclusivity(unchecked) var requiresGrad: Bool
    /// The accumulated gradient (leaves, and non-leaves that retain it).
    @exclusivity(unchecked) var grad: Tensor?
    /// The backward node that produced this tensor; `nil` for leaves.
    @exclusivity(unchecked) var gradFn: Node?
    /// Which output of `gradFn` this tensor is.
    @exclusivity(unchecked) var outputNr: Int
    /// Whether a non-leaf keeps its gradient in `grad`.
    var retainsGrad = false
    /// Hooks on a leaf's gradient, run before accumulation.
    var hooks: [@Sendable (Tensor) -> Tensor?] = []
    /// The leaf's gradient accumulator, shared by every graph that uses the leaf (it
    /// refers back to this metadata unowned, so holding it here makes no cycle).
    @exclusivity(unchecked) var accumulator: AccumulateGrad?

    /// For a view made by a view operator: its base and how to remake it.
    @exclusivity(unchecked) var view: ViewInfo?

    init(requiresGrad: Bool, gradFn: Node? = nil, outputNr: Int = 0) {
        self.requiresGrad = requiresGrad
        self.gradFn = gradFn
        self.outputNr = outputNr
    }

    deinit { accumulator?.alive = false }

    /// The leaf's accumulator, created once (under the accumulation lock, so that threads
    /// sharing a leaf agree on it). `requiresGrad_` creates it up front.
    @discardableResult
    func makeAccumulator() -> AccumulateGrad {
        AccumulateGrad.lock.withLock { _ in
            if let acc = accumulator { return acc }
            let acc = AccumulateGrad(meta: self)
            accumulator = acc
            return acc
        }
    }
}

extension Tensor {
    /// The autograd metadata, if any.
    @inline(__always) var meta: AutogradMeta? {
        autogradMeta.map { unsafeDowncast($0, to: AutogradMeta.self) }
    }

    /// Whether this tensor takes part in differentiation (it requires grad itself or has a
    /// `gradFn`).
    @inline(__always) var _requiresGrad: Bool {
        if let m = meta { return m.requiresGrad }
        return base != nil && Autograd.joinBaseHistory(self) != nil
    }

    /// The metadata with a view's history brought up to date (see ``ViewInfo``).
    var currentMeta: AutogradMeta? {
        guard let m = meta ?? Autograd.joinBaseHistory(self) else { return nil }
        if m.view != nil { Autograd.refreshViewHistory(self, m) }
        return m
    }

    /// Attaches fresh metadata (making this tensor a graph output or a leaf).
    func attach(_ meta: AutogradMeta) {
        autogradMeta = meta
        layerKeys.insert(.autograd)
    }

    /// The edge gradients for this tensor flow along: its `gradFn` output, or its leaf
    /// accumulator; `nil` when it does not require grad.
    func gradientEdge() -> Edge? {
        guard let m = meta, m.requiresGrad else { return nil }
        if m.view != nil { Autograd.refreshViewHistory(self, m) }
        if let fn = m.gradFn { return Edge(node: fn, inputNr: m.outputNr) }
        if let acc = m.accumulator { return Edge(node: acc, inputNr: 0) }
        return Edge(node: m.makeAccumulator(), inputNr: 0)
    }

    /// A new tensor object viewing the same elements, without autograd metadata.
    func plainAlias() -> Tensor {
        let t = Tensor(storage: storage, shape: shape, strides: strides, storageOffset: storageOffset, dtype: dtype)
        t.isWrappedNumber = isWrappedNumber
        return t
    }
}

/// A differentiable view's link to its history (PyTorch's `DifferentiableViewMeta`): the
/// storage version its `gradFn` was made at. An in-place change of the base or of another
/// view of it bumps the shared version, and the view's history is then regenerated from
/// the base's current one (an `AsStridedBackward0`) the next time it is used.
struct ViewInfo {
    /// The storage version the view's `gradFn` reflects.
    var version: Int

    /// The info for `view`, made from `source` by a view operator; `view.base` is set when the
    /// operator returned a fresh alias that Core did not mark as a view.
    init(_ view: Tensor, of source: Tensor) {
        if view.base == nil { view.base = source.base ?? source }
        version = view.version
    }

    /// The info for a view whose history reflects storage version `version`.
    init(version: Int) { self.version = version }
}
