// Shared plumbing of the reduction, scan and softmax operators: PyTorch's dtype names for
// messages, the optional `dtype` argument, and running a kernel written once for floats
// and integers with the element type of the call's `self`.

/// Helpers shared by Core's reduction operators.
enum Reduction {
    /// `args` with `self` (argument 0) converted to the dtype the argument at `index` asks
    /// for, if any. The dtype argument stays, so that kernels can read the requested output.
    static func castingSelf(_ args: Arguments, dtypeAt index: Int) throws -> Arguments {
        let x = try args.tensor(0)
        guard let dtype = try args.optionalDType(index), dtype != x.dtype else { return args }
        var values = args.values
        values[0] = .tensor(castTensor(x, to: dtype))
        return Arguments(values, op: args.op)
    }

    /// The same memory read as another dtype of the same size (bool as uint8 and back).
    static func reinterpret(_ t: Tensor, as dtype: DType) -> Tensor {
        Tensor(storage: t.storage, shape: t.shape, strides: t.strides, storageOffset: t.storageOffset, dtype: dtype)
    }

    /// `args` with the bool tensor `self` read as uint8 (PyTorch's bools are 0 or 1 bytes).
    static func boolAsUInt8(_ args: Arguments) throws -> Arguments {
        var values = args.values
        values[0] = .tensor(reinterpret(try args.tensor(0), as: .uint8))
        return Arguments(values, op: args.op)
    }

    /// Runs `kernel` on bool `self` read as uint8, and reads uint8 results back as bool
    /// (for max/min, whose values keep the input's dtype).
    static func runAsUInt8(_ kernel: some IntegerKernel, _ args: Arguments) throws -> [IValue] {
        try kernel.run(boolAsUInt8(args), UInt8.self).map { r in
            if case .tensor(let t) = r, t.dtype == .uint8 { return .tensor(reinterpret(t, as: .bool)) }
            return r
        }
    }

    /// Runs `kernel` for a floating `self`: float32 and float64 natively, float16 and
    /// bfloat16 through float32.
    static func runFloating(_ kernel: some FloatKernel, _ args: Arguments) throws -> [IValue] {
        switch try args.tensor(0).dtype {
        case .float32: return try kernel.run(args, Float.self)
        case .float64: return try kernel.run(args, Double.self)
        case .float16, .bfloat16: return try Dispatcher.viaFloat32 { try kernel.run($0, Float.self) }(args)
        case let other:
            throw EmberError(.invalidDType, op: args.op, "\"\(args.op)\" not implemented for '\(other.scalarTypeName)'")
        }
    }

    /// Runs `kernel` for an integer `self` (bool read as uint8).
    static func runInteger(_ kernel: some IntegerKernel, _ args: Arguments) throws -> [IValue] {
        switch try args.tensor(0).dtype {
        case .bool: return try kernel.run(boolAsUInt8(args), UInt8.self)
        case .uint8: return try kernel.run(args, UInt8.self)
        case .int8: return try kernel.run(args, Int8.self)
        case .int16: return try kernel.run(args, Int16.self)
        case .int32: return try kernel.run(args, Int32.self)
        case .int64: return try kernel.run(args, Int64.self)
        case let other:
            throw EmberError(.invalidDType, op: args.op, "\"\(args.op)\" not implemented for '\(other.scalarTypeName)'")
        }
    }

    /// Runs a kernel written for floats and integers with `self`'s element type.
    static func runNumeric<K: FloatKernel & IntegerKernel>(_ kernel: K, _ args: Arguments) throws -> [IValue] {
        try args.tensor(0).dtype.isFloatingPoint ? runFloating(kernel, args) : runInteger(kernel, args)
    }

    /// A new contiguous tensor of `shape` and `T`'s dtype, with a typed pointer to fill it.
    @inlinable
    static func output<T: TensorElement>(_ shape: [Int], _ type: T.Type) -> (Tensor, UnsafeMutablePointer<T>) {
        let t = Tensor(empty: shape, dtype: T.dtype)
        return (t, t.dataPointer.assumingMemoryBound(to: T.self))
    }

    /// A floating `dtype` of `self` for operators that require one, or PyTorch's message.
    static func requireFloating(_ args: Arguments, dtypeAt index: Int?, message: (DType, Bool) -> String) throws {
        let x = try args.tensor(0)
        let requested = try index.flatMap { try args.optionalDType($0) }
        let dtype = requested ?? x.dtype
        guard dtype.isFloatingPoint else {
            throw EmberError(.invalidDType, op: args.op, message(dtype, requested != nil))
        }
    }
}
