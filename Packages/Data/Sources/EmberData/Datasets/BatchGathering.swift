import EmberCore

/// A dataset that reads a whole default-collated batch at once instead of sample by sample
/// (PyTorch's `__getitems__`): the ``DataLoader`` uses it when it collates with the default
/// collate, so a batch costs one gather per tensor instead of one view per sample and a stack.
public protocol BatchGathering: Dataset {
    /// The batch the default collate would make of the samples at `indices` (a `Sample`
    /// whose tensors have the batch as their first dimension).
    /// - Throws: the error ``Dataset/sample(at:)`` throws for the first index out of range.
    func gatherBatch(at indices: [Int]) throws -> Sample
}

extension TensorDataset: BatchGathering {
    /// Rows `indices` of every tensor, copied into new tensors (a consecutive run is one copy
    /// of a slice; other index lists go through `index_select`).
    public func gatherBatch(at indices: [Int]) throws -> Sample {
        if let bad = indices.first(where: { $0 < 0 || $0 >= count }) { _ = try sample(at: bad) }
        guard let first = indices.first else { return makeSample(tensors.map { $0.narrow(dim: 0, start: 0, length: 0).clone() }) }
        let isRun = indices.indices.allSatisfy { indices[$0] == first + $0 }
        if isRun {
            return makeSample(tensors.map { $0.narrow(dim: 0, start: first, length: indices.count).clone() })
        }
        let index = Tensor(indices.map(Int64.init), shape: [indices.count])
        return makeSample(tensors.map { $0.indexSelect(dim: 0, index: index) })
    }
}
