import EmberCore

/// Flattens dimensions `startDim...endDim` into one (`nn.Flatten`); by default everything
/// but the batch dimension.
public final class Flatten: Module {
    /// The first dimension flattened.
    public let startDim: Int
    /// The last dimension flattened (negative counts from the end).
    public let endDim: Int
    /// A flattening layer over `startDim...endDim`.
    public init(startDim: Int = 1, endDim: Int = -1) {
        self.startDim = startDim
        self.endDim = endDim
        super.init()
    }
    /// `input` with the dimensions merged (a view when possible).
    public override func forward(_ input: Tensor) -> Tensor { input.flatten(startDim: startDim, endDim: endDim) }
    /// `start_dim=1, end_dim=-1`.
    public override var extraDescription: String { "start_dim=\(startDim), end_dim=\(endDim)" }
}

/// Splits dimension `dim` into `sizes` (`nn.Unflatten`); one size may be -1.
public final class Unflatten: Module {
    /// The dimension split.
    public let dim: Int
    /// The sizes it is split into.
    public let unflattenedSize: [Int]
    /// An unflattening layer of `dim` into `sizes`.
    public init(dim: Int, sizes: [Int]) {
        self.dim = dim
        unflattenedSize = sizes
        super.init()
    }
    /// `input` with `dim` split.
    public override func forward(_ input: Tensor) -> Tensor { input.unflatten(dim: dim, sizes: unflattenedSize) }
    /// `dim=1, unflattened_size=(2, 5)`.
    public override var extraDescription: String {
        let sizes = unflattenedSize.count == 1 ? "(\(unflattenedSize[0]),)" : "(" + unflattenedSize.map(String.init).joined(separator: ", ") + ")"
        return "dim=\(dim), unflattened_size=\(sizes)"
    }
}
