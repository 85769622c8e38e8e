// view / reshape / as_strided / alias: the same elements under another geometry.
// `view` never copies and fails when the strides do not allow the new shape; `reshape` is a
// composite that views when it can and otherwise views a contiguous clone.

extension CoreOperators {
    static func registerView(_ d: Dispatcher) {
        let clone = d.handle("clone")
        let view = define(d, "view(Tensor(a) self, int[] size) -> Tensor(a)",
                          doc: "Views the elements with another shape (one size may be -1); never copies.")
        d.register(view, anyDType: { args in
            [.tensor(try ViewKernels.view(try args.tensor(0), try args.ints(1)))]
        }, package: package)
        d.registerSamples(view) { dtype in
            [[.tensor(ViewSamples.ramp([2, 3, 4], dtype)), .ints([4, -1])],
             [.tensor(ViewSamples.transposed([2, 3, 4], dtype)), .ints([2, 3, 2, -1])]]
        }

        let reshape = define(d, "reshape(Tensor(a) self, int[] shape) -> Tensor(a)",
                             doc: "Views with another shape when the strides allow it, else copies.")
        d.registerComposite(reshape, package: package) { args in
            let t = try args.tensor(0)
            let shape = try ViewGeometry.inferSize(try args.ints(1), count: t.count, op: "reshape")
            if ViewGeometry.viewStrides(t.shape, t.strides, to: shape) != nil {
                return [.tensor(try ViewSupport.call(d, view, [.tensor(t), .ints(shape)]))]
            }
            let copy = try ViewSupport.call(d, clone, [.tensor(t)])
            return [.tensor(try ViewSupport.call(d, view, [.tensor(copy), .ints(shape)]))]
        }
        d.registerSamples(reshape) { dtype in ViewSamples.both(dtype, [.ints([6, -1])]) }

        let asStrided = define(
            d, "as_strided(Tensor(a) self, int[] size, int[] stride, int? storage_offset=None) -> Tensor(a)",
            doc: "Views the storage with explicit sizes, strides and offset.")
        d.register(asStrided, anyDType: { args in
            [.tensor(try ViewKernels.asStrided(
                try args.tensor(0), size: try args.ints(1), stride: try args.ints(2), offset: try args.optionalInt(3)))]
        }, package: package)
        d.registerSamples(asStrided) { dtype in
            [[.tensor(ViewSamples.ramp([2, 3, 4], dtype)), .ints([3, 2]), .ints([1, 4]), .int(2)],
             [.tensor(ViewSamples.transposed([2, 3, 4], dtype)), .ints([2, 2]), .ints([2, 0]), .none]]
        }

        let alias = define(d, "alias(Tensor(a) self) -> Tensor(a)",
                           doc: "A new tensor viewing the same elements with the same geometry.")
        d.register(alias, anyDType: { args in
            let t = try args.tensor(0)
            return [.tensor(ViewSupport.alias(t, shape: t.shape, strides: t.strides))]
        }, package: package)
        d.registerSamples(alias) { dtype in ViewSamples.both(dtype, []) }
    }
}

extension ViewKernels {
    /// `view`: the elements of `t` with shape `size` (one entry may be -1), sharing storage.
    static func view(_ t: Tensor, _ size: [Int]) throws -> Tensor {
        let shape = try ViewGeometry.inferSize(size, count: t.count, op: "view")
        guard let strides = ViewGeometry.viewStrides(t.shape, t.strides, to: shape) else {
            throw EmberError(.invalidArgument, op: "view",
                "view size is not compatible with input tensor's size and stride (at least one dimension spans across two contiguous subspaces). Use .reshape(...) instead.")
        }
        return ViewSupport.alias(t, shape: shape, strides: strides)
    }

    /// `as_strided`: any geometry inside `t`'s storage (negative strides are refused, as in
    /// PyTorch); the offset defaults to `t`'s.
    static func asStrided(_ t: Tensor, size: [Int], stride: [Int], offset: Int?) throws -> Tensor {
        guard size.count == stride.count else {
            throw EmberError(.invalidArgument, op: "as_strided", "mismatch in length of strides and shape")
        }
        if let negative = size.first(where: { $0 < 0 }) {
            throw EmberError(.invalidArgument, op: "as_strided", "Trying to create tensor with negative dimension \(negative): \(size)")
        }
        guard stride.allSatisfy({ $0 >= 0 }) else {
            throw EmberError(.invalidArgument, op: "as_strided",
                "as_strided: Negative strides are not supported at the moment, got strides: \(stride)")
        }
        let offset = offset ?? t.storageOffset
        guard offset >= 0 else {
            throw EmberError(.invalidArgument, op: "as_strided", "Tensor: invalid storage offset \(offset)")
        }
        let needed = ViewGeometry.elementRange(shape: size, strides: stride, offset: offset).map { $0.upperBound * t.dtype.itemSize } ?? 0
        guard needed <= t.storage.byteCount else {
            throw EmberError(.indexOutOfRange, op: "as_strided",
                "setStorage: sizes \(size), strides \(stride), storage offset \(offset), and itemsize \(t.dtype.itemSize) requiring a storage size of \(needed) are out of bounds for storage of size \(t.storage.byteCount)")
        }
        return ViewSupport.alias(t, shape: size, strides: stride, offset: offset)
    }
}

/// The kernels of the view operators: geometry only, no element is read or written.
enum ViewKernels {}

extension Tensor {
    private static let viewOp = Dispatcher.shared.handle("view")
    private static let reshapeOp = Dispatcher.shared.handle("reshape")
    private static let asStridedOp = Dispatcher.shared.handle("as_strided")
    private static let aliasOp = Dispatcher.shared.handle("alias")

    /// The same elements with shape `shape`, sharing storage (`tensor.view(2, -1)`); one
    /// size may be -1 and is inferred. Traps when the strides do not allow the shape without
    /// a copy (for example a transposed tensor flattened); use ``reshape(_:)-([Int])`` then.
    public func view(_ shape: [Int]) -> Tensor {
        Dispatcher.shared.callForTensor(Tensor.viewOp, [.tensor(self), .ints(shape)])
    }

    /// The same elements with shape `shape`, sharing storage (`tensor.view(2, -1)`).
    public func view(_ shape: Int...) -> Tensor { view(shape) }

    /// The elements with shape `shape` (one size may be -1): a view when the strides allow
    /// it, otherwise a contiguous copy (`tensor.reshape`).
    public func reshape(_ shape: [Int]) -> Tensor {
        Dispatcher.shared.callForTensor(Tensor.reshapeOp, [.tensor(self), .ints(shape)])
    }

    /// The elements with shape `shape`: a view when possible, else a copy (`tensor.reshape`).
    public func reshape(_ shape: Int...) -> Tensor { reshape(shape) }

    /// A view of this tensor's storage with explicit `size`, `stride` and `storageOffset`
    /// (in elements; `nil` keeps this tensor's offset), as `torch.as_strided`. Every element
    /// addressed must lie inside the storage.
    public func asStrided(size: [Int], stride: [Int], storageOffset: Int? = nil) -> Tensor {
        Dispatcher.shared.callForTensor(
            Tensor.asStridedOp, [.tensor(self), .ints(size), .ints(stride), storageOffset.map(IValue.int) ?? .none])
    }

    /// A new tensor object viewing the same elements with the same geometry (`tensor.alias()`).
    public func alias() -> Tensor {
        Dispatcher.shared.callForTensor(Tensor.aliasOp, [.tensor(self)])
    }
}
