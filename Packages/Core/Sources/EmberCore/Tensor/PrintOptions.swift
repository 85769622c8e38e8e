import Synchronization

/// How tensors print: PyTorch's `torch.set_printoptions`, with the same defaults.
///
/// ```swift
/// PrintOptions.current.precision = 2   // torch.set_printoptions(precision=2)
/// print(t)                             // uses PrintOptions.current
/// print(t.formatted(PrintOptions(linewidth: 120)))
/// ```
public struct PrintOptions: Sendable, Hashable {
    /// Digits after the decimal point (or in the mantissa, in scientific notation).
    public var precision: Int
    /// Tensors with more elements than this are summarised with `...`.
    public var threshold: Int
    /// Items kept at the start and end of each dimension when summarising.
    public var edgeitems: Int
    /// The characters per line after which rows wrap.
    public var linewidth: Int
    /// Forces scientific notation on (`true`) or off (`false`) for floating tensors; `nil`
    /// lets the values decide (min < 1e-4, max > 1e8, or max/min > 1000 among the finite
    /// nonzero magnitudes).
    public var sciMode: Bool?

    /// Creates options; the defaults are PyTorch's.
    public init(precision: Int = 4, threshold: Int = 1000, edgeitems: Int = 3, linewidth: Int = 80, sciMode: Bool? = nil) {
        self.precision = precision
        self.threshold = threshold
        self.edgeitems = edgeitems
        self.linewidth = linewidth
        self.sciMode = sciMode
    }

    private static let shared = Mutex(PrintOptions())

    /// The options `description` uses, process-wide (`torch.set_printoptions`).
    public static var current: PrintOptions {
        get { shared.withLock { $0 } }
        set { shared.withLock { $0 = newValue } }
    }
}

/// Lets the per-tensor state of a functionality layer (``Tensor/autogradMeta``) add
/// PyTorch's trailing annotations to a printed tensor, such as `requires_grad=True` or
/// `grad_fn=<AddBackward0>`. EmberAutograd's metadata conforms; Core only asks.
public protocol TensorDescriptionAnnotating: AnyObject {
    /// The annotations, in order, each without separators (`"requires_grad=True"`).
    var descriptionSuffixes: [String] { get }
}
