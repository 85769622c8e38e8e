/// What went wrong reading or writing a safetensors file: a code to match on, the file, the
/// tensor concerned (if any) and a message naming the offending values.
///
/// ```swift
/// do { _ = try SafeTensors.load(contentsOf: url) }
/// catch SafeTensorsError.unsupportedDType { ... }
/// catch let error as SafeTensorsError { print(error) }   // "model.safetensors: tensor 'w': ..."
/// ```
public struct SafeTensorsError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What kind of failure this is.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        /// The code's name.
        public let name: String
        /// Creates a code.
        public init(_ name: String) { self.name = name }
        /// The code's name.
        public var description: String { name }

        /// The file ends before the header length, the header or the data it announces.
        public static let truncated = Code("truncated")
        /// The header is not the JSON object the format describes (bad JSON, wrong types,
        /// a header length over the limit).
        public static let invalidHeader = Code("invalidHeader")
        /// A tensor's dtype is not one Ember has (`F8_E4M3`, `U16`, ...).
        public static let unsupportedDType = Code("unsupportedDType")
        /// A shape with a negative, non-integer or overflowing size.
        public static let invalidShape = Code("invalidShape")
        /// `data_offsets` that are reversed, overlap, leave gaps or reach past the data.
        public static let invalidOffsets = Code("invalidOffsets")
        /// A tensor's byte range disagrees with its shape and dtype.
        public static let sizeMismatch = Code("sizeMismatch")
        /// Two tensors with one name.
        public static let duplicateName = Code("duplicateName")
        /// `__metadata__` is not an object of strings.
        public static let invalidMetadata = Code("invalidMetadata")
        /// A tensor that cannot be saved (not on the CPU, named `__metadata__`).
        public static let invalidTensor = Code("invalidTensor")
        /// The file cannot be opened, read or written.
        public static let io = Code("io")
    }

    /// What kind of failure this is.
    public let code: Code
    /// The file's path, or `<memory>` for bytes held in memory.
    public let file: String
    /// The tensor the problem concerns, if any.
    public let tensor: String?
    /// What is wrong, naming the values involved.
    public let message: String

    /// Creates an error.
    public init(_ code: Code, file: String, tensor: String? = nil, _ message: String) {
        self.code = code
        self.file = file
        self.tensor = tensor
        self.message = message
    }

    /// `file: tensor 'name': message`, or `file: message`.
    public var description: String {
        tensor.map { "\(file): tensor '\($0)': \(message)" } ?? "\(file): \(message)"
    }

    /// See ``Code/truncated``.
    public static let truncated = Code.truncated
    /// See ``Code/invalidHeader``.
    public static let invalidHeader = Code.invalidHeader
    /// See ``Code/unsupportedDType``.
    public static let unsupportedDType = Code.unsupportedDType
    /// See ``Code/invalidShape``.
    public static let invalidShape = Code.invalidShape
    /// See ``Code/invalidOffsets``.
    public static let invalidOffsets = Code.invalidOffsets
    /// See ``Code/sizeMismatch``.
    public static let sizeMismatch = Code.sizeMismatch
    /// See ``Code/duplicateName``.
    public static let duplicateName = Code.duplicateName
    /// See ``Code/invalidMetadata``.
    public static let invalidMetadata = Code.invalidMetadata
    /// See ``Code/invalidTensor``.
    public static let invalidTensor = Code.invalidTensor
    /// See ``Code/io``.
    public static let io = Code.io
}

/// Lets `catch SafeTensorsError.truncated` match on the code.
public func ~= (code: SafeTensorsError.Code, error: any Error) -> Bool {
    (error as? SafeTensorsError)?.code == code
}
