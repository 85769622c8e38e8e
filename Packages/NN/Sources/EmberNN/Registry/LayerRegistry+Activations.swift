// The activation layers in the ``LayerRegistry``, with PyTorch's argument names.

extension LayerRegistry {
    /// ReLU, ReLU6, LeakyReLU, PReLU, ELU, CELU, SELU, GELU, SiLU, Mish, Sigmoid, Tanh,
    /// Hardtanh, Hardsigmoid, Hardswish, Softplus, Softmax, LogSoftmax.
    static let activationLayers: [Registration] = [
        ("ReLU", { args in ReLU(inplace: try args.bool("inplace", default: false)) }),
        ("ReLU6", { args in ReLU6(inplace: try args.bool("inplace", default: false)) }),
        ("LeakyReLU", { args in
            LeakyReLU(negativeSlope: try args.double("negative_slope", default: 0.01), inplace: try args.bool("inplace", default: false))
        }),
        ("PReLU", { args in
            PReLU(numParameters: try args.int("num_parameters", default: 1), init: try args.double("init", default: 0.25),
                  dtype: try args.dtype())
        }),
        ("ELU", { args in ELU(alpha: try args.double("alpha", default: 1), inplace: try args.bool("inplace", default: false)) }),
        ("CELU", { args in CELU(alpha: try args.double("alpha", default: 1), inplace: try args.bool("inplace", default: false)) }),
        ("SELU", { args in SELU(inplace: try args.bool("inplace", default: false)) }),
        ("GELU", { args in
            GELU(approximate: GELUApproximation(rawValue: try args.choice("approximate", ["none", "tanh"], default: "none")) ?? .none)
        }),
        ("SiLU", { args in SiLU(inplace: try args.bool("inplace", default: false)) }),
        ("Mish", { args in Mish(inplace: try args.bool("inplace", default: false)) }),
        ("Sigmoid", { _ in Sigmoid() }),
        ("Tanh", { _ in Tanh() }),
        ("Hardtanh", { args in
            let low = try args.double("min_val", default: -1), high = try args.double("max_val", default: 1)
            guard high > low else {
                throw LayerRegistryError(.invalidArgument, "Hardtanh: max_val (\(high)) must be greater than min_val (\(low))")
            }
            return Hardtanh(minVal: low, maxVal: high, inplace: try args.bool("inplace", default: false))
        }),
        ("Hardsigmoid", { args in Hardsigmoid(inplace: try args.bool("inplace", default: false)) }),
        ("Hardswish", { args in Hardswish(inplace: try args.bool("inplace", default: false)) }),
        ("Softplus", { args in
            Softplus(beta: try args.double("beta", default: 1), threshold: try args.double("threshold", default: 20))
        }),
        ("Softmax", { args in Softmax(dim: try args.optionalInt("dim")) }),
        ("LogSoftmax", { args in LogSoftmax(dim: try args.optionalInt("dim")) }),
    ]
}
