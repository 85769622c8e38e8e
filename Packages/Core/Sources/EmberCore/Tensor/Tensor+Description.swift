// Printing tensors exactly as PyTorch's `repr` does (torch/_tensor_str.py):
//
//     tensor([[1.5000, 2.0000],
//             [3.2500, 4.0000]])
//     tensor([1.0000e-05, 1.0000e+00])
//     tensor([ True, False])
//     tensor([1, 2], dtype=torch.int32)
//     tensor([], size=(0, 3))
//
// Rows wrap at `linewidth`; tensors of more than `threshold` elements show `edgeitems`
// items at each end of every dimension around `...`; the dtype is named unless it is
// float32, int64 or bool (float32 being the default float type).

extension Tensor: CustomStringConvertible {
    /// PyTorch's `repr`, with ``PrintOptions/current``.
    public var description: String { formatted(PrintOptions.current) }

    /// PyTorch's `repr` with the given options.
    public func formatted(_ options: PrintOptions) -> String {
        TensorPrinter(self, options).repr()
    }
}

/// Lays out one tensor; see the file comment.
struct TensorPrinter {
    let tensor: Tensor
    let options: PrintOptions
    /// Whether the tensor has more elements than the threshold.
    let summarize: Bool
    private static let prefix = "tensor("

    init(_ tensor: Tensor, _ options: PrintOptions) {
        self.tensor = tensor
        self.options = options
        self.summarize = tensor.count > options.threshold
    }

    func repr() -> String {
        let indent = TensorPrinter.prefix.count
        var suffixes: [String] = []
        var body: String
        if tensor.device.kind != .cpu {
            // Elements are not readable from the host until a device can copy to the CPU;
            // print like PyTorch's meta tensors.
            suffixes.append("device='\(tensor.device)'")
            suffixes.append("size=\(TensorPrinter.tuple(tensor.shape))")
            if tensor.dtype != .defaultFloat { suffixes.append("dtype=torch.\(tensor.dtype)") }
            body = "..."
        } else if tensor.count == 0 {
            if tensor.rank != 1 { suffixes.append("size=\(TensorPrinter.tuple(tensor.shape))") }
            if tensor.dtype != .defaultFloat { suffixes.append("dtype=torch.\(tensor.dtype)") }
            body = "[]"
        } else {
            if options.edgeitems == 0 { suffixes.append("size=\(TensorPrinter.tuple(tensor.shape))") }
            if ![DType.defaultFloat, .int64, .bool].contains(tensor.dtype) {
                suffixes.append("dtype=torch.\(tensor.dtype)")
            }
            body = contents(indent: indent)
        }
        if let annotations = tensor.autogradMeta as? TensorDescriptionAnnotating {
            suffixes.append(contentsOf: annotations.descriptionSuffixes)
        }
        return addSuffixes(TensorPrinter.prefix + body, suffixes, indent: indent)
    }

    /// Python's `str(tuple(shape))`: `(0, 3)`, `(20,)`, `()`.
    static func tuple(_ shape: [Int]) -> String {
        shape.count == 1 ? "(\(shape[0]),)" : "(" + shape.map(String.init).joined(separator: ", ") + ")"
    }

    /// Appends `, suffix` to the last line, or starts a new line when it would pass the
    /// line width. (PyTorch measures the last line one character long; so does this.)
    func addSuffixes(_ text: String, _ suffixes: [String], indent: Int) -> String {
        var result = text
        let lastNewline = text.lastIndex(of: "\n")
        var lastLine = lastNewline.map { text.distance(from: $0, to: text.endIndex) + 1 } ?? text.count + 2
        for suffix in suffixes {
            if lastLine + suffix.count + 2 > options.linewidth {
                result += ",\n" + String(repeating: " ", count: indent) + suffix
                lastLine = indent + suffix.count
            } else {
                result += ", " + suffix
                lastLine += suffix.count + 2
            }
        }
        return result + ")"
    }

    /// The bracketed elements of a non-empty CPU tensor.
    func contents(indent: Int) -> String {
        let reader = ElementReader(tensor)
        var shown: [PrintedElement] = []
        collectShown(dim: 0, offset: 0, reader, into: &shown)
        let formatter = TensorFormatter(shown, isFloating: tensor.dtype.isFloatingPoint, options: options)
        return layout(dim: 0, offset: 0, indent: indent, reader, formatter)
    }

