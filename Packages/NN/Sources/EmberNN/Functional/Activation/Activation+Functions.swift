import EmberCore

// The element functions of the pointwise activations, as PyTorch's CPU kernels define them
// (the same branches, so NaN and the kinks behave alike). Scalar arguments are read once per
// call from the schema positions after `self`.

enum Activation {
    /// `x > 0 ? x : x · negative_slope`.
    struct LeakyReLU: ActivationFunction {
        let slope: Double
        init(_ args: Arguments) throws { slope = try args.double(1) }
        func apply<T: FloatElement>(_ x: T) -> T { x > 0 ? x : x * T(slope) }
    }

    /// `x > 0 ? scale · x : scale · alpha · (e^(input_scale · x) - 1)`.
    struct ELU: ActivationFunction {
        let alpha: Double, scale: Double, inputScale: Double
        init(_ args: Arguments) throws {
            alpha = try args.double(1)
            scale = try args.double(2)
            inputScale = try args.double(3)
        }
        func apply<T: FloatElement>(_ x: T) -> T {
            x <= 0 ? T.expMinusOne(x * T(inputScale)) * T(alpha * scale) : x * T(scale)
        }
    }

    /// The Gaussian error linear unit, exact (`x · Φ(x)`) or with the tanh approximation.
    struct GELU: ActivationFunction {
        let useTanh: Bool
        init(_ args: Arguments) throws {
            let approximate = try args.string(1)
            guard approximate == "none" || approximate == "tanh" else {
                throw EmberError(.invalidArgument, op: "gelu", "approximate argument must be either none or tanh.")
            }
            useTanh = approximate == "tanh"
        }
        func apply<T: FloatElement>(_ x: T) -> T {
            if useTanh {
                let inner = T(GELU.beta) * (x + T(GELU.kappa) * x * x * x)
                return T(0.5) * x * (1 + T.tanh(inner))
            }
            return x * T(0.5) * (1 + T.erf(x * T(GELU.sqrtHalf)))
        }
        /// √(2/π).
        static let beta = 0.7978845608028654
        /// The cubic coefficient of the tanh approximation.
        static let kappa = 0.044715
        /// 1/√2.
        static let sqrtHalf = 0.7071067811865476
    }

    /// `x · sigmoid(x)`, as `x / (1 + e^-x)`.
    struct SiLU: ActivationFunction {
        init(_ args: Arguments) throws {}
        func apply<T: FloatElement>(_ x: T) -> T { x / (1 + T.exp(-x)) }
    }

    /// `x · tanh(softplus(x))`.
    struct Mish: ActivationFunction {
        init(_ args: Arguments) throws {}
        func apply<T: FloatElement>(_ x: T) -> T { x * T.tanh(T.log(onePlus: T.exp(x))) }
    }

    /// `x` clamped to `[min_val, max_val]` (NaN passes through).
    struct Hardtanh: ActivationFunction {
        let low: Double, high: Double
        init(_ args: Arguments) throws {
            low = try args.double(1)
            high = try args.double(2)
        }
        func apply<T: FloatElement>(_ x: T) -> T { x < T(low) ? T(low) : x > T(high) ? T(high) : x }
    }

    /// `clamp(x + 3, 0, 6) / 6`.
    struct Hardsigmoid: ActivationFunction {
        init(_ args: Arguments) throws {}
        func apply<T: FloatElement>(_ x: T) -> T { Swift.min(Swift.max(x + 3, 0), 6) / 6 }
    }

    /// `x · clamp(x + 3, 0, 6) / 6`.
    struct Hardswish: ActivationFunction {
        init(_ args: Arguments) throws {}
        func apply<T: FloatElement>(_ x: T) -> T { x * Swift.min(Swift.max(x + 3, 0), 6) / 6 }
    }

    /// `log(1 + e^(β·x)) / β`, or `x` where `β·x > threshold`.
    struct Softplus: ActivationFunction {
        let beta: Double, threshold: Double
        init(_ args: Arguments) throws {
            beta = try args.double(1)
            threshold = try args.double(2)
        }
        func apply<T: FloatElement>(_ x: T) -> T {
            let bx = x * T(beta)
            return bx > T(threshold) ? x : T.log(onePlus: T.exp(bx)) / T(beta)
        }
    }
}
