import EmberCore

/// A differentiable function written by the user (PyTorch's `torch.autograd.Function`):
/// `forward` runs without recording, `backward` maps output gradients to input gradients.
///
/// ```swift
/// struct Cube: DifferentiableFunction {
///     static func forward(_ ctx: FunctionContext, _ x: [Tensor]) throws -> [Tensor] {
///         ctx.saveForBackward(x[0]); return [x[0] * x[0] * x[0]]
///     }
///     static func backward(_ ctx: FunctionContext, _ g: [Tensor]) throws -> [Tensor?] {
///         let x = try ctx.savedTensors()[0]; return [g[0] * x * x * Scalar.double(3)]
///     }
/// }
/// let y = try Cube.apply(x)[0]
/// ```
public protocol DifferentiableFunction {
    /// Computes the outputs (grad mode is off inside).
    static func forward(_ ctx: FunctionContext, _ inputs: [Tensor]) throws -> [Tensor]
    /// Computes one gradient per input (`nil` for none) from one gradient per output.
    static func backward(_ ctx: FunctionContext, _ gradOutputs: [Tensor]) throws -> [Tensor?]
}

/// What `forward` leaves for `backward`: saved tensors (checked for in-place changes) and
/// any other values.
public final class FunctionContext: @unchecked Sendable {
    var saved: [SavedTensor] = []
    var released = false
    weak var node: Node?
    /// Values other than tensors that backward needs.
    public var values: [String: Double] = [:]
    /// Whether each input needs a gradient.
    public internal(set) var needsInputGrad: [Bool] = []

    /// Saves tensors for backward (`ctx.save_for_backward`).
    public func saveForBackward(_ tensors: Tensor...) { saved += tensors.map(SavedTensor.init(input:)) }

    /// The saved tensors, checked against in-place modification.
    public func savedTensors() throws -> [Tensor] {
        if released { throw AutogradError.freedGraph }
        guard let node else { return saved.map(\.tensor) }
        return try saved.map { try $0.unpack(node) }
    }
}

extension DifferentiableFunction {
    /// Runs `forward` and, when an input requires grad and grad mode is on, records a node
    /// whose backward calls `backward`.
    public static func apply(_ inputs: Tensor...) throws -> [Tensor] { try apply(inputs) }

    /// Runs the function on an array of inputs.
    public static func apply(_ inputs: [Tensor]) throws -> [Tensor] {
        Autograd.ensureInstalled()
        let ctx = FunctionContext()
        ctx.needsInputGrad = inputs.map(\.requiresGrad)
        let outputs = try noGrad { try forward(ctx, inputs) }
        guard Autograd.isGradEnabled, ctx.needsInputGrad.contains(true) else { return outputs }
        let fresh = outputs.map { o in inputs.contains { $0 === o } ? o.detach() : o }
        let node = FunctionNode(name: "\(Self.self)Backward", forwardOp: "\(Self.self)",
                                nextEdges: SmallList(inputs.map { $0.gradientEdge() }), outputCount: fresh.count)
        node.ctx = ctx
        node.shapes = fresh.map { ($0.shape, $0.dtype) }
        node.body = { ctx, grads in try backward(ctx, grads) }
        ctx.node = node
        for (nr, o) in fresh.enumerated() where o.dtype.isFloatingPoint {
            o.attach(AutogradMeta(requiresGrad: true, gradFn: node, outputNr: nr))
        }
        return fresh
    }
}

/// The backward node of a ``DifferentiableFunction``.
final class FunctionNode: Node, @unchecked Sendable {
    var ctx: FunctionContext?
    var shapes: [([Int], DType)] = []
    var body: (FunctionContext, [Tensor]) throws -> [Tensor?] = { _, _ in [] }

    override func apply(_ grads: [Tensor?], createGraph: Bool) throws -> [Tensor?] {
        guard let ctx else { throw AutogradError.freedGraph }
        let full = grads.enumerated().map { i, g in g ?? Autograd.zeros(shapes[i].0, dtype: shapes[i].1) }
        var result = try body(ctx, full)
        if result.count < nextEdges.count { result += Array(repeating: nil, count: nextEdges.count - result.count) }
        return result
    }

    override func release() { ctx?.released = true; ctx?.saved = [] }
}
