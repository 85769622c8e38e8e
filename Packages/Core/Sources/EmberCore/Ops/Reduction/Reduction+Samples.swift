// Sample tensors for the reduction operators' conformance inputs: small, tie-free positive
// values (smooth points for gradcheck), contiguous or laid out with every dim reversed.

extension Reduction {
    /// A tensor of `shape` and `dtype` holding distinct positive values (k/8 for floats,
    /// small positive integers for integer types, alternating for bool). With `reversed`,
    /// the tensor is a non-contiguous view whose strides run backwards through the dims.
    static func sample(_ shape: [Int], _ dtype: DType, reversed: Bool = false) -> Tensor {
        let count = shape.reduce(1, *)
        let values: [Double] = (0..<count).map { i in
            let k = Double((i * 37) % 101 + 1)
            if dtype == .bool { return Double(i % 3 == 0 ? 0 : 1) }
            return dtype.isFloatingPoint ? k / 8 : Double(Int(k) % 7 + 1)
        }
        guard reversed, shape.count > 1 else { return castTensor(Tensor(values, shape: shape), to: dtype) }
        let base = castTensor(Tensor(values, shape: shape.reversed()), to: dtype)
        return Tensor(storage: base.storage, shape: shape, strides: base.strides.reversed(),
                      storageOffset: 0, dtype: dtype)
    }

    /// Samples for an operator taking `(self, dims, keepdim)` plus `extra` trailing values;
    /// `all` is the dims value that reduces everything.
    static func dimSamples(_ dtype: DType, all: IValue = .none, extra: [IValue] = []) -> [[IValue]] {
        [
            [.tensor(sample([3, 4], dtype)), .ints([1]), .bool(false)] + extra,
            [.tensor(sample([2, 3, 4], dtype, reversed: true)), .ints([0, 2]), .bool(true)] + extra,
            [.tensor(sample([2, 3], dtype)), all, .bool(false)] + extra,
        ]
    }

    /// Samples for an operator taking `(self, dim)` plus `extra` trailing values.
    static func singleDimSamples(_ dtype: DType, extra: [IValue] = []) -> [[IValue]] {
        [
            [.tensor(sample([3, 4], dtype)), .int(1)] + extra,
            [.tensor(sample([2, 3, 4], dtype, reversed: true)), .int(0)] + extra,
        ]
    }
}
