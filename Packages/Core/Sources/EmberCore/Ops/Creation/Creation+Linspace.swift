#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

// linspace / logspace: `steps` evenly spaced values from start to end, both included
// (logspace: base raised to them). The default dtype is float32 even for integer bounds.
//
// PyTorch computes the values symmetrically so that both ends are exact (measured on torch
// 2.13, bit for bit): step = (end − start) / (steps − 1) in the element type (float64 for
// integer dtypes), then element i is start + step·i for i < steps/2 and
// end − step·(steps − 1 − i) after. linspace fuses those into one fma for floating types;
// logspace does not, and raises base to the result in float64. (logspace in float32 can
// differ from PyTorch's vectorised pow by one ulp.)

extension CoreOperators {
    static func registerLinspace(_ d: Dispatcher) {
        let linspace = define(d, "linspace(Scalar start, Scalar end, int steps, *, ScalarType? dtype=None, Device? device=None) -> Tensor",
                              doc: "steps evenly spaced values from start to end inclusive.")
        let logspace = define(d, "logspace(Scalar start, Scalar end, int steps, float base=10.0, *, ScalarType? dtype=None, Device? device=None) -> Tensor",
                              doc: "base raised to steps evenly spaced exponents from start to end inclusive.")
        let dtypes = DType.allCases.filter { $0 != .bool }
        registerCreation(d, linspace, dtypes: dtypes) { args in
            let dtype = try args.optionalDType(3) ?? .defaultFloat
            let exponents = try spaced(args, dtype: dtype, fused: true, op: "linspace")
            return [.tensor(castTensor(Tensor(exponents, shape: [exponents.count]), to: dtype))]
        }
        registerCreation(d, logspace, dtypes: dtypes) { args in
            let dtype = try args.optionalDType(4) ?? .defaultFloat
            let base = try args.double(3)
            let values = try spaced(args, dtype: dtype, fused: false, op: "logspace").map { pow(base, $0) }
            return [.tensor(castTensor(Tensor(values, shape: [values.count]), to: dtype))]
        }
        d.registerSamples(linspace) { dtype in dtype == .bool ? [] : [[.scalar(-1), .scalar(1), .int(5), .dtype(dtype), .none]] }
        d.registerSamples(logspace) { dtype in dtype == .bool ? [] : [[.scalar(0), .scalar(2), .int(3), .double(10), .dtype(dtype), .none]] }
    }

    /// The evenly spaced values, each rounded to `dtype`'s precision and given as doubles.
    private static func spaced(_ args: Arguments, dtype: DType, fused: Bool, op: String) throws -> [Double] {
        guard dtype != .bool else { throw RandomFill.notImplemented("\(op)_cpu", dtype, op: op) }
        let start = try args.scalar(0).doubleValue, end = try args.scalar(1).doubleValue
        let steps = try args.int(2)
        guard steps >= 0 else { throw EmberError(.invalidArgument, op: op, "number of steps must be non-negative") }
        if steps == 0 { return [] }
        if steps == 1 { return [roundedStart(start, dtype)] }
        switch dtype {
        case .float64:
            return symmetric(start, end, steps, fused: fused)
        case .float32, .float16, .bfloat16:
            return symmetric(Float(start), Float(end), steps, fused: fused).map(Double.init)
        default:
            return symmetric(start, end, steps, fused: false)
        }
    }

    private static func roundedStart(_ start: Double, _ dtype: DType) -> Double {
        dtype == .float64 || !dtype.isFloatingPoint ? start : Double(Float(start))
    }

    /// start + step·i for the first half, end − step·(steps − 1 − i) for the second.
    private static func symmetric<T: BinaryFloatingPoint>(_ start: T, _ end: T, _ steps: Int, fused: Bool) -> [T] {
        let step = (end - start) / T(steps - 1)
        let half = steps / 2
        return (0..<steps).map { i in
            if i < half {
                return fused ? start.addingProduct(step, T(i)) : start + step * T(i)
            }
            let k = T(steps - 1 - i)
            return fused ? end.addingProduct(-step, k) : end - step * k
        }
    }
}

extension Tensor {
    private static let linspaceOp = Dispatcher.shared.handle("linspace")
    private static let logspaceOp = Dispatcher.shared.handle("logspace")

    /// `steps` evenly spaced values from `start` to `end`, both included (`torch.linspace`).
    public static func linspace(_ start: Scalar, _ end: Scalar, steps: Int, dtype: DType? = nil) -> Tensor {
        Dispatcher.shared.callForTensor(linspaceOp, [.scalar(start), .scalar(end), .int(steps), dtypeValue(dtype), .none])
    }

    /// `base` raised to `steps` evenly spaced exponents from `start` to `end`
    /// (`torch.logspace`).
    public static func logspace(_ start: Scalar, _ end: Scalar, steps: Int, base: Double = 10, dtype: DType? = nil) -> Tensor {
        Dispatcher.shared.callForTensor(
            logspaceOp, [.scalar(start), .scalar(end), .int(steps), .double(base), dtypeValue(dtype), .none])
    }
}
