// unbind / split / split_with_sizes / chunk: cut a tensor into views along a dimension.
// All four are composites of select and narrow, so autograd sees each piece's view.

extension CoreOperators {
    static func registerSplit(_ d: Dispatcher) {
        let select = d.handle("select"), narrow = d.handle("narrow")
        /// The views `narrow(dim, offset, size)` for consecutive `sizes`.
        @Sendable func pieces(_ t: Tensor, dim: Int, sizes: [Int]) throws -> [IValue] {
            var offset = 0
            var result: [Tensor] = []
            for size in sizes {
                result.append(try ViewSupport.call(d, narrow, [.tensor(t), .int(dim), .int(offset), .int(size)]))
                offset += size
            }
            return [.tensors(result)]
        }

        let unbind = define(d, "unbind(Tensor(a -> *) self, int dim=0) -> Tensor(a)[]",
                            doc: "Views each index along dim, without that dimension.")
        d.registerComposite(unbind, package: package) { args in
            let t = try args.tensor(0), dim = try args.int(1)
            guard t.rank > 0 else {
                throw EmberError(.invalidDimension, op: "unbind", "Dimension specified as \(dim) but tensor has no dimensions")
            }
            let d0 = try checkedDim(dim, rank: t.rank, op: "unbind")
            return [.tensors(try (0..<t.shape[d0]).map { try ViewSupport.call(d, select, [.tensor(t), .int(d0), .int($0)]) })]
        }
        d.registerSamples(unbind) { dtype in ViewSamples.both(dtype, [.int(1)]) }

        let splitWithSizes = define(d, "split_with_sizes(Tensor(a -> *) self, int[] split_sizes, int dim=0) -> Tensor(a)[]",
                                    doc: "Cuts the tensor along dim into views of the given sizes.")
        d.registerComposite(splitWithSizes, package: package) { args in
            let t = try args.tensor(0), sizes = try args.ints(1)
            let dim = try ViewKernels.checkedSplitDim(t, try args.int(2), op: "split_with_sizes")
            if sizes.contains(where: { $0 < 0 }) {
                throw EmberError(.invalidArgument, op: "split_with_sizes",
                    "split_with_sizes expects split_sizes have only non-negative entries, but got split_sizes=\(sizes)")
            }
            guard sizes.reduce(0, +) == t.shape[dim] else {
                throw EmberError(.shapeMismatch, op: "split_with_sizes",
                    "split_with_sizes expects split_sizes to sum exactly to \(t.shape[dim]) (input tensor's size at dimension \(dim)), but got split_sizes=\(sizes)")
            }
            return try pieces(t, dim: dim, sizes: sizes)
        }
        d.registerSamples(splitWithSizes) { dtype in ViewSamples.both(dtype, [.ints([1, 0, 3]), .int(-1)]) }

        let split = define(d, "split(Tensor(a -> *) self, int split_size, int dim=0) -> Tensor(a)[]",
                           doc: "Cuts the tensor along dim into views of split_size (the last may be smaller).")
        d.registerComposite(split, package: package) { args in
            let t = try args.tensor(0)
            let sizes = try ViewKernels.splitSizes(t, splitSize: try args.int(1), dim: try args.int(2))
            return try pieces(t, dim: try checkedDim(try args.int(2), rank: t.rank, op: "split"), sizes: sizes)
        }
        d.registerSamples(split) { dtype in ViewSamples.both(dtype, [.int(3), .int(2)]) }

        let chunk = define(d, "chunk(Tensor(a -> *) self, int chunks, int dim=0) -> Tensor(a)[]",
                           doc: "Cuts the tensor along dim into at most chunks views of equal size (the last may be smaller).")
        d.registerComposite(chunk, package: package) { args in
            let t = try args.tensor(0), chunks = try args.int(1)
            let dim = try ViewKernels.checkedSplitDim(t, try args.int(2), op: "chunk", chunks: chunks)
            // Pieces of ceil(size / chunks); an empty dimension still gives `chunks` empty pieces.
            let size = t.shape[dim], splitSize = (size + chunks - 1) / chunks
            if size == 0 { return try pieces(t, dim: dim, sizes: [Int](repeating: 0, count: chunks)) }
            return [.tensors(try ViewSupport.callForList(d, split, [.tensor(t), .int(splitSize), .int(dim)]))]
        }
        d.registerSamples(chunk) { dtype in ViewSamples.both(dtype, [.int(3), .int(-1)]) }
    }
}

