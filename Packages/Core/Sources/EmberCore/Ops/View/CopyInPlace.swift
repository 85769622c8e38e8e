// copy_: write src into self's elements in place, broadcasting src and converting its dtype.
// Works through any view (a row, a column, a diagonal), which is how `t[0] = x` writes into
// `t`. Refuses, as PyTorch does, targets that address one element twice and sources that
// partly overlap the target.

extension CoreOperators {
    static func registerCopyInPlace(_ d: Dispatcher) {
        let copy = define(d, "copy_(Tensor(a!) self, Tensor src, bool non_blocking=False) -> Tensor(a!)",
                          dispatchOn: "self", doc: "Copies src into self in place, broadcasting and converting dtype.")
        d.register(copy, anyDType: { args in
            [.tensor(try ViewKernels.copyInPlace(try args.tensor(0), from: try args.tensor(1)))]
        }, package: package)
        d.registerSamples(copy) { dtype in
            [[.tensor(ViewSamples.ramp([2, 3], dtype)), .tensor(ViewSamples.ramp([3], dtype)), .bool(false)],
             [.tensor(ViewSamples.transposed([3, 2], dtype)), .tensor(ViewSamples.ramp([3, 2], .float64)), .bool(false)]]
        }
    }
}

extension ViewKernels {
    /// How two views of memory relate (PyTorch's `MemOverlapStatus`).
    enum Overlap {
        /// No element is shared.
        case none
        /// The same elements in the same layout.
        case full
        /// Some elements shared, in different places or layouts.
        case partial
        /// Shared memory in layouts too irregular to compare cheaply.
        case unknown
    }

    /// How the memory of `a` and `b` overlaps.
    static func overlap(_ a: Tensor, _ b: Tensor) -> Overlap {
        if a === b { return .full }
        guard a.storage === b.storage,
              let ra = ViewGeometry.elementRange(shape: a.shape, strides: a.strides, offset: a.storageOffset),
              let rb = ViewGeometry.elementRange(shape: b.shape, strides: b.strides, offset: b.storageOffset),
              ra.overlaps(rb)
        else { return .none }
        guard ViewGeometry.isNonOverlappingAndDense(shape: a.shape, strides: a.strides),
              ViewGeometry.isNonOverlappingAndDense(shape: b.shape, strides: b.strides)
        else { return .unknown }
        return ra == rb && a.shape == b.shape && a.strides == b.strides ? .full : .partial
    }

    /// `copy_`: writes `src` (broadcast to `target`'s shape, converted to its dtype) into
    /// `target` and bumps its version.
    static func copyInPlace(_ target: Tensor, from src: Tensor) throws -> Tensor {
        if ViewGeometry.hasInternalOverlap(shape: target.shape, strides: target.strides) {
            throw EmberError(.invalidArgument, op: "copy_",
                "unsupported operation: more than one element of the written-to tensor refers to a single memory location. Please clone() the tensor before performing the operation.")
        }
        var source = src
        switch overlap(target, src) {
        case .partial:
            throw EmberError(.invalidArgument, op: "copy_",
                "unsupported operation: some elements of the input tensor and the written-to tensor refer to a single memory location. Please clone() the tensor before performing the operation.")
        case .unknown:
            // PyTorch leaves the result to its loop order here; reading a copy makes it exact.
            source = RawCopy.clone(src)
        case .none, .full:
            break
        }
        let shape = try broadcastShapes(target.shape, src.shape, op: "copy_")
        guard shape == target.shape else {
            throw EmberError(.shapeMismatch, op: "copy_",
                "output with shape \(target.shape) doesn't match the broadcast shape \(shape)")
        }
        if source.dtype != target.dtype { source = castTensor(source, to: target.dtype) }
        RawCopy.copy(from: source, strides: source.broadcastStrides(to: target.shape), into: target)
        target.storage.bumpVersion()
        return target
    }
}

extension Tensor {
    private static let copyOp = Dispatcher.shared.handle("copy_")

    /// Copies `src` into this tensor's elements in place (`tensor.copy_(src)`): `src` is
    /// broadcast to this shape and converted to this dtype; the storage's version is bumped.
    /// Through a view this writes into the viewed tensor. Traps when this tensor addresses an
    /// element twice (an expanded tensor) or when `src` partly overlaps it.
    @discardableResult
    public func copy_(_ src: Tensor) -> Tensor {
        Dispatcher.shared.callForTensor(Tensor.copyOp, [.tensor(self), .tensor(src), .bool(false)])
    }
}
