// Integer-valued random fills: `random_`, `bernoulli_` and the permutation behind `randperm`.
//
// PyTorch's rules (measured on torch 2.13):
// - `random_()` with no bounds: uniform on [0, 2^digits] for floating types (digits = 24,
//   53, 11, 8) and on [0, max] for integers (bool: {0, 1}), as `draw % range` with a 64-bit
//   draw when the range exceeds 2³² (int64, float64) and a 32-bit one otherwise;
// - `random_(from, to)`: `draw % (to − from) + from`, 64-bit draws when the range ≥ 2²⁸;
//   `to = None` means up to the type's largest value (2^digits for floating types) inclusive;
// - `bernoulli_(p)`: `u < p` with a float64 uniform when p is float64, float32 otherwise;
// - `randperm(n)`: forward Fisher–Yates, swapping element i with i + draw % (n − i).

extension RandomFill {
    /// Integers in [from, to) (see the rules above for `nil` bounds).
    static func integers(_ t: Tensor, from: Int64?, to: Int64?, _ g: Generator, op: String = "random_") throws {
        let (range, base, wide) = try integerRange(t.dtype, from: from, to: to, op: op)
        var fill = IntegerFill(tensor: t, generator: g, range: range, base: base, wide: wide)
        try t.dtype.visit(&fill)
    }

    /// The range, base and draw width of `random_` for `dtype` and optional bounds.
    static func integerRange(_ dtype: DType, from: Int64?, to: Int64?, op: String) throws -> (UInt64, Int64, Bool?) {
        let bounds = dtype.integerBounds
        guard let from else {
            if let to { return try integerRange(dtype, from: 0, to: to, op: op) }
            let range = UInt64(bounds.upper) + 1
            return (range, 0, range > 1 << 32)
        }
        guard from <= bounds.upper, from >= bounds.lower || dtype.isFloatingPoint else {
            throw EmberError(.invalidArgument, op: op, "from is out of bounds for \(dtype.cTypeName)")
        }
        guard let to else {
            let range = UInt64(bitPattern: bounds.upper &- from) &+ 1
            return (range, from, nil)
        }
        guard from < to else {
            throw EmberError(.invalidArgument, op: op,
                "random_ expects 'from' to be less than 'to', but got from=\(from) >= to=\(to)")
        }
        if dtype.isIntegral || dtype == .bool, to - 1 > bounds.upper || to - 1 < bounds.lower {
            throw EmberError(.invalidArgument, op: op, "to - 1 is out of bounds for \(dtype.cTypeName)")
        }
        return (UInt64(bitPattern: to &- from), from, nil)
    }

    /// Bernoulli samples: 1 where a uniform draw is below `p` (broadcast to `t`'s shape).
    static func bernoulli(_ t: Tensor, p: Tensor, _ g: Generator, op: String = "bernoulli_") throws {
        guard p.dtype.isFloatingPoint else {
            throw notImplemented("bernoulli_tensor_cpu_p_", p.dtype, op: op)
        }
        let shape = try broadcastShapes(t.shape, p.shape, op: op)
        guard shape == t.shape else {
            throw EmberError(.shapeMismatch, op: op,
                "expand: the probability tensor of shape \(p.shape) cannot be expanded to the output shape \(t.shape)")
        }
        let probabilities = castTensor(p, to: .float64)
        let values = probabilities.scalars(as: Double.self)
        guard values.allSatisfy({ $0 >= 0 && $0 <= 1 }) else {
            throw EmberError(.invalidArgument, op: op, p.isWrappedNumber
                ? "bernoulli_ expects p to be in [0, 1], but got p=\(cFormat(values.first ?? .nan))"
                : "Expected p_in >= 0 && p_in <= 1 to be true, but got false.")
        }
        var fill = BernoulliFill(tensor: t, generator: g, p: probabilities, doublePrecision: p.dtype == .float64)
        try t.dtype.visit(&fill)
    }

    /// A random permutation of 0..<n as int64 values.
    static func permutation(_ n: Int, _ g: Generator) -> [Int64] {
        var perm = (0..<Int64(n)).map { $0 }
        guard n > 1 else { return perm }
        g.withEngine { e in
            perm.withUnsafeMutableBufferPointer { p in
                if n >= Int(UInt32.max / 20) {
                    for i in 0..<(n - 1) { p.swapAt(i, i + e.index(below: n - i)) }
                    return
                }
                e.draws(n - 1) { chunk, offset in
                    for j in 0..<chunk.count {
                        let i = offset + j
                        p.swapAt(i, i + Int(chunk[j] % UInt32(n - i)))
                    }
                }
            }
        }
        return perm
    }
}

/// `random_` for one element type.
private struct IntegerFill: ElementTypeVisitor {
    let tensor: Tensor, generator: Generator, range: UInt64, base: Int64
    /// `true`/`false` forces 64/32-bit draws (unbounded `random_()`); `nil` uses the 2²⁸ rule.
    let wide: Bool?

    mutating func visit<T: TensorElement>(_ type: T.Type) throws {
        generator.withEngine { e in
            if let wide {
                forEachInMemoryOrder(tensor, T.self) {
                    let bits = wide ? e.nextUInt64() : UInt64(e.nextUInt32())
                    $0.pointee = T(int64Value: Int64(bitPattern: bits % range))
                }
            } else {
                forEachInMemoryOrder(tensor, T.self) { $0.pointee = T(int64Value: e.integer(range: range, base: base)) }
            }
        }
    }
}

/// `bernoulli_` for one element type of the output.
private struct BernoulliFill: ElementTypeVisitor {
    let tensor: Tensor, generator: Generator, p: Tensor, doublePrecision: Bool

    mutating func visit<T: TensorElement>(_ type: T.Type) throws {
        let pp = UnsafePointer(p.dataPointer.assumingMemoryBound(to: Double.self))
        let one = T(int64Value: 1), zero = T(int64Value: 0)
        let out = tensor.dataPointer.assumingMemoryBound(to: T.self)
        let loop = tensor.memoryOrderLoop(others: [p.broadcastStrides(to: tensor.shape)])
        let precise = doublePrecision
        generator.withEngine { e in
            loop.forEachRow { off, n, st in
                for i in 0..<n {
                    let prob = pp[off[1] + i * st[1]]
                    let hit = precise ? e.uniformDouble() < prob : Double(e.uniformFloat()) < prob
                    out[off[0] + i * st[0]] = hit ? one : zero
                }
            }
        }
    }
}
