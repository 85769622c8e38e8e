/// Laying tensors out as the safetensors crate does (Python's `safetensors.torch.save_file`):
/// sorted by dtype (wider and later dtypes first, see ``SafeTensors/layoutRank(_:)``) then by
/// name, the header written as compact JSON with `__metadata__` first, padded with spaces to a
/// multiple of 8 bytes.
extension SafeTensors {
    /// A file ready to write: the length prefix and header, then each tensor's bytes.
    struct Encoded {
        /// The 8-byte length and the padded header.
        var prefix: [UInt8]
        /// Contiguous CPU tensors in data order.
        var tensors: [Tensor]

        /// Each tensor's bytes, in order.
        func forEachChunk(_ body: (UnsafeRawBufferPointer) throws -> Void) rethrows {
            for t in tensors where t.count > 0 {
                try body(UnsafeRawBufferPointer(start: t.dataPointer, count: t.count * t.dtype.itemSize))
            }
        }

        /// The whole file's size in bytes.
        var byteCount: Int { tensors.reduce(prefix.count) { $0 + $1.count * $1.dtype.itemSize } }
    }

    /// Header alignment: the data section starts at a multiple of this.
    static let headerAlignment = 8

    /// Checks and orders `tensors` and writes the header. Non-contiguous tensors are copied
    /// into contiguous ones; metadata keys are written sorted (the crate writes them in hash
    /// order, which differs from run to run).
    static func encodeParts(_ tensors: NamedTensors, metadata: [String: String]?, file: String) throws -> Encoded {
        var items: [(name: String, tensor: Tensor)] = []
        for (name, tensor) in tensors {
            guard tensor.device == .cpu else {
                throw SafeTensorsError(.invalidTensor, file: file, tensor: name,
                    "the tensor is on \(tensor.device); copy it to the CPU before saving")
            }
            guard name != "__metadata__" else {
                throw SafeTensorsError(.invalidTensor, file: file, tensor: name, "__metadata__ is reserved for the metadata")
            }
            items.append((name, tensor.isContiguous ? tensor : castTensor(tensor, to: tensor.dtype)))
        }
        items.sort { precedesInLayout(($0.name, $0.tensor.dtype), ($1.name, $1.tensor.dtype)) }

        var json: [UInt8] = [UInt8(ascii: "{")]
        if let metadata {
            let pairs = metadata.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
            json += Array("\"__metadata__\":".utf8)
            _JSONWriter.appendStringObject(pairs.map { ($0.key, $0.value) }, to: &json)
            if !items.isEmpty { json.append(UInt8(ascii: ",")) }
        }
        var offset = 0
        for (i, (name, tensor)) in items.enumerated() {
            if i > 0 { json.append(UInt8(ascii: ",")) }
            let end = offset + tensor.count * tensor.dtype.itemSize
            _JSONWriter.appendString(name, to: &json)
            json += Array(":{\"dtype\":\"\(dtypeName(tensor.dtype))\",\"shape\":".utf8)
            _JSONWriter.appendIntegers(tensor.shape, to: &json)
            json += Array(",\"data_offsets\":".utf8)
            _JSONWriter.appendIntegers([offset, end], to: &json)
            json.append(UInt8(ascii: "}"))
            offset = end
        }
        json.append(UInt8(ascii: "}"))
        while json.count % headerAlignment != 0 { json.append(UInt8(ascii: " ")) }

        var prefix: [UInt8] = []
        prefix.reserveCapacity(8 + json.count)
        for shift in stride(from: 0, to: 64, by: 8) { prefix.append(UInt8(truncatingIfNeeded: UInt64(json.count) >> UInt64(shift))) }
        return Encoded(prefix: prefix + json, tensors: items.map(\.tensor))
    }
}
