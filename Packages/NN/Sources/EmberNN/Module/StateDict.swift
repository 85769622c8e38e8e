import EmberCore

/// An ordered map from dotted names to tensors: a module's saved state (PyTorch's
/// `state_dict()`, an `OrderedDict`). Iterates in insertion order.
public struct StateDict: Sequence, ExpressibleByDictionaryLiteral {
    /// The names in order.
    public private(set) var keys: [String] = []
    private var tensors: [String: Tensor] = [:]

    /// An empty state dict.
    public init() {}

    /// A state dict of `pairs`, in their order; a repeated name keeps its last tensor.
    public init<S: Sequence>(_ pairs: S) where S.Element == (String, Tensor) {
        for (name, tensor) in pairs { self[name] = tensor }
    }

    /// A state dict from a literal, in the literal's order.
    public init(dictionaryLiteral elements: (String, Tensor)...) {
        self.init(elements)
    }

    /// The tensor named `name`; assigning `nil` removes it.
    public subscript(name: String) -> Tensor? {
        get { tensors[name] }
        set {
            if let newValue {
                if tensors.updateValue(newValue, forKey: name) == nil { keys.append(name) }
            } else if tensors.removeValue(forKey: name) != nil {
                keys.removeAll { $0 == name }
            }
        }
    }

    /// The number of entries.
    public var count: Int { keys.count }
    /// Whether there are no entries.
    public var isEmpty: Bool { keys.isEmpty }

    /// The entries as `(name, tensor)` pairs in order.
    public func makeIterator() -> AnyIterator<(name: String, tensor: Tensor)> {
        var i = 0
        return AnyIterator {
            guard i < keys.count else { return nil }
            defer { i += 1 }
            return (keys[i], tensors[keys[i]]!)
        }
    }

    /// The entries whose names start with `prefix`, with the prefix removed
    /// (a submodule's state: `dict.subdict("features.")`).
    public func subdict(prefix: String) -> StateDict {
        StateDict(keys.filter { $0.hasPrefix(prefix) }.map { (String($0.dropFirst(prefix.count)), tensors[$0]!) })
    }
}

/// What ``Module/loadStateDict(_:strict:)`` did not match (`_IncompatibleKeys`).
public struct IncompatibleKeys: Equatable, Sendable {
    /// Keys the module expects that the state dict lacks.
    public var missingKeys: [String]
    /// Keys in the state dict that the module does not have.
    public var unexpectedKeys: [String]
}

/// A state dict that does not fit a module.
public struct StateDictError: Error, CustomStringConvertible, Sendable {
    /// The problems, one per line, in PyTorch's wording.
    public var problems: [String]
    /// The class of the module being loaded.
    public var moduleName: String

    /// `Error(s) in loading state_dict for Linear:` followed by the problems.
    public var description: String {
        "Error(s) in loading state_dict for \(moduleName):\n\t" + problems.joined(separator: "\n\t")
    }
}
