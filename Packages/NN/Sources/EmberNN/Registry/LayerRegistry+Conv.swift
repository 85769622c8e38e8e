import EmberCore

// The convolution, pooling and normalisation layers in the ``LayerRegistry``, with
// PyTorch's argument names (an int or a tuple where PyTorch takes either).

extension LayerRegistry {
    /// Conv1d, Conv2d, ConvTranspose1d, ConvTranspose2d.
    static let convLayers: [Registration] = [
        ("Conv1d", { args in try convolution(args, dims: 1, transposed: false) }),
        ("Conv2d", { args in try convolution(args, dims: 2, transposed: false) }),
        ("ConvTranspose1d", { args in try convolution(args, dims: 1, transposed: true) }),
        ("ConvTranspose2d", { args in try convolution(args, dims: 2, transposed: true) }),
    ]

    /// MaxPool1d/2d, AvgPool1d/2d, AdaptiveAvgPool1d/2d, AdaptiveMaxPool1d/2d.
    static let poolingLayers: [Registration] = [
        ("MaxPool1d", { args in
            MaxPool1d(kernelSize: try args.ints("kernel_size"), stride: try args.optionalInts("stride"),
                      padding: try args.optionalInts("padding") ?? [0], dilation: try args.optionalInts("dilation") ?? [1],
                      returnIndices: try args.bool("return_indices", default: false), ceilMode: try args.bool("ceil_mode", default: false))
        }),
        ("MaxPool2d", { args in
            MaxPool2d(kernelSize: try args.ints("kernel_size"), stride: try args.optionalInts("stride"),
                      padding: try args.optionalInts("padding") ?? [0], dilation: try args.optionalInts("dilation") ?? [1],
                      returnIndices: try args.bool("return_indices", default: false), ceilMode: try args.bool("ceil_mode", default: false))
        }),
        ("AvgPool1d", { args in
            AvgPool1d(kernelSize: try args.ints("kernel_size", count: 1), stride: try args.optionalInts("stride", count: 1),
                      padding: try args.optionalInts("padding", count: 1) ?? [0], ceilMode: try args.bool("ceil_mode", default: false),
                      countIncludePad: try args.bool("count_include_pad", default: true))
        }),
        ("AvgPool2d", { args in
            AvgPool2d(kernelSize: try args.ints("kernel_size"), stride: try args.optionalInts("stride"),
                      padding: try args.optionalInts("padding") ?? [0], ceilMode: try args.bool("ceil_mode", default: false),
                      countIncludePad: try args.bool("count_include_pad", default: true),
                      divisorOverride: try args.optionalInt("divisor_override"))
        }),
        ("AdaptiveAvgPool1d", { args in AdaptiveAvgPool1d(try args.int("output_size")) }),
        ("AdaptiveAvgPool2d", { args in AdaptiveAvgPool2d(try args.ints("output_size")) }),
        ("AdaptiveMaxPool1d", { args in
            AdaptiveMaxPool1d(try args.int("output_size"), returnIndices: try args.bool("return_indices", default: false))
        }),
        ("AdaptiveMaxPool2d", { args in
            AdaptiveMaxPool2d(try args.ints("output_size"), returnIndices: try args.bool("return_indices", default: false))
        }),
    ]

    /// BatchNorm1d/2d/3d, GroupNorm.
    static let normalizationLayers: [Registration] = [
        ("BatchNorm1d", { args in try batchNorm(args) { BatchNorm1d($0, eps: $1, momentum: $2, affine: $3, trackRunningStats: $4, bias: $5, dtype: $6) } }),
        ("BatchNorm2d", { args in try batchNorm(args) { BatchNorm2d($0, eps: $1, momentum: $2, affine: $3, trackRunningStats: $4, bias: $5, dtype: $6) } }),
        ("BatchNorm3d", { args in try batchNorm(args) { BatchNorm3d($0, eps: $1, momentum: $2, affine: $3, trackRunningStats: $4, bias: $5, dtype: $6) } }),
        ("GroupNorm", { args in
            let groups = try args.int("num_groups"), channels = try args.int("num_channels")
            guard groups > 0, channels % groups == 0 else {
                throw LayerRegistryError(.invalidArgument, "num_channels (\(channels)) must be divisible by num_groups (\(groups))")
            }
            return GroupNorm(groups, channels, eps: try args.double("eps", default: 1e-5), affine: try args.bool("affine", default: true),
                             bias: try args.bool("bias", default: true), dtype: try args.dtype())
        }),
    ]

