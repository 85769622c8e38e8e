/// One boxed argument or result of an operator call (PyTorch's `IValue`).
public enum IValue: Sendable, CustomStringConvertible {
    case none
    case tensor(Tensor)
    case tensors([Tensor])
    case int(Int)
    case ints([Int])
    case double(Double)
    case doubles([Double])
    case bool(Bool)
    case scalar(Scalar)
    case string(String)
    case dtype(DType)
    case device(Device)
    /// A random number generator (`Generator? generator=None` arguments).
    case generator(Generator)

    /// The tensor, or `nil` for any other case.
    @inlinable public var tensorValue: Tensor? {
        if case .tensor(let t) = self { return t }
        return nil
    }

    public var description: String {
        switch self {
        case .none: return "None"
        case .tensor(let t): return "Tensor\(t.shape) \(t.dtype)"
        case .tensors(let ts): return "[" + ts.map { "Tensor\($0.shape) \($0.dtype)" }.joined(separator: ", ") + "]"
        case .int(let i): return String(i)
        case .ints(let a): return "\(a)"
        case .double(let d): return String(d)
        case .doubles(let a): return "\(a)"
        case .bool(let b): return b ? "True" : "False"
        case .scalar(let s): return s.description
        case .string(let s): return "\"\(s)\""
        case .dtype(let d): return d.description
        case .device(let d): return d.description
        case .generator(let g): return "Generator(seed: \(g.initialSeed))"
        }
    }
}

/// Typed access to a call's arguments, throwing a message that names the operator and the
/// argument when a value has the wrong type.
public struct Arguments: Sendable {
    /// The boxed values, in schema order.
    public var values: [IValue]
    /// The operator's name, for messages.
    public let op: String

    /// Wraps `values` for operator `op`.
    @inlinable public init(_ values: [IValue], op: String) {
        self.values = values
        self.op = op
    }

    @inlinable public subscript(i: Int) -> IValue { values[i] }

    @usableFromInline func mismatch(_ i: Int, _ expected: String) -> EmberError {
        EmberError(.invalidArgument, op: op,
            "argument \(i) must be \(expected), got \(i < values.count ? values[i].description : "nothing")")
    }

    /// The tensor at `i`.
    @inlinable public func tensor(_ i: Int) throws -> Tensor {
        if i < values.count, case .tensor(let t) = values[i] { return t }
        throw mismatch(i, "a Tensor")
    }
    /// The optional tensor at `i`.
    @inlinable public func optionalTensor(_ i: Int) throws -> Tensor? {
        if i >= values.count { return nil }
        switch values[i] {
        case .none: return nil
        case .tensor(let t): return t
        default: throw mismatch(i, "a Tensor or None")
        }
    }
    /// The tensor list at `i`.
    public func tensors(_ i: Int) throws -> [Tensor] {
        if i < values.count {
            if case .tensors(let ts) = values[i] { return ts }
            if case .tensor(let t) = values[i] { return [t] }
        }
        throw mismatch(i, "a list of Tensors")
    }
    /// The integer at `i`.
    public func int(_ i: Int) throws -> Int {
        if i < values.count {
            switch values[i] {
            case .int(let v): return v
            case .scalar(.int(let v)): return Int(v)
            case .bool(let b): return b ? 1 : 0
            default: break
            }
        }
        throw mismatch(i, "an int")
    }
    /// The optional integer at `i`.
    public func optionalInt(_ i: Int) throws -> Int? {
        if i >= values.count { return nil }
        if case .none = values[i] { return nil }
        return try int(i)
    }
    /// The integer list at `i` (a single int becomes a one-element list, as in PyTorch).
    public func ints(_ i: Int) throws -> [Int] {
        if i < values.count {
            switch values[i] {
            case .ints(let v): return v
            case .int(let v): return [v]
            default: break
            }
        }
        throw mismatch(i, "a list of ints")
    }
    /// The optional integer list at `i`.
    public func optionalInts(_ i: Int) throws -> [Int]? {
        if i >= values.count { return nil }
        if case .none = values[i] { return nil }
        return try ints(i)
    }
    /// The double at `i` (ints convert).
    public func double(_ i: Int) throws -> Double {
        if i < values.count {
            switch values[i] {
            case .double(let v): return v
            case .int(let v): return Double(v)
            case .scalar(let s): return s.doubleValue
            default: break
            }
        }
        throw mismatch(i, "a float")
    }
    /// The optional double at `i`.
    public func optionalDouble(_ i: Int) throws -> Double? {
        if i >= values.count { return nil }
        if case .none = values[i] { return nil }
        return try double(i)
    }
    /// The double list at `i`.
    public func doubles(_ i: Int) throws -> [Double] {
        if i < values.count {
            switch values[i] {
            case .doubles(let v): return v
            case .ints(let v): return v.map(Double.init)
            case .double(let v): return [v]
            default: break
            }
        }
        throw mismatch(i, "a list of floats")
    }
    /// The bool at `i`.
    public func bool(_ i: Int) throws -> Bool {
        if i < values.count {
            switch values[i] {
            case .bool(let b): return b
            case .scalar(.bool(let b)): return b
            default: break
            }
        }
        throw mismatch(i, "a bool")
    }
    /// The scalar at `i` (ints, doubles and bools convert).
    public func scalar(_ i: Int) throws -> Scalar {
        if i < values.count {
            switch values[i] {
            case .scalar(let s): return s
            case .int(let v): return .int(Int64(v))
            case .double(let v): return .double(v)
            case .bool(let v): return .bool(v)
            default: break
            }
        }
        throw mismatch(i, "a Scalar")
    }
    /// The optional scalar at `i`.
    public func optionalScalar(_ i: Int) throws -> Scalar? {
        if i >= values.count { return nil }
        if case .none = values[i] { return nil }
        return try scalar(i)
    }
    /// The optional string at `i`.
    public func optionalString(_ i: Int) throws -> String? {
        if i >= values.count { return nil }
        switch values[i] {
        case .none: return nil
        case .string(let s): return s
        default: throw mismatch(i, "a string or None")
        }
    }
    /// The string at `i`.
    public func string(_ i: Int) throws -> String {
        guard let s = try optionalString(i) else { throw mismatch(i, "a string") }
        return s
    }
    /// The optional dtype at `i`.
    public func optionalDType(_ i: Int) throws -> DType? {
        if i >= values.count { return nil }
        switch values[i] {
        case .none: return nil
        case .dtype(let d): return d
        case .string(let s):
            if let d = DType(name: s) { return d }
            throw mismatch(i, "a dtype name")
        default: throw mismatch(i, "a dtype or None")
        }
    }
    /// The optional device at `i`.
    public func optionalDevice(_ i: Int) throws -> Device? {
        if i >= values.count { return nil }
        switch values[i] {
        case .none: return nil
        case .device(let d): return d
        case .string(let s): return Device(.init(s))
        default: throw mismatch(i, "a device or None")
        }
    }
    /// The optional generator at `i` (kernels fall back to ``Generator/default``).
    public func optionalGenerator(_ i: Int) throws -> Generator? {
        if i >= values.count { return nil }
        switch values[i] {
        case .none: return nil
        case .generator(let g): return g
        default: throw mismatch(i, "a Generator or None")
        }
    }
}
