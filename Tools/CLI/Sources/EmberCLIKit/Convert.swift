import ArgumentParser
import EmberCore

/// `ember convert IN OUT [--metadata KEY=VALUE]...`: copies the tensors of one file format
/// into another, keeping names and dtypes.
struct Convert: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Convert tensor files between .npz, .safetensors and .npy.",
        discussion: """
            Names and dtypes are kept. A .npy input becomes one tensor named after the file \
            (weights.npy -> "weights"); a .npy output needs an input holding one tensor. .npz \
            and .npy cannot hold bfloat16 or metadata; --metadata KEY=VALUE adds metadata to a \
            .safetensors output, whose tensors are laid out as Python's safetensors writes them.
            Example: ember convert model.npz model.safetensors --metadata format=pt
            """
    )

    @Argument(help: "The file to read (.npy, .npz or .safetensors).")
    var input: String

    @Argument(help: "The file to write (.safetensors, .npz, or .npy for one tensor).")
    var output: String

    @Option(name: .customLong("metadata"), help: ArgumentHelp("Metadata for a .safetensors output.", valueName: "key=value"))
    var metadata: [String] = []

    func run() throws { print(try execute()) }

    /// Converts the file and returns what was written.
    func execute() throws -> String {
        let (from, to) = (try TensorFiles.format(of: input), try TensorFiles.format(of: output))
        guard from != to else {
            throw EmberError(.invalidArgument,
                "\(input) and \(output) are both \(from.fileExtension) files; ember converts between \(TensorFiles.formatList)")
        }
        let extra = try parsedMetadata(output: to)
        let (tensors, fileMetadata) = try TensorFiles.read(input)
        var notes: [String] = []
        switch to {
        case .safetensors:
            try SafeTensors.save(tensors, metadata: extra, to: output)
        case .npz:
            try checkNumPy(tensors, to)
            try NumPy.saveArchive(tensors, to: output)
        case .npy:
            guard tensors.count == 1 else {
                throw EmberError(.invalidArgument, "\(input) holds \(tensors.count) tensors (\(tensors.names.joined(separator: ", "))), "
                    + "but a .npy file holds one; write a .npz or .safetensors file instead")
            }
            try checkNumPy(tensors, to)
            try NumPy.save(tensors[0].tensor, to: output)
            if tensors[0].name != TensorFiles.stem(output) { notes.append("the tensor '\(tensors[0].name)' is now named after the file") }
        }
        if let fileMetadata, !fileMetadata.isEmpty {
            notes.append("the metadata of \(input) is not kept: \(to.fileExtension) files have none")
        }
        let summary = "\(output): \(tensors.count) tensor\(tensors.count == 1 ? "" : "s") from \(input)"
        return ([summary] + notes.map { "note: " + $0 }).joined(separator: "\n")
    }

    /// `--metadata` as a dictionary, or `nil` when none was given.
    private func parsedMetadata(output format: TensorFiles.Format) throws -> [String: String]? {
        guard !metadata.isEmpty else { return nil }
        guard format == .safetensors else {
            throw EmberError(.invalidArgument, "--metadata applies to a .safetensors output, not \(format.fileExtension)")
        }
        var result: [String: String] = [:]
        for item in metadata {
            guard let eq = item.firstIndex(of: "="), eq != item.startIndex else {
                throw EmberError(.invalidArgument, "--metadata expects KEY=VALUE, got '\(item)'")
            }
            result[String(item[..<eq])] = String(item[item.index(after: eq)...])
        }
        return result
    }

    /// NumPy has no bfloat16: say which tensor stops the conversion before writing anything.
    private func checkNumPy(_ tensors: NamedTensors, _ format: TensorFiles.Format) throws {
        if let (name, _) = tensors.first(where: { $0.tensor.dtype == .bfloat16 }) {
            throw EmberError(.invalidDType, "\(input): tensor '\(name)' is bfloat16, which \(format.fileExtension) files cannot hold "
                + "(NumPy has no bfloat16); convert to .safetensors, or cast it to float32 first")
        }
    }
}