    /// The indices shown along a dimension of size `n`: all of them, or (summarising) the
    /// first and last `edgeitems`, `nil` standing for the `...` between them.
    func shownIndices(_ n: Int) -> [Int?] {
        let e = options.edgeitems
        guard summarize && n > 2 * e else { return (0..<n).map { $0 } }
        return (0..<e).map { $0 } + [nil] + ((n - e)..<n).map { $0 }
    }

    /// The elements the formatter looks at (PyTorch's `get_summarized_data`). With
    /// `edgeitems = 0` PyTorch keeps every element of a 1-D tensor (its `t[-0:]` is the
    /// whole tensor) and none of a higher one; those contents print as `[...]` anyway.
    func collectShown(dim: Int, offset: Int, _ reader: ElementReader, into out: inout [PrintedElement]) {
        if dim == tensor.rank {
            out.append(reader.element(at: offset))
            return
        }
        if options.edgeitems == 0 && summarize {
            if tensor.rank - dim >= 2 { return }
            for i in 0..<tensor.shape[dim] { out.append(reader.element(at: offset + i * tensor.strides[dim])) }
            return
        }
        for case let i? in shownIndices(tensor.shape[dim]) {
            collectShown(dim: dim + 1, offset: offset + i * tensor.strides[dim], reader, into: &out)
        }
    }

    /// PyTorch's `_tensor_str_with_formatter` for the sub-tensor at `dim` and `offset`.
    func layout(dim: Int, offset: Int, indent: Int, _ reader: ElementReader, _ formatter: TensorFormatter) -> String {
        let remaining = tensor.rank - dim
        if remaining == 0 { return formatter.format(reader.element(at: offset)) }
        if remaining == 1 { return vector(offset: offset, indent: indent, reader, formatter) }
        let size = tensor.shape[dim], stride = tensor.strides[dim]
        let indices: [Int?] = summarize && options.edgeitems == 0 ? [nil] : shownIndices(size)
        let slices = indices.map { i in
            i.map { layout(dim: dim + 1, offset: offset + $0 * stride, indent: indent + 1, reader, formatter) } ?? "..."
        }
        let separator = "," + String(repeating: "\n", count: remaining - 1) + String(repeating: " ", count: indent + 1)
        return "[" + slices.joined(separator: separator) + "]"
    }

    /// PyTorch's `_vector_str`: elements wrapped so that each line fits the line width.
    func vector(offset: Int, indent: Int, _ reader: ElementReader, _ formatter: TensorFormatter) -> String {
        let perLine = max(1, (options.linewidth - indent) / (formatter.width + 2))
        let size = tensor.shape[tensor.rank - 1], stride = tensor.strides[tensor.rank - 1]
        let data: [String]
        if summarize && options.edgeitems == 0 {
            data = ["..."]
        } else {
            data = shownIndices(size).map { i in
                i.map { formatter.format(reader.element(at: offset + $0 * stride)) } ?? " ..."
            }
        }
        let lines = Swift.stride(from: 0, to: data.count, by: perLine).map {
            data[$0..<min($0 + perLine, data.count)].joined(separator: ", ")
        }
        return "[" + lines.joined(separator: ",\n" + String(repeating: " ", count: indent + 1)) + "]"
    }
}

/// Reads single elements of a CPU tensor by element offset from its first element.
struct ElementReader {
    let base: UnsafeRawPointer
    let dtype: DType

    init(_ tensor: Tensor) {
        base = UnsafeRawPointer(tensor.dataPointer)
        dtype = tensor.dtype
    }

    func element(at offset: Int) -> PrintedElement {
        let byte = offset * dtype.itemSize
        switch dtype {
        case .bool: return .bool(base.load(fromByteOffset: byte, as: UInt8.self) != 0)
        case .uint8: return .int(Int64(base.load(fromByteOffset: byte, as: UInt8.self)))
        case .int8: return .int(Int64(base.load(fromByteOffset: byte, as: Int8.self)))
        case .int16: return .int(Int64(base.load(fromByteOffset: byte, as: Int16.self)))
        case .int32: return .int(Int64(base.load(fromByteOffset: byte, as: Int32.self)))
        case .int64: return .int(base.load(fromByteOffset: byte, as: Int64.self))
        case .float16: return .float(Double(Float(base.load(fromByteOffset: byte, as: Float16.self))))
        case .bfloat16: return .float(Double(BFloat16(bitPattern: base.load(fromByteOffset: byte, as: UInt16.self)).floatValue))
        case .float32: return .float(Double(base.load(fromByteOffset: byte, as: Float.self)))
        case .float64: return .float(base.load(fromByteOffset: byte, as: Double.self))
        }
    }
}
