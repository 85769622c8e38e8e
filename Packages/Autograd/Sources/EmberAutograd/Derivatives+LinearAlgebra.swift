import EmberCore

extension DerivativeTable {
    /// Matrix products.
    static func linearAlgebra(_ t: inout [String: Derivative]) {
        t["mm"] = Derivative(saves: [0, 1]) { c in
            let a = try c.input(0), b = try c.input(1), g = c.grad()
            return [c.needsGrad(0) ? g.mm(b.t()) : nil, c.needsGrad(1) ? a.t().mm(g) : nil]
        }
        t["bmm"] = Derivative(saves: [0, 1]) { c in
            let a = try c.input(0), b = try c.input(1), g = c.grad()
            return [c.needsGrad(0) ? g.bmm(b.transpose(1, 2)) : nil, c.needsGrad(1) ? a.transpose(1, 2).bmm(g) : nil]
        }
        t["addmm"] = Derivative(saves: [1, 2]) { c in
            let beta = try c.args.scalar(3).doubleValue, alpha = try c.args.scalar(4).doubleValue
            let a = try c.input(1), b = try c.input(2), g = c.grad()
            return [c.grad().scaled(beta), c.needsGrad(1) ? g.mm(b.t()).scaled(alpha) : nil,
                    c.needsGrad(2) ? a.t().mm(g).scaled(alpha) : nil]
        }
        t["baddbmm"] = Derivative(saves: [1, 2]) { c in
            let beta = try c.args.scalar(3).doubleValue, alpha = try c.args.scalar(4).doubleValue
            let a = try c.input(1), b = try c.input(2), g = c.grad()
            return [c.grad().scaled(beta), c.needsGrad(1) ? g.bmm(b.transpose(1, 2)).scaled(alpha) : nil,
                    c.needsGrad(2) ? a.transpose(1, 2).bmm(g).scaled(alpha) : nil]
        }
        t["dot"] = Derivative(saves: [0, 1]) { c in
            [c.grad() * (try c.input(1)), c.grad() * (try c.input(0))]
        }
        t["mv"] = Derivative(saves: [0, 1]) { c in
            let a = try c.input(0), v = try c.input(1), g = c.grad()
            return [g.outer(v), a.t().mv(g)]
        }
        t["outer"] = Derivative(saves: [0, 1]) { c in
            let a = try c.input(0), b = try c.input(1), g = c.grad()
            return [g.mv(b), g.t().mv(a)]
        }
        t["matmul"] = Derivative(saves: [0, 1]) { c in try matmulBackward(c) }
    }

    /// matmul for any ranks: vectors become matrices, batch dimensions broadcast (the engine
    /// sums the gradients back to the operands' shapes).
    private static func matmulBackward(_ c: BackwardContext) throws -> [Tensor?] {
        let a = try c.input(0), b = try c.input(1), g = c.grad()
        if a.rank == 1 && b.rank == 1 { return [g * b, g * a] }
        let a2 = a.rank == 1 ? a.unsqueeze(0) : a
        let b2 = b.rank == 1 ? b.unsqueeze(1) : b
        var g2 = g
        if a.rank == 1 { g2 = g2.unsqueeze(-2) }
        if b.rank == 1 { g2 = g2.unsqueeze(-1) }
        var da = c.needsGrad(0) ? g2.matmul(b2.transpose(-1, -2)) : nil
        var db = c.needsGrad(1) ? a2.transpose(-1, -2).matmul(g2) : nil
        if a.rank == 1 { da = da?.squeeze(dim: -2) }
        if b.rank == 1 { db = db?.squeeze(dim: -1) }
        return [da, db]
    }
}
