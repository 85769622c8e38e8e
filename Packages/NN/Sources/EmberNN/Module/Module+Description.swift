/// The printed module tree, as PyTorch prints it:
/// ```
/// Sequential(
///   (0): Linear(in_features=1, out_features=200, bias=True)
///   (1): ReLU()
/// )
/// ```
extension Module: CustomStringConvertible {
    /// The module tree: the class name, ``extraDescription``, then one `(name): child` line
    /// per child, indented by two spaces per level.
    public var description: String {
        let children = childDescriptionLines()
        return Module.layout(typeName, extra: extraDescription, children: children)
    }

    /// `Name(extra)` for a leaf, otherwise `Name(` + indented lines + `)`.
    static func layout(_ name: String, extra: String, children: [String]) -> String {
        let extraLines = extra.isEmpty ? [] : extra.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let lines = extraLines + children
        if lines.isEmpty { return name + "()" }
        if children.isEmpty && extraLines.count == 1 { return name + "(" + extraLines[0] + ")" }
        let body = lines.map { "  " + indentContinuation($0) }.joined(separator: "\n")
        return name + "(\n" + body + "\n)"
    }

    /// Indents every line of `text` but the first by two spaces.
    static func indentContinuation(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
            .map { $0.offset == 0 ? String($0.element) : "  " + $0.element }
            .joined(separator: "\n")
    }
}
