import EmberCore

extension DerivativeTable {
    /// Reductions, scans and softmax.
    static func reductions(_ t: inout [String: Derivative]) {
        t["sum"] = Derivative { c in
            let dims = try c.args.optionalInts(1), keep = try c.args.bool(2)
            return [c.keepdimGrad(c.grad(), inputShape: c.inputShape(0), dims: dims, keepdim: keep).expand(c.inputShape(0))]
        }
        t["mean"] = Derivative { c in
            let dims = try c.args.optionalInts(1), keep = try c.args.bool(2), shape = c.inputShape(0)
            let n = shape.reduce(1, *) / Swift.max(c.outputShape(0).reduce(1, *), 1)
            return [c.keepdimGrad(c.grad(), inputShape: shape, dims: dims, keepdim: keep).scaled(1 / Double(n)).expand(shape)]
        }
        for name in ["amax", "amin"] {
            t[name] = Derivative(saves: [0], outputs: [0]) { c in
                try [selectExtremum(c, dims: try c.args.ints(1), keepdim: try c.args.bool(2))]
            }
        }
        for name in ["max", "min"] {
            t[name] = Derivative(saves: [0], outputs: [0]) { c in [try selectExtremum(c, dims: nil, keepdim: false)] }
            t[name + ".dim"] = Derivative(outputs: [1]) { c in
                let dim = try c.args.int(1), keep = try c.args.bool(2), shape = c.inputShape(0)
                let idx = c.keepdimGrad(try c.output(1), inputShape: shape, dims: [dim], keepdim: keep)
                let g = c.keepdimGrad(c.grad(0), inputShape: shape, dims: [dim], keepdim: keep)
                return [Autograd.zeros(shape, dtype: g.dtype).scatter(dim: dim, index: idx, src: g)]
            }
        }
        t["logsumexp"] = Derivative(saves: [0], outputs: [0]) { c in
            let dims = try c.args.ints(1), keep = try c.args.bool(2), shape = c.inputShape(0)
            let y = c.keepdimResult(try c.output(0), inputShape: shape, dims: dims, keepdim: keep)
            return [c.keepdimGrad(c.grad(), inputShape: shape, dims: dims, keepdim: keep) * (try c.input(0) - y).exp()]
        }
        t["softmax"] = Derivative(outputs: [0]) { c in
            let y = try c.output(0), g = c.grad(), dim = try c.args.int(1)
            return [y * (g - (g * y).sum(dim: dim, keepdim: true))]
        }
        t["log_softmax"] = Derivative(outputs: [0]) { c in
            let y = try c.output(0), g = c.grad(), dim = try c.args.int(1)
            return [g - y.exp() * g.sum(dim: dim, keepdim: true)]
        }
        t["cumsum"] = Derivative { c in
            let dim = try c.args.int(1)
            return [c.grad().flip([dim]).cumsum(dim: dim).flip([dim])]
        }
        t["cumprod"] = Derivative(saves: [0], outputs: [0]) { c in
            let dim = try c.args.int(1), y = try c.output(0), x = try c.input(0), g = c.grad()
            let hasZero = noGrad { x.eq(Tensor(wrapping: 0)).any().item(as: Bool.self) }
            if !hasZero { return [(g * y).flip([dim]).cumsum(dim: dim).flip([dim]) / x] }
            return [cumprodBackwardWithZeros(x, g, dim: dim)]
        }
        t["prod"] = Derivative(saves: [0]) { c in
            let dim = try c.args.optionalInt(1), keep = try c.args.bool(2), shape = c.inputShape(0)
            let x = try c.input(0)
            let g = c.keepdimGrad(c.grad(), inputShape: shape, dims: dim.map { [$0] }, keepdim: keep)
            guard let dim else {
                let flat = x.reshape([-1])
                return [g * productOfOthers(flat, dim: 0).reshape(shape)]
            }
            return [g * productOfOthers(x, dim: dim)]
        }
        t["var"] = Derivative(saves: [0]) { c in try [variance(c, std: nil)] }
        t["std"] = Derivative(saves: [0], outputs: [0]) { c in try [variance(c, std: try c.output(0))] }
        t["norm"] = Derivative(saves: [0], outputs: [0]) { c in
            let p = try c.args.optionalScalar(1)?.doubleValue ?? 2, dims = try c.args.optionalInts(2)
            let keep = try c.args.bool(3), shape = c.inputShape(0), x = try c.input(0)
            let g = c.keepdimGrad(c.grad(), inputShape: shape, dims: dims, keepdim: keep)
            let n = c.keepdimResult(try c.output(0), inputShape: shape, dims: dims, keepdim: keep)
            if p == 0 { return [Autograd.zeros(shape, dtype: x.dtype)] }
            if p == 1 { return [g * x.sign()] }
            if p.isInfinite {
                let hit = x.abs().eq(n).to(x.dtype)
                let all = (dims?.isEmpty ?? true) ? Array(0..<shape.count) : dims!
                let count = all.isEmpty ? hit : hit.sum(dims: all, keepdim: true)
                return [g * x.sign() * hit / count]
            }
            if p == 2 { return [(g * x / n).maskedFill(n.eq(Tensor(wrapping: 0)), 0)] }
            let num = x * x.abs().pow(Scalar.double(p - 2))
            return [(g * num / n.pow(Scalar.double(p - 1))).maskedFill(n.eq(Tensor(wrapping: 0)), 0)]
        }
    }

