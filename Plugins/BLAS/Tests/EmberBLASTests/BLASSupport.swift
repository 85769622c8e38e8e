@_spi(EmberBackend) import EmberCore

/// Core's reference kernels, called directly, for comparison with the BLAS kernels the
/// shared dispatcher runs once EmberBLAS is registered.
enum Reference {
    static let backend = GEMMBackend(float32: nil, float64: nil)

    /// Runs Core's reference kernel of `op` on `args`.
    static func call(_ op: String, _ args: [IValue]) throws -> [IValue] {
        let kernels = MatrixProductKernels.kernels(for: op, backend: backend)
        let dtype = args.compactMap { v -> DType? in if case .tensor(let t) = v { return t.dtype }; return nil }.last
        let kernel = dtype == .float64 ? kernels.float64 : kernels.float32
        return try kernel(Arguments(args, op: op))
    }

    /// The error a call throws, as text (nil if it does not throw).
    static func error(_ body: () throws -> [IValue]) -> String? {
        do { _ = try body() } catch { return "\(error)" }
        return nil
    }
}

/// Deterministic test matrices and views of them.
enum Layouts {
    /// Values in [-1, 1) from a fixed sequence.
    static func values(_ count: Int, seed: Int) -> [Double] {
        var state = UInt64(seed + 1) &* 0x9E37_79B9_7F4A_7C15
        return (0..<count).map { _ in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Double(state >> 11) / Double(1 << 53) * 2 - 1
        }
    }

    /// A contiguous tensor of `shape`.
    static func tensor(_ shape: [Int], _ dtype: DType, seed: Int) -> Tensor {
        Tensor(values(shape.reduce(1, *), seed: seed), shape: shape).to(dtype)
    }

    /// The layouts every product is checked on, as views of `shape` with the same values
    /// (`name`, tensor): contiguous, transposed (column-major), a row slice of a wider
    /// tensor (leading dimension > columns), every-other-column (packed by the plugin).
    static func views(_ shape: [Int], _ dtype: DType, seed: Int) -> [(String, Tensor)] {
        let r = shape.count
        let base = tensor(shape, dtype, seed: seed)
        var swapped = shape
        swapped.swapAt(r - 2, r - 1)
        let transposed = base.transpose(r - 2, r - 1).contiguous().transpose(r - 2, r - 1)
        var wide = shape
        wide[r - 1] += 3
        let sliced = tensor(wide, dtype, seed: seed + 100).narrow(dim: r - 1, start: 1, length: shape[r - 1])
        _ = sliced.copy_(base)
        var doubled = shape
        doubled[r - 1] *= 2
        let strided = tensor(doubled, dtype, seed: seed + 200).slice(dim: r - 1, start: 0, step: 2)
        _ = strided.copy_(base)
        return [("contiguous", base), ("transposed", transposed), ("row slice", sliced), ("column step 2", strided)]
    }
}
