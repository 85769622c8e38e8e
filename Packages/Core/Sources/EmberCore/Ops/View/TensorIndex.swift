// TensorIndex: one entry of a basic-indexing subscript, PyTorch's `t[1, 2:5:2, ..., None]`
// spelled `t[1, .range(2, 5, step: 2), .ellipsis, .newAxis]`, with Swift ranges as slices.

/// One entry of a tensor subscript (PyTorch's basic indexing).
///
/// | PyTorch      | Ember                                 |
/// |--------------|---------------------------------------|
/// | `t[1]`       | `t[1]`                                |
/// | `t[-1]`      | `t[-1]`                               |
/// | `t[1:3]`     | `t[1..<3]` or `t[.range(1, 3)]`       |
/// | `t[1:]`      | `t[1...]`                             |
/// | `t[:2]`      | `t[..<2]`                             |
/// | `t[1:3+1]`   | `t[1...3]`                            |
/// | `t[::2]`     | `t[.range(step: 2)]`                  |
/// | `t[0:6:2]`   | `t[.range(0, 6, step: 2)]`            |
/// | `t[:, 0]`    | `t[.all, 0]`                          |
/// | `t[..., 1]`  | `t[.ellipsis, 1]`                     |
/// | `t[None]`    | `t[.newAxis]`                         |
///
/// Integers select (and remove) a dimension; slices keep it; bounds of slices are clamped
/// as in Python, integers must be in range. A subscript's result is a view.
public enum TensorIndex: Sendable, Hashable, ExpressibleByIntegerLiteral, TensorIndexConvertible {
    /// One index along the dimension (negative counts from the end); the dimension is removed.
    case index(Int)
    /// `start..<end` by `step` along the dimension, Python's `start:end:step`; `nil` bounds
    /// mean the start and the end; `step` must be positive.
    case slice(start: Int?, end: Int?, step: Int)
    /// The whole dimension (Python's `:`).
    case all
    /// As many whole dimensions as the other entries leave (Python's `...`).
    case ellipsis
    /// A new dimension of size 1 (Python's `None`).
    case newAxis

    /// An integer literal selects one index.
    public init(integerLiteral value: Int) { self = .index(value) }

    /// The entry itself.
    public var tensorIndex: TensorIndex { self }
}

/// A value usable in a tensor subscript: ``TensorIndex``, `Int`, and the Swift ranges
/// `a..<b`, `a...b`, `a...`, `..<b`, `...b` over `Int` (negative bounds count from the end).
public protocol TensorIndexConvertible {
    /// The subscript entry this value stands for.
    var tensorIndex: TensorIndex { get }
}

extension TensorIndexConvertible where Self == TensorIndex {
    // These make `.all`, `.ellipsis`, `.newAxis`, `.index(i)`, `.slice(...)` and
    // `.range(...)` available where the subscript expects `any TensorIndexConvertible`.
    // Those named like enum cases are disfavoured so that the cases win where the type is
    // `TensorIndex` itself.

    /// The whole dimension (Python's `:`).
    @_disfavoredOverload public static var all: TensorIndex { TensorIndex.all }
    /// As many whole dimensions as the other entries leave (Python's `...`).
    @_disfavoredOverload public static var ellipsis: TensorIndex { TensorIndex.ellipsis }
    /// A new dimension of size 1 (Python's `None`).
    @_disfavoredOverload public static var newAxis: TensorIndex { TensorIndex.newAxis }
    /// One index along the dimension, which is removed (`t[.index(i)]` is `t[i]`).
    @_disfavoredOverload public static func index(_ i: Int) -> TensorIndex { TensorIndex.index(i) }
    /// `start..<end` by `step` (Python's `start:end:step`).
    @_disfavoredOverload public static func slice(start: Int?, end: Int?, step: Int) -> TensorIndex {
        TensorIndex.slice(start: start, end: end, step: step)
    }

    /// `start..<end` by `step` (Python's `start:end:step`): `.range(0, 6, step: 2)`,
    /// `.range(step: 2)` for `::2`, `.range(-2)` for `-2:`.
    public static func range(_ start: Int? = nil, _ end: Int? = nil, step: Int = 1) -> TensorIndex {
        .slice(start: start, end: end, step: step)
    }

    /// The indices of a Swift range, by `step`: `.range(1..<7, step: 3)` is Python's `1:7:3`.
    public static func range(_ bounds: Range<Int>, step: Int) -> TensorIndex {
        .slice(start: bounds.lowerBound, end: bounds.upperBound, step: step)
    }
}

extension Int: TensorIndexConvertible {
    /// One index.
    public var tensorIndex: TensorIndex { .index(self) }
}

extension Range: TensorIndexConvertible where Bound == Int {
    /// `lower..<upper` is Python's `lower:upper`.
    public var tensorIndex: TensorIndex { .slice(start: lowerBound, end: upperBound, step: 1) }
}

extension ClosedRange: TensorIndexConvertible where Bound == Int {
    /// `lower...upper` is Python's `lower:upper+1` (`...-1` reaches the end).
    public var tensorIndex: TensorIndex {
        .slice(start: lowerBound, end: upperBound == -1 || upperBound == .max ? nil : upperBound + 1, step: 1)
    }
}

extension PartialRangeFrom: TensorIndexConvertible where Bound == Int {
    /// `lower...` is Python's `lower:`.
    public var tensorIndex: TensorIndex { .slice(start: lowerBound, end: nil, step: 1) }
}

extension PartialRangeUpTo: TensorIndexConvertible where Bound == Int {
    /// `..<upper` is Python's `:upper`.
    public var tensorIndex: TensorIndex { .slice(start: nil, end: upperBound, step: 1) }
}

extension PartialRangeThrough: TensorIndexConvertible where Bound == Int {
    /// `...upper` is Python's `:upper+1` (`...-1` reaches the end).
    public var tensorIndex: TensorIndex { .slice(start: nil, end: upperBound == -1 || upperBound == .max ? nil : upperBound + 1, step: 1) }
}
