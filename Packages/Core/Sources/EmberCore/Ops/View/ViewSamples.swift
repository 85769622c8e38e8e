// Sample inputs for the view operators' conformance checks: small ramps (1, 2, 3, ...) in
// every dtype, contiguous and transposed (non-contiguous).

/// Builders for the tensors the view operators declare as sample inputs.
enum ViewSamples {
    /// `1, 2, 3, ...` as `dtype` in a contiguous tensor of `shape`.
    static func ramp(_ shape: [Int], _ dtype: DType) -> Tensor {
        let count = shape.reduce(1, *)
        return castTensor(Tensor((0..<count).map { Double($0 + 1) }, shape: shape), to: dtype)
    }

    /// A non-contiguous tensor of `shape` (rank ≥ 2): a ramp with its last two dimensions
    /// transposed.
    static func transposed(_ shape: [Int], _ dtype: DType) -> Tensor {
        let a = shape.count - 2, b = shape.count - 1
        var stored = shape
        stored.swapAt(a, b)
        let base = ramp(stored, dtype)
        var strides = base.strides
        strides.swapAt(a, b)
        return ViewSupport.alias(base, shape: shape, strides: strides)
    }

    /// Argument lists `[self] + rest` for a contiguous and a transposed `[2, 3, 4]` sample.
    static func both(_ dtype: DType, _ rest: [IValue]) -> [[IValue]] {
        [[.tensor(ramp([2, 3, 4], dtype))] + rest, [.tensor(transposed([2, 3, 4], dtype))] + rest]
    }
}
