import EmberCore

// One convolution call normalised to the 4-D batched form the compute functions use:
// validation with PyTorch's messages, 1-D → 2-D and unbatched → batched reshapes, and the
// way back to the caller's layout.

struct ConvCall {
    /// The operator name used in messages (`conv2d`, `conv_transpose1d`, `convolution`).
    let op: String
    /// The number of spatial dimensions (1 or 2).
    let dims: Int
    /// Whether the caller's input had no batch dimension.
    let unbatched: Bool
    let params: ConvParams
    /// The input, weight and bias in 4-D / 1-D form.
    let input: Tensor, weight: Tensor, bias: Tensor?

    /// Validates a call of `op` on `input`, `weight` and `bias` with `params` (lists of
    /// `dims` entries, or single values).
    init(op: String, input rawInput: Tensor, weight rawWeight: Tensor, bias: Tensor?, params raw: ConvParams) throws {
        self.op = op
        let dims = rawWeight.rank - 2
        guard dims == 1 || dims == 2 else {
            throw EmberError(.shapeMismatch, op: op, "expected a 3-D or 4-D weight, but got weight of size \(rawWeight.shape)")
        }
        self.dims = dims
        guard rawInput.rank == dims + 1 || rawInput.rank == dims + 2 else {
            throw EmberError(.shapeMismatch, op: op,
                "Expected \(dims + 1)D (unbatched) or \(dims + 2)D (batched) input to \(op), but got input of size: \(rawInput.shape)")
        }
        var p = raw
        p.stride = try ConvParams.list(raw.stride, dims, "stride", op: op)
        p.padding = try ConvParams.list(raw.padding, dims, "padding", op: op)
        p.dilation = try ConvParams.list(raw.dilation, dims, "dilation", op: op)
        p.outputPadding = try ConvParams.list(raw.outputPadding, dims, "output_padding", op: op)
        try p.validate(op: op)
        unbatched = rawInput.rank == dims + 1
        let batched = unbatched ? rawInput.unsqueeze(0) : rawInput
        try ConvCall.checkTypes(op, batched, rawWeight, bias)
        try ConvCall.checkShapes(op, batched.shape, rawWeight.shape, bias, p)
        params = p.as2d
        input = dims == 1 ? batched.unsqueeze(2) : batched
        weight = dims == 1 ? rawWeight.unsqueeze(2) : rawWeight
        self.bias = bias
        let g = geometry
        if !p.transposed && (g.oh <= 0 || g.ow <= 0 || g.h + 2 * g.ph < g.dh * (g.kh - 1) + 1 || g.w + 2 * g.pw < g.dw * (g.kw - 1) + 1) {
            let padded = dims == 1 ? "(\(g.w + 2 * g.pw))" : "(\(g.h + 2 * g.ph) x \(g.w + 2 * g.pw))"
            let kernel = dims == 1 ? "(\(g.dw * (g.kw - 1) + 1))" : "(\(g.dh * (g.kh - 1) + 1) x \(g.dw * (g.kw - 1) + 1))"
            throw EmberError(.shapeMismatch, op: op,
                "Calculated padded input size per channel: \(padded). Kernel size: \(kernel). Kernel size can't be greater than actual input size")
        }
        if p.transposed && (g.h <= 0 || g.w <= 0) {
            throw EmberError(.shapeMismatch, op: op,
                "Given input size per channel: \(Array(batched.shape.dropFirst(2))). Calculated output size per channel: \(dims == 1 ? [g.w] : [g.h, g.w]). Output size is too small")
        }
    }

    /// The im2col geometry of the call.
    var geometry: ConvGeometry { ConvGeometry(input: input.shape, weight: weight.shape, params) }

    /// A 4-D result (or image-side gradient) in the caller's layout.
    func restore(_ t: Tensor) -> Tensor {
        var r = dims == 1 ? t.squeeze(dim: 2) : t
        if unbatched { r = r.squeeze(dim: 0) }
        return r
    }

    /// A 4-D shape in the caller's layout.
    func callerShape(_ shape: [Int]) -> [Int] {
        var r = shape
        if dims == 1 { r.remove(at: 2) }
        if unbatched { r.removeFirst() }
        return r
    }

    /// A tensor in the caller's layout of the output side ([N, O, *]) in 4-D form.
    func batched(_ t: Tensor) -> Tensor {
        var r = unbatched ? t.unsqueeze(0) : t
        if dims == 1 { r = r.unsqueeze(2) }
        return r
    }

