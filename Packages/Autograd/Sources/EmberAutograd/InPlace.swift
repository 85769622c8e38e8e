import EmberCore

/// The in-place layer kernels: history rebase for `f_` operators, on tensors and on views.
extension Autograd {
    /// The layer kernel for `f_`: computes `f` out of place on a copy of self that carries
    /// self's history, runs the real in-place kernel, and moves self's history onto the new
    /// node (PyTorch's history rebase). On a view, the view's base is rebased too.
    static func inPlaceKernel(_ outOfPlace: OperatorHandle, dispatcher d: Dispatcher) -> LayerKernel {
        inPlaceKernel { old, values in
            var values = values
            values[0] = .tensor(old)
            return try d.call(outOfPlace, values).first?.tensorValue
        }
    }

    /// The in-place layer kernel around `compute(old self, args)`, the out-of-place result.
    static func inPlaceKernel(_ compute: @escaping @Sendable (Tensor, [IValue]) throws -> Tensor?) -> LayerKernel {
        return { op, args, next in
            guard let target = args.values.first?.tensorValue else { return try next(args.values) }
            guard anyRequiresGrad(args.values) else { return try next(args.values) }
            try checkInPlace(target)
            // A differentiable view, or a view outside the graph (of a base without grad, or
            // made under noGrad, which inPlaceOnView refuses); a view that has history but is
            // not differentiable (an operator's view of its own temporary) is rebased alone.
            if let base = target.base, target.meta?.view != nil || !target._requiresGrad {
                return try inPlaceOnView(target, base, args, next, compute)
            }
            guard let result = try compute(historyCopy(target), args.values), let rm = result.meta else {
                return try next(args.values)
            }
            let out = try next(args.values)
            rebase(target, onto: rm)
            return out
        }
    }

    /// A copy of `t`'s values that carries `t`'s history.
    static func historyCopy(_ t: Tensor) -> Tensor {
        let old = DispatchKeySet.excluding(.autograd) { t.clone() }
        if let m = t.meta, m.requiresGrad {
            old.attach(AutogradMeta(requiresGrad: true, gradFn: m.gradFn, outputNr: m.outputNr))
        }
        return old
    }

    /// Throws PyTorch's error for an in-place change of a leaf that requires grad.
    static func checkInPlace(_ target: Tensor) throws {
        if let m = target.meta, m.requiresGrad, m.gradFn == nil {
            throw AutogradError.error("a leaf Variable that requires grad is being used in an in-place operation.")
        }
    }

    /// Makes `target`'s history the output described by `source`.
    static func rebase(_ target: Tensor, onto source: AutogradMeta) {
        if let m = target.meta {
            m.requiresGrad = true
            m.gradFn = source.gradFn
            m.outputNr = source.outputNr
        } else {
            target.attach(AutogradMeta(requiresGrad: true, gradFn: source.gradFn, outputNr: source.outputNr))
        }
    }
}
