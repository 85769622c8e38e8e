#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The checkpoint's safetensors form: prefixed tensor names and metadata keys.
extension Checkpoint {
    /// Reads a checkpoint from a loaded safetensors file; `name` identifies it in messages.
    ///
    /// - Throws: ``CheckpointError``: `notACheckpoint` without the `ember.checkpoint` marker,
    ///   `unsupportedVersion`, `invalidMetadata` for a bad section list or epoch,
    ///   `invalidLayout` for a tensor outside every section.
    public init(_ file: SafeTensorsFile, name: String = "<memory>") throws {
        func fail(_ code: CheckpointError.Code, _ message: String) -> CheckpointError {
            CheckpointError(code, file: name, message)
        }
        guard let meta = file.metadata, let version = meta[Self.formatKey] else {
            throw fail(.notACheckpoint, "no '\(Self.formatKey)' metadata: not an Ember checkpoint "
                + "(read a plain state dict with StateDict(contentsOf:) or SafeTensors.load)")
        }
        guard version == Self.formatVersion else {
            throw fail(.unsupportedVersion, "checkpoint format version '\(version)' is not supported (expected '\(Self.formatVersion)')")
        }
        guard let list = meta[Self.sectionsKey] else { throw fail(.invalidMetadata, "no '\(Self.sectionsKey)' metadata") }
        let names = list.isEmpty ? [] : list.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        guard names.allSatisfy(Self.isValidSectionName), Set(names).count == names.count else {
            throw fail(.invalidMetadata, "'\(Self.sectionsKey)' is not a list of distinct section names: \(list.debugDescription)")
        }
        var epoch: Int?
        if let text = meta[Self.epochKey] {
            guard let value = Int(text) else { throw fail(.invalidMetadata, "'\(Self.epochKey)' is not an integer: \(text.debugDescription)") }
            epoch = value
        }
        var parts = Dictionary(uniqueKeysWithValues: names.map { ($0, Section()) })
        for (full, tensor) in file.tensors {
            guard let (section, key) = Self.split(full, among: parts) else {
                throw fail(.invalidLayout, "tensor '\(full)' is in no section (sections: \(names.joined(separator: ", ")))")
            }
            parts[section]!.tensors[key] = tensor
        }
        var user: [String: String] = [:]
        for (full, value) in meta where !Self.reservedKeys.contains(full) && !full.hasPrefix("ember.") {
            if let (section, key) = Self.split(full, among: parts) {
                parts[section]!.metadata[key] = value
            } else {
                user[full] = value
            }
        }
        self.init(epoch: epoch, metadata: user)
        for section in names { self[section: section] = parts[section] }
        origin = name
    }

    /// The bytes of the checkpoint's safetensors file.
    ///
    /// - Throws: ``CheckpointError`` (`invalidMetadata`) when a user metadata key is reserved.
    public func encode() throws -> Data {
        let (tensors, metadata) = try flattened(file: "<memory>")
        return try SafeTensors.encode(tensors, metadata: metadata)
    }

    /// The tensors and metadata of the file, as the type's documentation lays them out.
    func flattened(file: String) throws -> (tensors: NamedTensors, metadata: [String: String]) {
        var tensors = NamedTensors()
        var metadata = ["format": "pt", Self.formatKey: Self.formatVersion, Self.sectionsKey: sectionNames.joined(separator: ",")]
        if let epoch { metadata[Self.epochKey] = String(epoch) }
        for name in sectionNames {
            let section = self[section: name]!
            for (key, tensor) in section.tensors { tensors[name + "." + key] = tensor }
            for (key, value) in section.metadata { metadata[name + "." + key] = value }
        }
        for key in self.metadata.keys.sorted() {
            if let problem = userKeyProblem(key) {
                throw CheckpointError(.invalidMetadata, file: file, "metadata key '\(key)' \(problem)")
            }
            metadata[key] = self.metadata[key]
        }
        return (tensors, metadata)
    }

    /// Why `key` cannot be a user metadata key, or `nil` if it can.
    private func userKeyProblem(_ key: String) -> String? {
        if Self.reservedKeys.contains(key) || key.hasPrefix("ember.") { return "is reserved by the checkpoint format" }
        if let dot = key.firstIndex(of: "."), self[section: String(key[..<dot])] != nil {
            return "would be read as metadata of section '\(key[..<dot])'"
        }
        return nil
    }

    /// `(section, rest)` when `name` is `<section>.<rest>` for a section in `sections`.
    private static func split(_ name: String, among sections: [String: Section]) -> (String, String)? {
        guard let dot = name.firstIndex(of: ".") else { return nil }
        let section = String(name[..<dot])
        guard sections[section] != nil else { return nil }
        return (section, String(name[name.index(after: dot)...]))
    }
}