    /// The weight-shaped result in the caller's weight layout.
    func restoreWeight(_ t: Tensor) -> Tensor { dims == 1 ? t.squeeze(dim: 2) : t }

    private static func checkTypes(_ op: String, _ input: Tensor, _ weight: Tensor, _ bias: Tensor?) throws {
        guard input.dtype == weight.dtype, bias.map({ $0.dtype == input.dtype }) ?? true else {
            throw EmberError(.invalidDType, op: op,
                "Input type (\(input.dtype)), weight type (\(weight.dtype))\(bias.map { " and bias type (\($0.dtype))" } ?? "") should be the same")
        }
    }

    private static func checkShapes(_ op: String, _ input: [Int], _ weight: [Int], _ bias: Tensor?, _ p: ConvParams) throws {
        guard weight[0] % p.groups == 0 else {
            throw EmberError(.shapeMismatch, op: op,
                "Given groups=\(p.groups), expected weight to be divisible by \(p.groups) at dimension 0, but got weight of size [\(weight)] instead")
        }
        let expected = p.transposed ? weight[0] : weight[1] * p.groups
        guard input[1] == expected else {
            let given = p.transposed ? "transposed=1" : "groups=\(p.groups)"
            throw EmberError(.shapeMismatch, op: op,
                "Given \(given), weight of size \(weight), expected input\(input) to have \(expected) channels, but got \(input[1]) channels instead")
        }
        let outChannels = p.transposed ? weight[1] * p.groups : weight[0]
        if let bias, bias.rank != 1 || bias.shape[0] != outChannels {
            throw EmberError(.shapeMismatch, op: op,
                "Given weight of size \(weight), expected bias to be 1-dimensional with \(outChannels) elements, but got bias of size \(bias.shape) instead")
        }
        if p.transposed {
            for d in p.stride.indices where p.outputPadding[d] >= Swift.max(p.stride[d], p.dilation[d]) {
                throw EmberError(.invalidArgument, op: op,
                    "output padding must be smaller than either stride or dilation, but got output_padding=\(p.outputPadding), stride=\(p.stride), dilation=\(p.dilation)")
            }
        }
    }
}

extension ConvCall {
    /// Runs the convolution (or transposed convolution) with element type T.
    func run<T: FloatElement>(_: T.Type) -> Tensor {
        let g = geometry
        if params.transposed {
            let out = ConvCompute.inputGrad(gout: input, weight: weight, g, T.self)
            if let bias { ConvCompute.addBias(out, bias, T.self) }
            return restore(out)
        }
        return restore(ConvCompute.forward(image: input, weight: weight, bias: bias, g, T.self))
    }

    /// The gradients of the call for `gradOutput` (caller's layout): input, weight and bias,
    /// each only where `mask` asks (otherwise an empty tensor, as ATen's undefined ones).
    func backward<T: FloatElement>(_ gradOutput: Tensor, mask: [Bool], _: T.Type) -> [Tensor] {
        let g = geometry, go = batched(gradOutput).contiguous()
        let none = Tensor(empty: [0], dtype: T.dtype)
        var gradInput = none, gradWeight = none, gradBias = none
        if params.transposed {
            if mask[0] { gradInput = restore(ConvCompute.forward(image: go, weight: weight, bias: nil, g, T.self)) }
            if mask[1] { gradWeight = restoreWeight(ConvCompute.weightGrad(image: go, gout: input, g, T.self)) }
        } else {
            if mask[0] && mask[1] {
                let (image, weight) = ConvCompute.gradients(image: input, weight: weight, gout: go, g, T.self)
                (gradInput, gradWeight) = (restore(image), restoreWeight(weight))
            } else if mask[0] {
                gradInput = restore(ConvCompute.inputGrad(gout: go, weight: weight, g, T.self))
            } else if mask[1] {
                gradWeight = restoreWeight(ConvCompute.weightGrad(image: input, gout: go, g, T.self))
            }
        }
        if mask[2] {
            // grad_output is the output side of a convolution, the image side of a transposed one.
            let (channels, length) = params.transposed ? (g.c, g.plane) : (g.o, g.outPlane)
            gradBias = Tensor(empty: [channels], dtype: T.dtype)
            go.withUnsafePointer(as: T.self) { src in
                gradBias.withUnsafeMutablePointer(as: T.self) { Im2Col.channelSums(src, $0, n: g.n, c: channels, l: length) }
            }
        }
        return [gradInput, gradWeight, gradBias]
    }
}
