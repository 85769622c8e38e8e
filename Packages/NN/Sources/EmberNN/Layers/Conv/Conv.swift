import EmberCore

/// What the convolution layers share (PyTorch's `_ConvNd`): the weight, the optional bias,
/// the hyper-parameters, PyTorch's default initialisation and printing.
///
/// The weight is [out, in/groups, *kernel] for a convolution and [in, out/groups, *kernel] for
/// a transposed one. `resetParameters()` draws the weight from kaiming_uniform(a = √5) and the
/// bias from U(−1/√fanIn, 1/√fanIn), in that order, as PyTorch does.
open class ConvNd: Module {
    /// Input channels.
    public let inChannels: Int
    /// Output channels.
    public let outChannels: Int
    /// The kernel size per spatial dimension.
    public let kernelSize: [Int]
    /// The stride per spatial dimension.
    public let stride: [Int]
    /// The padding (explicit sizes, or "same"/"valid").
    public let padding: ConvPadding
    /// The dilation per spatial dimension.
    public let dilation: [Int]
    /// Whether this is a transposed convolution.
    public let transposed: Bool
    /// The extra size added to one side of a transposed convolution's output.
    public let outputPadding: [Int]
    /// The number of blocked connections from input to output channels.
    public let groups: Int
    /// How the input is padded.
    public let paddingMode: PaddingMode
    /// The learnable kernel.
    @Parameter public var weight: Tensor
    /// The learnable bias, [outChannels], or `nil` without bias.
    @Parameter public var bias: Tensor?

    /// A convolution layer with `dims` spatial dimensions; single-element lists repeat.
    public init(dims: Int, _ inChannels: Int, _ outChannels: Int, kernelSize: [Int], stride: [Int], padding: ConvPadding,
                dilation: [Int], transposed: Bool, outputPadding: [Int], groups: Int, bias: Bool,
                paddingMode: PaddingMode = .zeros, dtype: DType) {
        func expand(_ v: [Int], _ name: String) -> [Int] {
            precondition(v.count == 1 || v.count == dims, "\(name) must have 1 or \(dims) values, got \(v)")
            return v.count == 1 ? Array(repeating: v[0], count: dims) : v
        }
        precondition(groups > 0, "groups must be a positive integer")
        precondition(inChannels % groups == 0, "in_channels must be divisible by groups")
        precondition(outChannels % groups == 0, "out_channels must be divisible by groups")
        self.inChannels = inChannels
        self.outChannels = outChannels
        self.kernelSize = expand(kernelSize, "kernel_size")
        self.stride = expand(stride, "stride")
        self.dilation = expand(dilation, "dilation")
        self.outputPadding = expand(outputPadding, "output_padding")
        if case .explicit(let p) = padding {
            self.padding = .explicit(expand(p, "padding"))
        } else {
            precondition(padding != .same || self.stride.allSatisfy { $0 == 1 }, "padding='same' is not supported for strided convolutions")
            self.padding = padding
        }
        precondition(!transposed || paddingMode == .zeros, "Only \"zeros\" padding mode is supported for ConvTranspose")
        self.transposed = transposed
        self.groups = groups
        self.paddingMode = paddingMode
        let shape = transposed ? [inChannels, outChannels / groups] : [outChannels, inChannels / groups]
        _weight = Parameter(wrappedValue: Tensor(empty: shape + self.kernelSize, dtype: dtype))
        _bias = Parameter(wrappedValue: bias ? Tensor(empty: [outChannels], dtype: dtype) : nil)
        super.init()
        resetParameters()
    }

    /// Draws new weights and bias as at creation (`reset_parameters`).
    public func resetParameters() {
        Init.kaimingUniform_(weight, a: 5.0.squareRoot())
        if let bias {
            let fanIn = Init.fans(weight.shape).fanIn
            if fanIn != 0 { Init.uniform_(bias, from: -1 / Double(fanIn).squareRoot(), to: 1 / Double(fanIn).squareRoot()) }
        }
    }

    /// The explicit padding sizes (zeros for "valid"; "same" is resolved at call time).
    var explicitPadding: [Int] {
        if case .explicit(let p) = padding { return p }
        return Array(repeating: 0, count: kernelSize.count)
    }

    /// `1, 6, kernel_size=(5, 5), stride=(1, 1)` and the non-default settings, as PyTorch prints.
    open override var extraDescription: String {
        var s = "\(inChannels), \(outChannels), kernel_size=\(pythonTuple(kernelSize)), stride=\(pythonTuple(stride))"
        switch padding {
        case .explicit(let p) where p.contains { $0 != 0 }: s += ", padding=\(pythonTuple(p))"
        case .same, .valid: s += ", padding=\(padding)"
        default: break
        }
        if dilation.contains(where: { $0 != 1 }) { s += ", dilation=\(pythonTuple(dilation))" }
        if outputPadding.contains(where: { $0 != 0 }) { s += ", output_padding=\(pythonTuple(outputPadding))" }
        if groups != 1 { s += ", groups=\(groups)" }
        if bias == nil { s += ", bias=False" }
        if paddingMode != .zeros { s += ", padding_mode=\(paddingMode.rawValue)" }
        return s
    }
}

