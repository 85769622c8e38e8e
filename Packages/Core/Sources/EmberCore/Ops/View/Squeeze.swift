// squeeze / unsqueeze / flatten / unflatten: add, remove, merge and split dimensions.
// `flatten` (through reshape) and `unflatten` (through view) are composites.

extension CoreOperators {
    static func registerSqueeze(_ d: Dispatcher) {
        let squeeze = define(d, "squeeze(Tensor(a) self, int[]? dim=None) -> Tensor(a)",
                             doc: "Removes dimensions of size 1 (all of them, or those listed in dim).")
        d.register(squeeze, anyDType: { args in
            [.tensor(try ViewKernels.squeeze(try args.tensor(0), dims: try args.optionalInts(1)))]
        }, package: package)
        d.registerSamples(squeeze) { dtype in
            [[.tensor(ViewSamples.ramp([2, 1, 3, 1], dtype)), .none],
             [.tensor(ViewSamples.transposed([1, 3, 2], dtype)), .ints([0, 1])]]
        }

        let unsqueeze = define(d, "unsqueeze(Tensor(a) self, int dim) -> Tensor(a)",
                               doc: "Inserts a dimension of size 1 at position dim.")
        d.register(unsqueeze, anyDType: { args in
            [.tensor(try ViewKernels.unsqueeze(try args.tensor(0), try args.int(1)))]
        }, package: package)
        d.registerSamples(unsqueeze) { dtype in ViewSamples.both(dtype, [.int(-2)]) }

        let reshape = d.handle("reshape"), view = d.handle("view")
        let flatten = define(d, "flatten(Tensor(a) self, int start_dim=0, int end_dim=-1) -> Tensor(a)",
                             doc: "Merges dimensions start_dim...end_dim into one (a view when possible).")
        d.registerComposite(flatten, package: package) { args in
            let t = try args.tensor(0)
            guard let shape = try ViewKernels.flattenedShape(t.shape, start: try args.int(1), end: try args.int(2)) else {
                return [.tensor(t)]
            }
            return [.tensor(try ViewSupport.call(d, reshape, [.tensor(t), .ints(shape)]))]
        }
        d.registerSamples(flatten) { dtype in ViewSamples.both(dtype, [.int(1), .int(-1)]) }

        let unflatten = define(d, "unflatten(Tensor(a) self, int dim, int[] sizes) -> Tensor(a)",
                               doc: "Splits dimension dim into dimensions of the given sizes (one may be -1).")
        d.registerComposite(unflatten, package: package) { args in
            let t = try args.tensor(0)
            let shape = try ViewKernels.unflattenedShape(t.shape, dim: try args.int(1), sizes: try args.ints(2))
            return [.tensor(try ViewSupport.call(d, view, [.tensor(t), .ints(shape)]))]
        }
        d.registerSamples(unflatten) { dtype in ViewSamples.both(dtype, [.int(-1), .ints([2, -1])]) }
    }
}

extension ViewKernels {
    /// `squeeze`: `t` without its size-1 dimensions, or without those of `dims` that have size 1.
    static func squeeze(_ t: Tensor, dims: [Int]?) throws -> Tensor {
        var drop = [Bool](repeating: false, count: t.rank)
        if let dims {
            var listed = [Bool](repeating: false, count: t.rank)
            for dim in dims {
                let d = try checkedDim(dim, rank: t.rank, op: "squeeze")
                if t.rank == 0 { continue }
                guard !listed[d] else {
                    throw EmberError(.invalidDimension, op: "squeeze", "dim \(d) appears multiple times in the list of dims")
                }
                listed[d] = true
                drop[d] = t.shape[d] == 1
            }
        } else {
            for d in 0..<t.rank { drop[d] = t.shape[d] == 1 }
        }
        let kept = (0..<t.rank).filter { !drop[$0] }
        return ViewSupport.alias(t, shape: kept.map { t.shape[$0] }, strides: kept.map { t.strides[$0] })
    }

    /// `unsqueeze`: `t` with a size-1 dimension inserted at `dim` (in `-rank-1...rank`).
    static func unsqueeze(_ t: Tensor, _ dim: Int) throws -> Tensor {
        let d = try checkedDim(dim, rank: t.rank + 1, op: "unsqueeze")
        // The stride PyTorch gives the new dimension: as if it were an outer dimension of
        // the one it is inserted before.
        let stride = d >= t.rank ? 1 : t.shape[d] * t.strides[d]
        var shape = t.shape, strides = t.strides
        shape.insert(1, at: d)
        strides.insert(stride, at: d)
        return ViewSupport.alias(t, shape: shape, strides: strides)
    }

