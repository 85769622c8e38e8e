/// Modules by name, in insertion order, whose parameters are registered (`nn.ModuleDict`).
public final class ModuleDict: Module {
    /// A dictionary of `modules` in the given order.
    public init(_ modules: KeyValuePairs<String, Module> = [:]) {
        super.init()
        for (name, m) in modules { registerModule(name, m) }
    }

    /// The module named `key`; assigning adds or replaces it, `nil` removes it.
    public subscript(key: String) -> Module? {
        get { registeredChildren.first { $0.name == key }?.module }
        set {
            if let newValue {
                registerModule(key, newValue)
            } else {
                registeredChildren.removeAll { $0.name == key }
            }
        }
    }

    /// The names in order (`keys()`).
    public var keys: [String] { registeredChildren.map(\.name) }
    /// The modules in order (`values()`).
    public var values: [Module] { children() }
    /// The `(name, module)` pairs in order (`items()`).
    public var items: [(name: String, module: Module)] { namedChildren() }
    /// The number of modules.
    public var count: Int { registeredChildren.count }

    /// Removes and returns the module named `key` (`pop`).
    @discardableResult
    public func pop(_ key: String) -> Module? {
        let m = self[key]
        self[key] = nil
        return m
    }
}
