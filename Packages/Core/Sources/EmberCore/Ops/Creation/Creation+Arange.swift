// arange: `start, start + step, ...` up to but excluding `end`. The dtype is int64 when all
// three bounds are integers and the default float type otherwise. The length is
// ⌈(end − start) / step⌉ computed in float64; for an integer dtype the bounds are first
// truncated to integers (PyTorch's rule: `arange(0.5, 5, 1.5, dtype=int64)` has 5 elements).
//
// Floating values reproduce PyTorch's CPU kernel bit for bit (measured on torch 2.13): it
// walks the output in steps of two vectors of W lanes (W = 4 for float64, 8 for float32)
// and computes each vector from its first index c as base = fma(step, c, start), rounded to
// the element type, then lane j as fma(step, j, base) in float64; the elements after the
// last full pair of vectors are fma(step, i, start). (For more than 32 768 elements
// PyTorch splits the work across threads, which moves the vector boundaries; Ember follows
// the single-thread layout.)

extension CoreOperators {
    static func registerArange(_ d: Dispatcher) {
        let op = define(d, "arange(Scalar start, Scalar end, Scalar step=1, *, ScalarType? dtype=None, Device? device=None) -> Tensor",
                        doc: "Values from start to end (exclusive) in steps of step.")
        let dtypes = DType.allCases.filter { $0 != .bool }
        registerCreation(d, op, dtypes: dtypes) { args in
            let start = try args.scalar(0), end = try args.scalar(1), step = try args.scalar(2)
            let integral = [start, end, step].allSatisfy { if case .double = $0 { return false } else { return true } }
            let dtype = try args.optionalDType(3) ?? (integral ? .int64 : .defaultFloat)
            guard dtype != .bool else { throw RandomFill.notImplemented("arange_cpu", dtype, op: "arange") }
            return [.tensor(try arange(start, end, step, dtype: dtype))]
        }
        d.registerSamples(op) { dtype in
            dtype == .bool ? [] : [[.scalar(0), .scalar(5), .scalar(1), .dtype(dtype), .none],
                                   [.scalar(1), .scalar(10), .scalar(3), .dtype(dtype), .none]]
        }
    }

    private static func arange(_ start: Scalar, _ end: Scalar, _ step: Scalar, dtype: DType) throws -> Tensor {
        if !dtype.isFloatingPoint {
            let s = start.intValue, e = end.intValue, st = step.intValue
            let n = try arangeLength(Double(s), Double(e), Double(st))
            let values = (0..<Int64(n)).map { s &+ st &* $0 }
            return castTensor(Tensor(values, shape: [n]), to: dtype)
        }
        let s = start.doubleValue, e = end.doubleValue, st = step.doubleValue
        let n = try arangeLength(s, e, st)
        let values: [Double]
        switch dtype {
        case .float64: values = arangeValues(s, st, count: n, lanes: 4) { $0 }
        default: values = arangeValues(s, st, count: n, lanes: 8) { Double(Float($0)) }
        }
        return castTensor(Tensor(values, shape: [n]), to: dtype)
    }

    /// ⌈(end − start) / step⌉ after PyTorch's checks.
    private static func arangeLength(_ start: Double, _ end: Double, _ step: Double) throws -> Int {
        guard step != 0 else { throw EmberError(.invalidArgument, op: "arange", "step must be nonzero") }
        guard start.isFinite, end.isFinite else {
            throw EmberError(.invalidArgument, op: "arange", "unsupported range: \(cFormat(start)) -> \(cFormat(end))")
        }
        guard (step > 0 && end >= start) || (step < 0 && end <= start) else {
            throw EmberError(.invalidArgument, op: "arange", "upper bound and lower bound inconsistent with step sign")
        }
        let size = ((end - start) / step).rounded(.up)
        guard size < Double(Int.max / 8) else {
            throw EmberError(.invalidArgument, op: "arange", "invalid size, possible overflow? size = \(cFormat(size))")
        }
        return Int(size)
    }

    /// The vectorised kernel's values; `round` rounds a float64 to the element type.
    private static func arangeValues(_ start: Double, _ step: Double, count n: Int, lanes w: Int, round: (Double) -> Double) -> [Double] {
        var values = [Double](repeating: 0, count: n)
        let vectorised = n / (2 * w) * (2 * w)
        var c = 0
        while c < vectorised {
            let base = round(start.addingProduct(step, Double(c)))
            for j in 0..<w { values[c + j] = round(base.addingProduct(step, Double(j))) }
            c += w
        }
        for i in vectorised..<n { values[i] = round(start.addingProduct(step, Double(i))) }
        return values
    }
}

extension Tensor {
    private static let arangeOp = Dispatcher.shared.handle("arange")

    /// `0, 1, ..., end − 1` (`torch.arange(end)`): int64 for an integer `end`, float32 for a
    /// float one, unless `dtype` says otherwise.
    public static func arange(_ end: Scalar, dtype: DType? = nil) -> Tensor {
        arange(0, end, step: 1, dtype: dtype)
    }

    /// `start, start + step, ...` up to `end` exclusive (`torch.arange(start, end, step)`).
    public static func arange(_ start: Scalar, _ end: Scalar, step: Scalar = 1, dtype: DType? = nil) -> Tensor {
        Dispatcher.shared.callForTensor(arangeOp, [.scalar(start), .scalar(end), .scalar(step), dtypeValue(dtype), .none])
    }

    /// `0, 1, ..., end − 1` as int64 (`torch.arange(n)` for a Swift `Int`).
    public static func arange(_ end: Int, dtype: DType? = nil) -> Tensor {
        arange(.int(Int64(end)), dtype: dtype)
    }
}
