/// Tensors under names, in order: what an archive (`.npz`, and later safetensors or a state
/// dict) holds. Names are unique; lookups by name are hashed, iteration keeps the order.
///
/// ```swift
/// let weights: NamedTensors = ["weight": w, "bias": b]
/// try NumPy.saveArchive(weights, to: "layer.npz")
/// let loaded = try NumPy.loadArchive("layer.npz")
/// loaded["bias"]        // Tensor?
/// loaded.names          // ["weight", "bias"]
/// ```
public struct NamedTensors: RandomAccessCollection, ExpressibleByDictionaryLiteral, Sendable {
    /// One named tensor.
    public typealias Element = (name: String, tensor: Tensor)

    private var entries: [Element] = []
    private var positions: [String: Int] = [:]

    /// An empty collection.
    public init() {}

    /// The pairs in the order written; a repeated name traps.
    public init(dictionaryLiteral elements: (String, Tensor)...) {
        for (name, tensor) in elements {
            precondition(positions[name] == nil, "NamedTensors: duplicate name '\(name)'")
            append(name, tensor)
        }
    }

    /// The pairs of `dictionary`, sorted by name (a Swift dictionary has no order to keep).
    public init(sortingByName dictionary: [String: Tensor]) {
        for name in dictionary.keys.sorted() { append(name, dictionary[name]!) }
    }

    /// The names, in order.
    public var names: [String] { entries.map(\.name) }

    /// The tensors, in order.
    public var tensors: [Tensor] { entries.map(\.tensor) }

    /// The tensor called `name`. Setting a new name appends it; setting `nil` removes it.
    public subscript(name: String) -> Tensor? {
        get { positions[name].map { entries[$0].tensor } }
        set {
            if let i = positions[name] {
                if let newValue { entries[i].tensor = newValue } else { remove(at: i) }
            } else if let newValue {
                append(name, newValue)
            }
        }
    }

    /// Whether a tensor is called `name`.
    public func contains(name: String) -> Bool { positions[name] != nil }

    private mutating func append(_ name: String, _ tensor: Tensor) {
        positions[name] = entries.count
        entries.append((name, tensor))
    }

    private mutating func remove(at i: Int) {
        entries.remove(at: i)
        positions = Dictionary(uniqueKeysWithValues: entries.enumerated().map { ($1.name, $0) })
    }

    /// The position of the first pair.
    public var startIndex: Int { 0 }
    /// The position after the last pair.
    public var endIndex: Int { entries.count }
    /// The pair at `position`.
    public subscript(position: Int) -> Element { entries[position] }
}
