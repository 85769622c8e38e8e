// cat: concatenation along an existing dimension. Inputs are promoted to their common
// dtype; 1-D empty tensors are skipped (PyTorch's legacy rule), so `cat([tensor([]), x])`
// is `x` whatever x's rank.

extension CoreOperators {
    static func registerCat(_ d: Dispatcher) {
        let cat = define(d, "cat(Tensor[] tensors, int dim=0) -> Tensor", promotion: .common(["tensors"]),
                         doc: "Concatenates tensors along an existing dimension.")
        registerBitwise(d, cat, CatKernel())
        d.registerSamples(cat) { dtype in
            let a = Indexing.sample([1, 2, 3, 4, 5, 6], [2, 3], dtype)
            let b = Indexing.sample([7, 8, 9], [1, 3], dtype)
            let c = Indexing.transposedSample([1, 2, 3, 4, 5, 6, 7, 8], [2, 4], dtype)
            return [
                [.tensors([a, b]), .int(0)],
                [.tensors([a, c]), .int(-1)],
                [.tensors([Indexing.sample([], [0], dtype), a, a]), .int(1)],
            ]
        }
    }
}

/// The checked layout of a concatenation: the tensors that take part, the dim and the
/// output shape.
struct CatPlan {
    /// The inputs that take part (1-D empty tensors are left out).
    let parts: [Tensor]
    /// The concatenation dimension, wrapped.
    let dim: Int
    /// The output shape.
    let shape: [Int]

    /// Checks `tensors` as `torch.cat` does and plans the output.
    init(_ tensors: [Tensor], dim rawDim: Int) throws {
        guard let first = tensors.first else {
            throw EmberError(.invalidArgument, op: "cat", "expected a non-empty list of Tensors")
        }
        if let i = tensors.firstIndex(where: { $0.rank == 0 }) {
            throw EmberError(.invalidArgument, op: "cat", "zero-dimensional tensor (at position \(i)) cannot be concatenated")
        }
        let isLegacyEmpty = { (t: Tensor) in t.rank == 1 && t.shape[0] == 0 }
        guard let referenceIndex = tensors.firstIndex(where: { !isLegacyEmpty($0) }) else {
            parts = []
            dim = 0
            shape = first.shape
            return
        }
        let reference = tensors[referenceIndex]
        let dim = try checkedDim(rawDim, rank: reference.rank, op: "cat")
        var shape = reference.shape
        shape[dim] = 0
        var parts: [Tensor] = []
        for (i, t) in tensors.enumerated() where !isLegacyEmpty(t) {
            try CatPlan.check(t, number: i, against: reference, dim: dim)
            shape[dim] += t.shape[dim]
            parts.append(t)
        }
        self.parts = parts
        self.dim = dim
        self.shape = shape
    }

    private static func check(_ t: Tensor, number: Int, against reference: Tensor, dim: Int) throws {
        guard t.rank == reference.rank else {
            throw EmberError(.shapeMismatch, op: "cat",
                "Tensors must have same number of dimensions: got \(reference.rank) and \(t.rank)")
        }
        for d in 0..<t.rank where d != dim && t.shape[d] != reference.shape[d] {
            throw EmberError(.shapeMismatch, op: "cat",
                "Sizes of tensors must match except in dimension \(dim). Expected size \(reference.shape[d]) "
                + "but got size \(t.shape[d]) for tensor number \(number) in the list.")
        }
    }
}

/// `cat` for elements of `T`'s size: each input is copied into its slice of the output.
struct CatKernel: Indexing.BitwiseKernel {
    func run<T: BitwiseCopyable>(_ args: Arguments, _ type: T.Type) throws -> [IValue] {
        let tensors = try args.tensors(0)
        let plan = try CatPlan(tensors, dim: try args.int(1))
        let out = Tensor(empty: plan.shape, dtype: tensors[0].dtype)
        let dst = Indexing.Elements<T>(out)
        var offset = 0
        for t in plan.parts {
            Indexing.copy(shape: t.shape, to: dst.advanced(by: offset * out.strides[plan.dim]), out.strides,
                          from: Indexing.Elements<T>(t), t.strides)
            offset += t.shape[plan.dim]
        }
        return [.tensor(out)]
    }
}

extension Tensor {
    private static let catOp = Dispatcher.shared.handle("cat")

    /// Concatenates `tensors` along dimension `dim` (`torch.cat`). All tensors must have the
    /// same shape except in `dim`; 1-D empty tensors are skipped. Inputs are promoted to
    /// their common dtype.
    ///
    /// - Complexity: O(total elements).
    public static func cat(_ tensors: [Tensor], dim: Int = 0) -> Tensor {
        Dispatcher.shared.callForTensor(catOp, [.tensors(tensors), .int(dim)])
    }
}
