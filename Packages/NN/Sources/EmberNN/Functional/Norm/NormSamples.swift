import EmberCore

// Sample inputs of the normalisation operators.

enum NormSamples {
    static func t(_ shape: [Int], _ dtype: DType, _ seed: Double = 0) -> IValue { .tensor(SampleData.wave(shape, dtype, seed: seed)) }

    /// native_batch_norm: training with affine parameters and running statistics, training
    /// without either, evaluation with running statistics.
    static func native(_ dtype: DType) -> [[IValue]] {
        guard dtype.isFloatingPoint else { return [] }
        let variance = IValue.tensor(SampleData.tensor([0.5, 1.5, 0.8], [3], dtype))
        return [
            [t([4, 3, 2], dtype), t([3], dtype, 1), t([3], dtype, 2), t([3], dtype, 3), variance, .bool(true), .double(0.1), .double(1e-5)],
            [t([3, 2, 2, 2], dtype, 4), .none, .none, .none, .none, .bool(true), .double(0.1), .double(1e-5)],
            [t([2, 3, 3], dtype, 5), t([3], dtype, 1), t([3], dtype, 2), t([3], dtype, 3), variance, .bool(false), .double(0.1), .double(1e-5)],
        ]
    }

    static func group(_ dtype: DType) -> [[IValue]] {
        guard dtype.isFloatingPoint else { return [] }
        return [
            [t([2, 4, 3], dtype), .int(2), t([4], dtype, 1), t([4], dtype, 2), .double(1e-5), .bool(true)],
            [t([1, 6, 2, 2], dtype, 3), .int(3), .none, .none, .double(1e-5), .bool(true)],
        ]
    }
}