    /// For each element, the product of the other elements along `dim` (exclusive products
    /// from both ends, so zeros need no division).
    static func productOfOthers(_ x: Tensor, dim: Int) -> Tensor {
        let d = dim < 0 ? dim + x.rank : dim
        guard x.rank > 0, x.shape[d] > 1 else { return Autograd.full(x.shape, 1, dtype: x.dtype).contiguous() }
        let n = x.shape[d]
        func exclusive(_ t: Tensor) -> Tensor {
            let ones = Autograd.full(t.shape.enumerated().map { $0.offset == d ? 1 : $0.element }, 1, dtype: t.dtype)
            return Tensor.cat([ones, t.cumprod(dim: d).narrow(dim: d, start: 0, length: n - 1)], dim: d)
        }
        return exclusive(x) * exclusive(x.flip([d])).flip([d])
    }

    /// cumprod's gradient without division: `E_k * S_k` with `E` the exclusive cumulative
    /// product and `S_k = g_k + x_{k+1} S_{k+1}` (one small step per position along `dim`).
    static func cumprodBackwardWithZeros(_ x: Tensor, _ g: Tensor, dim: Int) -> Tensor {
        let d = dim < 0 ? dim + x.rank : dim
        let n = x.rank == 0 ? 1 : x.shape[d]
        guard x.rank > 0, n > 1 else { return g }
        func at(_ t: Tensor, _ k: Int) -> Tensor { t.narrow(dim: d, start: k, length: 1) }
        var sums = [at(g, n - 1)]
        for k in stride(from: n - 2, through: 0, by: -1) { sums.append(at(g, k) + at(x, k + 1) * sums.last!) }
        let s = Tensor.cat(sums.reversed(), dim: d)
        let ones = Autograd.full(x.shape.enumerated().map { $0.offset == d ? 1 : $0.element }, 1, dtype: x.dtype)
        let exclusive = Tensor.cat([ones, x.cumprod(dim: d).narrow(dim: d, start: 0, length: n - 1)], dim: d)
        return exclusive * s
    }

    /// amax/amin/max/min: the gradient spread evenly over the elements equal to the result.
    private static func selectExtremum(_ c: BackwardContext, dims: [Int]?, keepdim: Bool) throws -> Tensor {
        let shape = c.inputShape(0), x = try c.input(0)
        let y = c.keepdimResult(try c.output(0), inputShape: shape, dims: dims, keepdim: keepdim)
        let mask = x.eq(y).to(x.dtype)
        let all = (dims?.isEmpty ?? true) ? Array(0..<shape.count) : dims!
        let count = all.isEmpty ? mask : mask.sum(dims: all, keepdim: true)
        return c.keepdimGrad(c.grad(), inputShape: shape, dims: dims, keepdim: keepdim) * mask / count
    }

    /// var/std: `2 (x - mean) / (N - correction)` times the gradient (divided by `2 std` for std).
    private static func variance(_ c: BackwardContext, std: Tensor?) throws -> Tensor {
        let dims = try c.args.optionalInts(1), correction = try c.args.optionalScalar(2)?.doubleValue ?? 1
        let keep = try c.args.bool(3), shape = c.inputShape(0), x = try c.input(0)
        let all = (dims?.isEmpty ?? true) ? Array(0..<shape.count) : dims!
        let n = all.reduce(1) { $0 * shape[$1 < 0 ? $1 + shape.count : $1] }
        let g = c.keepdimGrad(c.grad(), inputShape: shape, dims: dims, keepdim: keep)
        let centred = x - x.mean(dims: all, keepdim: true)
        let dvar = (g * centred).scaled(2 / (Double(n) - correction))
        guard let std else { return dvar }
        return dvar / c.keepdimResult(std, inputShape: shape, dims: dims, keepdim: keep).scaled(2)
    }
}
