/// An indexable list of modules whose parameters are registered (`nn.ModuleList`); use it
/// where a Swift `[Module]` would hide modules from `parameters()`.
public final class ModuleList: Module, RandomAccessCollection {
    /// A list of `modules`, named by position.
    public init(_ modules: [Module] = []) {
        super.init()
        for m in modules { append(m) }
    }

    /// The first position.
    public var startIndex: Int { 0 }
    /// One past the last position.
    public var endIndex: Int { registeredChildren.count }

    /// The module at `index` (negative counts from the end).
    public subscript(index: Int) -> Module {
        get { registeredChildren[ContainerIndex.normalize(index, count: count, container: "ModuleList")].module! }
        set { registerModule(String(ContainerIndex.normalize(index, count: count, container: "ModuleList")), newValue) }
    }

    /// Appends `module` (`append`).
    public func append(_ module: Module) { registerModule(String(count), module) }

    /// Appends each of `modules` (`extend`).
    public func extend(_ modules: [Module]) { for m in modules { append(m) } }

    /// Inserts `module` before position `index` (`insert`), renumbering the rest.
    public func insert(_ module: Module, at index: Int) {
        var all = Array(self)
        all.insert(module, at: Swift.min(Swift.max(index < 0 ? index + count : index, 0), count))
        registeredChildren = all.enumerated().map { (String($0.offset), $0.element) }
    }

    /// Repeated consecutive children print once: `(0-2): 3 x Linear(...)`, as PyTorch does.
    public override func childDescriptionLines() -> [String] {
        var lines: [String] = []
        var start = 0
        let texts = map(\.description)
        while start < texts.count {
            var end = start
            while end + 1 < texts.count && texts[end + 1] == texts[start] { end += 1 }
            lines.append(end == start ? "(\(start)): \(texts[start])" : "(\(start)-\(end)): \(end - start + 1) x \(texts[start])")
            start = end + 1
        }
        return lines
    }
}
