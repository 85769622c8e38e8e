// Shared machinery of the elementwise operators: PyTorch's casting rule for in-place
// results, writing a computed result back into `self`, dtype errors worded like PyTorch's,
// and the registration of in-place forms.
//
// An in-place operator `f_` gets a typed fast kernel for the dtypes where `f(self, ...)`
// keeps self's dtype, and for every other dtype (half precision, a wider `other`, an int
// tensor under a floating function) a fallback that computes `f` out of place through the
// dispatcher, checks that the result's dtype can be cast to self's, and copies it back.

/// Helpers shared by the elementwise operator families.
enum Pointwise {
    /// Whether a result of dtype `from` may be written into a tensor of dtype `to`
    /// (`torch.can_cast`): not floating into integral or bool, not non-bool into bool.
    static func canCast(_ from: DType, to: DType) -> Bool {
        if from.isFloatingPoint && !to.isFloatingPoint { return false }
        if from != .bool && to == .bool { return false }
        return true
    }

    /// Throws PyTorch's message when a `from` result cannot be written into a `to` tensor.
    static func checkCast(_ from: DType, to: DType, op: String) throws {
        guard canCast(from, to: to) else {
            throw EmberError(.invalidDType, op: op,
                "result type \(from.scalarTypeName) can't be cast to the desired output type \(to.scalarTypeName)")
        }
    }

    /// The error PyTorch raises for a dtype its kernel does not cover:
    /// `"bitwise_and_cpu" not implemented for 'Float'`.
    static func notImplemented(_ kernelName: String, _ dtype: DType, op: String) -> EmberError {
        EmberError(.invalidDType, op: op, "\"\(kernelName)\" not implemented for '\(dtype.scalarTypeName)'")
    }

    /// Registers, for `dtypes`, a kernel that throws ``notImplemented(_:_:op:)``.
    static func registerUnsupported(_ d: Dispatcher, _ op: OperatorHandle, _ dtypes: [DType], kernelName: String) {
        let name = d.info(op).schema.name
        for dtype in dtypes {
            d.register(op, dtypes: [dtype], package: CoreOperators.package) { _ in
                throw notImplemented(kernelName, dtype, op: name)
            }
        }
    }

    /// Whether `f(a, b)` computes in a's dtype (the in-place fast path applies).
    static func keepsDType(_ a: Tensor, _ b: Tensor) -> Bool {
        b.dtype == a.dtype || TypePromotion.resultType([a, b]) == a.dtype
    }

    /// Throws `ZeroDivisionError` (PyTorch's integer division message) if `t` holds a zero.
    static func checkNoZero<T: IntegerNumericElement>(_ t: Tensor, _ type: T.Type, op: String) throws {
        let p = UnsafePointer(t.dataPointer.assumingMemoryBound(to: T.self))
        var zero = false
        StridedLoop(shape: t.shape, strides: [t.strides]).forEachRow { off, n, st in
            let row = p + off[0], s = st[0]
            for i in 0..<n where row[i * s] == 0 { zero = true }
        }
        if zero { throw EmberError(.invalidArgument, op: op, "ZeroDivisionError") }
    }

    /// Copies `source` (converted to target's dtype) into `target`, which must have the
    /// broadcast shape. Bumps target's version.
    static func writeBack(_ source: Tensor, into target: Tensor, op: String) throws {
        guard source.shape == target.shape else {
            throw EmberError(.shapeMismatch, op: op,
                "output with shape \(target.shape) doesn't match the broadcast shape \(source.shape)")
        }
        let s = castTensor(source, to: target.dtype)
        switch target.dtype {
        case .bool: try assign(s, into: target, Bool.self, op: op)
        case .uint8: try assign(s, into: target, UInt8.self, op: op)
        case .int8: try assign(s, into: target, Int8.self, op: op)
        case .int16: try assign(s, into: target, Int16.self, op: op)
        case .int32: try assign(s, into: target, Int32.self, op: op)
        case .int64: try assign(s, into: target, Int64.self, op: op)
        case .float16: try assign(s, into: target, Float16.self, op: op)
        case .bfloat16: try assign(s, into: target, BFloat16.self, op: op)
        case .float32: try assign(s, into: target, Float.self, op: op)
        case .float64: try assign(s, into: target, Double.self, op: op)
        }
    }

    private static func assign<T: TensorElement>(_ s: Tensor, into target: Tensor, _ type: T.Type, op: String) throws {
        try Pointwise.update(target, s, T.self, op: op) { _, v in v }
    }

    /// The kernel that runs `outOfPlace` with an in-place operator's arguments, checks the
    /// cast rule and writes the result into `self`.
    static func inPlaceFallback(_ d: Dispatcher, _ outOfPlace: OperatorHandle, name: String) -> Kernel {
        return { args in
            let target = try args.tensor(0)
            let results: [IValue]
            do {
                results = try d.call(outOfPlace, args.values)
            } catch let error as EmberError {
                throw EmberError(error.code, op: name, error.message)  // name the operator the user called
            }
            guard case .tensor(let result) = results.first else {
                throw EmberError(.invalidArgument, op: name, "the out-of-place operator returned no tensor")
            }
            try checkCast(result.dtype, to: target.dtype, op: name)
            try writeBack(result, into: target, op: name)
            return [.tensor(target)]
        }
    }

    /// Registers the in-place operator `op`: `fast` kernels for their dtypes, the fallback
    /// through `outOfPlace` for every other dtype.
    static func registerInPlace(_ d: Dispatcher, _ op: OperatorHandle, computing outOfPlace: OperatorHandle, fast: [DType: Kernel]) {
        let name = d.info(op).schema.name
        let fallback = inPlaceFallback(d, outOfPlace, name: name)
        let others = DType.allCases.filter { fast[$0] == nil }
        d.register(op, dtypes: others, package: CoreOperators.package, kernel: fallback)
        for (dtype, kernel) in fast {
            d.register(op, dtypes: [dtype], package: CoreOperators.package, kernel: kernel)
        }
    }

    /// A float32 and a float64 entry running `kernel`.
    static func floatKernels(_ kernel: some FloatKernel) -> [DType: Kernel] {
        [.float32: { try kernel.run($0, Float.self) }, .float64: { try kernel.run($0, Double.self) }]
    }

    /// One entry per integer dtype running `kernel`.
    static func integerKernels(_ kernel: some IntegerKernel) -> [DType: Kernel] {
        [
            .uint8: { try kernel.run($0, UInt8.self) }, .int8: { try kernel.run($0, Int8.self) },
            .int16: { try kernel.run($0, Int16.self) }, .int32: { try kernel.run($0, Int32.self) },
            .int64: { try kernel.run($0, Int64.self) },
        ]
    }

    /// One entry per native numeric dtype (integers, float32, float64) running `kernel`.
    static func numericKernels(_ kernel: some NumericKernel) -> [DType: Kernel] {
        [
            .uint8: { try kernel.run($0, UInt8.self) }, .int8: { try kernel.run($0, Int8.self) },
            .int16: { try kernel.run($0, Int16.self) }, .int32: { try kernel.run($0, Int32.self) },
            .int64: { try kernel.run($0, Int64.self) },
            .float32: { try kernel.run($0, Float.self) }, .float64: { try kernel.run($0, Double.self) },
        ]
    }
}
