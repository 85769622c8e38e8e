import EmberCore

/// The derivative of one operator (a row of PyTorch's derivatives.yaml): which inputs and
/// outputs it saves, and a backward formula written with tensor operations, so that with
/// `createGraph` the gradients are themselves differentiable.
public struct Derivative: Sendable {
    /// Argument positions (schema order) of the tensor inputs the formula reads.
    public var savesInputs: [Int]
    /// Result positions of the outputs the formula reads.
    public var savesOutputs: [Int]
    /// The formula: gradients for the tensor inputs in argument order (a tensor-list
    /// argument contributes one slot per tensor); `nil` for no gradient. The engine sums
    /// each gradient to its input's shape and casts it to its input's dtype.
    public var backward: @Sendable (BackwardContext) throws -> [Tensor?]

    /// Declares a derivative.
    public init(saves inputs: [Int] = [], outputs: [Int] = [], _ backward: @escaping @Sendable (BackwardContext) throws -> [Tensor?]) {
        savesInputs = inputs
        savesOutputs = outputs
        self.backward = backward
    }
}

/// What a backward formula sees: the incoming gradients, the saved tensors and the call's
/// other arguments.
public struct BackwardContext {
    let node: OpNode
    let grads: [Tensor?]

    /// The gradient of output `i` (zeros when undefined).
    public func grad(_ i: Int = 0) -> Tensor {
        if let g = grads[i] { return g }
        return Autograd.zeros(node.output(i).shape, dtype: node.output(i).dtype)
    }
    /// Whether output `i` received a gradient.
    public func hasGrad(_ i: Int) -> Bool { grads[i] != nil }
    /// The saved tensor input at argument position `i`.
    public func input(_ i: Int) throws -> Tensor {
        guard let k = node.derivative.savesInputs.firstIndex(of: i) else {
            throw AutogradError.error("\(node.name): input \(i) was not saved")
        }
        guard let t = try saved(k) else { throw AutogradError.error("\(node.name): input \(i) was None") }
        return t
    }
    /// The saved optional tensor input at argument position `i` (`nil` when it was None).
    public func optionalInput(_ i: Int) throws -> Tensor? {
        guard let k = node.derivative.savesInputs.firstIndex(of: i) else { return nil }
        return try saved(k)
    }
    /// The saved output at result position `i`.
    public func output(_ i: Int) throws -> Tensor {
        guard let k = node.derivative.savesOutputs.firstIndex(of: i) else {
            throw AutogradError.error("\(node.name): output \(i) was not saved")
        }
        guard let t = try saved(node.derivative.savesInputs.count + k) else { throw AutogradError.freedGraph }
        return t
    }
    private func saved(_ k: Int) throws -> Tensor? {
        if node.released { throw AutogradError.freedGraph }
        return try node.saved[k]?.unpack(node)
    }
    /// The non-tensor argument at position `i` (tensors are not kept unless saved).
    public var args: Arguments { Arguments(node.args.values, op: node.forwardOp) }
    /// The shape of tensor-input slot `slot`.
    public func inputShape(_ slot: Int) -> [Int] { node.input(slot).shape }
    /// The dtype of tensor-input slot `slot`.
    public func inputDType(_ slot: Int) -> DType { node.input(slot).dtype }
    /// The storage layout of tensor-input slot `slot`: strides, offset, storage elements.
    public func inputLayout(_ slot: Int) -> (strides: [Int], offset: Int, storageCount: Int) {
        let g = node.layouts[slot]
        return (g.strides, g.storageOffset, g.storageCount)
    }
    /// The number of tensor-input slots.
    public var inputCount: Int { node.inputCount }
    /// Whether tensor-input slot `slot` needs a gradient.
    public func needsGrad(_ slot: Int) -> Bool { node.nextEdges[slot] != nil }
    /// The shape of output `i`.
    public func outputShape(_ i: Int) -> [Int] { node.output(i).shape }
}

/// The non-tensor arguments of a call, kept for backward in place (no allocation) when
/// there are at most four; tensor positions hold `.none`.
struct StoredArguments {
    private let first: IValue
    private let second: IValue
    private let third: IValue
    private let fourth: IValue
    private let overflow: [IValue]?
    private let count: Int