    /// A convolution layer from PyTorch's arguments, checked as its constructor checks them.
    private static func convolution(_ args: LayerArguments, dims: Int, transposed: Bool) throws -> Module {
        let inChannels = try args.int("in_channels"), outChannels = try args.int("out_channels")
        let groups = try args.int("groups", default: 1)
        guard groups > 0 else { throw LayerRegistryError(.invalidArgument, "groups must be a positive integer") }
        guard inChannels % groups == 0 else { throw LayerRegistryError(.invalidArgument, "in_channels must be divisible by groups") }
        guard outChannels % groups == 0 else { throw LayerRegistryError(.invalidArgument, "out_channels must be divisible by groups") }
        let kernel = try args.ints("kernel_size", count: dims), stride = try args.optionalInts("stride", count: dims) ?? [1]
        let dilation = try args.optionalInts("dilation", count: dims) ?? [1], bias = try args.bool("bias", default: true)
        if transposed {
            _ = try args.choice("padding_mode", ["zeros"], default: "zeros")  // PyTorch's only transposed mode
            let padding = try args.optionalInts("padding", count: dims) ?? [0]
            let outputPadding = try args.optionalInts("output_padding", count: dims) ?? [0]
            return dims == 1
                ? ConvTranspose1d(inChannels, outChannels, kernelSize: kernel, stride: stride, padding: padding, outputPadding: outputPadding,
                                  groups: groups, bias: bias, dilation: dilation, dtype: try args.dtype())
                : ConvTranspose2d(inChannels, outChannels, kernelSize: kernel, stride: stride, padding: padding, outputPadding: outputPadding,
                                  groups: groups, bias: bias, dilation: dilation, dtype: try args.dtype())
        }
        let padding: ConvPadding
        if case .string(let text)? = args.value("padding") {
            guard let named = ["same": ConvPadding.same, "valid": .valid][text] else {
                throw LayerRegistryError(.invalidArgument, "Invalid padding string '\(text)', should be one of {'valid', 'same'}")
            }
            guard named != .same || stride.allSatisfy({ $0 == 1 }) else {
                throw LayerRegistryError(.invalidArgument, "padding='same' is not supported for strided convolutions")
            }
            padding = named
        } else {
            padding = .explicit(try args.optionalInts("padding", count: dims) ?? [0])
        }
        let mode = PaddingMode(rawValue: try args.choice("padding_mode", ["zeros", "reflect", "replicate", "circular"], default: "zeros")) ?? .zeros
        return dims == 1
            ? Conv1d(inChannels, outChannels, kernelSize: kernel, stride: stride, padding: padding, dilation: dilation, groups: groups,
                     bias: bias, paddingMode: mode, dtype: try args.dtype())
            : Conv2d(inChannels, outChannels, kernelSize: kernel, stride: stride, padding: padding, dilation: dilation, groups: groups,
                     bias: bias, paddingMode: mode, dtype: try args.dtype())
    }

    /// A batch-normalisation layer from PyTorch's arguments (`momentum=None`: cumulative average).
    private static func batchNorm(_ args: LayerArguments,
                                  _ make: (Int, Double, Double?, Bool, Bool, Bool, DType) -> BatchNorm) throws -> Module {
        let momentum: Double?
        if args.values["momentum"] == LayerArgument.none {
            _ = args.value("momentum")  // marks it read
            momentum = nil
        } else {
            momentum = try args.double("momentum", default: 0.1)
        }
        return make(try args.int("num_features"), try args.double("eps", default: 1e-5), momentum, try args.bool("affine", default: true),
                    try args.bool("track_running_stats", default: true), try args.bool("bias", default: true), try args.dtype())
    }
}
