/// The contents of a safetensors file: its tensors, in the order their data lies in the file,
/// and the string-to-string `__metadata__` (`nil` when the file has none).
///
/// ```swift
/// let file = try SafeTensors.load(contentsOf: url)
/// file.names                 // ["embed.weight", "head.bias", ...]
/// file["head.bias"]          // Tensor?
/// file.metadata?["format"]   // "pt"
/// ```
public struct SafeTensorsFile: Sendable {
    /// The tensors by name, in file order. Each owns its memory.
    public var tensors: NamedTensors
    /// The header's `__metadata__`, or `nil` when it has none.
    public var metadata: [String: String]?

    /// Creates the contents of a file.
    public init(tensors: NamedTensors, metadata: [String: String]? = nil) {
        self.tensors = tensors
        self.metadata = metadata
    }

    /// The tensor names, in file order.
    public var names: [String] { tensors.names }

    /// The tensor called `name`, if any.
    public subscript(name: String) -> Tensor? { tensors[name] }
}
