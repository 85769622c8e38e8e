import EmberAutograd
import EmberCore

// The convolution operators, with ATen's names and arguments:
//   conv1d / conv2d (input, weight, bias, stride, padding, dilation, groups),
//   conv_transpose1d / conv_transpose2d (…, output_padding, groups, dilation),
//   convolution (the general form with `transposed`), and
//   convolution_backward (grad_output, input, weight, …, output_mask) → (grad_input, grad_weight, grad_bias).
// Every forward operator has its own backend kernel (a plugin may replace conv2d alone) and
// the derivative "call convolution_backward"; convolution_backward's own derivative is
// written with convolution and convolution_backward, so gradients of any order exist.

enum ConvOps {
    /// Where an operator's arguments sit and which convolution it is.
    enum Layout: Sendable {
        case conv(dims: Int), transposed(dims: Int), general

        func params(_ a: Arguments) throws -> ConvParams {
            switch self {
            case .conv:
                return ConvParams(stride: try a.ints(3), padding: try a.ints(4), dilation: try a.ints(5),
                                  transposed: false, outputPadding: [0], groups: try a.int(6))
            case .transposed:
                return ConvParams(stride: try a.ints(3), padding: try a.ints(4), dilation: try a.ints(7),
                                  transposed: true, outputPadding: try a.ints(5), groups: try a.int(6))
            case .general:
                return ConvParams(stride: try a.ints(3), padding: try a.ints(4), dilation: try a.ints(5),
                                  transposed: try a.bool(6), outputPadding: try a.ints(7), groups: try a.int(8))
            }
        }
    }

    static let forwardOperators: [(schema: String, layout: Layout, doc: String)] = [
        ("conv1d(Tensor input, Tensor weight, Tensor? bias=None, int[1] stride=1, int[1] padding=0, int[1] dilation=1, int groups=1) -> Tensor",
         .conv(dims: 1), "A 1-D convolution over [N, C, L] (or [C, L]) inputs."),
        ("conv2d(Tensor input, Tensor weight, Tensor? bias=None, int[2] stride=1, int[2] padding=0, int[2] dilation=1, int groups=1) -> Tensor",
         .conv(dims: 2), "A 2-D convolution over [N, C, H, W] (or [C, H, W]) inputs."),
        ("conv_transpose1d(Tensor input, Tensor weight, Tensor? bias=None, int[1] stride=1, int[1] padding=0, int[1] output_padding=0, int groups=1, int[1] dilation=1) -> Tensor",
         .transposed(dims: 1), "A 1-D transposed convolution (the gradient of conv1d with respect to its input)."),
        ("conv_transpose2d(Tensor input, Tensor weight, Tensor? bias=None, int[2] stride=1, int[2] padding=0, int[2] output_padding=0, int groups=1, int[2] dilation=1) -> Tensor",
         .transposed(dims: 2), "A 2-D transposed convolution (the gradient of conv2d with respect to its input)."),
        ("convolution(Tensor input, Tensor weight, Tensor? bias, int[] stride, int[] padding, int[] dilation, bool transposed, int[] output_padding, int groups) -> Tensor",
         .general, "A 1-D or 2-D convolution or transposed convolution, batched or not."),
    ]

    static let backwardSchema = "convolution_backward(Tensor grad_output, Tensor input, Tensor weight, int[]? bias_sizes, int[] stride, int[] padding, int[] dilation, bool transposed, int[] output_padding, int groups, bool[3] output_mask) -> (Tensor, Tensor, Tensor)"

    static func register(_ d: Dispatcher) throws {
        for (schema, layout, doc) in forwardOperators {
            let op = try d.define(schema, package: EmberNN.package, doc: doc)
            let name = d.definition(op).schema.name
            d.register(op, floating: ForwardKernel(layout: layout), package: EmberNN.package)
            Autograd.register(name, forwardDerivative(layout), into: d)
            d.registerSamples(op) { ConvSamples.forward(layout, $0) }
        }
        let backward = try d.define(backwardSchema, package: EmberNN.package,
                                    doc: "The gradients of a convolution for grad_output: input, weight and bias where output_mask asks.")
        d.register(backward, floating: BackwardKernel(), package: EmberNN.package)
        Autograd.register("convolution_backward", backwardDerivative, into: d)
        d.registerSamples(backward) { ConvSamples.backward($0) }
    }

    struct ForwardKernel: FloatKernel {
        let layout: Layout
        func run<T: FloatElement>(_ args: Arguments, _ type: T.Type) throws -> [IValue] {
            let call = try ConvCall(op: args.op, input: try args.tensor(0), weight: try args.tensor(1),
                                    bias: try args.optionalTensor(2), params: try layout.params(args))
            return [.tensor(call.run(T.self))]
        }
    }

