import EmberCore

// Sample inputs of the pooling operators: padding, stride, dilation, ceil mode, unbatched
// inputs. Values come from SampleData.wave, whose entries are distinct (no ties for max).

enum PoolSamples {
    static func t(_ shape: [Int], _ dtype: DType, _ seed: Double = 0) -> IValue { .tensor(SampleData.wave(shape, dtype, seed: seed)) }

    static func max(_ dtype: DType) -> [[IValue]] {
        guard dtype.isFloatingPoint else { return [] }
        return [
            [t([2, 2, 5, 5], dtype), .ints([2, 2]), .ints([]), .ints([0, 0]), .ints([1, 1]), .bool(false)],
            [t([2, 5, 6], dtype, 1), .ints([3, 2]), .ints([2, 1]), .ints([1, 1]), .ints([1, 2]), .bool(true)],
        ]
    }

    static func average(_ dtype: DType) -> [[IValue]] {
        guard dtype.isFloatingPoint else { return [] }
        return [
            [t([2, 2, 5, 5], dtype), .ints([2, 2]), .ints([]), .ints([0, 0]), .bool(false), .bool(true), .none],
            [t([1, 5, 6], dtype, 1), .ints([3, 2]), .ints([2, 1]), .ints([1, 1]), .bool(true), .bool(false), .none],
            [t([1, 1, 4, 5], dtype, 2), .ints([3]), .ints([2]), .ints([1]), .bool(true), .bool(true), .int(5)],
        ]
    }

    static func averageBackward(_ dtype: DType) -> [[IValue]] {
        guard dtype.isFloatingPoint else { return [] }
        return [
            [t([1, 3, 7], dtype, 3), t([1, 5, 6], dtype, 1), .ints([3, 2]), .ints([2, 1]), .ints([1, 1]), .bool(true), .bool(false), .none],
        ]
    }

    static func adaptive(_ dtype: DType) -> [[IValue]] {
        guard dtype.isFloatingPoint else { return [] }
        return [[t([2, 2, 5, 7], dtype), .ints([3, 4])], [t([2, 6, 4], dtype, 1), .ints([4])]]
    }

    static func adaptiveBackward(_ dtype: DType) -> [[IValue]] {
        guard dtype.isFloatingPoint else { return [] }
        return [[t([2, 2, 3, 4], dtype, 2), t([2, 2, 5, 7], dtype)]]
    }

    /// The backward operators of the max poolings, on indices from their forward operators.
    static func maxBackward(_ name: String, _ dtype: DType) -> [[IValue]] {
        guard dtype.isFloatingPoint else { return [] }
        let x = SampleData.wave([2, 2, 5, 5], dtype)
        if name == "adaptive_max_pool2d_backward" {
            guard let r = try? Dispatcher.shared.call("adaptive_max_pool2d", [.tensor(x), .ints([3, 2])]) else { return [] }
            return [[t(r[0].tensorValue!.shape, dtype, 1), .tensor(x), r[1]]]
        }
        let settings: [IValue] = [.ints([3, 2]), .ints([2, 1]), .ints([1, 0]), .ints([1, 2]), .bool(true)]
        guard let r = try? Dispatcher.shared.call("max_pool2d_with_indices", [.tensor(x)] + settings) else { return [] }
        return [[t(r[0].tensorValue!.shape, dtype, 1), .tensor(x)] + settings + [r[1]]]
    }

    static func composite(_ name: String, _ dtype: DType) -> [[IValue]] {
        guard dtype.isFloatingPoint else { return [] }
        switch name {
        case "max_pool2d":
            return [[t([1, 2, 5, 5], dtype), .ints([3]), .ints([2]), .ints([1]), .ints([1]), .bool(true)]]
        case "adaptive_avg_pool1d", "adaptive_max_pool1d":
            return [[t([2, 3, 7], dtype), .ints([3])], [t([3, 8], dtype, 1), .ints([5])]]
        case "avg_pool1d":
            return [[t([2, 3, 7], dtype), .ints([3]), .ints([2]), .ints([1]), .bool(true), .bool(false)]]
        default:
            return [[t([2, 3, 7], dtype), .ints([2]), .ints([]), .ints([1]), .ints([2]), .bool(false)],
                    [t([3, 8], dtype, 1), .ints([3]), .ints([2]), .ints([0]), .ints([1]), .bool(true)]]
        }
    }
}
