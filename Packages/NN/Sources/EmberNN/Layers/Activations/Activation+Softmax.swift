import EmberCore

/// The softmax along `dim` (`nn.Softmax`): entries in [0, 1] summing to 1.
public final class Softmax: Module {
    /// The dimension normalised; `nil` picks PyTorch's legacy default (0 for 0-, 1- and
    /// 3-dimensional inputs, 1 otherwise).
    public let dim: Int?
    /// A softmax layer over `dim`.
    public init(dim: Int? = nil) {
        self.dim = dim
        super.init()
    }
    /// The softmax of `input`.
    public override func forward(_ input: Tensor) -> Tensor { input.softmax(dim: dim ?? legacySoftmaxDim(input.rank)) }
    /// `dim=1`.
    public override var extraDescription: String { "dim=" + (dim.map(String.init) ?? "None") }
}

/// The log of the softmax along `dim` (`nn.LogSoftmax`).
public final class LogSoftmax: Module {
    /// The dimension normalised; `nil` picks PyTorch's legacy default.
    public let dim: Int?
    /// A log-softmax layer over `dim`.
    public init(dim: Int? = nil) {
        self.dim = dim
        super.init()
    }
    /// The log-softmax of `input`.
    public override func forward(_ input: Tensor) -> Tensor { input.logSoftmax(dim: dim ?? legacySoftmaxDim(input.rank)) }
    /// `dim=1`.
    public override var extraDescription: String { "dim=" + (dim.map(String.init) ?? "None") }
}

/// PyTorch's implicit softmax dimension (`_get_softmax_dim`): 0 for 0-, 1- and 3-dimensional
/// inputs, 1 otherwise.
func legacySoftmaxDim(_ rank: Int) -> Int { rank == 0 || rank == 1 || rank == 3 ? 0 : 1 }