    struct BackwardKernel: FloatKernel {
        func run<T: FloatElement>(_ args: Arguments, _ type: T.Type) throws -> [IValue] {
            let params = try Layout.general.params(Arguments(Array(args.values.dropFirst()), op: args.op))
            let gradOutput = try args.tensor(0)
            let call = try ConvCall(op: args.op, input: try args.tensor(1), weight: try args.tensor(2), bias: nil, params: params)
            let g = call.geometry
            let expected = call.callerShape(params.transposed ? g.imageShape : g.outputShape)
            guard gradOutput.shape == expected, gradOutput.dtype == T.dtype else {
                throw EmberError(.shapeMismatch, op: args.op,
                    "expected grad_output of size \(expected) (\(T.dtype)), but got \(gradOutput.shape) (\(gradOutput.dtype))")
            }
            let mask = try args.ints(10).map { $0 != 0 }
            guard mask.count == 3 else { throw EmberError(.invalidArgument, op: args.op, "output_mask must have 3 entries, got \(mask)") }
            return call.backward(gradOutput, mask: mask, T.self).map(IValue.tensor)
        }
    }

    /// The arguments of convolution / convolution_backward after the tensors, in schema order.
    static func generalArguments(_ p: ConvParams) -> [IValue] {
        [.ints(p.stride), .ints(p.padding), .ints(p.dilation), .bool(p.transposed), .ints(p.outputPadding), .int(p.groups)]
    }

    /// convolution_backward(grad, input, weight, …, mask) through the dispatcher.
    static func backward(_ grad: Tensor, _ input: Tensor, _ weight: Tensor, biasSizes: [Int]?, _ p: ConvParams, mask: [Bool]) throws -> [Tensor] {
        let args: [IValue] = [.tensor(grad), .tensor(input), .tensor(weight), biasSizes.map(IValue.ints) ?? .none]
            + generalArguments(p) + [.ints(mask.map { $0 ? 1 : 0 })]
        return try Dispatcher.shared.call(backwardOp, args).map { $0.tensorValue ?? Tensor(empty: [0]) }
    }

    /// convolution(input, weight, bias, …) through the dispatcher.
    static func convolution(_ input: Tensor, _ weight: Tensor, _ bias: Tensor?, _ p: ConvParams) throws -> Tensor {
        let args: [IValue] = [.tensor(input), .tensor(weight), bias.map(IValue.tensor) ?? .none] + generalArguments(p)
        guard let out = try Dispatcher.shared.call(convolutionOp, args).first?.tensorValue else {
            throw EmberError(.invalidArgument, op: "convolution", "returned no tensor")
        }
        return out
    }

    static let backwardOp = EmberNN.handle("convolution_backward")
    static let convolutionOp = EmberNN.handle("convolution")

    /// The derivative of a forward operator: one convolution_backward call.
    static func forwardDerivative(_ layout: Layout) -> Derivative {
        Derivative(saves: [0, 1]) { c in
            let input = try c.input(0), weight = try c.input(1)
            let hasBias = c.inputCount > 2
            let mask = [c.needsGrad(0), c.needsGrad(1), hasBias && c.needsGrad(2)]
            let p = try layout.params(c.args)
            let outChannels = p.transposed ? weight.shape[1] * p.groups : weight.shape[0]
            let grads = try backward(c.grad(), input, weight, biasSizes: hasBias ? [outChannels] : nil, p, mask: mask)
            return zip(grads, mask).map { $1 ? $0 : nil }
        }
    }

    /// The derivative of convolution_backward. With F the (bilinear) convolution and
    /// L = ⟨ggI, gI⟩ + ⟨ggW, gW⟩ + ⟨ggB, gB⟩ = ⟨F(ggI, W) + F(x, ggW) + ggB, gO⟩:
    /// d gO = F(ggI, W, ggB) + F(x, ggW); d x = ∂ₓ⟨F(x, ggW), gO⟩; d W = ∂_W⟨F(ggI, W), gO⟩.
    static let backwardDerivative = Derivative(saves: [0, 1, 2]) { c in
        let gradOutput = try c.input(0), input = try c.input(1), weight = try c.input(2)
        let p = try Layout.general.params(Arguments(Array(c.args.values.dropFirst()), op: "convolution_backward"))
        let ggI = c.hasGrad(0) && c.outputShape(0) != [0] ? c.grad(0) : nil
        let ggW = c.hasGrad(1) && c.outputShape(1) != [0] ? c.grad(1) : nil
        let ggB = c.hasGrad(2) && c.outputShape(2) != [0] ? c.grad(2) : nil
        var dGradOutput: Tensor?
        if c.needsGrad(0) {
            if let ggI { dGradOutput = try convolution(ggI, weight, ggB, p) }
            if let ggW { dGradOutput = try dGradOutput.map { $0 + (try convolution(input, ggW, nil, p)) } ?? convolution(input, ggW, nil, p) }
            if let ggB, ggI == nil {
                var view = [Int](repeating: 1, count: gradOutput.rank)
                view[gradOutput.rank == weight.rank ? 1 : 0] = ggB.count
                let b = ggB.reshape(view).expand(gradOutput.shape)
                dGradOutput = dGradOutput.map { $0 + b } ?? b
            }
        }
        let dInput = c.needsGrad(1) && ggW != nil
            ? try backward(gradOutput, input, ggW!, biasSizes: nil, p, mask: [true, false, false])[0] : nil
        let dWeight = c.needsGrad(2) && ggI != nil
            ? try backward(gradOutput, ggI!, weight, biasSizes: nil, p, mask: [false, true, false])[1] : nil
        return [dGradOutput, dInput, dWeight]
    }
}
