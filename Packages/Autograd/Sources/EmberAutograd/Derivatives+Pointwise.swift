import EmberCore

extension DerivativeTable {
    /// Binary arithmetic and selection.
    static func pointwise(_ t: inout [String: Derivative]) {
        t["add"] = Derivative { c in
            let alpha = try c.args.scalar(2).doubleValue
            return [c.grad(), c.needsGrad(1) ? c.grad().scaled(alpha) : nil]
        }
        t["sub"] = Derivative { c in
            let alpha = try c.args.scalar(2).doubleValue
            return [c.grad(), c.needsGrad(1) ? c.grad().scaled(-alpha) : nil]
        }
        t["mul"] = Derivative(saves: [0, 1]) { c in
            [c.needsGrad(0) ? c.grad() * (try c.input(1)) : nil, c.needsGrad(1) ? c.grad() * (try c.input(0)) : nil]
        }
        t["div"] = Derivative(saves: [0, 1]) { c in
            if try c.args.optionalString(2) != nil {
                return [Autograd.zeros(c.inputShape(0), dtype: c.inputDType(0)), Autograd.zeros(c.inputShape(1), dtype: c.inputDType(1))]
            }
            let a = try c.input(0), b = try c.input(1), g = c.grad()
            return [c.needsGrad(0) ? g / b : nil, c.needsGrad(1) ? (g * a / (b * b)).neg() : nil]
        }
        t["pow"] = Derivative(saves: [0, 1], outputs: [0]) { c in
            let x = try c.input(0), e = try c.input(1), g = c.grad()
            let dx = c.needsGrad(0) ? g * e * x.pow(e - Scalar.double(1)) : nil
            var de: Tensor?
            if c.needsGrad(1) {
                let y = try c.output(0)
                let zero = x.eq(Tensor(wrapping: 0)).logicalAnd(e.ge(Tensor(wrapping: 0)))
                de = (g * y * x.log()).maskedFill(zero, 0)
            }
            return [dx, de]
        }
        t["maximum"] = extremum(pick: { a, b in a.gt(b) })
        t["minimum"] = extremum(pick: { a, b in a.lt(b) })
        t["where"] = Derivative(saves: [0]) { c in
            let cond = try c.input(0), g = c.grad()
            return [nil, c.needsGrad(1) ? g.maskedFill(cond.logicalNot(), 0) : nil,
                    c.needsGrad(2) ? g.maskedFill(cond, 0) : nil]
        }
        t["clamp"] = Derivative(saves: [0, 1, 2]) { c in
            let x = try c.input(0), g = c.grad()
            let lo = try c.optionalInput(1)
            let hi = try c.optionalInput(2)
            var keep = x.eq(x)
            if let lo { keep = keep.logicalAnd(x.ge(lo)) }
            if let hi { keep = keep.logicalAnd(x.le(hi)) }
            let dlo = lo.map { g.maskedFill(x.lt($0).logicalNot(), 0) }
            let dhi = hi.map { g.maskedFill(x.gt($0).logicalNot(), 0) }
            var out: [Tensor?] = [g.maskedFill(keep.logicalNot(), 0)]
            if lo != nil { out.append(dlo) }
            if hi != nil { out.append(dhi) }
            return out
        }
        t["atan2"] = Derivative(saves: [0, 1]) { c in
            let a = try c.input(0), b = try c.input(1), g = c.grad()
            let denom = a * a + b * b
            return [g * b / denom, (g * a / denom).neg()]
        }
        t["remainder"] = Derivative(saves: [0, 1]) { c in
            let a = try c.input(0), b = try c.input(1), g = c.grad()
            return [g, c.needsGrad(1) ? (g * a.div(b, roundingMode: "floor")).neg() : nil]
        }
        t["fmod"] = Derivative(saves: [0, 1]) { c in
            let a = try c.input(0), b = try c.input(1), g = c.grad()
            return [g, c.needsGrad(1) ? (g * a.div(b, roundingMode: "trunc")).neg() : nil]
        }
    }

    /// maximum/minimum: the gradient goes to the picked operand, half to each on ties.
    private static func extremum(pick: @escaping @Sendable (Tensor, Tensor) -> Tensor) -> Derivative {
        Derivative(saves: [0, 1]) { c in
            let a = try c.input(0), b = try c.input(1), g = c.grad(), dt = g.dtype
            let tie = a.eq(b).asMask(dt).scaled(0.5)
            return [g * (pick(a, b).asMask(dt) + tie), g * (pick(b, a).asMask(dt) + tie)]
        }
    }
}

