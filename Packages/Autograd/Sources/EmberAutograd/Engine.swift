import EmberCore

/// The backward engine: finds the nodes reachable from the roots, counts each node's
/// incoming edges, and runs a node once all its gradients have arrived. Iterative
/// throughout, so a chain of any length backpropagates without deep recursion.
enum Engine {
    /// Runs backward from `roots` (edge and gradient). With `captures`, returns the
    /// gradients arriving at those edges and leaves `.grad` untouched (`autograd.grad`);
    /// otherwise accumulates into leaves.
    static func run(roots: [(Edge, Tensor)], captures: [Edge]?, keepGraph: Bool, createGraph: Bool) throws -> [Tensor?] {
        var deps: [ObjectIdentifier: Int] = [:]
        var order: [Node] = []  // discovery order
        discover(roots.map(\.0.node), deps: &deps, order: &order)
        let needed = captures.map { neededNodes(order, deps: deps, roots: roots.map(\.0.node), captures: $0) }
        var buffers: [ObjectIdentifier: [Tensor?]] = [:]
        for (edge, g) in roots { try add(g, to: edge, buffers: &buffers) }
        var ready = Set(roots.map { ObjectIdentifier($0.0.node) }).compactMap { id in
            deps[id, default: 0] == 0 ? order.first { ObjectIdentifier($0) == id } : nil
        }
        var captured = [Tensor?](repeating: nil, count: captures?.count ?? 0)
        let body = {
            while let node = ready.popLast() {
                let id = ObjectIdentifier(node)
                var grads = buffers.removeValue(forKey: id) ?? Array(repeating: nil, count: node.outputCount)
                node.runPreHooks(&grads)
                if let captures {
                    for (k, e) in captures.enumerated() where e.node === node { captured[k] = grads[e.inputNr] }
                    if node is AccumulateGrad || needed?.contains(id) != true { continue }
                }
                let inputs: [Tensor?]
                if grads.allSatisfy({ $0 == nil }) {
                    inputs = Array(repeating: nil, count: node.nextEdges.count)
                } else {
                    inputs = try node.apply(grads, createGraph: createGraph)
                    if Autograd.isAnomalyDetectionEnabled { try checkAnomaly(node, inputs) }
                }
                if !keepGraph { node.release() }
                for (i, edge) in node.nextEdges.enumerated() {
                    guard let edge else { continue }
                    if i < inputs.count, let g = inputs[i] { try add(g, to: edge, buffers: &buffers) }
                    let nid = ObjectIdentifier(edge.node)
                    let left = deps[nid, default: 1] - 1
                    deps[nid] = left
                    if left == 0 { ready.append(edge.node) }
                }
            }
        }
        if createGraph { try DispatchKeySet.including(.autograd, body) } else { try DispatchKeySet.excluding(.autograd, body) }
        return captured
    }

    /// Depth-first discovery with an explicit stack; counts incoming edges per node.
    private static func discover(_ roots: [Node], deps: inout [ObjectIdentifier: Int], order: inout [Node]) {
        var seen = Set<ObjectIdentifier>()
        var stack: [Node] = []
        for r in roots where seen.insert(ObjectIdentifier(r)).inserted { stack.append(r); order.append(r) }
        while let node = stack.popLast() {
            for case let edge? in node.nextEdges {
                let id = ObjectIdentifier(edge.node)
                deps[id, default: 0] += 1
                if seen.insert(id).inserted { stack.append(edge.node); order.append(edge.node) }
            }
        }
    }

    /// The nodes from which a captured edge is reachable (only they need to run), found in
    /// one pass over a topological order (Kahn's algorithm on the dependency counts).
    private static func neededNodes(_ order: [Node], deps: [ObjectIdentifier: Int], roots: [Node],
                                    captures: [Edge]) -> Set<ObjectIdentifier> {
        var remaining = deps
        var queue = roots.filter { remaining[ObjectIdentifier($0), default: 0] == 0 }
        var seen = Set(queue.map(ObjectIdentifier.init))
        var topological: [Node] = []
        while let node = queue.popLast() {
            topological.append(node)
            for case let edge? in node.nextEdges {
                let id = ObjectIdentifier(edge.node)
                let left = remaining[id, default: 1] - 1
                remaining[id] = left
                if left == 0, seen.insert(id).inserted { queue.append(edge.node) }
            }
        }
        var needed = Set(captures.map { ObjectIdentifier($0.node) })
        for node in topological.reversed() where !needed.contains(ObjectIdentifier(node)) {
            if node.nextEdges.contains(where: { $0.map { needed.contains(ObjectIdentifier($0.node)) } ?? false }) {
                needed.insert(ObjectIdentifier(node))
            }
        }
        return needed
    }

    private static func add(_ g: Tensor, to edge: Edge, buffers: inout [ObjectIdentifier: [Tensor?]]) throws {
        let id = ObjectIdentifier(edge.node)
        var slots = buffers.removeValue(forKey: id) ?? Array(repeating: nil, count: edge.node.outputCount)
        if edge.inputNr < slots.count {
            slots[edge.inputNr] = slots[edge.inputNr].map { $0.add(g) } ?? g
        }
        buffers[id] = slots
    }

    private static func checkAnomaly(_ node: Node, _ grads: [Tensor?]) throws {
        for (i, g) in grads.enumerated() {
            guard let g, g.dtype.isFloatingPoint else { continue }
            let bad = DispatchKeySet.excluding(.autograd) { g.isnan().any().item(as: Bool.self) }
            if bad {
                throw AutogradError.error("Function '\(node.name)' returned nan values in its \(i)th output. "
                    + "The forward operator that created it was '\(node.forwardOp)'.")
            }
        }
    }
}
