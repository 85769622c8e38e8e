import EmberCore

extension RNNBase {
    /// The class name PyTorch's messages start with (`LSTM`).
    var modeName: String { typeName }

    /// PyTorch's message for an input or initial state that does not fit, or `nil`.
    func validationError(_ input: Tensor, _ initial: [Tensor]) -> String? {
        guard input.rank == 2 || input.rank == 3 else {
            return "\(modeName): Expected input to be 2D or 3D, got \(input.rank)D input instead"
        }
        if let first = parameters(recurse: false).first, first.dtype != input.dtype {
            return "input must have the type torch.\(first.dtype), got type torch.\(input.dtype)"
        }
        guard input.shape.last == inputSize else {
            return "input.size(-1) must be equal to input_size. Expected \(inputSize), got \(input.shape.last!)"
        }
        guard !initial.isEmpty else { return nil }
        let batched = input.rank == 3
        if let wrong = initial.first(where: { $0.rank != (batched ? 3 : 2) }) {
            let kind = batched ? "batched 3-D" : "unbatched 2-D"
            if mode == .lstm {
                let ranks = initial.map { "\($0.rank)-D" }.joined(separator: ", ")
                return "For \(kind) input, hx and cx should also be \(batched ? 3 : 2)-D but got (\(ranks)) tensors"
            }
            return "For \(kind) input, hx should also be \(batched ? 3 : 2)-D but got \(wrong.rank)-D tensor"
        }
        let batch = batched ? input.shape[batchFirst ? 0 : 1] : nil
        let expected = [numLayers * numDirections] + (batch.map { [$0] } ?? []) + [hiddenSize]
        for (k, state) in initial.enumerated() where state.shape != expected {
            let what = mode == .lstm ? "hidden[\(k)] size" : "hidden size"
            let tuple = "(" + expected.map(String.init).joined(separator: ", ") + ")"
            return "Expected \(what) \(tuple), got \(state.shape)"
        }
        return nil
    }
}
