// permute / transpose / t / movedim: reorder dimensions by reordering shape and strides.
// `t` and `movedim` are composites (of transpose and permute).

extension CoreOperators {
    static func registerPermute(_ d: Dispatcher) {
        let permute = define(d, "permute(Tensor(a) self, int[] dims) -> Tensor(a)",
                             doc: "Views the tensor with its dimensions reordered.")
        d.register(permute, anyDType: { args in
            [.tensor(try ViewKernels.permute(try args.tensor(0), try args.ints(1)))]
        }, package: package)
        d.registerSamples(permute) { dtype in ViewSamples.both(dtype, [.ints([2, 0, -2])]) }

        let transpose = define(d, "transpose(Tensor(a) self, int dim0, int dim1) -> Tensor(a)",
                               doc: "Views the tensor with two dimensions swapped.")
        d.register(transpose, anyDType: { args in
            [.tensor(try ViewKernels.transpose(try args.tensor(0), try args.int(1), try args.int(2)))]
        }, package: package)
        d.registerSamples(transpose) { dtype in ViewSamples.both(dtype, [.int(0), .int(-1)]) }

        let t = define(d, "t(Tensor(a) self) -> Tensor(a)",
                       doc: "Transposes a matrix; 0-d and 1-d tensors are returned as views unchanged.")
        d.registerComposite(t, package: package) { args in
            let x = try args.tensor(0)
            guard x.rank <= 2 else {
                throw EmberError(.invalidArgument, op: "t", "t() expects a tensor with <= 2 dimensions, but self is \(x.rank)D")
            }
            return [.tensor(try ViewSupport.call(d, transpose, [.tensor(x), .int(0), .int(x.rank < 2 ? 0 : 1)]))]
        }
        d.registerSamples(t) { dtype in
            [[.tensor(ViewSamples.ramp([2, 3], dtype))], [.tensor(ViewSamples.transposed([3, 2], dtype))],
             [.tensor(ViewSamples.ramp([3], dtype))]]
        }

        let movedim = define(d, "movedim(Tensor(a) self, int[] source, int[] destination) -> Tensor(a)",
                             doc: "Moves dimensions to new positions, keeping the others in order.")
        d.registerComposite(movedim, package: package) { args in
            let x = try args.tensor(0)
            let order = try ViewKernels.movedimOrder(rank: x.rank, source: try args.ints(1), destination: try args.ints(2))
            return [.tensor(try ViewSupport.call(d, permute, [.tensor(x), .ints(order)]))]
        }
        d.registerSamples(movedim) { dtype in ViewSamples.both(dtype, [.ints([0, 1]), .ints([2, 0])]) }
    }
}

extension ViewKernels {
    /// `permute`: dimension `i` of the result is dimension `dims[i]` of `t`.
    static func permute(_ t: Tensor, _ dims: [Int]) throws -> Tensor {
        guard dims.count == t.rank else {
            throw EmberError(.invalidDimension, op: "permute",
                "permute(): number of dimensions in the tensor input does not match the length of the desired ordering of dimensions i.e. input.dim() = \(t.rank) is not equal to len(dims) = \(dims.count)")
        }
        var seen = [Bool](repeating: false, count: t.rank)
        var shape: [Int] = [], strides: [Int] = []
        for dim in dims {
            let d = try checkedDim(dim, rank: t.rank, op: "permute")
            guard !seen[d] else {
                throw EmberError(.invalidDimension, op: "permute", "permute(): duplicate dims are not allowed.")
            }
            seen[d] = true
            shape.append(t.shape[d])
            strides.append(t.strides[d])
        }
        return ViewSupport.alias(t, shape: shape, strides: strides)
    }

    /// `transpose`: `t` with dimensions `dim0` and `dim1` swapped (a 0-d tensor accepts 0 and -1).
    static func transpose(_ t: Tensor, _ dim0: Int, _ dim1: Int) throws -> Tensor {
        let a = try checkedDim(dim0, rank: t.rank, op: "transpose")
        let b = try checkedDim(dim1, rank: t.rank, op: "transpose")
        var shape = t.shape, strides = t.strides
        if t.rank > 0 {
            shape.swapAt(a, b)
            strides.swapAt(a, b)
        }
        return ViewSupport.alias(t, shape: shape, strides: strides)
    }

    /// The `permute` order that moves dimensions `source[i]` to `destination[i]` and keeps
    /// the remaining dimensions in their original order in the remaining places.
    static func movedimOrder(rank: Int, source: [Int], destination: [Int]) throws -> [Int] {
        guard source.count == destination.count else {
            throw EmberError(.invalidArgument, op: "movedim",
                "movedim: Invalid source or destination dims: source (\(source) dims) should contain the same number of dims as destination (\(destination) dims)")
        }
        let src = try source.map { try checkedDim($0, rank: rank, op: "movedim") }
        let dst = try destination.map { try checkedDim($0, rank: rank, op: "movedim") }
        guard Set(src).count == src.count else {
            throw EmberError(.invalidArgument, op: "movedim", "movedim: repeated dim in `source` (\(source))")
        }
        guard Set(dst).count == dst.count else {
            throw EmberError(.invalidArgument, op: "movedim", "movedim: repeated dim in `destination` (\(destination))")
        }
        if rank == 0 { return [] }
        var order = [Int](repeating: -1, count: rank)
        for (s, t) in zip(src, dst) { order[t] = s }
        var rest = (0..<rank).filter { !src.contains($0) }.makeIterator()
        for i in order.indices where order[i] == -1 { order[i] = rest.next()! }
        return order
    }
}

extension Tensor {
    private static let permuteOp = Dispatcher.shared.handle("permute")
    private static let transposeOp = Dispatcher.shared.handle("transpose")
    private static let tOp = Dispatcher.shared.handle("t")
    private static let movedimOp = Dispatcher.shared.handle("movedim")

    /// A view whose dimension `i` is this tensor's dimension `dims[i]` (`tensor.permute`).
    public func permute(_ dims: [Int]) -> Tensor {
        Dispatcher.shared.callForTensor(Tensor.permuteOp, [.tensor(self), .ints(dims)])
    }

    /// A view with dimensions reordered (`tensor.permute(2, 0, 1)`).
    public func permute(_ dims: Int...) -> Tensor { permute(dims) }

    /// A view with dimensions `dim0` and `dim1` swapped (`tensor.transpose(0, 1)`).
    public func transpose(_ dim0: Int, _ dim1: Int) -> Tensor {
        Dispatcher.shared.callForTensor(Tensor.transposeOp, [.tensor(self), .int(dim0), .int(dim1)])
    }

    /// The transpose of a matrix; a 0-d or 1-d tensor comes back as an unchanged view.
    /// Traps for more than 2 dimensions (`tensor.t()`).
    public func t() -> Tensor {
        Dispatcher.shared.callForTensor(Tensor.tOp, [.tensor(self)])
    }

    /// A view with dimension `source` moved to position `destination` (`tensor.movedim`).
    public func movedim(_ source: Int, _ destination: Int) -> Tensor {
        movedim([source], [destination])
    }

    /// A view with dimensions `source[i]` moved to positions `destination[i]`; the other
    /// dimensions keep their order (`tensor.movedim((0, 1), (2, 0))`).
    public func movedim(_ source: [Int], _ destination: [Int]) -> Tensor {
        Dispatcher.shared.callForTensor(Tensor.movedimOp, [.tensor(self), .ints(source), .ints(destination)])
    }
}
