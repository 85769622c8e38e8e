/// The error every EmberImage function throws: which file, and why.
///
/// ``description`` reads `file: message`, for example
/// `broken.png: PNG decode failed: IDAT: incorrect data check` (the text after
/// `failed:` is libpng's own message). Match on the reason with
/// `catch ImageError.Reason.decode`.
public struct ImageError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Why an operation failed. Extensible like `EmberError.Code`.
    public struct Reason: Hashable, Sendable, CustomStringConvertible {
        /// The reason's name.
        public let name: String
        /// Creates a reason.
        public init(_ name: String) { self.name = name }
        /// The reason's name.
        public var description: String { name }

        /// Bytes that are not a valid image file: a bad signature, corrupt or truncated data.
        public static let decode = Reason("decode")
        /// The encoder refused the pixels or could not write them.
        public static let encode = Reason("encode")
        /// A file that cannot be opened, read, written or renamed.
        public static let io = Reason("io")
        /// Pixels or a tensor of the wrong shape, dtype or size for the operation.
        public static let invalidArgument = Reason("invalidArgument")
    }

    /// Why the operation failed.
    public let reason: Reason
    /// The file's path, or a name given for in-memory data.
    public let file: String
    /// The explanation, without the file name.
    public let message: String

    /// Creates an error.
    public init(_ reason: Reason, file: String, _ message: String) {
        self.reason = reason
        self.file = file
        self.message = message
    }

    /// `file: message`.
    public var description: String { "\(file): \(message)" }
}

/// Lets `catch ImageError.Reason.decode` match on the reason.
public func ~= (reason: ImageError.Reason, error: any Error) -> Bool {
    (error as? ImageError)?.reason == reason
}