extension ViewKernels {
    /// The wrapped split dimension, after the checks PyTorch makes first (at least 1-d; for
    /// `chunk`, a positive number of chunks).
    static func checkedSplitDim(_ t: Tensor, _ dim: Int, op: String, chunks: Int? = nil) throws -> Int {
        guard t.rank > 0 else {
            let name = op == "chunk" ? "chunk" : "split"
            throw EmberError(.invalidArgument, op: op, "\(name) expects at least a 1-dimensional tensor")
        }
        if let chunks, chunks <= 0 {
            throw EmberError(.invalidArgument, op: op, "chunk expects `chunks` to be greater than 0, got: \(chunks)")
        }
        return try checkedDim(dim, rank: t.rank, op: op)
    }

    /// The piece sizes `split(splitSize, dim)` makes: `splitSize` each, the last smaller;
    /// one piece when `splitSize` is 0 and the dimension is empty.
    static func splitSizes(_ t: Tensor, splitSize: Int, dim: Int) throws -> [Int] {
        guard t.rank > 0 else {
            throw EmberError(.invalidArgument, op: "split", "split expects at least a 1-dimensional tensor")
        }
        guard splitSize >= 0 else {
            throw EmberError(.invalidArgument, op: "split", "split expects split_size be non-negative, but got split_size=\(splitSize)")
        }
        let size = t.shape[try checkedDim(dim, rank: t.rank, op: "split")]
        guard splitSize > 0 || size == 0 else {
            throw EmberError(.invalidArgument, op: "split",
                "split_size can only be 0 if dimension size is 0, but got dimension size of \(size)")
        }
        if splitSize == 0 { return [0] }
        let count = max((size + splitSize - 1) / splitSize, 1)
        return (0..<count).map { min(splitSize, size - $0 * splitSize) }
    }
}

extension Tensor {
    private static let unbindOp = Dispatcher.shared.handle("unbind")
    private static let splitOp = Dispatcher.shared.handle("split")
    private static let splitWithSizesOp = Dispatcher.shared.handle("split_with_sizes")
    private static let chunkOp = Dispatcher.shared.handle("chunk")

    /// Views of each index along `dim`, without that dimension (`tensor.unbind(dim)`).
    public func unbind(dim: Int = 0) -> [Tensor] {
        ViewSupport.list(Dispatcher.shared.callForResults(Tensor.unbindOp, [.tensor(self), .int(dim)]))
    }

    /// Views of `splitSize` consecutive indices along `dim`; the last may be smaller
    /// (`tensor.split(2, dim)`).
    public func split(_ splitSize: Int, dim: Int = 0) -> [Tensor] {
        ViewSupport.list(Dispatcher.shared.callForResults(Tensor.splitOp, [.tensor(self), .int(splitSize), .int(dim)]))
    }

    /// Views of consecutive pieces of the given `sizes` along `dim`, which must add up to
    /// the dimension's size (`tensor.split([1, 2], dim)`, `torch.split_with_sizes`).
    public func split(_ sizes: [Int], dim: Int = 0) -> [Tensor] {
        ViewSupport.list(Dispatcher.shared.callForResults(Tensor.splitWithSizesOp, [.tensor(self), .ints(sizes), .int(dim)]))
    }

    /// At most `chunks` views of `ceil(size / chunks)` indices along `dim`, the last smaller;
    /// there can be fewer than `chunks` pieces (`tensor.chunk(3, dim)`).
    public func chunk(_ chunks: Int, dim: Int = 0) -> [Tensor] {
        ViewSupport.list(Dispatcher.shared.callForResults(Tensor.chunkOp, [.tensor(self), .int(chunks), .int(dim)]))
    }
}
