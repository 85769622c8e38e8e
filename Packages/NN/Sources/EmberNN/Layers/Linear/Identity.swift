import EmberCore

/// Returns its input unchanged (`nn.Identity`): a placeholder where a layer is optional.
public final class Identity: Module {
    /// An identity layer.
    public override init() { super.init() }

    /// The input itself.
    public override func forward(_ input: Tensor) -> Tensor { input }
}
