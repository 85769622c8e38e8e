/// A safetensors file that is not a usable checkpoint: a code to match on, the file, and a
/// message naming the offending key or value. (A file that is not valid safetensors at all
/// throws ``SafeTensorsError``.)
///
/// ```swift
/// do { try Checkpoint(contentsOf: path).restoreModel(model) }
/// catch CheckpointError.notACheckpoint { ... }            // a plain state dict?
/// catch let error as CheckpointError { print(error) }     // "last.safetensors: ..."
/// ```
public struct CheckpointError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What kind of failure this is.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        /// The code's name.
        public let name: String
        /// Creates a code.
        public init(_ name: String) { self.name = name }
        /// The code's name.
        public var description: String { name }

        /// The file has no `ember.checkpoint` metadata.
        public static let notACheckpoint = Code("notACheckpoint")
        /// The file's format version is not one this code reads.
        public static let unsupportedVersion = Code("unsupportedVersion")
        /// A metadata entry is malformed (`epoch` not an integer, a bad section list), or a
        /// user metadata key is reserved by the format.
        public static let invalidMetadata = Code("invalidMetadata")
        /// A tensor whose name does not start with a listed section.
        public static let invalidLayout = Code("invalidLayout")
        /// A section asked for is not in the checkpoint.
        public static let missingSection = Code("missingSection")
    }

    /// What kind of failure this is.
    public let code: Code
    /// The file's path, or `<memory>`.
    public let file: String
    /// What is wrong, naming the values involved.
    public let message: String

    /// Creates an error.
    public init(_ code: Code, file: String, _ message: String) {
        self.code = code
        self.file = file
        self.message = message
    }

    /// `file: message`.
    public var description: String { "\(file): \(message)" }

    /// See ``Code/notACheckpoint``.
    public static let notACheckpoint = Code.notACheckpoint
    /// See ``Code/unsupportedVersion``.
    public static let unsupportedVersion = Code.unsupportedVersion
    /// See ``Code/invalidMetadata``.
    public static let invalidMetadata = Code.invalidMetadata
    /// See ``Code/invalidLayout``.
    public static let invalidLayout = Code.invalidLayout
    /// See ``Code/missingSection``.
    public static let missingSection = Code.missingSection
}

/// Lets `catch CheckpointError.notACheckpoint` match on the code.
public func ~= (code: CheckpointError.Code, error: any Error) -> Bool {
    (error as? CheckpointError)?.code == code
}
