/// Registering kernels written once for a family of element types.
extension Dispatcher {
    /// The dtypes with native numeric kernels.
    public static let numericDTypes: [DType] = [.uint8, .int8, .int16, .int32, .int64, .float32, .float64]
    /// The integer dtypes.
    public static let integerDTypes: [DType] = [.uint8, .int8, .int16, .int32, .int64]

    /// Registers `kernel` for float32 and float64, and for float16/bfloat16 by computing in
    /// float32 (inputs widened, floating outputs narrowed back).
    public func register(_ op: OperatorHandle, floating kernel: some FloatKernel, package: String, backend: Device.Kind = .cpu) {
        let f32: Kernel = { try kernel.run($0, Float.self) }
        register(op, backend: backend, dtypes: [.float32], package: package, kernel: f32)
        register(op, backend: backend, dtypes: [.float64], package: package) { try kernel.run($0, Double.self) }
        register(op, backend: backend, dtypes: [.float16, .bfloat16], package: package, kernel: Dispatcher.viaFloat32(f32))
    }

    /// Registers `kernel` for every integer dtype.
    public func register(_ op: OperatorHandle, integer kernel: some IntegerKernel, package: String, backend: Device.Kind = .cpu) {
        register(op, backend: backend, dtypes: [.uint8], package: package) { try kernel.run($0, UInt8.self) }
        register(op, backend: backend, dtypes: [.int8], package: package) { try kernel.run($0, Int8.self) }
        register(op, backend: backend, dtypes: [.int16], package: package) { try kernel.run($0, Int16.self) }
        register(op, backend: backend, dtypes: [.int32], package: package) { try kernel.run($0, Int32.self) }
        register(op, backend: backend, dtypes: [.int64], package: package) { try kernel.run($0, Int64.self) }
    }

    /// Registers `kernel` for every numeric dtype, and float16/bfloat16 through float32.
    public func register(_ op: OperatorHandle, numeric kernel: some NumericKernel, package: String, backend: Device.Kind = .cpu) {
        let f32: Kernel = { try kernel.run($0, Float.self) }
        register(op, backend: backend, dtypes: [.uint8], package: package) { try kernel.run($0, UInt8.self) }
        register(op, backend: backend, dtypes: [.int8], package: package) { try kernel.run($0, Int8.self) }
        register(op, backend: backend, dtypes: [.int16], package: package) { try kernel.run($0, Int16.self) }
        register(op, backend: backend, dtypes: [.int32], package: package) { try kernel.run($0, Int32.self) }
        register(op, backend: backend, dtypes: [.int64], package: package) { try kernel.run($0, Int64.self) }
        register(op, backend: backend, dtypes: [.float32], package: package, kernel: f32)
        register(op, backend: backend, dtypes: [.float64], package: package) { try kernel.run($0, Double.self) }
        register(op, backend: backend, dtypes: [.float16, .bfloat16], package: package, kernel: Dispatcher.viaFloat32(f32))
    }

    /// Registers one dtype-agnostic kernel (data movement) for every dtype.
    public func register(_ op: OperatorHandle, anyDType kernel: @escaping Kernel, package: String, backend: Device.Kind = .cpu) {
        register(op, backend: backend, dtypes: DType.allCases, package: package, kernel: kernel)
    }

    /// Adapts a float32 kernel to float16/bfloat16: half-precision tensor arguments are
    /// widened to float32, float32 results narrowed back to the input's dtype.
    public static func viaFloat32(_ kernel: @escaping Kernel) -> Kernel {
        return { args in
            var half: DType?
            var values = args.values
            for i in values.indices {
                switch values[i] {
                case .tensor(let t) where t.dtype == .float16 || t.dtype == .bfloat16:
                    half = t.dtype
                    values[i] = .tensor(castTensor(t, to: .float32))
                case .tensors(let ts) where ts.contains { $0.dtype == .float16 || $0.dtype == .bfloat16 }:
                    half = ts.first { $0.dtype != .float32 }?.dtype
                    values[i] = .tensors(ts.map { castTensor($0, to: .float32) })
                default: break
                }
            }
            let results = try kernel(Arguments(values, op: args.op))
            guard let half else { return results }
            return results.map { r in
                if case .tensor(let t) = r, t.dtype == .float32 { return .tensor(castTensor(t, to: half)) }
                return r
            }
        }
    }
}
