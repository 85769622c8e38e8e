import EmberAutograd
import EmberCore

// The activation operators (ATen's names and arguments) and their derivatives. Each
// derivative is written with differentiable tensor operations, so double backward works;
// where PyTorch's backward treats a kink one way (x = 0 goes to the negative branch), so do we.

extension ActivationOps {
    static func register(_ d: Dispatcher) throws {
        try define(d, "leaky_relu", params: "Scalar negative_slope=0.01", Activation.LeakyReLU.self,
                   doc: "x for x > 0, negative_slope · x otherwise.", extra: [[.double(0.01)], [.double(0.2)]],
                   derivative: onInput { g, x, a in
                       Tensor.where(x.gt(number(0)), g, g * Scalar.double(try a.double(1)))
                   })
        try define(d, "elu", params: "Scalar alpha=1, Scalar scale=1, Scalar input_scale=1", Activation.ELU.self,
                   doc: "scale · x for x > 0, scale · alpha · (exp(input_scale · x) - 1) otherwise.",
                   extra: [[.double(1), .double(1), .double(1)], [.double(0.5), .double(1.2), .double(0.7)]],
                   derivative: onInput { g, x, a in
                       let alpha = try a.double(1), scale = try a.double(2), inputScale = try a.double(3)
                       let negative = g * (x * Scalar.double(inputScale)).exp() * Scalar.double(alpha * scale * inputScale)
                       return Tensor.where(x.gt(number(0)), g * Scalar.double(scale), negative)
                   })
        try define(d, "gelu", params: "*, str approximate='none'", Activation.GELU.self,
                   doc: "The Gaussian error linear unit x · Φ(x) (or its tanh approximation).",
                   extra: [[.string("none")], [.string("tanh")]], derivative: onInput(geluGradient))
        try define(d, "silu", Activation.SiLU.self, doc: "x · sigmoid(x).", derivative: onInput { g, x, _ in
            let s = x.sigmoid()
            return g * s * (x * (Scalar.double(1) - s) + Scalar.double(1))
        })
        try define(d, "mish", Activation.Mish.self, doc: "x · tanh(softplus(x)).", derivative: onInput { g, x, _ in
            let t = Functional.softplus(x).tanh()
            return g * (t + x * x.sigmoid() * (Scalar.double(1) - t * t))
        })
        try define(d, "hardtanh", params: "Scalar min_val=-1, Scalar max_val=1", Activation.Hardtanh.self,
                   doc: "x clamped to [min_val, max_val].", extra: [[.double(-1), .double(1)], [.double(-2.5), .double(3)]],
                   derivative: onInput { g, x, a in
                       g.maskedFill(x.le(number(try a.double(1))), 0).maskedFill(x.ge(number(try a.double(2))), 0)
                   })
        // PyTorch's backward multiplies by 1/6 rounded to float32, in every dtype; so do we.
        try define(d, "hardsigmoid", Activation.Hardsigmoid.self, doc: "clamp(x + 3, 0, 6) / 6.", derivative: onInput { g, x, _ in
            (g * Scalar.double(Double(Float(1) / 6))).maskedFill(x.le(number(-3)), 0).maskedFill(x.ge(number(3)), 0)
        })
        try define(d, "hardswish", Activation.Hardswish.self, doc: "x · clamp(x + 3, 0, 6) / 6.", derivative: onInput { g, x, _ in
            let middle = Tensor.where(x.le(number(3)), g * (x * Scalar.double(1.0 / 3) + Scalar.double(0.5)), g)
            return middle.maskedFill(x.lt(number(-3)), 0)
        })
        try define(d, "softplus", params: "Scalar beta=1, Scalar threshold=20", Activation.Softplus.self,
                   doc: "log(1 + exp(beta · x)) / beta, or x where beta · x > threshold.",
                   extra: [[.double(1), .double(20)], [.double(2), .double(1)]], inPlace: false,
                   derivative: onInput { g, x, a in
                       let bx = x * Scalar.double(try a.double(1))
                       return Tensor.where(bx.gt(number(try a.double(2))), g, g * bx.sigmoid())
                   })
        try registerComposites(d)
    }

    /// d gelu/dx: Φ(x) + x·φ(x) exactly; with tanh, ½(1 + t) + ½x(1 - t²)·β(1 + 3κx²).
    static func geluGradient(_ g: Tensor, _ x: Tensor, _ a: Arguments) throws -> Tensor {
        let one = Scalar.double(1)
        if try a.string(1) == "tanh" {
            let beta = Activation.GELU.beta, kappa = Activation.GELU.kappa
            let t = ((x + x * x * x * Scalar.double(kappa)) * Scalar.double(beta)).tanh()
            let slope = (x * x * Scalar.double(3 * kappa) + one) * Scalar.double(beta)
            return g * ((t + one) * Scalar.double(0.5) + x * (one - t * t) * slope * Scalar.double(0.5))
        }
        let cdf = ((x * Scalar.double(Activation.GELU.sqrtHalf)).erf() + one) * Scalar.double(0.5)
        let pdf = (x * x * Scalar.double(-0.5)).exp() * Scalar.double(0.3989422804014327)
        return g * (cdf + x * pdf)
    }
}
