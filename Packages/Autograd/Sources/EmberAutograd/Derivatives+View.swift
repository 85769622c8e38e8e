import EmberCore

extension DerivativeTable {
    /// View and copy operators.
    static func views(_ t: inout [String: Derivative]) {
        let reshapeBack = Derivative { c in [c.grad().reshape(c.inputShape(0))] }
        for name in ["view", "reshape", "squeeze", "unsqueeze", "flatten", "unflatten"] { t[name] = reshapeBack }
        let identity = Derivative { c in [c.grad()] }
        for name in ["alias", "clone", "contiguous", "_to_copy", "expand"] { t[name] = identity }
        t["expand_as"] = Derivative { c in [c.grad(), nil] }
        t["transpose"] = Derivative { c in [c.grad().transpose(try c.args.int(1), try c.args.int(2))] }
        t["t"] = Derivative { c in [c.grad().t()] }
        t["permute"] = Derivative { c in
            let dims = try c.args.ints(1).map { $0 < 0 ? $0 + c.inputShape(0).count : $0 }
            var inverse = [Int](repeating: 0, count: dims.count)
            for (i, d) in dims.enumerated() { inverse[d] = i }
            return [c.grad().permute(inverse)]
        }
        t["movedim"] = Derivative { c in [c.grad().movedim(try c.args.ints(2), try c.args.ints(1))] }
        t["as_strided"] = Derivative { c in
            // In storage coordinates: scatter-add the gradient at the elements the result
            // addresses, then read it back at the elements the input addresses.
            let layout = c.inputLayout(0), size = try c.args.ints(1), stride = try c.args.ints(2)
            let offset = try c.args.optionalInt(3) ?? layout.offset
            let positions = Tensor((0..<Int64(layout.storageCount)).map { $0 }, shape: [layout.storageCount])
            let read = Tensor(storage: positions.storage, shape: size, strides: stride, storageOffset: offset, dtype: .int64)
            let input = Tensor(storage: positions.storage, shape: c.inputShape(0), strides: layout.strides,
                               storageOffset: layout.offset, dtype: .int64)
            let g = c.grad()
            let inStorage = Autograd.zeros([layout.storageCount], dtype: g.dtype)
                .scatterAdd(dim: 0, index: read.reshape([-1]), src: g.reshape([-1]))
            return [inStorage.gather(dim: 0, index: input.reshape([-1])).reshape(c.inputShape(0))]
        }
        for name in ["select", "slice", "narrow", "diagonal"] {
            t[name] = generalView(name)
        }
    }

    /// The derivative of any view: apply the same view to the element positions of the
    /// input and scatter-add the gradient there (overlapping views sum, as they must).
    static func generalView(_ name: String) -> Derivative {
        Derivative { c in
            let shape = c.inputShape(0), n = shape.reduce(1, *)
            let positions = Tensor((0..<Int64(n)).map { $0 }, shape: shape)
            var args = c.args.values
            args[0] = .tensor(positions)
            let views = try DispatchKeySet.excluding(.autograd) { try Dispatcher.shared.call(name, args) }.flatMap { v -> [Tensor] in
                if case .tensor(let t) = v { return [t] }
                if case .tensors(let ts) = v { return ts }
                return []
            }
            var flat = Autograd.zeros([n], dtype: c.inputDType(0))
            for (k, idx) in views.enumerated() where c.hasGrad(k) {
                let g = c.grad(k)
                flat = flat.scatterAdd(dim: 0, index: idx.reshape([-1]), src: g.reshape([-1]))
            }
            return [flat.reshape(shape)]
        }
    }
}
