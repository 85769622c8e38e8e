import EmberCore

/// The `inplace` flag and its printing, shared by the activations that take it (PyTorch's
/// `inplace=False` argument): `ReLU(inplace=True)` prints its flag, `ReLU()` nothing.
public class InplaceActivation: Module {
    /// Whether the input is overwritten.
    public let inplace: Bool

    /// An activation layer that overwrites its input when `inplace`.
    public init(inplace: Bool = false) {
        self.inplace = inplace
        super.init()
    }

    /// `inplace=True`, or nothing.
    public override var extraDescription: String { inplace ? "inplace=True" : "" }
}
