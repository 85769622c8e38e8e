extension CoreOperators {
    /// A small tensor of `values` (truncated toward zero for integer dtypes) for sample inputs.
    static func sampleTensor(_ values: [Double], _ shape: [Int], _ dtype: DType) -> Tensor {
        castTensor(Tensor(values, shape: shape), to: dtype)
    }
}
