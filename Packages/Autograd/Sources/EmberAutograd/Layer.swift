import EmberCore

/// The autograd layer kernels: they run the operator below themselves and, when an input
/// requires grad (and grad mode is on, which the dispatcher checks), record a backward node.
extension Autograd {
    /// The layer kernel for an operator with a derivative.
    static func differentiableKernel(_ derivative: Derivative, backwardName: String, isView: Bool) -> LayerKernel {
        let recipe = OpRecipe(derivative, backwardName: backwardName, needsLayout: layoutOperators.contains(backwardName))
        return { op, args, next in
            guard anyRequiresGrad(args.values) else { return try next(args.values) }
            let results = try next(args.values)
            let node = OpNode(recipe: recipe, forwardOp: args.op, args: args.values)
            let (fresh, outputs) = record(args, results, into: node, isView: isView, layout: recipe.needsLayout)
            if !derivative.savesInputs.isEmpty || !derivative.savesOutputs.isEmpty {
                node.saved = derivative.savesInputs.map { i in args.values[i].tensorValue.map(SavedTensor.init(input:)) }
                    + derivative.savesOutputs.map { Optional(SavedTensor(output: outputs[$0], nr: $0)) }
            }
            return fresh
        }
    }

    /// Connects the `results` of a call with `args` to `node`: gives the node an edge and the
    /// geometry of each tensor input and the geometry of each output, and makes the outputs
    /// (fresh aliases where an operator returned an input) the node's outputs. Returns the
    /// results to hand back and the tensor outputs.
    static func record(_ args: Arguments, _ results: [IValue], into node: Node, isView: Bool = false,
                       layout: Bool = false) -> ([IValue], Outputs) {
        var viewSource: Tensor?
        for v in args.values {
            switch v {
            case .tensor(let t):
                if isView && viewSource == nil { viewSource = t }
                node.addInput(t, layout: layout)
            case .tensors(let ts):
                for t in ts { node.addInput(t, layout: layout) }
            default: break
            }
        }
        var results = results
        let outputs = freshOutputs(&results, args)
        node.outputCount = outputs.count
        for nr in 0..<outputs.count {
            let t = outputs[nr]
            node.outputGeometry.append(TensorGeometry(t))
            guard t.dtype.isFloatingPoint else { continue }
            let meta = AutogradMeta(requiresGrad: true, gradFn: node, outputNr: nr)
            if let source = viewSource, t.storage === source.storage {
                meta.view = ViewInfo(t, of: source)
            }
            t.attach(meta)
        }
        return (results, outputs)
    }

    /// The tensor outputs among `results`, each replaced by a fresh alias where the operator
    /// returned one of its inputs (so that the input keeps its own history).
    private static func freshOutputs(_ results: inout [IValue], _ args: Arguments) -> Outputs {
        if results.count == 1, case .tensor(let t) = results[0] {
            let out = isInput(t, args) ? t.plainAlias() : t
            if out !== t { results[0] = .tensor(out) }
            return .one(out)
        }
        var list: [Tensor] = []
        for (i, v) in results.enumerated() {
            switch v {
            case .tensor(let t):
                let out = isInput(t, args) ? t.plainAlias() : t
                if out !== t { results[i] = .tensor(out) }
                list.append(out)
            case .tensors(let ts):
                let fresh = ts.map { t in isInput(t, args) ? t.plainAlias() : t }
                results[i] = .tensors(fresh)
                list.append(contentsOf: fresh)
            default: break
            }
        }
        return .many(list)
    }

    /// A call's tensor results, without an array for the common single result.
    enum Outputs {
        case one(Tensor)
        case many([Tensor])

        var count: Int {
            switch self {
            case .one: return 1
            case .many(let ts): return ts.count
            }
        }

        subscript(i: Int) -> Tensor {
            switch self {
            case .one(let t): return t
            case .many(let ts): return ts[i]
            }
        }
    }

    /// The backward nodes whose derivative reads the storage layout of its inputs.
    static let layoutOperators: Set<String> = ["AsStridedBackward0"]

    /// Whether `t` is one of the call's tensor arguments (an operator that returns its input).
    private static func isInput(_ t: Tensor, _ args: Arguments) -> Bool {
        args.values.contains { v in
            if case .tensor(let x) = v { return x === t }
            if case .tensors(let xs) = v { return xs.contains { $0 === t } }
            return false
        }
    }

    /// Whether a tensor among `values` takes part in differentiation.
    @inline(__always)
    static func anyRequiresGrad(_ values: [IValue]) -> Bool {
        for i in values.indices {
            switch values[i] {
            case .tensor(let t): if t._requiresGrad { return true }
            case .tensors(let ts): if ts.contains(where: \._requiresGrad) { return true }
            default: continue
            }
        }
        return false
    }

    /// The fallback for operators without a derivative: non-floating outputs never require
    /// grad; floating outputs of inputs that require grad get a node whose backward is an
    /// error naming the operator.
    static let fallbackKernel: LayerKernel = { op, args, next in
        guard anyRequiresGrad(args.values) else { return try next(args.values) }
        let inPlace = args.op.hasSuffix("_")
        if inPlace, let target = args.values.first?.tensorValue { try checkInPlace(target) }
        let results = try next(args.values)
        let floating = results.contains { v in
            if case .tensor(let t) = v { return t.dtype.isFloatingPoint }
            if case .tensors(let ts) = v { return ts.contains { $0.dtype.isFloatingPoint } }
            return false
        }
        guard floating else { return results }
        if inPlace, let target = args.values.first?.tensorValue {
            let node = NotImplementedNode(name: Node.backwardName(args.op), forwardOp: args.op,
                nextEdges: SmallList(args.values.compactMap(\.tensorValue).map { $0.gradientEdge() }), outputCount: 1)
            rebase(target, onto: AutogradMeta(requiresGrad: true, gradFn: node, outputNr: 0))
            return results
        }
        let node = NotImplementedNode(name: Node.backwardName(args.op), forwardOp: args.op)
        return record(args, results, into: node).0
    }
}

extension Node {
    /// Adds a tensor input: its edge (none for integer tensors), geometry, and layout when
    /// the derivative reads it.
    func addInput(_ t: Tensor, layout: Bool) {
        nextEdges.append(t.dtype.isFloatingPoint ? t.gradientEdge() : nil)
        inputGeometry.append(TensorGeometry(t))
        if layout { layouts.append(StorageLayout(t)) }
    }
}
