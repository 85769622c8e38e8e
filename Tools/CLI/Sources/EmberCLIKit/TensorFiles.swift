import EmberCore

/// Reading and writing tensor files by extension: `.npy` (one tensor, named after the file),
/// `.npz` and `.safetensors`.
enum TensorFiles {
    /// A tensor file format, named by its extension.
    enum Format: String, CaseIterable {
        case npy, npz, safetensors

        /// `.npy`, as users type it.
        var fileExtension: String { "." + rawValue }
    }

    /// The formats, listed for error messages.
    static let formatList = ".npy, .npz and .safetensors"

    /// The format of the file at `path`, from its extension.
    static func format(of path: String) throws -> Format {
        let name = fileName(path)
        guard let dot = name.lastIndex(of: "."),
              let format = Format(rawValue: name[name.index(after: dot)...].lowercased())
        else { throw EmberError(.invalidFile, "\(path): unknown tensor file format (ember reads \(formatList))") }
        return format
    }

    /// The file's name without folders or extension: what a `.npy` file's tensor is called.
    static func stem(_ path: String) -> String {
        let name = fileName(path)
        return name.lastIndex(of: ".").map { String(name[..<$0]) } ?? name
    }

    private static func fileName(_ path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }

    /// The tensors in the file at `path`, in file order.
    static func load(_ path: String) throws -> NamedTensors { try read(path).tensors }

    /// The tensors in the file at `path` and, for a `.safetensors` file, its metadata.
    static func read(_ path: String) throws -> (tensors: NamedTensors, metadata: [String: String]?) {
        switch try format(of: path) {
        case .npy: return ([stem(path): try NumPy.load(path)], nil)
        case .npz: return (try NumPy.loadArchive(path), nil)
        case .safetensors:
            let file = try SafeTensors.load(path)
            return (file.tensors, file.metadata)
        }
    }

    /// The one tensor in the file at `path` (a `.npy`, or a `.npz` or `.safetensors` file
    /// holding a single tensor).
    static func loadOne(_ path: String) throws -> Tensor {
        let tensors = try load(path)
        guard tensors.count == 1 else {
            throw EmberError(.invalidArgument,
                "\(path): holds \(tensors.count) arrays (\(tensors.names.joined(separator: ", "))); an input must hold one")
        }
        return tensors[0].tensor
    }
}