    init(_ values: [IValue]) {
        count = values.count
        if count > 4 {
            overflow = values.map(Self.kept)
            (first, second, third, fourth) = (.none, .none, .none, .none)
            return
        }
        overflow = nil
        first = count > 0 ? Self.kept(values[0]) : .none
        second = count > 1 ? Self.kept(values[1]) : .none
        third = count > 2 ? Self.kept(values[2]) : .none
        fourth = count > 3 ? Self.kept(values[3]) : .none
    }

    /// `v`, or `.none` for a tensor (tensors are kept only when saved).
    @inline(__always) private static func kept(_ v: IValue) -> IValue {
        switch v {
        case .tensor, .tensors: return .none
        default: return v
        }
    }

    /// The arguments in schema order.
    var values: [IValue] {
        if let overflow { return overflow }
        return Array([first, second, third, fourth].prefix(count))
    }
}

/// The shape and dtype of a forward input or output, kept for backward.
struct TensorGeometry {
    let shape: [Int]
    let dtype: DType

    init(_ t: Tensor) {
        shape = t.shape
        dtype = t.dtype
    }

    init(shape: [Int], dtype: DType) {
        self.shape = shape
        self.dtype = dtype
    }
}

/// Where a forward input lay in its storage, kept for derivatives that address storage
/// (`as_strided`).
struct StorageLayout {
    let strides: [Int]
    let storageOffset: Int
    let storageCount: Int

    init(_ t: Tensor) {
        strides = t.strides
        storageOffset = t.storageOffset
        storageCount = t.storage.byteCount / Swift.max(t.dtype.itemSize, 1)
    }
}

/// What every node of one operator shares, made once when the derivative is registered: the
/// derivative and the node name (one reference per node instead of copies of both).
final class OpRecipe: Sendable {
    let derivative: Derivative
    let backwardName: String
    /// Whether the derivative reads its inputs' storage layout (``BackwardContext/inputLayout(_:)``).
    let needsLayout: Bool

    init(_ derivative: Derivative, backwardName: String, needsLayout: Bool) {
        self.derivative = derivative
        self.backwardName = backwardName
        self.needsLayout = needsLayout
    }
}

/// The backward node of a dispatcher operator with a ``Derivative``.
final class OpNode: Node, @unchecked Sendable {
    let recipe: OpRecipe
    var derivative: Derivative { recipe.derivative }
    @exclusivity(unchecked) var saved: [SavedTensor?]
    @exclusivity(unchecked) var args: StoredArguments
    var inputCount: Int { inputGeometry.count }
    func input(_ i: Int) -> TensorGeometry { inputGeometry[i] }
    func output(_ i: Int) -> TensorGeometry { outputGeometry[i] }
    @exclusivity(unchecked) var released = false

    init(recipe: OpRecipe, forwardOp: String, args: [IValue]) {
        self.recipe = recipe
        self.saved = []
        self.args = StoredArguments(args)
        super.init(name: recipe.backwardName, forwardOp: forwardOp)
    }

    override func apply(_ grads: [Tensor?], createGraph: Bool) throws -> [Tensor?] {
        let derivative = recipe.derivative
        if released && !(derivative.savesInputs.isEmpty && derivative.savesOutputs.isEmpty) {
            throw AutogradError.freedGraph
        }
        var result = try derivative.backward(BackwardContext(node: self, grads: grads))
        if result.count < nextEdges.count { result += Array(repeating: nil, count: nextEdges.count - result.count) }
        for i in nextEdges.indices {
            guard nextEdges[i] != nil, var g = result[i] else { result[i] = nil; continue }
            let target = inputGeometry[i]
            if g.shape != target.shape { g = try Autograd.sumToSize(g, target.shape) }
            if g.dtype != target.dtype { g = g.to(target.dtype) }
            result[i] = g
        }
        return result
    }

    override var hasSavedTensors: Bool { !saved.isEmpty }

    override func takeSavedHistory() -> [Node] {
        var producers: [Node] = []
        var slots = saved
        saved = []
        for i in slots.indices {
            guard var t = slots[i]?.tensor else { continue }
            slots[i] = nil
            if isKnownUniquelyReferenced(&t), let m = t.meta, let fn = m.gradFn {
                producers.append(fn)
                m.gradFn = nil
            }
        }
        return producers
    }

    override func release() {
        released = true
        saved = []
    }
}
