import EmberCore

extension Functional {
    /// The resampling rule of ``interpolate(_:size:scaleFactor:mode:alignCorners:)``.
    public enum InterpolationMode: String, Sendable {
        /// The nearest source element (PyTorch's legacy `nearest`: ⌊dst · in/out⌋).
        case nearest
        /// The nearest source element by pixel centres (`nearest-exact`: ⌊(dst + ½) · in/out⌋).
        case nearestExact = "nearest-exact"
        /// Linear interpolation along the last dimension of a 3-D input.
        case linear
        /// Bilinear interpolation over the last two dimensions of a 4-D input.
        case bilinear
    }

    private static let nearest2dOp = EmberNN.handle("upsample_nearest2d")
    private static let nearestExact2dOp = EmberNN.handle("_upsample_nearest_exact2d")
    private static let bilinear2dOp = EmberNN.handle("upsample_bilinear2d")

    /// Resizes the spatial dimensions of `input` ([N, C, W] or [N, C, H, W]) to `size`, or by
    /// `scaleFactor` (output ⌊in · factor⌋, and the factor itself sets the source coordinates,
    /// as PyTorch's default `recompute_scale_factor=None` does), by `mode`, with PyTorch's
    /// coordinate rules (`F.interpolate`). `alignCorners` (linear modes only, default false)
    /// maps the corner pixels of input and output onto each other. With
    /// `recomputeScaleFactor`, the source coordinates use in/out instead of the factor.
    public static func interpolate(_ input: Tensor, size: [Int]? = nil, scaleFactor: [Double]? = nil,
                                   mode: InterpolationMode = .nearest, alignCorners: Bool? = nil,
                                   recomputeScaleFactor: Bool = false) -> Tensor {
        let spatial = input.rank - 2
        precondition((size == nil) != (scaleFactor == nil),
                     size == nil ? "either size or scale_factor should be defined" : "only one of size or scale_factor should be defined")
        precondition((mode != .nearest && mode != .nearestExact) || alignCorners == nil,
                     "align_corners option can only be set with the interpolating modes: linear | bilinear | bicubic | trilinear")
        precondition(spatial == 1 || spatial == 2, "interpolate: input must be 3-D or 4-D, got \(input.shape)")
        precondition(mode != .linear || spatial == 1, "Got \(input.rank)D input, but linear mode needs 3D input")
        precondition(mode != .bilinear || spatial == 2, "Got \(input.rank)D input, but bilinear mode needs 4D input")
        let factors = scaleFactor.map { $0.count == 1 ? Array(repeating: $0[0], count: spatial) : $0 }
        precondition(size.map { $0.count == 1 || $0.count == spatial } ?? true && factors.map { $0.count == spatial } ?? true,
                     "Input and output must have the same number of spatial dimensions, but got input with spatial dimensions of \(Array(input.shape.dropFirst(2))) and output size of \(size ?? [])")
        let inSize = Array(input.shape.dropFirst(2))
        let outSize = size.map { $0.count == 1 ? Array(repeating: $0[0], count: spatial) : $0 }
            ?? zip(inSize, factors!).map { Int((Double($0) * $1).rounded(.down)) }
        // 1-D resizes are 2-D ones over a height of one.
        let x4 = spatial == 1 ? input.unsqueeze(2) : input
        let out2 = spatial == 1 ? [1] + outSize : outSize
        let scales: [IValue] = (recomputeScaleFactor ? nil : factors).map { f in spatial == 1 ? [.none, .double(f[0])] : f.map(IValue.double) } ?? [.none, .none]
        let y: Tensor
        switch mode {
        case .nearest: y = Dispatcher.shared.callForTensor(nearest2dOp, [.tensor(x4), .ints(out2)] + scales)
        case .nearestExact: y = Dispatcher.shared.callForTensor(nearestExact2dOp, [.tensor(x4), .ints(out2)] + scales)
        default: y = Dispatcher.shared.callForTensor(bilinear2dOp, [.tensor(x4), .ints(out2), .bool(alignCorners ?? false)] + scales)
        }
        return spatial == 1 ? y.squeeze(dim: 2) : y
    }

    /// ``interpolate(_:size:scaleFactor:mode:alignCorners:)`` with one scale factor for every
    /// spatial dimension.
    public static func interpolate(_ input: Tensor, scaleFactor: Double, mode: InterpolationMode = .nearest,
                                   alignCorners: Bool? = nil) -> Tensor {
        interpolate(input, size: nil, scaleFactor: [scaleFactor], mode: mode, alignCorners: alignCorners)
    }
}
