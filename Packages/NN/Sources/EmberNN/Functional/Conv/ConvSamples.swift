import EmberCore

// Sample inputs of the convolution operators for the conformance suites: small shapes that
// cover stride, padding, dilation, groups, output padding, 1-D and unbatched inputs.

extension SampleData {
    /// A deterministic tensor of `shape` with values in (-1, 1), varied by `seed`.
    static func wave(_ shape: [Int], _ dtype: DType, seed: Double = 0) -> Tensor {
        let n = shape.reduce(1, *)
        return tensor((0..<n).map { (Double($0) * 0.731 + seed * 1.37 + 0.3).truncatingRemainder(dividingBy: 2) - 1 }, shape, dtype)
    }
}

enum ConvSamples {
    /// Samples for a forward operator with `layout`.
    static func forward(_ layout: ConvOps.Layout, _ dtype: DType) -> [[IValue]] {
        guard dtype.isFloatingPoint else { return [] }
        func t(_ shape: [Int], _ seed: Double) -> IValue { .tensor(SampleData.wave(shape, dtype, seed: seed)) }
        switch layout {
        case .conv(dims: 2):
            return [
                [t([2, 2, 5, 4], 0), t([3, 2, 3, 2], 1), t([3], 2), .ints([2, 1]), .ints([1, 0]), .ints([1, 1]), .int(1)],
                [t([1, 4, 5, 5], 3), t([4, 2, 2, 2], 4), .none, .ints([1, 1]), .ints([1, 1]), .ints([2, 2]), .int(2)],
                [t([2, 4, 3], 5), t([2, 2, 2, 2], 6), t([2], 7), .ints([1]), .ints([0]), .ints([1]), .int(1)],
            ]
        case .conv:
            return [
                [t([2, 2, 7], 0), t([3, 2, 3], 1), t([3], 2), .ints([2]), .ints([1]), .ints([1]), .int(1)],
                [t([4, 6], 3), t([2, 2, 2], 4), .none, .ints([1]), .ints([2]), .ints([2]), .int(2)],
            ]
        case .transposed(dims: 2):
            return [
                [t([1, 2, 3, 3], 0), t([2, 2, 2, 2], 1), t([2], 2), .ints([2, 2]), .ints([1, 1]), .ints([1, 1]), .int(1), .ints([1, 1])],
                [t([4, 2, 3], 3), t([4, 1, 3, 2], 4), .none, .ints([1, 2]), .ints([0, 1]), .ints([0, 1]), .int(2), .ints([2, 1])],
            ]
        case .transposed:
            return [[t([2, 2, 4], 0), t([2, 3, 3], 1), t([3], 2), .ints([2]), .ints([1]), .ints([1]), .int(1), .ints([1])]]
        case .general:
            return [
                [t([1, 2, 4, 3], 0), t([2, 2, 2, 2], 1), t([2], 2), .ints([1, 1]), .ints([1, 1]), .ints([1, 1]), .bool(false), .ints([0, 0]), .int(1)],
                [t([1, 2, 3], 3), t([2, 3, 2], 4), t([3], 5), .ints([2]), .ints([0]), .ints([1]), .bool(true), .ints([1]), .int(1)],
            ]
        }
    }

    /// Samples for convolution_backward: a plain and a transposed convolution.
    static func backward(_ dtype: DType) -> [[IValue]] {
        guard dtype.isFloatingPoint else { return [] }
        func t(_ shape: [Int], _ seed: Double) -> IValue { .tensor(SampleData.wave(shape, dtype, seed: seed)) }
        let all = IValue.ints([1, 1, 1])
        return [
            [t([1, 2, 5, 4], 0), t([1, 2, 4, 3], 1), t([2, 2, 2, 2], 2), .ints([2]),
             .ints([1, 1]), .ints([1, 1]), .ints([1, 1]), .bool(false), .ints([0, 0]), .int(1), all],
            [t([1, 2, 3, 3], 3), t([1, 4, 2, 2], 4), t([4, 1, 2, 2], 5), .ints([2]),
             .ints([1, 1]), .ints([0, 0]), .ints([1, 1]), .bool(true), .ints([0, 0]), .int(2), all],
        ]
    }
}
