// Shared pieces of the linear-algebra operators: the kernel protocol and its registration,
// PyTorch's spellings of dtypes in messages, the expand check of `addmm`'s `self`, and
// deterministic sample tensors.

/// A product kernel written once for every ``LinalgElement``. `validate` throws PyTorch's
/// message for bad ranks, shapes or dtypes; `run` validates, then computes.
protocol LinalgKernel: Sendable {
    /// Checks the arguments without computing anything.
    func validate(_ args: Arguments) throws
    /// Runs the kernel with elements of type `T` (the dtype of the dispatch argument).
    func run<T: LinalgElement>(_ args: Arguments, _ type: T.Type) throws -> [IValue]
}

/// Namespace for the linear-algebra helpers.
enum Linalg {
    /// Registers `kernel` for the integer types, float32 and float64, and float16/bfloat16
    /// through float32. Half-precision calls validate before widening, so that mixing float16
    /// with float32 is refused as in PyTorch instead of being hidden by the widening.
    static func register(_ d: Dispatcher, _ op: OperatorHandle, _ kernel: some LinalgKernel) {
        let package = CoreOperators.package
        d.register(op, dtypes: [.uint8], package: package) { try kernel.run($0, UInt8.self) }
        d.register(op, dtypes: [.int8], package: package) { try kernel.run($0, Int8.self) }
        d.register(op, dtypes: [.int16], package: package) { try kernel.run($0, Int16.self) }
        d.register(op, dtypes: [.int32], package: package) { try kernel.run($0, Int32.self) }
        d.register(op, dtypes: [.int64], package: package) { try kernel.run($0, Int64.self) }
        d.register(op, dtypes: [.float32], package: package) { try kernel.run($0, Float.self) }
        d.register(op, dtypes: [.float64], package: package) { try kernel.run($0, Double.self) }
        let half = Dispatcher.viaFloat32 { try kernel.run($0, Float.self) }
        d.register(op, dtypes: [.float16, .bfloat16], package: package) { args in
            try kernel.validate(args)
            return try half(args)
        }
    }

    /// The C++ type name PyTorch prints for a dtype's `TypeMeta`, as in
    /// "expected m1 and m2 to have the same dtype, but got: float != long int".
    static func cppTypeName(_ dtype: DType) -> String {
        switch dtype {
        case .bool: return "bool"
        case .uint8: return "unsigned char"
        case .int8: return "signed char"
        case .int16: return "short int"
        case .int32: return "int"
        case .int64: return "long int"
        case .float16: return "c10::Half"
        case .bfloat16: return "c10::BFloat16"
        case .float32: return "float"
        case .float64: return "double"
        }
    }

    /// `2x3`: a matrix shape as PyTorch's product messages print it.
    static func matrixShape(_ rows: Int, _ cols: Int) -> String { "\(rows)x\(cols)" }

    /// Throws PyTorch's `expand` messages unless `shape` broadcasts to `target`.
    static func checkExpandable(_ t: Tensor, to target: [Int], op: String) throws {
        let shape = t.shape
        guard shape.count <= target.count else {
            throw EmberError(.shapeMismatch, op: op,
                "expand(torch.\(t.dtype.scalarTypeName)Tensor{\(shape)}, size=\(target)): the number of sizes "
                + "provided (\(target.count)) must be greater or equal to the number of dimensions in the tensor (\(shape.count))")
        }
        let offset = target.count - shape.count
        for i in shape.indices where shape[i] != 1 && shape[i] != target[i + offset] {
            throw EmberError(.shapeMismatch, op: op,
                "The expanded size of the tensor (\(target[i + offset])) must match the existing size (\(shape[i])) "
                + "at non-singleton dimension \(i + offset).  Target sizes: \(target).  Tensor sizes: \(shape)")
        }
    }

    /// A deterministic tensor for sample inputs: small values of both signs (non-negative for
    /// uint8), different for each `seed`, exactly representable in every dtype.
    static func sample(_ shape: [Int], _ dtype: DType, seed: Int = 0) -> Tensor {
        let count = shape.reduce(1, *)
        let values: [Double] = (0..<count).map { i in
            let r = (i * 7 + seed * 5 + 3) % 11
            if dtype == .uint8 { return Double(r % 4) }
            return dtype.isFloatingPoint ? Double(r - 5) / 4 : Double(r % 7 - 3)
        }
        return castTensor(Tensor(values, shape: shape), to: dtype)
    }

    /// `sample` of the transposed shape, returned as a non-contiguous transposed view with
    /// shape `shape` (its last two dimensions swapped in memory).
    static func transposedSample(_ shape: [Int], _ dtype: DType, seed: Int = 0) -> Tensor {
        let r = shape.count
        var stored = shape
        stored.swapAt(r - 2, r - 1)
        let t = sample(stored, dtype, seed: seed)
        var strides = t.strides
        strides.swapAt(r - 2, r - 1)
        return Tensor(storage: t.storage, shape: shape, strides: strides, dtype: dtype)
    }
}
