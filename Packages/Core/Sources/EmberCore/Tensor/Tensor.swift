/// An n-dimensional array with a runtime dtype and device: Ember's `torch.Tensor`.
///
/// A tensor is a view: a ``storage`` plus ``shape``, ``strides`` (in elements) and a
/// ``storageOffset``. Views made by `view`, `transpose`, subscripts and friends share storage,
/// as in PyTorch. Operators are dispatched by the ``Dispatcher`` on the dtype and device.
public final class Tensor: @unchecked Sendable {
    /// The buffer this tensor views.
    public let storage: Storage
    /// The size of each dimension (`tensor.shape` / `tensor.size()`).
    public let shape: [Int]
    /// The distance in elements between neighbours along each dimension.
    public let strides: [Int]
    /// The index of the first element in ``storage``, in elements.
    public let storageOffset: Int
    /// The element type.
    public let dtype: DType
    /// The functionality layers (such as autograd) that calls on this tensor go through: its
    /// own, and a view's base's (so that a view joins the layers its base gained later).
    @inlinable public var layerKeys: DispatchKeySet {
        get {
            guard let base = _base else { return _layerKeys }
            return _layerKeys.union(base._layerKeys)
        }
        set { _layerKeys = newValue }
    }
    /// Whether this 0-d tensor stands for a Swift number in an expression such as `t * 2.5`;
    /// such operands never widen a tensor's dtype within its category (PyTorch's wrapped numbers).
    @inlinable public var isWrappedNumber: Bool {
        get { _isWrappedNumber }
        set { _isWrappedNumber = newValue }
    }
    /// Per-tensor state owned by a functionality layer; EmberAutograd keeps its metadata here.
    /// Core never looks inside.
    @inlinable public var autogradMeta: AnyObject? {
        get { _autogradMeta }
        set { _autogradMeta = newValue }
    }
    /// For a view made by a view operator, the tensor it views: the first tensor of the chain
    /// that is not itself a view (PyTorch's `tensor._base`); `nil` otherwise. View operators
    /// set it; code that makes its own view of another tensor's storage may set it too.
    @inlinable public var base: Tensor? {
        get { _base }
        set { _base = newValue }
    }
    /// For a view, the layers excluded on the thread that made it (PyTorch's view creation
    /// meta: a view made under `noGrad` stays outside the graph its base is in).
    @inlinable public var viewCreationExclusions: DispatchKeySet {
        get { _viewCreationExclusions }
        set { _viewCreationExclusions = newValue }
    }
    // The stored properties behind the five above: `@exclusivity(unchecked)` holds only
    // inside the declaring module, so other modules reach them through inlinable accessors
    // (a direct access from another module pays a dynamic exclusivity check).
    @usableFromInline @exclusivity(unchecked) var _layerKeys: DispatchKeySet = []
    @usableFromInline @exclusivity(unchecked) var _isWrappedNumber = false
    @usableFromInline @exclusivity(unchecked) var _autogradMeta: AnyObject?
    @usableFromInline @exclusivity(unchecked) var _base: Tensor?
    @usableFromInline @exclusivity(unchecked) var _viewCreationExclusions: DispatchKeySet = []

    /// Creates a view of `storage`. The caller guarantees that every element addressed by
    /// `shape`, `strides` and `storageOffset` lies inside the storage.
    public init(storage: Storage, shape: [Int], strides: [Int], storageOffset: Int = 0, dtype: DType) {
        self.storage = storage
        self.shape = shape
        self.strides = strides
        self.storageOffset = storageOffset
        self.dtype = dtype
        assert(_checkInvariants())
    }

    /// Checks that the view is well formed: one stride per dimension, no negative sizes,
    /// and every addressed element inside the storage. Debug builds check every tensor.
    public func _checkInvariants() -> Bool {
        precondition(shape.count == strides.count, "Tensor: shape \(shape) and strides \(strides) differ in rank")
        precondition(shape.allSatisfy { $0 >= 0 }, "Tensor: negative size in shape \(shape)")
        precondition(storageOffset >= 0, "Tensor: negative storage offset \(storageOffset)")
        if shape.contains(0) { return true }
        var lowest = storageOffset, highest = storageOffset
        for (size, stride) in zip(shape, strides) {
            if stride > 0 { highest += (size - 1) * stride } else { lowest += (size - 1) * stride }
        }
        precondition(lowest >= 0 && (highest + 1) * dtype.itemSize <= storage.byteCount,
            "Tensor: view shape \(shape) strides \(strides) offset \(storageOffset) (\(dtype)) reaches outside a storage of \(storage.byteCount) bytes")
        return true
    }

