// Sample inputs of the elementwise operators for the registry-driven conformance suites:
// small tensors with values where each operator is smooth, in a contiguous, a broadcasting
// and a transposed (non-contiguous) layout.

/// Builders of sample argument lists for elementwise operators.
enum PointwiseSamples {
    /// Where sample values lie.
    enum Domain {
        /// Non-integral values of both signs, away from zero (floor, abs and sign are smooth there).
        case real
        /// Positive values away from zero (log, sqrt, reciprocal).
        case positive
        /// Values inside (-1, 1) away from the ends (asin, acos, tan).
        case unit
        /// Small integers of both signs, no zero (integer division).
        case integers
        /// Small shift amounts 0...3.
        case shifts
        /// A mix of true and false.
        case bools
    }

    static let realValues: [Double] = [-1.7, 0.6, 2.3, -0.4, 1.2, -2.6, 0.9, -1.3]
    static let positiveValues: [Double] = [0.4, 1.3, 2.2, 0.7, 3.1, 1.8, 0.55, 2.7]
    static let unitValues: [Double] = [-0.8, 0.35, 0.1, -0.45, 0.7, -0.2, 0.55, -0.65]
    static let integerValues: [Double] = [-3, 5, 2, -1, 4, 7, -6, 1]
    static let shiftValues: [Double] = [0, 1, 2, 3, 1, 2, 0, 3]
    static let boolValues: [Double] = [1, 0, 0, 1, 1, 0, 1, 0]

    /// `count` values of `domain`, starting `seed` places into its cycle.
    static func values(_ domain: Domain, count: Int, seed: Int) -> [Double] {
        let pool: [Double]
        switch domain {
        case .real: pool = realValues
        case .positive: pool = positiveValues
        case .unit: pool = unitValues
        case .integers: pool = integerValues
        case .shifts: pool = shiftValues
        case .bools: pool = boolValues
        }
        return (0..<count).map { pool[($0 + seed) % pool.count] }
    }

    /// A contiguous tensor of `dtype` with values from `domain`.
    static func tensor(_ domain: Domain, _ shape: [Int], _ dtype: DType, seed: Int = 0) -> Tensor {
        let v = values(domain, count: shape.reduce(1, *), seed: seed)
        return castTensor(Tensor(v, shape: shape), to: dtype)
    }

    /// A `[cols, rows]` transposed view of a contiguous `[rows, cols]` tensor.
    static func transposed(_ domain: Domain, rows: Int, cols: Int, _ dtype: DType, seed: Int = 0) -> Tensor {
        let base = tensor(domain, [rows, cols], dtype, seed: seed)
        return Tensor(storage: base.storage, shape: [cols, rows], strides: [1, cols], storageOffset: 0, dtype: dtype)
    }

    /// `[self]` contiguous, and `[self]` transposed; `extra` values follow `self`.
    static func unary(_ domain: Domain, _ dtype: DType, extra: [IValue] = []) -> [[IValue]] {
        [
            [.tensor(tensor(domain, [2, 3], dtype))] + extra,
            [.tensor(transposed(domain, rows: 2, cols: 3, dtype, seed: 3))] + extra,
        ]
    }

    /// `[self, other]` with equal shapes, broadcasting a row, and a transposed `self`
    /// against a wrapped scalar; `extra` values follow.
    static func binary(_ a: Domain, _ b: Domain, _ dtype: DType, extra: [IValue] = []) -> [[IValue]] {
        // Three quarters of a pool value: never equal to an element of `a` (no ties for maximum).
        let s = values(b, count: 1, seed: 2)[0] * 0.75
        let scalar = Tensor(wrapping: dtype.isFloatingPoint ? .double(s) : dtype == .bool ? .bool(true) : .int(Int64(s)))
        return [
            [.tensor(tensor(a, [2, 3], dtype)), .tensor(tensor(b, [2, 3], dtype, seed: 1))] + extra,
            [.tensor(tensor(a, [2, 3], dtype, seed: 2)), .tensor(tensor(b, [3], dtype, seed: 4))] + extra,
            [.tensor(transposed(a, rows: 2, cols: 3, dtype, seed: 4)), .tensor(scalar)] + extra,
        ]
    }

    /// The dtypes with float kernels.
    static func isFloat(_ dtype: DType) -> Bool { dtype.isFloatingPoint }
    /// The integer dtypes.
    static func isInteger(_ dtype: DType) -> Bool { dtype.isIntegral }
}