    /// The shape `flatten(start, end)` produces, or `nil` when it is `shape` itself (PyTorch
    /// then returns the input tensor).
    static func flattenedShape(_ shape: [Int], start: Int, end: Int) throws -> [Int]? {
        let s = try checkedDim(start, rank: shape.count, op: "flatten")
        let e = try checkedDim(end, rank: shape.count, op: "flatten")
        guard s <= e else {
            throw EmberError(.invalidDimension, op: "flatten", "flatten() has invalid args: start_dim cannot come after end_dim")
        }
        if shape.isEmpty { return [1] }
        if s == e { return nil }
        return Array(shape[..<s]) + [shape[s...e].reduce(1, *)] + Array(shape[(e + 1)...])
    }

    /// The shape `unflatten(dim, sizes)` produces: dimension `dim` replaced by `sizes`
    /// (one of which may be -1).
    static func unflattenedShape(_ shape: [Int], dim: Int, sizes: [Int]) throws -> [Int] {
        guard !shape.isEmpty else {
            throw EmberError(.invalidDimension, op: "unflatten", "Dimension specified as \(dim) but tensor has no dimensions")
        }
        let d = try checkedDim(dim, rank: shape.count, op: "unflatten")
        guard !sizes.isEmpty else {
            throw EmberError(.invalidArgument, op: "unflatten", "unflatten: sizes must be non-empty")
        }
        let resolved: [Int]
        if sizes.contains(-1) {
            resolved = try ViewGeometry.inferSize(sizes, count: shape[d], op: "unflatten")
        } else {
            guard sizes.reduce(1, *) == shape[d] else {
                throw EmberError(.shapeMismatch, op: "unflatten",
                    "unflatten: Provided sizes \(sizes) don't multiply up to the size of dim \(dim) (\(shape[d])) in the input tensor")
            }
            resolved = sizes
        }
        return Array(shape[..<d]) + resolved + Array(shape[(d + 1)...])
    }
}

extension Tensor {
    private static let squeezeOp = Dispatcher.shared.handle("squeeze")
    private static let unsqueezeOp = Dispatcher.shared.handle("unsqueeze")
    private static let flattenOp = Dispatcher.shared.handle("flatten")
    private static let unflattenOp = Dispatcher.shared.handle("unflatten")

    /// A view without the size-1 dimensions (all of them when `dim` is `nil`, else `dim`
    /// when its size is 1) (`tensor.squeeze(dim)`).
    public func squeeze(dim: Int? = nil) -> Tensor {
        Dispatcher.shared.callForTensor(Tensor.squeezeOp, [.tensor(self), dim.map { .ints([$0]) } ?? .none])
    }

    /// A view without those of `dims` that have size 1 (`tensor.squeeze((0, 2))`).
    public func squeeze(dims: [Int]) -> Tensor {
        Dispatcher.shared.callForTensor(Tensor.squeezeOp, [.tensor(self), .ints(dims)])
    }

    /// A view with a size-1 dimension inserted at `dim`, which may be `-rank-1...rank`
    /// (`tensor.unsqueeze`).
    public func unsqueeze(_ dim: Int) -> Tensor {
        Dispatcher.shared.callForTensor(Tensor.unsqueezeOp, [.tensor(self), .int(dim)])
    }

    /// Dimensions `startDim...endDim` merged into one; a view when the strides allow it,
    /// else a copy; a 0-d tensor becomes 1-d (`tensor.flatten`).
    public func flatten(startDim: Int = 0, endDim: Int = -1) -> Tensor {
        Dispatcher.shared.callForTensor(Tensor.flattenOp, [.tensor(self), .int(startDim), .int(endDim)])
    }

    /// A view with dimension `dim` split into dimensions of `sizes`, one of which may be -1
    /// (`tensor.unflatten(1, (2, -1))`).
    public func unflatten(dim: Int, sizes: [Int]) -> Tensor {
        Dispatcher.shared.callForTensor(Tensor.unflattenOp, [.tensor(self), .int(dim), .ints(sizes)])
    }
}
