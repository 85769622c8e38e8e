import EmberCore

/// Reading tensor files by extension. Later formats (safetensors, `.pt`) plug in here.
enum TensorFiles {
    /// The tensors in the file at `path`: a `.npy` holds one, named after the file.
    static func load(_ path: String) throws -> NamedTensors {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        let dot = name.lastIndex(of: ".")
        let stem = dot.map { String(name[..<$0]) } ?? name
        switch dot.map({ name[name.index(after: $0)...].lowercased() }) {
        case "npy": return [stem: try NumPy.load(path)]
        case "npz": return try NumPy.loadArchive(path)
        default: throw EmberError(.invalidFile, "\(path): unknown tensor file format (ember reads .npy and .npz)")
        }
    }

    /// The one tensor in the file at `path` (a `.npy`, or a `.npz` holding a single array).
    static func loadOne(_ path: String) throws -> Tensor {
        let tensors = try load(path)
        guard tensors.count == 1 else {
            throw EmberError(.invalidArgument,
                "\(path): holds \(tensors.count) arrays (\(tensors.names.joined(separator: ", "))); an input must hold one")
        }
        return tensors[0].tensor
    }
}
