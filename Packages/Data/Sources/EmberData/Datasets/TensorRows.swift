import EmberCore

/// The view of `t[index]`: row `index` along dimension 0, sharing `t`'s storage (PyTorch's
/// `tensor[i]`). The caller checks that `t` has a dimension and that `index` is in range.
func rowView(of t: Tensor, at index: Int) -> Tensor {
    Tensor(
        storage: t.storage, shape: Array(t.shape.dropFirst()), strides: Array(t.strides.dropFirst()),
        storageOffset: t.storageOffset + index * t.strides[0], dtype: t.dtype)
}

/// PyTorch's message for an index outside `0..<count`, naming the dataset type.
func indexError(_ index: Int, count: Int, in dataset: String) -> EmberError {
    EmberError(.indexOutOfRange, op: dataset, "index \(index) is out of range for a dataset of \(count) samples")
}
