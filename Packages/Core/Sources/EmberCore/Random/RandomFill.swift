#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The kernels behind the random operators: each fills an existing tensor in place, drawing
/// one value per element in memory order (the order PyTorch's TensorIterator gives a single
/// output), under one lock of the generator. They do not bump the storage version; the
/// in-place operators do.
///
/// float16 and bfloat16 are filled through a float32 buffer: statistically right, but not
/// PyTorch's exact numbers for normal samples of 16 or more elements.
enum RandomFill {
    /// Uniform samples in [from, to): `fma(u, to − from, from)` in the element type.
    static func uniform(_ t: Tensor, from: Double, to: Double, _ g: Generator, op: String = "uniform_") throws {
        guard from <= to else {
            throw EmberError(.invalidArgument, op: op,
                "uniform_ expects to return a [from, to) range, but found from=\(cFormat(from)) > to=\(cFormat(to))")
        }
        switch t.dtype {
        case .float32:
            try checkFinite(from, to, limit: Double(Float.greatestFiniteMagnitude), type: "float", op: op)
            let f = Float(from), range = Float(to) - Float(from)
            if t.isContiguous {
                let p = t.dataPointer.assumingMemoryBound(to: Float.self)
                g.withEngine { $0.fillUniform(p, count: t.count, from: f, range: range) }
            } else {
                g.withEngine { e in forEachInMemoryOrder(t, Float.self) { $0.pointee = f.addingProduct(e.uniformFloat(), range) } }
            }
        case .float64:
            try checkFinite(from, to, limit: .greatestFiniteMagnitude, type: "double", op: op)
            let range = to - from
            if t.isContiguous {
                let p = t.dataPointer.assumingMemoryBound(to: Double.self)
                g.withEngine { $0.fillUniform(p, count: t.count, from: from, range: range) }
            } else {
                g.withEngine { e in forEachInMemoryOrder(t, Double.self) { $0.pointee = from.addingProduct(e.uniformDouble(), range) } }
            }
        case .float16, .bfloat16:
            try viaFloat32(t) { try uniform($0, from: from, to: to, g, op: op) }
        default:
            throw notImplemented("check_uniform_bounds", t.dtype, op: op)
        }
    }

    /// Normal samples with mean `mean` and standard deviation `std` (see
    /// RandomEngine+NormalFill for the two paths PyTorch takes).
    static func normal(_ t: Tensor, mean: Double, std: Double, _ g: Generator, op: String = "normal_") throws {
        guard std >= 0 else {
            throw EmberError(.invalidArgument, op: op, "normal expects std >= 0.0, but found std \(cFormat(std))")
        }
        let block = t.isContiguous && t.count >= 16
        switch t.dtype {
        case .float32 where block:
            let p = t.dataPointer.assumingMemoryBound(to: Float.self)
            g.withEngine { $0.fillNormal(p, count: t.count, mean: Float(mean), std: Float(std)) }
        case .float64 where block:
            let p = t.dataPointer.assumingMemoryBound(to: Double.self)
            g.withEngine { $0.fillNormal(p, count: t.count, mean: mean, std: std) }
        case .float32:
            g.withEngine { e in forEachInMemoryOrder(t, Float.self) { $0.pointee = Float(e.normal(mean: mean, std: std)) } }
        case .float64:
            g.withEngine { e in forEachInMemoryOrder(t, Double.self) { $0.pointee = e.normal(mean: mean, std: std) } }
        case .float16, .bfloat16:
            try viaFloat32(t) { try normal($0, mean: mean, std: std, g, op: op) }
        default:
            throw notImplemented("normal_kernel_cpu", t.dtype, op: op)
        }
    }

    /// Exponential samples with rate `lambda`: `(−1/λ) · log1p(−u)` on a float64 uniform.
    static func exponential(_ t: Tensor, lambda: Double, _ g: Generator, op: String = "exponential_") throws {
        guard lambda > 0 else {
            throw EmberError(.invalidArgument, op: op, "exponential_ expects lambda > 0.0, but found lambda=\(cFormat(lambda))")
        }
        switch t.dtype {
        case .float32:
            g.withEngine { e in forEachInMemoryOrder(t, Float.self) { $0.pointee = Float(e.exponentialDouble(lambda: lambda)) } }
        case .float64:
            g.withEngine { e in forEachInMemoryOrder(t, Double.self) { $0.pointee = e.exponentialDouble(lambda: lambda) } }
        case .float16, .bfloat16:
            try viaFloat32(t) { try exponential($0, lambda: lambda, g, op: op) }
        default:
            throw EmberError(.invalidDType, op: op,
                "Exponential distribution is a continuous probability distribution. dtype must be a floating point but you specified \(t.dtype.atenName)")
        }
    }

    /// Fills a float16/bfloat16 tensor by running `fill` on a float32 buffer of its shape,
    /// then rounding the k-th value into the k-th element in memory order.
    static func viaFloat32(_ t: Tensor, _ fill: (Tensor) throws -> Void) rethrows {
        let buffer = Tensor(empty: t.shape, dtype: .float32)
        try fill(buffer)
        let src = UnsafePointer(buffer.dataPointer.assumingMemoryBound(to: Float.self))
        var k = 0
        if t.dtype == .float16 {
            forEachInMemoryOrder(t, Float16.self) { $0.pointee = Float16(src[k]); k += 1 }
        } else {
            forEachInMemoryOrder(t, BFloat16.self) { $0.pointee = BFloat16(src[k]); k += 1 }
        }
    }

    static func checkFinite(_ from: Double, _ to: Double, limit: Double, type: String, op: String) throws {
        guard from.isFinite, abs(from) <= limit else {
            throw EmberError(.invalidArgument, op: op, "from is out of bounds for \(type)")
        }
        guard to.isFinite, abs(to) <= limit else {
            throw EmberError(.invalidArgument, op: op, "to is out of bounds for \(type)")
        }
        guard to - from <= limit else {
            throw EmberError(.invalidArgument, op: op,
                "uniform_ expects to-from <= std::numeric_limits<\(type)>::max(), but found to=\(cFormat(to)) and from=\(cFormat(from)) which result in to-from to exceed the limit")
        }
    }

    static func notImplemented(_ kernel: String, _ dtype: DType, op: String) -> EmberError {
        EmberError(.invalidDType, op: op, "\"\(kernel)\" not implemented for '\(dtype.atenName)'")
    }
}

extension DType {
    /// PyTorch's C++ scalar type name (`Float`, `Long`...), as its error messages print it.
    var atenName: String {
        switch self {
        case .bool: return "Bool"
        case .uint8: return "Byte"
        case .int8: return "Char"
        case .int16: return "Short"
        case .int32: return "Int"
        case .int64: return "Long"
        case .float16: return "Half"
        case .bfloat16: return "BFloat16"
        case .float32: return "Float"
        case .float64: return "Double"
        }
    }
}

/// A double formatted as C++ streams print it (`%g`: `2`, `0.5`, `1e+20`), for messages
/// that quote PyTorch's.
func cFormat(_ value: Double) -> String {
    if value.isNaN { return "nan" }
    if value.isInfinite { return value > 0 ? "inf" : "-inf" }
    var buffer = [CChar](repeating: 0, count: 64)
    _ = withVaList([value]) { vsnprintf(&buffer, buffer.count, "%g", $0) }
    return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
}
