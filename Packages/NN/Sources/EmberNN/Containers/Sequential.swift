import EmberCore

/// Modules applied one after another (`nn.Sequential`): each one's output is the next one's
/// input. Children are named `"0"`, `"1"`, ... or by the names given.
/// ```swift
/// let model = Sequential(Linear(1, 200), ReLU(), Linear(200, 1))
/// ```
public final class Sequential: Module {
    /// Chains `layers`, named by position.
    public convenience init(_ layers: Module...) { self.init(layers) }

    /// Chains `layers`, named by position.
    public init(_ layers: [Module]) {
        super.init()
        for layer in layers { append(layer) }
    }

    /// Chains named layers in order (`nn.Sequential(OrderedDict(...))`).
    public init(_ layers: KeyValuePairs<String, Module>) {
        super.init()
        for (name, layer) in layers { registerModule(name, layer) }
    }

    /// Runs the layers in order.
    public override func forward(_ input: Tensor) -> Tensor {
        var x = input
        for layer in layers { x = layer(x) }
        return x
    }

    /// The layers in order.
    public var layers: [Module] { children() }

    /// The number of layers (`len(seq)`).
    public var count: Int { registeredChildren.count }

    /// The layer at `index`; negative indices count from the end.
    public subscript(index: Int) -> Module {
        layers[ContainerIndex.normalize(index, count: count, container: "Sequential")]
    }

    /// A new `Sequential` of the layers in `range`, keeping their names (`seq[1:3]`).
    public subscript(range: Range<Int>) -> Sequential {
        let slice = Sequential([])
        for (name, module) in namedChildren()[range] { slice.registerModule(name, module) }
        return slice
    }

    /// Appends `layer` under the next position (`append`).
    @discardableResult
    public func append(_ layer: Module) -> Self {
        registerModule(String(count), layer)
        return self
    }
}

/// Index checks shared by the containers.
enum ContainerIndex {
    /// `index` counted from the front, after checking it is inside `0..<count`.
    static func normalize(_ index: Int, count: Int, container: String) -> Int {
        let i = index < 0 ? index + count : index
        precondition(i >= 0 && i < count, "index \(index) is out of range (\(container) of \(count))")
        return i
    }
}