    /// Allocates a contiguous tensor with uninitialised contents (`torch.empty`).
    public convenience init(empty shape: [Int], dtype: DType = .defaultFloat) {
        let count = shape.reduce(1, *)
        precondition(shape.allSatisfy { $0 >= 0 }, "empty: negative dimension in shape \(shape)")
        self.init(
            storage: Storage(byteCount: count * dtype.itemSize), shape: shape,
            strides: Tensor.contiguousStrides(for: shape), dtype: dtype)
    }

    /// Allocates a contiguous tensor with `other`'s shape and uninitialised contents,
    /// sharing `other`'s shape and stride arrays when it is contiguous (no array allocation).
    @inlinable
    public convenience init(emptyLike other: Tensor, dtype: DType) {
        let count = other.count
        let strides = other.isContiguous ? other.strides : Tensor.contiguousStrides(for: other.shape)
        self.init(storage: Storage(byteCount: count * dtype.itemSize), shape: other.shape, strides: strides, dtype: dtype)
    }

    /// The device the storage lives on.
    @inlinable public var device: Device { storage.device }
    /// Whether this tensor is a view of another (`tensor._is_view()`).
    public var isView: Bool { base != nil }
    /// The number of dimensions (`tensor.dim()`).
    @inlinable public var rank: Int { shape.count }
    /// The number of dimensions, PyTorch's name.
    @inlinable public var ndim: Int { shape.count }
    /// The number of elements (`tensor.numel()`).
    @inlinable public var count: Int { shape.reduce(1, *) }
    /// The number of elements, PyTorch's name.
    @inlinable public var numel: Int { count }
    /// The storage version (PyTorch's `tensor._version`).
    @inlinable public var version: Int { storage.version }
    /// Whether elements are laid out in row-major order without gaps.
    public var isContiguous: Bool { Tensor.isContiguous(shape: shape, strides: strides) }

    /// The size of dimension `dim` (negative counts from the end).
    public func size(_ dim: Int) -> Int { shape[normalizeDim(dim, rank: rank, op: "size")] }
    /// The stride of dimension `dim` (negative counts from the end).
    public func stride(_ dim: Int) -> Int { strides[normalizeDim(dim, rank: rank, op: "stride")] }

    /// Row-major strides for `shape`.
    public static func contiguousStrides(for shape: [Int]) -> [Int] {
        var strides = [Int](repeating: 1, count: shape.count)
        var running = 1
        for d in Swift.stride(from: shape.count - 1, through: 0, by: -1) {
            strides[d] = running
            running *= Swift.max(shape[d], 1)
        }
        return strides
    }

    /// Whether `strides` describe a row-major layout of `shape` (size-1 dims may have any stride).
    public static func isContiguous(shape: [Int], strides: [Int]) -> Bool {
        var expected = 1
        for d in Swift.stride(from: shape.count - 1, through: 0, by: -1) where shape[d] != 1 {
            if shape[d] == 0 { return true }
            if strides[d] != expected { return false }
            expected *= shape[d]
        }
        return true
    }

    /// The storage's bytes for element 0 of this view.
    @inlinable public var dataPointer: UnsafeMutableRawPointer {
        storage.data + storageOffset * dtype.itemSize
    }

    /// Calls `body` with a typed pointer to element 0 of this view. `T` must match ``dtype``.
    @inlinable public func withUnsafeMutablePointer<T: TensorElement, R>(
        as type: T.Type, _ body: (UnsafeMutablePointer<T>) throws -> R
    ) rethrows -> R {
        precondition(T.dtype == dtype, "withUnsafeMutablePointer: tensor is \(dtype), asked for \(T.dtype)")
        return try body(dataPointer.assumingMemoryBound(to: T.self))
    }

    /// Calls `body` with a typed read-only pointer to element 0 of this view.
    @inlinable public func withUnsafePointer<T: TensorElement, R>(
        as type: T.Type, _ body: (UnsafePointer<T>) throws -> R
    ) rethrows -> R {
        precondition(T.dtype == dtype, "withUnsafePointer: tensor is \(dtype), asked for \(T.dtype)")
        return try body(UnsafePointer(dataPointer.assumingMemoryBound(to: T.self)))
    }
}
