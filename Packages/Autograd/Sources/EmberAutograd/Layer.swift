import EmberCore

/// The autograd layer kernels: they run the operator below themselves and, when an input
/// requires grad (and grad mode is on, which the dispatcher checks), record a backward node.
extension Autograd {
    /// The layer kernel for an operator with a derivative.
    static func differentiableKernel(_ derivative: Derivative, backwardName: String, isView: Bool) -> LayerKernel {
        let recipe = OpRecipe(derivative, backwardName: backwardName, needsLayout: layoutOperators.contains(backwardName))
        return { op, args, next in
            var needs = false
            for v in args.values {
                switch v {
                case .tensor(let t): if t._requiresGrad { needs = true }
                case .tensors(let ts): if ts.contains(where: \._requiresGrad) { needs = true }
                default: break
                }
            }
            guard needs else { return try next(args.values) }
            let results = try next(args.values)
            return record(args, results, op: op, isView: isView, layout: recipe.needsLayout) { edges, geometry, stored, outputs in
                let node = OpNode(recipe: recipe, forwardOp: args.op, edges: edges,
                                  geometry: geometry, args: stored, outputCount: outputs.count)
                node.saved = derivative.savesInputs.map { i in args.values[i].tensorValue.map(SavedTensor.init(input:)) }
                    + derivative.savesOutputs.map { Optional(SavedTensor(output: outputs[$0], nr: $0)) }
                return node
            }
        }
    }

    /// Connects `results` of a call with `args` to a new node made by `makeNode` (given the
    /// input edges, the input then output geometry, the non-tensor arguments and the outputs).
    static func record(_ args: Arguments, _ results: [IValue], op: OperatorHandle? = nil, isView: Bool = false,
                       layout: Bool = false, makeNode: ([Edge?], [TensorGeometry], StoredArguments, Outputs) -> Node) -> [IValue] {
        var edges: [Edge?] = []
        edges.reserveCapacity(args.values.count)
        var geometry: [TensorGeometry] = []
        geometry.reserveCapacity(args.values.count + results.count)
        var viewSource: Tensor?
        for v in args.values {
            switch v {
            case .tensor(let t):
                if isView && viewSource == nil { viewSource = t }
                edges.append(t.dtype.isFloatingPoint ? t.gradientEdge() : nil)
                geometry.append(TensorGeometry(t, layout: layout))
            case .tensors(let ts):
                for t in ts {
                    edges.append(t.dtype.isFloatingPoint ? t.gradientEdge() : nil)
                    geometry.append(TensorGeometry(t, layout: layout))
                }
            default: break
            }
        }
        var results = results
        let outputs: Outputs
        if results.count == 1, case .tensor(let t) = results[0] {
            let out = isInput(t, args) ? t.plainAlias() : t
            if out !== t { results[0] = .tensor(out) }
            outputs = .one(out)
        } else {
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
            outputs = .many(list)
        }
        for nr in 0..<outputs.count { geometry.append(TensorGeometry(outputs[nr])) }
        let node = makeNode(edges, geometry, StoredArguments(args.values), outputs)
        for nr in 0..<outputs.count {
            let t = outputs[nr]
            guard t.dtype.isFloatingPoint else { continue }
            let meta = AutogradMeta(requiresGrad: true, gradFn: node, outputNr: nr)
            if let source = viewSource, t.storage === source.storage {
                meta.view = ViewInfo(t, of: source)
            }
            t.attach(meta)
        }
        return results
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

    /// The fallback for operators without a derivative: non-floating outputs never require
    /// grad; floating outputs of inputs that require grad get a node whose backward is an
    /// error naming the operator.
    static let fallbackKernel: LayerKernel = { op, args, next in
        let needs = args.values.contains { v in
            if case .tensor(let t) = v { return t._requiresGrad }
            if case .tensors(let ts) = v { return ts.contains(where: \._requiresGrad) }
            return false
        }
        guard needs else { return try next(args.values) }
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
                nextEdges: args.values.compactMap(\.tensorValue).map { $0.gradientEdge() }, outputCount: 1)
            rebase(target, onto: AutogradMeta(requiresGrad: true, gradFn: node, outputNr: 0))
            return results
        }
        return record(args, results) { edges, _, _, outputs in
            NotImplementedNode(name: Node.backwardName(args.op), forwardOp: args.op, nextEdges: edges, outputCount: outputs.count)
        }
    }
}
