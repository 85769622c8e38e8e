// select / slice / narrow: pick one index or a strided range along a dimension by moving
// the storage offset and scaling the stride. `narrow` is a composite of slice.

extension CoreOperators {
    static func registerSlice(_ d: Dispatcher) {
        let select = define(d, "select(Tensor(a) self, int dim, int index) -> Tensor(a)",
                            doc: "Views one index along dim, removing that dimension.")
        d.register(select, anyDType: { args in
            [.tensor(try ViewKernels.select(try args.tensor(0), dim: try args.int(1), index: try args.int(2)))]
        }, package: package)
        d.registerSamples(select) { dtype in ViewSamples.both(dtype, [.int(1), .int(-1)]) }

        let slice = define(d, "slice(Tensor(a) self, int dim=0, int? start=None, int? end=None, int step=1) -> Tensor(a)",
                           doc: "Views start..<end by step along dim, clamped like Python slicing.")
        d.register(slice, anyDType: { args in
            [.tensor(try ViewKernels.slice(
                try args.tensor(0), dim: try args.int(1), start: try args.optionalInt(2),
                end: try args.optionalInt(3), step: try args.int(4)))]
        }, package: package)
        d.registerSamples(slice) { dtype in
            [[.tensor(ViewSamples.ramp([2, 3, 4], dtype)), .int(2), .int(1), .none, .int(2)],
             [.tensor(ViewSamples.transposed([2, 3, 4], dtype)), .int(1), .int(-2), .int(100), .int(1)]]
        }

        let narrow = define(d, "narrow(Tensor(a) self, int dim, int start, int length) -> Tensor(a)",
                            doc: "Views length elements from start along dim.")
        d.registerComposite(narrow, package: package) { args in
            let t = try args.tensor(0)
            let (dim, start) = try ViewKernels.narrowBounds(t, dim: try args.int(1), start: try args.int(2), length: try args.int(3))
            return [.tensor(try ViewSupport.call(
                d, slice, [.tensor(t), .int(dim), .int(start), .int(start + (try args.int(3))), .int(1)]))]
        }
        d.registerSamples(narrow) { dtype in ViewSamples.both(dtype, [.int(-1), .int(1), .int(2)]) }
    }
}

extension ViewKernels {
    /// `select`: index `index` (negative counts from the end) of dimension `dim`, which is removed.
    static func select(_ t: Tensor, dim: Int, index: Int) throws -> Tensor {
        guard t.rank > 0 else {
            throw EmberError(.indexOutOfRange, op: "select", "select() cannot be applied to a 0-dim tensor.")
        }
        let d = try checkedDim(dim, rank: t.rank, op: "select")
        let size = t.shape[d]
        guard index >= -size && index < size else {
            throw EmberError(.indexOutOfRange, op: "select",
                "select(): index \(index) out of range for tensor of size \(t.shape) at dimension \(d)")
        }
        let i = index < 0 ? index + size : index
        var shape = t.shape, strides = t.strides
        shape.remove(at: d)
        strides.remove(at: d)
        return ViewSupport.alias(t, shape: shape, strides: strides, offset: t.storageOffset + i * t.strides[d])
    }

    /// `slice`: indices `start, start + step, ...` below `end` along `dim`. Missing bounds
    /// mean the whole dimension; negative bounds count from the end; bounds are clamped to
    /// the dimension as in Python slicing. `step` must be positive.
    static func slice(_ t: Tensor, dim: Int, start: Int?, end: Int?, step: Int) throws -> Tensor {
        guard t.rank > 0 else {
            throw EmberError(.indexOutOfRange, op: "slice", "slice() cannot be applied to a 0-dim tensor.")
        }
        let d = try checkedDim(dim, rank: t.rank, op: "slice")
        guard step > 0 else { throw EmberError(.invalidArgument, op: "slice", "slice step must be positive") }
        let size = t.shape[d]
        var lower = start ?? 0, upper = end ?? size
        if lower < 0 { lower += size }
        if upper < 0 { upper += size }
        lower = min(max(lower, 0), size)
        upper = min(max(upper, lower), size)
        let (stride, overflow) = t.strides[d].multipliedReportingOverflow(by: step)
        guard !overflow else { throw EmberError(.invalidArgument, op: "slice", "slice step \(step) is too large") }
        var shape = t.shape, strides = t.strides
        shape[d] = upper == lower ? 0 : (upper - lower - 1) / step + 1
        strides[d] = stride
        return ViewSupport.alias(t, shape: shape, strides: strides, offset: t.storageOffset + lower * t.strides[d])
    }

    /// Checks `narrow`'s arguments; returns the wrapped dimension and start.
    static func narrowBounds(_ t: Tensor, dim: Int, start: Int, length: Int) throws -> (Int, Int) {
        guard t.rank > 0 else {
            throw EmberError(.invalidArgument, op: "narrow", "narrow() cannot be applied to a 0-dim tensor.")
        }
        let d = try checkedDim(dim, rank: t.rank, op: "narrow")
        guard length >= 0 else { throw EmberError(.invalidArgument, op: "narrow", "narrow(): length must be non-negative.") }
        let size = t.shape[d]
        guard start >= -size && start <= size else {
            throw EmberError(.indexOutOfRange, op: "narrow",
                "start out of range (expected to be in range of [\(-size), \(size)], but got \(start))")
        }
        let s = start < 0 ? start + size : start
        guard s <= size - length else {
            throw EmberError(.indexOutOfRange, op: "narrow", "start (\(s)) + length (\(length)) exceeds dimension size (\(size)).")
        }
        return (d, s)
    }
}

extension Tensor {
    private static let selectOp = Dispatcher.shared.handle("select")
    private static let sliceOp = Dispatcher.shared.handle("slice")
    private static let narrowOp = Dispatcher.shared.handle("narrow")

    /// A view of index `index` along `dim`, without that dimension (`tensor.select(dim, index)`;
    /// `t[i]` is `t.select(dim: 0, index: i)`). Negative indices count from the end.
    public func select(dim: Int, index: Int) -> Tensor {
        Dispatcher.shared.callForTensor(Tensor.selectOp, [.tensor(self), .int(dim), .int(index)])
    }

    /// A view of indices `start, start + step, ...` below `end` along `dim` (`t[start:end:step]`
    /// along one dimension). Missing bounds mean the whole dimension, negative bounds count
    /// from the end and out-of-range bounds are clamped; `step` must be positive.
    public func slice(dim: Int = 0, start: Int? = nil, end: Int? = nil, step: Int = 1) -> Tensor {
        Dispatcher.shared.callForTensor(
            Tensor.sliceOp, [.tensor(self), .int(dim), start.map(IValue.int) ?? .none, end.map(IValue.int) ?? .none, .int(step)])
    }

    /// A view of `length` elements from `start` along `dim` (`tensor.narrow`); unlike
    /// ``slice(dim:start:end:step:)`` the range must lie inside the dimension.
    public func narrow(dim: Int, start: Int, length: Int) -> Tensor {
        Dispatcher.shared.callForTensor(Tensor.narrowOp, [.tensor(self), .int(dim), .int(start), .int(length)])
    }
}
