import EmberCore

// Stacking for the default collate. Written here on the tensors' bytes (the samples of a
// batch are usually small contiguous rows: one memcpy each) so that a mismatch throws an
// error the loader can report with the batch's indices, rather than trapping.

/// The tensors stacked along a new first dimension (`torch.stack(tensors)`), converted to
/// their promoted dtype.
/// - Throws: `EmberError` for an empty list or tensors of different shapes, with PyTorch's
///   messages.
func stackSamples(_ tensors: [Tensor]) throws -> Tensor {
    guard let first = tensors.first else {
        throw EmberError(.invalidArgument, op: "stack", "stack expects a non-empty TensorList")
    }
    if let i = tensors.firstIndex(where: { $0.shape != first.shape }) {
        throw EmberError(.shapeMismatch, op: "stack",
            "stack expects each tensor to be equal size, but got \(first.shape) at entry 0 and \(tensors[i].shape) at entry \(i)")
    }
    let dtype = tensors.dropFirst().reduce(first.dtype) { DType.promoted($0, $1.dtype) }
    let out = Tensor(empty: [tensors.count] + first.shape, dtype: dtype)
    let rowBytes = first.count * dtype.itemSize
    for (i, t) in tensors.enumerated() {
        copyElements(of: t.dtype == dtype ? t : castTensor(t, to: dtype), to: out.dataPointer + i * rowBytes)
    }
    return out
}

/// Copies the elements of `t` in row-major order to contiguous memory at `destination`.
private func copyElements(of t: Tensor, to destination: UnsafeMutableRawPointer) {
    if t.isContiguous {
        destination.copyMemory(from: t.dataPointer, byteCount: t.count * t.dtype.itemSize)
        return
    }
    switch t.dtype.itemSize {
    case 1: copyStrided(t, UInt8.self, destination)
    case 2: copyStrided(t, UInt16.self, destination)
    case 4: copyStrided(t, UInt32.self, destination)
    default: copyStrided(t, UInt64.self, destination)
    }
}

/// The strided copy, moving elements as `Word`s of the dtype's size.
private func copyStrided<Word>(_ t: Tensor, _ word: Word.Type, _ destination: UnsafeMutableRawPointer) {
    let source = UnsafePointer(t.dataPointer.assumingMemoryBound(to: Word.self))
    let out = destination.assumingMemoryBound(to: Word.self)
    var written = 0
    StridedLoop(shape: t.shape, strides: [t.strides]).forEachRow { offsets, n, rowStrides in
        let start = offsets[0], step = rowStrides[0]
        for j in 0..<n { out[written + j] = source[start + j * step] }
        written += n
    }
}
