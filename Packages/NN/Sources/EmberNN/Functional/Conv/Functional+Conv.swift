import EmberCore

/// The padding of a convolution: explicit sizes per spatial dimension, or PyTorch's
/// `"valid"` (none) and `"same"` (the output keeps the input's size; stride 1 only).
///
/// An integer or array literal is an explicit padding: `padding: 1`, `padding: [1, 2]`.
public enum ConvPadding: Sendable, Equatable, ExpressibleByIntegerLiteral, ExpressibleByArrayLiteral, CustomStringConvertible {
    /// No padding (`padding="valid"`).
    case valid
    /// Padding that keeps the spatial size (`padding="same"`); when the total is odd the
    /// extra zero goes on the right, as in PyTorch.
    case same
    /// Zeros added on both sides of each spatial dimension (one value repeats).
    case explicit([Int])

    /// An explicit padding of `value` on every side.
    public init(integerLiteral value: Int) { self = .explicit([value]) }
    /// An explicit padding per spatial dimension.
    public init(arrayLiteral elements: Int...) { self = .explicit(elements) }

    /// PyTorch's spelling: `'same'`, `'valid'` or the sizes.
    public var description: String {
        switch self {
        case .valid: return "valid"
        case .same: return "same"
        case .explicit(let p): return "\(p)"
        }
    }

    /// The explicit sizes, with the right-side extras "same" needs, for a kernel.
    func resolve(kernel: [Int], dilation: [Int], stride: [Int], op: String) -> (left: [Int], extraRight: [Int]) {
        let dims = kernel.count
        func expand(_ v: [Int]) -> [Int] { v.count == 1 ? Array(repeating: v[0], count: dims) : v }
        switch self {
        case .explicit(let p): return (expand(p), Array(repeating: 0, count: dims))
        case .valid: return (Array(repeating: 0, count: dims), Array(repeating: 0, count: dims))
        case .same:
            precondition(expand(stride).allSatisfy { $0 == 1 }, "\(op): padding='same' is not supported for strided convolutions")
            let totals = zip(kernel, expand(dilation)).map { $1 * ($0 - 1) }
            return (totals.map { $0 / 2 }, totals.map { $0 - $0 / 2 * 2 })
        }
    }
}

extension Functional {
    private static let conv1dOp = EmberNN.handle("conv1d")
    private static let conv2dOp = EmberNN.handle("conv2d")
    private static let convTranspose1dOp = EmberNN.handle("conv_transpose1d")
    private static let convTranspose2dOp = EmberNN.handle("conv_transpose2d")

    /// A 1-D convolution (`F.conv1d`): input [N, Cin, L] or [Cin, L], weight
    /// [Cout, Cin/groups, k], bias [Cout]. Single-element lists repeat.
    public static func conv1d(_ input: Tensor, weight: Tensor, bias: Tensor? = nil, stride: [Int] = [1],
                              padding: ConvPadding = 0, dilation: [Int] = [1], groups: Int = 1) -> Tensor {
        convolve(conv1dOp, "conv1d", input, weight, bias, stride, padding, dilation, groups)
    }

    /// A 2-D convolution (`F.conv2d`): input [N, Cin, H, W] or [Cin, H, W], weight
    /// [Cout, Cin/groups, kH, kW], bias [Cout]. Single-element lists repeat.
    public static func conv2d(_ input: Tensor, weight: Tensor, bias: Tensor? = nil, stride: [Int] = [1],
                              padding: ConvPadding = 0, dilation: [Int] = [1], groups: Int = 1) -> Tensor {
        convolve(conv2dOp, "conv2d", input, weight, bias, stride, padding, dilation, groups)
    }

    /// A 1-D transposed convolution (`F.conv_transpose1d`): weight [Cin, Cout/groups, k].
    public static func convTranspose1d(_ input: Tensor, weight: Tensor, bias: Tensor? = nil, stride: [Int] = [1],
                                       padding: [Int] = [0], outputPadding: [Int] = [0], groups: Int = 1,
                                       dilation: [Int] = [1]) -> Tensor {
        Dispatcher.shared.callForTensor(convTranspose1dOp, [.tensor(input), .tensor(weight), bias.map(IValue.tensor) ?? .none,
            .ints(stride), .ints(padding), .ints(outputPadding), .int(groups), .ints(dilation)])
    }

    /// A 2-D transposed convolution (`F.conv_transpose2d`): weight [Cin, Cout/groups, kH, kW];
    /// the output is (in − 1)·stride − 2·padding + dilation·(k − 1) + outputPadding + 1.
    public static func convTranspose2d(_ input: Tensor, weight: Tensor, bias: Tensor? = nil, stride: [Int] = [1],
                                       padding: [Int] = [0], outputPadding: [Int] = [0], groups: Int = 1,
                                       dilation: [Int] = [1]) -> Tensor {
        Dispatcher.shared.callForTensor(convTranspose2dOp, [.tensor(input), .tensor(weight), bias.map(IValue.tensor) ?? .none,
            .ints(stride), .ints(padding), .ints(outputPadding), .int(groups), .ints(dilation)])
    }

    /// Resolves "same"/"valid" padding (zeros appended on the right where "same" is
    /// asymmetric, as PyTorch does) and calls the operator.
    private static func convolve(_ op: OperatorHandle, _ name: String, _ input: Tensor, _ weight: Tensor, _ bias: Tensor?,
                                 _ stride: [Int], _ padding: ConvPadding, _ dilation: [Int], _ groups: Int) -> Tensor {
        var x = input
        var explicit = [0]
        if weight.rank >= 3 {
            let kernel = Array(weight.shape.dropFirst(2))
            let (left, extra) = padding.resolve(kernel: kernel, dilation: dilation, stride: stride, op: name)
            for (d, e) in extra.enumerated() where e > 0 {
                let dim = x.rank - kernel.count + d
                var shape = x.shape
                shape[dim] = e
                x = Tensor.cat([x, Tensor.zeros(shape, dtype: x.dtype)], dim: dim)
            }
            explicit = left
        } else if case .explicit(let p) = padding {
            explicit = p
        }
        return Dispatcher.shared.callForTensor(op, [.tensor(x), .tensor(weight), bias.map(IValue.tensor) ?? .none,
            .ints(stride), .ints(explicit), .ints(dilation), .int(groups)])
    }
}
