/// The mapping between the texts of a label-encoded column and the class indices a tensor
/// holds: class `i` is the `i`-th distinct text in file order (Iris' `Species`:
/// `Iris-setosa` → 0, `Iris-versicolor` → 1, `Iris-virginica` → 2).
public struct LabelEncoding: Sendable, Hashable {
    /// The column's name.
    public let column: String
    /// The class names; `classes[i]` is the text that index `i` stands for.
    public let classes: [String]

    /// Creates a mapping.
    public init(column: String, classes: [String]) {
        self.column = column
        self.classes = classes
    }

    /// The number of classes.
    public var count: Int { classes.count }

    /// The index of `label`, or nil for a text the column did not hold.
    /// - Complexity: O(classes.count).
    public func code(of label: String) -> Int? { classes.firstIndex(of: label) }

    /// The text that class index `code` stands for.
    public func label(of code: Int) -> String { classes[code] }
}
