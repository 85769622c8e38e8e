import EmberCore

extension DerivativeTable {
    /// Joining, gathering, scattering and reordering.
    static func indexing(_ t: inout [String: Derivative]) {
        t["cat"] = Derivative { c in
            let dim0 = try c.args.int(1), g = c.grad()
            let dim = dim0 < 0 ? dim0 + g.rank : dim0
            var offset = 0
            return (0..<c.inputCount).map { i in
                let shape = c.inputShape(i)
                if shape == [0] && g.rank != 1 { return nil }
                defer { offset += shape[dim] }
                return g.narrow(dim: dim, start: offset, length: shape[dim])
            }
        }
        t["stack"] = Derivative { c in
            let dim0 = try c.args.int(1), g = c.grad()
            let dim = dim0 < 0 ? dim0 + g.rank : dim0
            return (0..<c.inputCount).map { g.select(dim: dim, index: $0) }
        }
        t["index_select"] = Derivative(saves: [2]) { c in
            let dim = try c.args.int(1), index = try c.input(2), g = c.grad(), shape = c.inputShape(0)
            let d = dim < 0 ? dim + shape.count : dim
            var view = [Int](repeating: 1, count: g.rank)
            if g.rank > 0 { view[d] = index.count }
            let idx = g.rank == 0 ? index.reshape([]) : index.reshape(view).expand(g.shape)
            return [Autograd.zeros(shape, dtype: g.dtype).scatterAdd(dim: dim, index: idx, src: g), nil]
        }
        t["gather"] = Derivative(saves: [2]) { c in
            let dim = try c.args.int(1), index = try c.input(2), g = c.grad()
            return [Autograd.zeros(c.inputShape(0), dtype: g.dtype).scatterAdd(dim: dim, index: index, src: g), nil]
        }
        t["masked_fill"] = Derivative(saves: [1]) { c in
            let mask = try c.input(1), g = c.grad()
            return [g.maskedFill(mask, 0), nil, c.needsGrad(2) ? g.maskedFill(mask.logicalNot(), 0).sum() : nil]
        }
        t["masked_select"] = Derivative(saves: [1]) { c in
            let mask = try c.input(1), g = c.grad()
            let shape = broadcastShape(c.inputShape(0), mask.shape), n = shape.reduce(1, *)
            let positions = Tensor((0..<Int64(n)).map { $0 }, shape: shape).maskedSelect(mask)
            return [Autograd.zeros([n], dtype: g.dtype).scatterAdd(dim: 0, index: positions, src: g).reshape(shape), nil]
        }
        t["scatter"] = Derivative(saves: [2]) { c in
            let dim = try c.args.int(1), index = try c.input(2), g = c.grad()
            let zeros = Autograd.zeros(index.shape, dtype: g.dtype)
            return [g.scatter(dim: dim, index: index, src: zeros), nil, c.needsGrad(2) ? g.gather(dim: dim, index: index) : nil]
        }
        t["scatter_add"] = Derivative(saves: [2]) { c in
            let dim = try c.args.int(1), index = try c.input(2), g = c.grad()
            return [g, nil, c.needsGrad(2) ? g.gather(dim: dim, index: index) : nil]
        }
        for name in ["sort", "topk"] {
            t[name] = Derivative(outputs: [1]) { c in
                let dim = try c.args.int(name == "sort" ? 1 : 2), idx = try c.output(1), g = c.grad(0)
                return [Autograd.zeros(c.inputShape(0), dtype: g.dtype).scatter(dim: dim, index: idx, src: g)]
            }
        }
        t["flip"] = Derivative { c in [c.grad().flip(try c.args.ints(1))] }
        t["roll"] = Derivative { c in [c.grad().roll(try c.args.ints(1).map { -$0 }, dims: try c.args.ints(2))] }
        t["repeat"] = Derivative { c in
            let repeats = try c.args.ints(1), g = c.grad()
            var shape = c.inputShape(0)
            shape = Array(repeating: 1, count: repeats.count - shape.count) + shape
            var split: [Int] = [], sumDims: [Int] = []
            for (i, (r, s)) in zip(repeats, shape).enumerated() {
                split += [r, s]
                sumDims.append(2 * i)
            }
            return [g.reshape(split).sum(dims: sumDims).reshape(c.inputShape(0))]
        }
    }

    /// The broadcast of two shapes (they are known to be compatible).
    static func broadcastShape(_ a: [Int], _ b: [Int]) -> [Int] {
        let n = Swift.max(a.count, b.count)
        let pa = Array(repeating: 1, count: n - a.count) + a, pb = Array(repeating: 1, count: n - b.count) + b
        return zip(pa, pb).map { Swift.max($0, $1) }
    }
}
