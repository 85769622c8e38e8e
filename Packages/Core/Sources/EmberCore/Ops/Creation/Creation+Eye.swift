// eye: an n × m matrix (m defaults to n) with ones on the main diagonal.

extension CoreOperators {
    static func registerEye(_ d: Dispatcher) {
        let op = define(d, "eye(int n, int? m=None, *, ScalarType? dtype=None, Device? device=None) -> Tensor",
                        doc: "A matrix with ones on the diagonal and zeros elsewhere.")
        registerCreation(d, op) { args in
            let n = try args.int(0), m = try args.optionalInt(1) ?? n
            guard n >= 0 else { throw EmberError(.invalidArgument, op: "eye", "n must be greater or equal to 0, got \(n)") }
            guard m >= 0 else { throw EmberError(.invalidArgument, op: "eye", "m must be greater or equal to 0, got \(m)") }
            let dtype = try args.optionalDType(2) ?? .defaultFloat
            let t = Tensor(empty: [n, m], dtype: dtype)
            let size = dtype.itemSize
            t.dataPointer.initializeMemory(as: UInt8.self, repeating: 0, count: n * m * size)
            let one = castTensor(Tensor(wrapping: 1), to: dtype)
            for i in 0..<min(n, m) {
                (t.dataPointer + (i * m + i) * size).copyMemory(from: one.dataPointer, byteCount: size)
            }
            return [.tensor(t)]
        }
        d.registerSamples(op) { dtype in [[.int(3), .none, .dtype(dtype), .none], [.int(2), .int(4), .dtype(dtype), .none]] }
    }
}

extension Tensor {
    private static let eyeOp = Dispatcher.shared.handle("eye")

    /// The n × m identity-like matrix (`torch.eye(n, m)`); `m` defaults to `n`.
    public static func eye(_ n: Int, _ m: Int? = nil, dtype: DType = .defaultFloat) -> Tensor {
        Dispatcher.shared.callForTensor(eyeOp, [.int(n), m.map(IValue.int) ?? .none, .dtype(dtype), .none])
    }
}
