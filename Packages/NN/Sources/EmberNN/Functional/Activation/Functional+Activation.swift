import EmberCore

/// How ``Functional/gelu(_:approximate:)`` computes the Gaussian CDF (PyTorch's `approximate`).
public enum GELUApproximation: String, Sendable {
    /// The exact `x · Φ(x)` with the error function (`'none'`).
    case none
    /// `½x(1 + tanh(√(2/π)(x + 0.044715x³)))` (`'tanh'`).
    case tanh
}

extension Functional {
    private static let ops = ActivationHandles()

    /// `max(0, x)` (`F.relu`); `inplace` overwrites `input` (`relu_`).
    @discardableResult
    public static func relu(_ input: Tensor, inplace: Bool = false) -> Tensor { inplace ? input.relu_() : input.relu() }

    /// `1 / (1 + e^-x)` (`F.sigmoid`).
    public static func sigmoid(_ input: Tensor) -> Tensor { input.sigmoid() }

    /// The hyperbolic tangent (`F.tanh`).
    public static func tanh(_ input: Tensor) -> Tensor { input.tanh() }

    /// The softmax along `dim` (`F.softmax`), computed in `dtype` when given.
    public static func softmax(_ input: Tensor, dim: Int, dtype: DType? = nil) -> Tensor { input.softmax(dim: dim, dtype: dtype) }

    /// The log of the softmax along `dim` (`F.log_softmax`), computed in `dtype` when given.
    public static func logSoftmax(_ input: Tensor, dim: Int, dtype: DType? = nil) -> Tensor {
        input.logSoftmax(dim: dim, dtype: dtype)
    }

    /// `x` for `x > 0`, `negativeSlope · x` otherwise (`F.leaky_relu`).
    @discardableResult
    public static func leakyRelu(_ input: Tensor, negativeSlope: Double = 0.01, inplace: Bool = false) -> Tensor {
        call(inplace ? ops.leakyReluInPlace : ops.leakyRelu, input, [.double(negativeSlope)])
    }

    /// `x` for `x > 0`, `alpha · (eˣ - 1)` otherwise (`F.elu`).
    @discardableResult
    public static func elu(_ input: Tensor, alpha: Double = 1, inplace: Bool = false) -> Tensor {
        call(inplace ? ops.eluInPlace : ops.elu, input, [.double(alpha), .double(1), .double(1)])
    }

    /// The scaled ELU with the self-normalising constants (`F.selu`).
    @discardableResult
    public static func selu(_ input: Tensor, inplace: Bool = false) -> Tensor {
        call(inplace ? ops.seluInPlace : ops.selu, input, [])
    }

    /// `max(0, x) + min(0, alpha · (e^(x/alpha) - 1))` (`F.celu`).
    @discardableResult
    public static func celu(_ input: Tensor, alpha: Double = 1, inplace: Bool = false) -> Tensor {
        call(inplace ? ops.celuInPlace : ops.celu, input, [.double(alpha)])
    }

    /// The Gaussian error linear unit `x · Φ(x)` (`F.gelu`), exact or tanh-approximated.
    public static func gelu(_ input: Tensor, approximate: GELUApproximation = .none) -> Tensor {
        call(ops.gelu, input, [.string(approximate.rawValue)])
    }

    /// `x · sigmoid(x)` (`F.silu`, also called swish).
    @discardableResult
    public static func silu(_ input: Tensor, inplace: Bool = false) -> Tensor {
        call(inplace ? ops.siluInPlace : ops.silu, input, [])
    }

    /// `x · tanh(softplus(x))` (`F.mish`).
    @discardableResult
    public static func mish(_ input: Tensor, inplace: Bool = false) -> Tensor {
        call(inplace ? ops.mishInPlace : ops.mish, input, [])
    }

    /// `input` clamped to `[minVal, maxVal]` (`F.hardtanh`).
    @discardableResult
    public static func hardtanh(_ input: Tensor, minVal: Double = -1, maxVal: Double = 1, inplace: Bool = false) -> Tensor {
        call(inplace ? ops.hardtanhInPlace : ops.hardtanh, input, [.double(minVal), .double(maxVal)])
    }

    /// `min(max(0, x), 6)` (`F.relu6`): ``hardtanh(_:minVal:maxVal:inplace:)`` on `[0, 6]`.
    @discardableResult
    public static func relu6(_ input: Tensor, inplace: Bool = false) -> Tensor {
        call(inplace ? ops.relu6InPlace : ops.relu6, input, [])
    }

    /// `clamp(x + 3, 0, 6) / 6` (`F.hardsigmoid`).
    @discardableResult
    public static func hardsigmoid(_ input: Tensor, inplace: Bool = false) -> Tensor {
        call(inplace ? ops.hardsigmoidInPlace : ops.hardsigmoid, input, [])
    }

    /// `x · clamp(x + 3, 0, 6) / 6` (`F.hardswish`).
    @discardableResult
    public static func hardswish(_ input: Tensor, inplace: Bool = false) -> Tensor {
        call(inplace ? ops.hardswishInPlace : ops.hardswish, input, [])
    }

    /// `log(1 + e^(beta·x)) / beta`, reverting to `x` where `beta · x > threshold` (`F.softplus`).
    public static func softplus(_ input: Tensor, beta: Double = 1, threshold: Double = 20) -> Tensor {
        call(ops.softplus, input, [.double(beta), .double(threshold)])
    }

    private static func call(_ op: OperatorHandle, _ input: Tensor, _ rest: [IValue]) -> Tensor {
        Dispatcher.shared.callForTensor(op, [.tensor(input)] + rest)
    }
}

/// The activation operators' handles, resolved once.
struct ActivationHandles: Sendable {
    let leakyRelu = EmberNN.handle("leaky_relu"), leakyReluInPlace = EmberNN.handle("leaky_relu_")
    let elu = EmberNN.handle("elu"), eluInPlace = EmberNN.handle("elu_")
    let selu = EmberNN.handle("selu"), seluInPlace = EmberNN.handle("selu_")
    let celu = EmberNN.handle("celu"), celuInPlace = EmberNN.handle("celu_")
    let gelu = EmberNN.handle("gelu")
    let silu = EmberNN.handle("silu"), siluInPlace = EmberNN.handle("silu_")
    let mish = EmberNN.handle("mish"), mishInPlace = EmberNN.handle("mish_")
    let hardtanh = EmberNN.handle("hardtanh"), hardtanhInPlace = EmberNN.handle("hardtanh_")
    let relu6 = EmberNN.handle("relu6"), relu6InPlace = EmberNN.handle("relu6_")
    let hardsigmoid = EmberNN.handle("hardsigmoid"), hardsigmoidInPlace = EmberNN.handle("hardsigmoid_")
    let hardswish = EmberNN.handle("hardswish"), hardswishInPlace = EmberNN.handle("hardswish_")
    let softplus = EmberNN.handle("softplus")
}
