/// The one error type Ember throws: a code to match on, the operator it concerns, and a
/// message that names shapes and dtypes the way PyTorch's do.
///
/// ```swift
/// do { try Dispatcher.shared.call("add", [.tensor(a), .tensor(b), .scalar(1)]) }
/// catch EmberError.shapeMismatch { ... }
/// ```
public struct EmberError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What kind of failure this is. Extensible: packages add their own codes.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        /// The code's name.
        public let name: String
        /// Creates a code.
        public init(_ name: String) { self.name = name }
        public var description: String { name }

        /// Shapes that cannot be broadcast, multiplied or otherwise combined.
        public static let shapeMismatch = Code("shapeMismatch")
        /// A dimension index out of range.
        public static let invalidDimension = Code("invalidDimension")
        /// An element index out of range.
        public static let indexOutOfRange = Code("indexOutOfRange")
        /// An argument value that the operator does not accept.
        public static let invalidArgument = Code("invalidArgument")
        /// A dtype the operator does not accept.
        public static let invalidDType = Code("invalidDType")
        /// No kernel is registered for the operator, dtype and device.
        public static let missingKernel = Code("missingKernel")
        /// An operator name the dispatcher does not know.
        public static let unknownOperator = Code("unknownOperator")
        /// A second definition of an operator name.
        public static let duplicateOperator = Code("duplicateOperator")
        /// A schema string that does not parse.
        public static let invalidSchema = Code("invalidSchema")
        /// A file that cannot be read or does not hold what it claims.
        public static let invalidFile = Code("invalidFile")
        /// An I/O failure.
        public static let io = Code("io")
    }

    /// What kind of failure this is.
    public let code: Code
    /// The operator (or function) that failed, if any.
    public let op: String?
    /// A human-readable explanation naming the shapes and dtypes involved.
    public let message: String

    /// Creates an error.
    public init(_ code: Code, op: String? = nil, _ message: String) {
        self.code = code
        self.op = op
        self.message = message
    }

    /// `op: message`, or the message alone.
    public var description: String {
        op.map { "\($0): \(message)" } ?? message
    }

    public static let shapeMismatch = Code.shapeMismatch
    public static let invalidDimension = Code.invalidDimension
    public static let indexOutOfRange = Code.indexOutOfRange
    public static let invalidArgument = Code.invalidArgument
    public static let invalidDType = Code.invalidDType
    public static let missingKernel = Code.missingKernel
    public static let unknownOperator = Code.unknownOperator
    public static let invalidFile = Code.invalidFile
}

/// Lets `catch EmberError.shapeMismatch` match on the code.
public func ~= (code: EmberError.Code, error: any Error) -> Bool {
    (error as? EmberError)?.code == code
}

/// Describes tensors as PyTorch's errors do: `[2, 3] (float32)`.
public func describe(_ tensors: Tensor...) -> String {
    tensors.map { "\($0.shape) (\($0.dtype))" }.joined(separator: " and ")
}

/// Wraps a dimension index into `0..<rank`, or stops naming the op.
public func normalizeDim(_ dim: Int, rank: Int, op: String) -> Int {
    do { return try checkedDim(dim, rank: rank, op: op) } catch { fatalError("\(error)") }
}

/// Wraps a dimension index into `0..<rank`, throwing PyTorch's message when out of range.
/// A 0-d tensor accepts dims -1 and 0.
public func checkedDim(_ dim: Int, rank: Int, op: String) throws -> Int {
    let r = max(rank, 1)
    guard dim >= -r && dim < r else {
        throw EmberError(.invalidDimension, op: op,
            "Dimension out of range (expected to be in range of [\(-r), \(r - 1)], but got \(dim))")
    }
    return dim < 0 ? dim + r : dim
}
