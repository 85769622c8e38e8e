import EmberAutograd
import EmberCore

// Deterministic initialisers: constants, the identity, and the Dirac delta.

extension Init {
    /// Fills `tensor` with `value` (`constant_`).
    @discardableResult
    public static func constant_(_ tensor: Tensor, _ value: Double) -> Tensor {
        noGrad { tensor.fill_(.double(value)) }
    }

    /// Fills `tensor` with zeros (`zeros_`).
    @discardableResult
    public static func zeros_(_ tensor: Tensor) -> Tensor { noGrad { tensor.zero_() } }

    /// Fills `tensor` with ones (`ones_`).
    @discardableResult
    public static func ones_(_ tensor: Tensor) -> Tensor { constant_(tensor, 1) }

    /// Fills the 2-dimensional `tensor` with the identity matrix (`eye_`): ones on the
    /// diagonal, zeros elsewhere, for any rectangular shape.
    @discardableResult
    public static func eye_(_ tensor: Tensor) -> Tensor {
        precondition(tensor.rank == 2, "Only tensors with 2 dimensions are supported")
        return noGrad { tensor.copy_(Tensor.eye(tensor.shape[0], tensor.shape[1], dtype: tensor.dtype)) }
    }

    /// Fills the 3-, 4- or 5-dimensional `tensor` with the Dirac delta (`dirac_`): a
    /// convolution with it keeps its input channels (`groups` splits the output channels).
    @discardableResult
    public static func dirac_(_ tensor: Tensor, groups: Int = 1) -> Tensor {
        precondition((3...5).contains(tensor.rank), "Only tensors with 3, 4, or 5 dimensions are supported")
        let shape = tensor.shape
        precondition(groups > 0 && shape[0] % groups == 0, "dim 0 must be divisible by groups")
        let perGroup = shape[0] / groups, minDim = Swift.min(perGroup, shape[1])
        let strides = Tensor.contiguousStrides(for: shape)
        let centre = shape.dropFirst(2).enumerated().reduce(0) { $0 + ($1.element / 2) * strides[$1.offset + 2] }
        var values = [Double](repeating: 0, count: tensor.count)
        for g in 0..<groups {
            for d in 0..<minDim { values[(g * perGroup + d) * strides[0] + d * strides[1] + centre] = 1 }
        }
        return noGrad { tensor.copy_(Tensor(values, shape: shape).to(tensor.dtype)) }
    }
}
