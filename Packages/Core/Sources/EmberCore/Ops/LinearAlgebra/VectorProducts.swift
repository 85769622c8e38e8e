// dot, mv and outer: the products with a 1-D operand. `dot` and `mv` share matmul's kernels
// and messages; `outer` is an elementwise product and promotes dtypes like `mul`.

extension CoreOperators {
    static func registerVectorProducts(_ d: Dispatcher) {
        let dot = define(d, "dot(Tensor self, Tensor tensor) -> Tensor", doc: "Dot product of two 1-D tensors.")
        Linalg.register(d, dot, DotKernel())
        d.registerSamples(dot) { dtype in
            guard dtype != .bool else { return [] }
            let strided = Linalg.transposedSample([5, 2], dtype, seed: 2)
            let column = Tensor(storage: strided.storage, shape: [5], strides: [strided.strides[0]], dtype: dtype)
            return [
                [.tensor(Linalg.sample([5], dtype)), .tensor(Linalg.sample([5], dtype, seed: 1))],
                [.tensor(column), .tensor(Linalg.sample([5], dtype, seed: 3))],
            ]
        }
        let mv = define(d, "mv(Tensor self, Tensor vec) -> Tensor", doc: "Product of a matrix and a vector.")
        Linalg.register(d, mv, MvKernel())
        d.registerSamples(mv) { dtype in
            guard dtype != .bool else { return [] }
            return [
                [.tensor(Linalg.sample([3, 4], dtype)), .tensor(Linalg.sample([4], dtype, seed: 1))],
                [.tensor(Linalg.transposedSample([3, 4], dtype)), .tensor(Linalg.sample([4], dtype, seed: 2))],
            ]
        }
        let outer = define(d, "outer(Tensor self, Tensor vec2) -> Tensor",
                           promotion: .common(["self", "vec2"]), doc: "Outer product of two 1-D tensors.")
        d.register(outer, floating: OuterKernel(), package: package)
        d.register(outer, integer: OuterKernel(), package: package)
        d.register(outer, dtypes: [.bool], package: package) { args in
            [.tensor(try OuterKernel.outer(args, Bool.self) { $0 && $1 })]
        }
        d.registerSamples(outer) { dtype in
            [[.tensor(Linalg.sample([3], dtype)), .tensor(Linalg.sample([4], dtype, seed: 1))]]
        }
    }
}

/// The dot product of two 1-D tensors of one dtype: a 0-d tensor.
struct DotKernel: LinalgKernel {
    func validate(_ args: Arguments) throws {
        _ = try MatmulPlan.dot(try args.tensor(0), try args.tensor(1), op: "dot")
    }

    func run<T: LinalgElement>(_ args: Arguments, _ type: T.Type) throws -> [IValue] {
        [.tensor(try MatmulPlan.dot(try args.tensor(0), try args.tensor(1), op: "dot").run(T.self))]
    }
}

/// The product of a 2-D and a 1-D tensor of one dtype.
struct MvKernel: LinalgKernel {
    func validate(_ args: Arguments) throws {
        _ = try MatmulPlan.mv(try args.tensor(0), try args.tensor(1), op: "mv")
    }

    func run<T: LinalgElement>(_ args: Arguments, _ type: T.Type) throws -> [IValue] {
        [.tensor(try MatmulPlan.mv(try args.tensor(0), try args.tensor(1), op: "mv").run(T.self))]
    }
}

/// `out[i, j] = self[i] * vec2[j]` (inputs already promoted to one dtype).
struct OuterKernel: FloatKernel, IntegerKernel {
    func run<T: FloatElement>(_ args: Arguments, _ type: T.Type) throws -> [IValue] {
        [.tensor(try OuterKernel.outer(args, T.self) { $0 * $1 })]
    }

    func run<T: IntegerNumericElement>(_ args: Arguments, _ type: T.Type) throws -> [IValue] {
        [.tensor(try OuterKernel.outer(args, T.self) { $0 &* $1 })]
    }

    /// Checks that both operands are 1-D, then applies `f` to every pair as a column of
    /// `self` broadcast against a row of `vec2`.
    static func outer<T: TensorElement>(_ args: Arguments, _ type: T.Type, _ f: (T, T) -> T) throws -> Tensor {
        let a = try args.tensor(0), b = try args.tensor(1)
        for (t, name) in [(a, "self"), (b, "vec2")] where t.rank != 1 {
            throw EmberError(.shapeMismatch, op: "outer", "Expected 1-D argument \(name), but got \(t.rank)-D")
        }
        let column = Tensor(storage: a.storage, shape: [a.shape[0], 1], strides: [a.strides[0], 0],
                            storageOffset: a.storageOffset, dtype: a.dtype)
        return try Elementwise.zip(column, b, T.self, T.self, to: T.self, op: "outer", f)
    }
}

extension Tensor {
    private static let dotOp = Dispatcher.shared.handle("dot")
    private static let mvOp = Dispatcher.shared.handle("mv")
    private static let outerOp = Dispatcher.shared.handle("outer")

    /// The dot product of two 1-D tensors of the same dtype and length, as a 0-d tensor
    /// (`torch.dot`).
    public func dot(_ tensor: Tensor) -> Tensor {
        Dispatcher.shared.callForTensor(Tensor.dotOp, [.tensor(self), .tensor(tensor)])
    }

    /// The product of this `[n, m]` matrix and an `[m]` vector of the same dtype: an `[n]`
    /// vector (`torch.mv`).
    public func mv(_ vec: Tensor) -> Tensor {
        Dispatcher.shared.callForTensor(Tensor.mvOp, [.tensor(self), .tensor(vec)])
    }

    /// The outer product of two 1-D tensors, `out[i, j] = self[i] * vec2[j]` (`torch.outer`).
    /// Unlike the matrix products it promotes dtypes (`int64 ⊗ float32 → float32`) and
    /// accepts bool (logical and).
    public func outer(_ vec2: Tensor) -> Tensor {
        Dispatcher.shared.callForTensor(Tensor.outerOp, [.tensor(self), .tensor(vec2)])
    }
}
