import EmberCore
import Synchronization

/// Where a gradient goes: input `inputNr` of backward node `node` (the forward output
/// number of the tensor the gradient is for).
struct Edge {
    /// A `var` only so that teardown can test it for uniqueness in place.
    var node: Node
    let inputNr: Int
}

/// A node of the backward graph (PyTorch's `torch.autograd.graph.Node`): it receives the
/// gradients of its forward outputs and produces those of its forward inputs, which flow
/// along `nextEdges`.
public class Node: @unchecked Sendable, CustomStringConvertible {
    /// The readable name, such as `MulBackward0`.
    public let name: String
    /// The forward operator that created the node (for anomaly reports).
    public let forwardOp: String
    /// One edge per forward input slot; `nil` where that input does not require grad.
    @exclusivity(unchecked) var nextEdges: SmallList<Edge?>
    /// Hooks on the gradients this node receives, by forward output number.
    @exclusivity(unchecked) var preHooks: [(Int, @Sendable (Tensor) -> Tensor?)] = []
    /// The number of forward outputs (gradient slots this node receives).
    @exclusivity(unchecked) var outputCount: Int
    /// Shapes and dtypes of the forward call's tensor inputs, by input slot.
    @exclusivity(unchecked) var inputGeometry = SmallList<TensorGeometry>()
    /// Shapes and dtypes of the forward call's outputs.
    @exclusivity(unchecked) var outputGeometry = SmallList<TensorGeometry>()
    /// The tensor inputs' storage layouts, kept when the derivative reads them.
    @exclusivity(unchecked) var layouts: [StorageLayout] = []

    init(name: String, forwardOp: String, nextEdges: SmallList<Edge?> = [], outputCount: Int = 0) {
        self.name = name
        self.forwardOp = forwardOp
        self.nextEdges = nextEdges
        self.outputCount = outputCount
    }

    /// Dismantles long chains iteratively: a node whose last owner is this one is emptied
    /// here instead of in its own deinit, so freeing a 100 000-node graph does not recurse.
    deinit {
        guard ownsAnotherNode() else { return }  // the common case: plain member teardown
        var stack: [Node] = []  // allocates only when a node would die with this one
        var edges = nextEdges
        nextEdges = SmallList()
        for i in edges.indices {
            guard var n = edges[i]?.node else { continue }
            edges[i] = nil
            if isKnownUniquelyReferenced(&n) { stack.append(n) }
        }
        stack += takeSavedHistory()
        while var n = stack.popLast() {
            guard isKnownUniquelyReferenced(&n) else { continue }
            for case let e? in n.nextEdges { stack.append(e.node) }
            n.nextEdges = SmallList()
            stack += n.takeSavedHistory()
        }
    }

    /// Whether freeing this node may free other nodes: an edge holds the last reference to its
    /// node, or the node keeps saved tensors (whose histories it may own). Tested in place,
    /// without retaining anything.
    private func ownsAnotherNode() -> Bool {
        if hasSavedTensors { return true }
        for i in nextEdges.indices {
            let unique = nextEdges.withElement(i) { e in e == nil ? false : isKnownUniquelyReferenced(&e!.node) }
            if unique { return true }
        }
        return false
    }

    /// Whether the node holds saved tensors.
    var hasSavedTensors: Bool { false }

    /// Detaches saved tensors that only this node owns from their producers, returning
    /// those producers.
    func takeSavedHistory() -> [Node] { [] }

    /// Computes the gradients of the forward inputs from those of the outputs (`nil` for
    /// an undefined gradient).
    func apply(_ grads: [Tensor?], createGraph: Bool) throws -> [Tensor?] { [] }

    /// Frees what the node saved for backward.
    func release() {}

    /// Runs the tensor hooks registered for the gradients this node receives.
    func runPreHooks(_ grads: inout [Tensor?]) {
        for (nr, hook) in preHooks where nr < grads.count {
            if let g = grads[nr], let replaced = hook(g) { grads[nr] = replaced }
        }
    }

    public var description: String { "<\(name)>" }

