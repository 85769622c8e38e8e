import EmberCore

/// A dataset of tensors sharing their first dimension: sample `i` holds row `i` of each
/// (`torch.utils.data.TensorDataset`). Rows are views sharing the tensors' storage.
///
/// ```swift
/// let data = TensorDataset(features, labels)     // Sample == (Tensor, Tensor)
/// let (x, y) = try data.sample(at: 0)
/// ```
public struct TensorDataset<Sample: Sendable>: Dataset {
    /// The tensors whose rows make the samples (PyTorch's `.tensors`).
    public let tensors: [Tensor]
    /// The number of rows.
    public let count: Int
    let makeSample: @Sendable ([Tensor]) -> Sample

    private init(_ tensors: [Tensor], makeSample: @escaping @Sendable ([Tensor]) -> Sample) {
        precondition(!tensors.isEmpty, "TensorDataset: at least one tensor is required")
        for t in tensors {
            precondition(t.rank > 0, "TensorDataset: dimension specified as 0 but tensor has no dimensions")
            precondition(t.shape[0] == tensors[0].shape[0], "Size mismatch between tensors")
        }
        self.tensors = tensors
        self.count = tensors[0].shape[0]
        self.makeSample = makeSample
    }

    /// Row `index` of every tensor.
    /// - Throws: `EmberError.indexOutOfRange` when `index` is outside `0..<count`.
    public func sample(at index: Int) throws -> Sample {
        guard index >= 0 && index < count else {
            throw EmberError(.indexOutOfRange, op: "TensorDataset",
                "index \(index) is out of bounds for dimension 0 with size \(count)")
        }
        return makeSample(tensors.map { rowView(of: $0, at: index) })
    }
}

extension TensorDataset where Sample == Tensor {
    /// Samples are the rows of `tensor`.
    public init(_ tensor: Tensor) { self.init([tensor]) { $0[0] } }
}

extension TensorDataset where Sample == (Tensor, Tensor) {
    /// Samples are pairs of rows, such as `(features, label)`.
    public init(_ first: Tensor, _ second: Tensor) { self.init([first, second]) { ($0[0], $0[1]) } }
}

extension TensorDataset where Sample == (Tensor, Tensor, Tensor) {
    /// Samples are triples of rows.
    public init(_ first: Tensor, _ second: Tensor, _ third: Tensor) {
        self.init([first, second, third]) { ($0[0], $0[1], $0[2]) }
    }
}

extension TensorDataset where Sample == [Tensor] {
    /// Samples are arrays holding one row of each tensor, for any number of tensors.
    public init(tensors: [Tensor]) { self.init(tensors) { $0 } }
}
