/// An element of a ``SmallList``: the value unused inline slots hold.
protocol SmallListElement {
    /// The value of an unused slot.
    static var placeholder: Self { get }
}

/// A list that keeps its first two elements inline and the rest in an array, so that the
/// edges and geometry of a node with one or two inputs cost no allocation of their own.
struct SmallList<Element: SmallListElement>: RandomAccessCollection, MutableCollection, ExpressibleByArrayLiteral {
    private var first = Element.placeholder
    private var second = Element.placeholder
    private var rest: [Element] = []
    private(set) var count = 0

    /// An empty list.
    init() {}

    /// A list holding `elements`.
    init(_ elements: some Sequence<Element>) {
        for e in elements { append(e) }
    }

    /// A list holding the literal's elements.
    init(arrayLiteral elements: Element...) {
        self.init(elements)
    }

    var startIndex: Int { 0 }
    var endIndex: Int { count }

    subscript(i: Int) -> Element {
        @inline(__always) get {
            switch i {
            case 0: return first
            case 1: return second
            default: return rest[i - 2]
            }
        }
        @inline(__always) set {
            switch i {
            case 0: first = newValue
            case 1: second = newValue
            default: rest[i - 2] = newValue
            }
        }
    }

    /// Runs `body` on element `i` in place (a `_modify` coroutine here would allocate its
    /// frame when not inlined).
    @inline(__always) mutating func withElement<R>(_ i: Int, _ body: (inout Element) -> R) -> R {
        switch i {
        case 0: return body(&first)
        case 1: return body(&second)
        default: return body(&rest[i - 2])
        }
    }

    /// Adds `e` at the end.
    @inline(__always) mutating func append(_ e: Element) {
        switch count {
        case 0: first = e
        case 1: second = e
        default: rest.append(e)
        }
        count += 1
    }
}

extension Optional: SmallListElement where Wrapped == Edge {
    static var placeholder: Edge? { nil }
}

extension TensorGeometry: SmallListElement {
    static let placeholder = TensorGeometry(shape: [], dtype: .float32)
}