/// A Python tuple's text: `(5, 5)`, `(3,)`.
func pythonTuple(_ values: [Int]) -> String {
    values.count == 1 ? "(\(values[0]),)" : "(" + values.map(String.init).joined(separator: ", ") + ")"
}

/// A 1-D convolution over [N, Cin, L] inputs (`nn.Conv1d`).
public final class Conv1d: ConvNd {
    /// `Conv1d(3, 4, kernelSize: [3], stride: [2], padding: .same)`.
    public init(_ inChannels: Int, _ outChannels: Int, kernelSize: [Int], stride: [Int] = [1], padding: ConvPadding = 0,
                dilation: [Int] = [1], groups: Int = 1, bias: Bool = true, paddingMode: PaddingMode = .zeros,
                dtype: DType = .defaultFloat) {
        super.init(dims: 1, inChannels, outChannels, kernelSize: kernelSize, stride: stride, padding: padding, dilation: dilation,
                   transposed: false, outputPadding: [0], groups: groups, bias: bias, paddingMode: paddingMode, dtype: dtype)
    }

    /// The convolution of `input` ([N, Cin, L] or [Cin, L]).
    public override func forward(_ input: Tensor) -> Tensor {
        if paddingMode != .zeros {
            return Functional.conv1d(padded(input), weight: weight, bias: bias, stride: stride, padding: 0, dilation: dilation, groups: groups)
        }
        return Functional.conv1d(input, weight: weight, bias: bias, stride: stride, padding: padding, dilation: dilation, groups: groups)
    }
}

/// A 2-D convolution over [N, Cin, H, W] inputs (`nn.Conv2d`).
public final class Conv2d: ConvNd {
    /// `Conv2d(1, 6, kernelSize: [5])`; single-element lists repeat over height and width.
    public init(_ inChannels: Int, _ outChannels: Int, kernelSize: [Int], stride: [Int] = [1], padding: ConvPadding = 0,
                dilation: [Int] = [1], groups: Int = 1, bias: Bool = true, paddingMode: PaddingMode = .zeros,
                dtype: DType = .defaultFloat) {
        super.init(dims: 2, inChannels, outChannels, kernelSize: kernelSize, stride: stride, padding: padding, dilation: dilation,
                   transposed: false, outputPadding: [0], groups: groups, bias: bias, paddingMode: paddingMode, dtype: dtype)
    }

    /// The convolution of `input` ([N, Cin, H, W] or [Cin, H, W]).
    public override func forward(_ input: Tensor) -> Tensor {
        if paddingMode != .zeros {
            return Functional.conv2d(padded(input), weight: weight, bias: bias, stride: stride, padding: 0, dilation: dilation, groups: groups)
        }
        return Functional.conv2d(input, weight: weight, bias: bias, stride: stride, padding: padding, dilation: dilation, groups: groups)
    }
}

/// A 2-D transposed convolution (`nn.ConvTranspose2d`), the gradient of Conv2d with respect
/// to its input: out = (in − 1)·stride − 2·padding + dilation·(k − 1) + outputPadding + 1.
public final class ConvTranspose2d: ConvNd {
    /// `ConvTranspose2d(4, 6, kernelSize: [3], stride: [2], outputPadding: [1])`.
    public init(_ inChannels: Int, _ outChannels: Int, kernelSize: [Int], stride: [Int] = [1], padding: [Int] = [0],
                outputPadding: [Int] = [0], groups: Int = 1, bias: Bool = true, dilation: [Int] = [1], dtype: DType = .defaultFloat) {
        super.init(dims: 2, inChannels, outChannels, kernelSize: kernelSize, stride: stride, padding: .explicit(padding),
                   dilation: dilation, transposed: true, outputPadding: outputPadding, groups: groups, bias: bias, dtype: dtype)
    }

    /// The transposed convolution of `input` ([N, Cin, H, W] or [Cin, H, W]).
    public override func forward(_ input: Tensor) -> Tensor {
        Functional.convTranspose2d(input, weight: weight, bias: bias, stride: stride, padding: explicitPadding,
                                   outputPadding: outputPadding, groups: groups, dilation: dilation)
    }
}

/// A 1-D transposed convolution (`nn.ConvTranspose1d`), the gradient of Conv1d with respect
/// to its input.
public final class ConvTranspose1d: ConvNd {
    /// `ConvTranspose1d(4, 6, kernelSize: [3], stride: [2])`.
    public init(_ inChannels: Int, _ outChannels: Int, kernelSize: [Int], stride: [Int] = [1], padding: [Int] = [0],
                outputPadding: [Int] = [0], groups: Int = 1, bias: Bool = true, dilation: [Int] = [1], dtype: DType = .defaultFloat) {
        super.init(dims: 1, inChannels, outChannels, kernelSize: kernelSize, stride: stride, padding: .explicit(padding),
                   dilation: dilation, transposed: true, outputPadding: outputPadding, groups: groups, bias: bias, dtype: dtype)
    }

    /// The transposed convolution of `input` ([N, Cin, L] or [Cin, L]).
    public override func forward(_ input: Tensor) -> Tensor {
        Functional.convTranspose1d(input, weight: weight, bias: bias, stride: stride, padding: explicitPadding,
                                   outputPadding: outputPadding, groups: groups, dilation: dilation)
    }
}
