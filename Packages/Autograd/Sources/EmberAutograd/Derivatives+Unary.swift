import EmberCore

extension DerivativeTable {
    /// Unary functions: formulas in terms of the input `x`, the result `y` and the gradient.
    static func unary(_ t: inout [String: Derivative]) {
        func onInput(_ name: String, _ f: @escaping @Sendable (Tensor, Tensor) -> Tensor) {
            t[name] = Derivative(saves: [0]) { c in [f(c.grad(), try c.input(0))] }
        }
        func onResult(_ name: String, _ f: @escaping @Sendable (Tensor, Tensor) -> Tensor) {
            t[name] = Derivative(outputs: [0]) { c in [f(c.grad(), try c.output(0))] }
        }
        t["neg"] = Derivative { c in [c.grad().neg()] }
        onResult("exp") { g, y in g * y }
        onResult("expm1") { g, y in g * (y + Scalar.double(1)) }
        onInput("log") { g, x in g / x }
        onInput("log2") { g, x in g / x.scaled(0.6931471805599453) }
        onInput("log10") { g, x in g / x.scaled(2.302585092994046) }
        onInput("log1p") { g, x in g / (x + Scalar.double(1)) }
        onResult("sqrt") { g, y in g / y.scaled(2) }
        onResult("rsqrt") { g, y in (g * y * y * y).scaled(-0.5) }
        onResult("reciprocal") { g, y in (g * y * y).neg() }
        onResult("sigmoid") { g, y in g * y * (Scalar.double(1) - y) }
        onResult("tanh") { g, y in g * (Scalar.double(1) - y * y) }
        onResult("relu") { g, y in Tensor.thresholdBackward(g, y, threshold: 0) }
        // Linear in grad_output with the same mask; zero with respect to self (a step function).
        t["threshold_backward"] = Derivative(saves: [1]) { c in
            let x = try c.input(1), threshold = try c.args.scalar(2)
            return [c.needsGrad(0) ? Tensor.thresholdBackward(c.grad(), x, threshold: threshold) : nil,
                    c.needsGrad(1) ? Autograd.zeros(c.inputShape(1), dtype: c.inputDType(1)) : nil]
        }
        onInput("abs") { g, x in g * x.sign() }
        onInput("square") { g, x in g * x.scaled(2) }
        onInput("sin") { g, x in g * x.cos() }
        onInput("cos") { g, x in (g * x.sin()).neg() }
        onResult("tan") { g, y in g * (y * y + Scalar.double(1)) }
        onInput("asin") { g, x in g / (Scalar.double(1) - x * x).sqrt() }
        onInput("acos") { g, x in (g / (Scalar.double(1) - x * x).sqrt()).neg() }
        onInput("atan") { g, x in g / (x * x + Scalar.double(1)) }
        onInput("sinh") { g, x in g * x.cosh() }
        onInput("cosh") { g, x in g * x.sinh() }
        onInput("erf") { g, x in g * (x * x).neg().exp().scaled(1.1283791670955126) }
        t["frac"] = Derivative { c in [c.grad()] }
        // Random draws: zero gradient with respect to their parameters, as in PyTorch.
        t["bernoulli"] = Derivative { c in [Autograd.zeros(c.inputShape(0), dtype: c.inputDType(0))] }
        t["normal"] = Derivative { c in
            (0..<c.inputCount).map { Autograd.zeros(c.inputShape($0), dtype: c.inputDType($0)) }
        }
        for name in ["sign", "floor", "ceil", "trunc", "round"] {
            t[name] = Derivative { c in [Autograd.zeros(c.inputShape(0), dtype: c.inputDType(0))] }
        }
    }
}
