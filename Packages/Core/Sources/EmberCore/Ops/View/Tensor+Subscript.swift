// Basic indexing: `t[1, 2..<5, .ellipsis, .newAxis]` reads a view built from select, slice
// and unsqueeze calls (so layers such as autograd see each step), and `t[0] = x` copies x
// into that view with copy_.

extension Tensor {
    private static let selectOp = Dispatcher.shared.handle("select")
    private static let sliceOp = Dispatcher.shared.handle("slice")
    private static let unsqueezeOp = Dispatcher.shared.handle("unsqueeze")
    private static let aliasOp = Dispatcher.shared.handle("alias")
    private static let viewOp = Dispatcher.shared.handle("view")
    private static let copyOp = Dispatcher.shared.handle("copy_")

    /// The view PyTorch's `t[indices]` gives, for basic indices (integers, slices, `...`,
    /// `None`); see ``TensorIndex``. Traps with PyTorch's message on an out-of-range integer
    /// ("index 5 is out of bounds for dimension 0 with size 3") or too many indices.
    ///
    /// Setting copies the new value into that view (broadcasting it and converting its
    /// dtype, as ``copy_(_:)``), so `t[0] = row` and `t[.all, 1] = column` write into `t`.
    ///
    /// ```swift
    /// let t = Tensor([Float](...), shape: [4, 6])
    /// t[1]                          // row 1, shape [6]           (t[1])
    /// t[.all, 0]                    // column 0, shape [4]        (t[:, 0])
    /// t[1..<3, ..<2]                // shape [2, 2]               (t[1:3, :2])
    /// t[.range(0, 6, step: 2)]      // rows 0 and 2               (t[0:6:2])
    /// t[.ellipsis, -1]              // last column                (t[..., -1])
    /// t[.newAxis, 2...]             // shape [1, 2, 6]            (t[None, 2:])
    /// t[0] = Tensor(scalar: 1.0)    // fills row 0                (t[0] = 1.0)
    /// ```
    public subscript(_ indices: any TensorIndexConvertible...) -> Tensor {
        get {
            do { return try getItem(indices.map(\.tensorIndex)) } catch { fatalError("\(error)") }
        }
        set {
            do { try setItem(indices.map(\.tensorIndex), to: newValue) } catch { fatalError("\(error)") }
        }
    }

    /// `t[indices]` as a throwing call (Python's `t.__getitem__`): the view the subscript
    /// returns, or an ``EmberError`` with PyTorch's message.
    public func getItem(_ indices: [TensorIndex]) throws -> Tensor {
        try Tensor.checkIndices(indices, rank: rank)
        let d = Dispatcher.shared
        let specified = indices.filter(\.consumesDimension).count
        var result = self
        var dim = 0   // the dimension of `result` the next entry applies to
        // PyTorch's out-of-range message names the entry's position in the index list.
        for (position, index) in indices.enumerated() {
            switch index {
            case .index(let i):
                let size = result.shape[dim]
                guard i >= -size && i < size else {
                    throw EmberError(.indexOutOfRange, op: "subscript",
                        "index \(i) is out of bounds for dimension \(position) with size \(size)")
                }
                result = try ViewSupport.call(d, Tensor.selectOp, [.tensor(result), .int(dim), .int(i)])
            case .slice(let start, let end, let step):
                guard step != 0 else { throw EmberError(.invalidArgument, op: "subscript", "slice step cannot be zero") }
                guard step > 0 else { throw EmberError(.invalidArgument, op: "subscript", "step must be greater than zero") }
                result = try ViewSupport.call(d, Tensor.sliceOp, [
                    .tensor(result), .int(dim), start.map(IValue.int) ?? .none, end.map(IValue.int) ?? .none, .int(step),
                ])
                dim += 1
            case .all:
                dim += 1
            case .ellipsis:
                dim += rank - specified
            case .newAxis:
                result = try ViewSupport.call(d, Tensor.unsqueezeOp, [.tensor(result), .int(dim)])
                dim += 1
            }
        }
        // Like PyTorch, `t[...]` and `t[:]` return a new tensor object viewing the same elements.
        return result === self ? try ViewSupport.call(d, Tensor.aliasOp, [.tensor(self)]) : result
    }

    /// `t[indices] = value` as a throwing call (Python's `t.__setitem__`): copies `value`
    /// into the view ``getItem(_:)`` returns. As in PyTorch, leading size-1 dimensions of
    /// `value` are ignored, so a `[1, 3]` value fits a `[3]` row.
    public func setItem(_ indices: [TensorIndex], to value: Tensor) throws {
        let d = Dispatcher.shared
        let target = try getItem(indices)
        var source = value
        let leadingOnes = value.shape.prefix { $0 == 1 }.count
        if leadingOnes > 0 {
            source = try ViewSupport.call(d, Tensor.viewOp, [.tensor(value), .ints(Array(value.shape.dropFirst(leadingOnes)))])
        }
        _ = try ViewSupport.call(d, Tensor.copyOp, [.tensor(target), .tensor(source), .bool(false)])
    }

    /// PyTorch's checks before indexing: 0-d tensors, the number of indices, one ellipsis.
    private static func checkIndices(_ indices: [TensorIndex], rank: Int) throws {
        if rank == 0, indices.count == 1 {
            switch indices[0] {
            case .index:
                throw EmberError(.indexOutOfRange, op: "subscript",
                    "invalid index of a 0-dim tensor. Use `tensor.item()` in Python or `tensor.item<T>()` in C++ to convert a 0-dim tensor to a number")
            case .slice, .all:
                throw EmberError(.indexOutOfRange, op: "subscript", "slice() cannot be applied to a 0-dim tensor.")
            default:
                break
            }
        }
        guard indices.filter(\.consumesDimension).count <= rank else {
            throw EmberError(.indexOutOfRange, op: "subscript", "too many indices for tensor of dimension \(rank)")
        }
        guard indices.filter({ $0 == .ellipsis }).count <= 1 else {
            throw EmberError(.invalidArgument, op: "subscript", "an index can only have a single ellipsis ('...')")
        }
    }
}

extension TensorIndex {
    /// Whether the entry stands for one dimension of the indexed tensor (integers and slices).
    var consumesDimension: Bool {
        switch self {
        case .index, .slice, .all: return true
        case .ellipsis, .newAxis: return false
        }
    }
}