    /// The PyTorch-style name for the backward of `op` (`log_softmax` → `LogSoftmaxBackward0`).
    static func backwardName(_ op: String) -> String {
        let unqualified = op.split(separator: ":").last.map(String.init) ?? op
        let base = unqualified.split(separator: ".").first.map(String.init) ?? unqualified
        let words = base.split(separator: "_").map { $0.prefix(1).uppercased() + $0.dropFirst() }
        let overload = op.contains(".") || !multiOverload.contains(base) ? 0 : 1
        return words.joined() + "Backward\(overload)"
    }

    /// Names with a `.dim` overload: the plain form is PyTorch's `Backward1`.
    private static let multiOverload: Set<String> = ["max", "min"]
}

/// A tensor saved for backward with the version it had, so that a later in-place change
/// is detected (PyTorch's `SavedVariable`).
struct SavedTensor {
    let tensor: Tensor
    let version: Int
    /// The output number when the tensor is an output of the node that saved it.
    let outputNr: Int?

    init(input t: Tensor) {
        tensor = t
        version = t.version
        outputNr = nil
    }

    init(output t: Tensor, nr: Int) {
        tensor = t.plainAlias()
        version = t.version
        outputNr = nr
    }

    /// The tensor, checked against in-place modification; a saved output is reconnected
    /// to `node` so that double backward flows through it.
    func unpack(_ node: Node) throws -> Tensor {
        if tensor.version != version {
            let origin: String
            if let nr = outputNr {
                origin = ", which is output \(nr) of \(node.name),"
            } else if let fn = tensor.meta?.gradFn {
                origin = ", which is output \(tensor.meta!.outputNr) of \(fn.name),"
            } else {
                origin = ""
            }
            throw AutogradError.modifiedInPlace(
                "one of the variables needed for gradient computation has been modified by an inplace operation: "
                + "[torch.\(tensor.dtype.scalarTypeName)Tensor \(tensor.shape)]\(origin) is at version \(tensor.version); "
                + "expected version \(version) instead. Hint: enable anomaly detection to find the operation that "
                + "failed to compute its gradient, with Autograd.detectAnomaly { }.")
        }
        guard let nr = outputNr, tensor.dtype.isFloatingPoint else { return tensor }
        let t = tensor.plainAlias()
        t.attach(AutogradMeta(requiresGrad: true, gradFn: node, outputNr: nr))
        return t
    }
}

/// The node that adds a leaf's incoming gradient into its `.grad`. It refers to the leaf's
/// metadata without owning it (no weak reference, so the leaf's reference counting stays
/// on the fast path); the metadata marks it dead when the leaf goes away.
final class AccumulateGrad: Node, @unchecked Sendable {
    unowned let meta: AutogradMeta
    var alive = true
    /// Serialises accumulation, so that backward passes on several threads may share leaves.
    static let lock = Mutex(())

    init(meta: AutogradMeta) {
        self.meta = meta
        super.init(name: "AccumulateGrad", forwardOp: "leaf", nextEdges: SmallList(), outputCount: 1)
    }

    override func runPreHooks(_ grads: inout [Tensor?]) {
        super.runPreHooks(&grads)
        guard alive, var g = grads[0] else { return }
        for hook in meta.hooks { if let r = hook(g) { g = r } }
        grads[0] = g
    }

    override func apply(_ grads: [Tensor?], createGraph: Bool) throws -> [Tensor?] {
        guard alive, let g = grads[0] else { return [] }
        let m = meta
        // A fresh contiguous buffer: gradients flowing here may be broadcast views or shared
        // with other leaves (add passes one tensor to both operands), and optimizers update
        // `.grad` in place.
        let incoming = createGraph ? g.clone() : DispatchKeySet.excluding(.autograd) { g.clone() }
        AccumulateGrad.lock.withLock { _ in
            if let old = m.grad {
                m.grad = createGraph ? old.add(incoming) : DispatchKeySet.excluding(.autograd) { old.add(incoming) }
            } else {
                m.grad = incoming
            }
        }
        return []
    }
}

/// A node for an operator without a derivative: backward through it is an error naming it.
final class NotImplementedNode: Node, @unchecked Sendable {
    override func apply(_ grads: [Tensor?], createGraph: Bool) throws -> [Tensor?] {
        throw AutogradError.notImplemented("the derivative for '\(forwardOp)' is not implemented")
    }
}
