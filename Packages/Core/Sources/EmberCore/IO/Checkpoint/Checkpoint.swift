#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A training checkpoint: named sections of tensors and text (a model's state dict, an
/// optimizer's state, ...), the epoch, and the user's metadata, saved as ONE safetensors file.
///
/// EmberNN adds `addModel(_:)`/`restoreModel(_:)` and EmberOptim `addOptimizer(_:)`/
/// `restoreOptimizer(_:)`; both build on the sections defined here.
///
/// ```swift
/// var checkpoint = Checkpoint(epoch: 3, metadata: ["note": "warm-up done"])
/// checkpoint.addModel(model)              // section "model"
/// checkpoint.addOptimizer(optimizer)      // section "optimizer"
/// try checkpoint.save(to: "run/last.safetensors")
///
/// let resumed = try Checkpoint(contentsOf: "run/last.safetensors")
/// try resumed.restoreModel(model)
/// try resumed.restoreOptimizer(optimizer)
/// let start = (resumed.epoch ?? -1) + 1
/// ```
///
/// ## The file
/// A plain safetensors file that Python reads with `safetensors.safe_open`/`load_file`:
/// - each section's tensor `name` is stored as `<section>.<name>` (`model.0.weight`,
///   `optimizer.state.0.exp_avg`);
/// - each section's metadata `key` is stored as `<section>.<key>`
///   (`optimizer.param_groups.0.lr` = `"0.001"`);
/// - `ember.checkpoint` = `"1"` marks the format (its version), `ember.sections` lists the
///   sections in order, comma-separated; `epoch` holds the epoch when there is one, and
///   `format` = `"pt"` as Hugging Face's files have;
/// - the user's metadata keys are stored as they are.
///
/// Saving is atomic (a temporary file renamed into place): a failed or interrupted save leaves
/// the previous checkpoint as it was.
public struct Checkpoint: Sendable {
    /// One part of a checkpoint: tensors and text metadata, both under the section's name.
    public struct Section: Sendable {
        /// The tensors, by name within the section.
        public var tensors: NamedTensors
        /// Text entries, by key within the section.
        public var metadata: [String: String]

        /// A section holding `tensors` and `metadata`.
        public init(tensors: NamedTensors = NamedTensors(), metadata: [String: String] = [:]) {
            self.tensors = tensors
            self.metadata = metadata
        }
    }

    /// The metadata key marking a checkpoint; its value is the format version.
    public static let formatKey = "ember.checkpoint"
    /// The format version this code writes and reads.
    public static let formatVersion = "1"
    /// The metadata key listing the sections.
    public static let sectionsKey = "ember.sections"
    /// The metadata key of the epoch.
    public static let epochKey = "epoch"
    /// Metadata keys the checkpoint itself writes; user metadata cannot use them (nor any
    /// key starting with `ember.` or with a section's name and a dot).
    public static let reservedKeys: Set<String> = [formatKey, sectionsKey, epochKey, "format"]

    /// The epoch the checkpoint was taken at, if recorded.
    public var epoch: Int?
    /// The user's metadata, stored with its keys unchanged.
    public var metadata: [String: String]
    /// The section names, in the order they were added.
    public private(set) var sectionNames: [String] = []
    private var sections: [String: Section] = [:]
    /// Where the checkpoint was read from, for messages (`<memory>` when built or decoded).
    var origin = "<memory>"

    /// An empty checkpoint.
    public init(epoch: Int? = nil, metadata: [String: String] = [:]) {
        self.epoch = epoch
        self.metadata = metadata
    }

    /// The section called `name`; assigning adds or replaces it (keeping its position), `nil`
    /// removes it. A name must be non-empty and contain neither `.` nor `,` (a trap otherwise).
    public subscript(section name: String) -> Section? {
        get { sections[name] }
        set {
            precondition(Self.isValidSectionName(name),
                         "Checkpoint: section name '\(name)' must be non-empty and contain neither '.' nor ','")
            if let newValue {
                if sections.updateValue(newValue, forKey: name) == nil { sectionNames.append(name) }
            } else if sections.removeValue(forKey: name) != nil {
                sectionNames.removeAll { $0 == name }
            }
        }
    }

    /// The section called `name`.
    ///
    /// - Throws: ``CheckpointError`` (`missingSection`) when there is none, naming the
    ///   sections there are.
    public func section(_ name: String) throws -> Section {
        guard let section = sections[name] else {
            let present = sectionNames.isEmpty ? "none" : sectionNames.joined(separator: ", ")
            throw CheckpointError(.missingSection, file: origin, "no section '\(name)' in the checkpoint (sections: \(present))")
        }
        return section
    }

    /// Whether `name` can name a section: non-empty, without `.` or `,`.
    public static func isValidSectionName(_ name: String) -> Bool {
        !name.isEmpty && !name.contains(".") && !name.contains(",")
    }

    // MARK: Files

    /// Reads the checkpoint file at `url` (a file URL).
    ///
    /// - Throws: ``SafeTensorsError`` for a file that cannot be read or is not valid
    ///   safetensors (truncated, corrupt header); ``CheckpointError`` for a valid safetensors
    ///   file that is not a checkpoint of this format.
    public init(contentsOf url: URL) throws {
        try self.init(SafeTensors.load(contentsOf: url), name: url.path)
    }

    /// Reads the checkpoint file at `path`; see ``init(contentsOf:)-(URL)`` for the errors.
    public init(contentsOf path: String) throws {
        try self.init(SafeTensors.load(path), name: path)
    }

    /// Writes the checkpoint to `url` (a file URL), replacing any file there atomically.
    ///
    /// - Throws: ``CheckpointError`` (`invalidMetadata`) when a user metadata key is reserved;
    ///   ``SafeTensorsError`` when the file cannot be written. The previous file is then intact.
    public func save(to url: URL) throws {
        guard url.isFileURL else {
            throw SafeTensorsError(.io, file: url.absoluteString, "not a file URL")
        }
        try save(to: url.path)
    }

    /// Writes the checkpoint to `path`, replacing any file there atomically; see
    /// ``save(to:)-(URL)`` for the errors.
    public func save(to path: String) throws {
        try save(to: path) { out, chunk in try out.write(chunk) }
    }

    /// Writes through `writeChunk`, which tests replace to fail part-way.
    func save(to path: String, writeChunk: (inout _AtomicFileWriter, UnsafeRawBufferPointer) throws -> Void) throws {
        let (tensors, metadata) = try flattened(file: path)
        try SafeTensors.write(tensors, metadata: metadata, to: path, writeChunk: writeChunk)
    }
}
