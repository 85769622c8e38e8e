/// Calling operators.
extension Dispatcher {
    /// Calls the operator named `name` with arguments in schema order (defaults filled).
    public func call(_ name: String, _ args: [IValue]) throws -> [IValue] {
        try call(lookup(name), args)
    }

    /// Calls `op` with arguments in schema order: applies its type promotion, then the
    /// layers present on its tensors that this thread does not exclude, then the kernel
    /// for the dispatch argument's device and dtype.
    public func call(_ op: OperatorHandle, _ args: [IValue]) throws -> [IValue] {
        try withTable { table in try call(op, args, table: table) }
    }

    private func call(_ op: OperatorHandle, _ args: [IValue], table: KernelTable) throws -> [IValue] {
        if let composite = table.composite[op.index]?.kernel {
            return try composite(Arguments(args, op: table.names[op.index]))
        }
        var args = args
        if !table.promoted[op.index].isEmpty {
            try promote(&args, indices: table.promoted[op.index], toFloat: table.promotesToFloat[op.index])
        }
        var layers = DispatchKeySet()
        for value in args {
            switch value {
            case .tensor(let t): layers.formUnion(t.layerKeys)
            case .tensors(let ts): for t in ts { layers.formUnion(t.layerKeys) }
            default: break
            }
        }
        if !layers.isEmpty { layers.subtract(.excludedOnThisThread) }
        return try dispatch(op, args, layers: layers, table: table)
    }

    func dispatch(_ op: OperatorHandle, _ args: [IValue], layers: DispatchKeySet) throws -> [IValue] {
        try withTable { table in try dispatch(op, args, layers: layers, table: table) }
    }

    func dispatch(_ op: OperatorHandle, _ args: [IValue], layers: DispatchKeySet, table: KernelTable) throws -> [IValue] {
        var remaining = layers
        var handled = DispatchKeySet()
        while let layer = remaining.highest {
            remaining.remove(layer)
            handled.insert(layer)
            if let kernel = table.layerKernel(op.index, layer) {
                let next = Redispatch(dispatcher: self, op: op, remaining: remaining, handled: handled)
                return try kernel(op, Arguments(args, op: table.names[op.index]), next)
            }
        }
        return try callBackend(op, args, table: table)
    }

    private func callBackend(_ op: OperatorHandle, _ args: [IValue], table: KernelTable) throws -> [IValue] {
        var device = Device.cpu
        var dtype = DType.defaultFloat
        let i = table.dispatchIndex[op.index]
        if i >= 0, i < args.count {
            switch args[i] {
            case .tensor(let t): device = t.device; dtype = t.dtype
            case .tensors(let ts) where !ts.isEmpty: device = ts[0].device; dtype = ts[0].dtype
            default: break
            }
        } else {
            let di = table.dtypeIndex[op.index], vi = table.deviceIndex[op.index]
            if di >= 0, di < args.count, case .dtype(let d) = args[di] { dtype = d }
            if vi >= 0, vi < args.count, case .device(let d) = args[vi] { device = d }
        }
        if let kernel = table.kernel(op.index, device.kind, dtype) {
            return try kernel(Arguments(args, op: table.names[op.index]))
        }
        throw missingKernel(table.definitions[op.index], device: device, dtype: dtype)
    }

    private func missingKernel(_ definition: OperatorDefinition, device: Device, dtype: DType) -> EmberError {
        let kernels = state.withLock { $0.kernelInfo[definition.schema.name] ?? [:] }
        let byDevice = Dictionary(grouping: kernels.keys, by: \.kind)
        let registered = byDevice.keys.sorted { $0.name < $1.name }.map { kind in
            byDevice[kind]!.map(\.dtype).sorted { $0.rawValue < $1.rawValue }
                .map(\.description).joined(separator: ", ") + " (\(kind))"
        }
        return EmberError(.missingKernel, op: definition.schema.name,
            "no kernel for '\(definition.schema.name)' on (\(dtype), \(device)); registered: "
            + (registered.isEmpty ? "none" : registered.joined(separator: "; ")))
    }

    private func promote(_ args: inout [IValue], indices: [Int], toFloat: Bool) throws {
        if !toFloat, operandsShareADtype(args, indices) { return }  // the common case
        var tensors: [Tensor] = []
        for i in indices {
            switch args[i] {
            case .tensor(let t): tensors.append(t)
            case .tensors(let ts): tensors.append(contentsOf: ts)
            default: break
            }
        }
        guard var target = TypePromotion.resultType(tensors) else { return }
        if toFloat, !target.isFloatingPoint { target = .defaultFloat }
        for i in indices {
            switch args[i] {
            case .tensor(let t) where t.dtype != target:
                args[i] = .tensor(try castForPromotion(t, to: target))
            case .tensors(let ts) where ts.contains(where: { $0.dtype != target }):
                args[i] = .tensors(try ts.map { try castForPromotion($0, to: target) })
            default: break
            }
        }
    }

    /// Whether the promoted operands are tensors of one dtype, the first not a wrapped number.
    @inline(__always)
    private func operandsShareADtype(_ args: [IValue], _ indices: [Int]) -> Bool {
        var dtype: DType?
        for i in indices {
            guard case .tensor(let t) = args[i] else { return false }
            guard let d = dtype else {
                if t.isWrappedNumber { return false }
                dtype = t.dtype
                continue
            }
            if t.dtype != d { return false }
        }
        return true
    }

    private func castForPromotion(_ t: Tensor, to dtype: DType) throws -> Tensor {
        if t.isWrappedNumber {
            let c = try castOperator(t, dtype)
            c.isWrappedNumber = true
            return c
        }
        return try castOperator(t, dtype)
    }

    private func castOperator(_ t: Tensor, _ dtype: DType) throws -> Tensor {
        let results = try call(handle("_to_copy"), [.tensor(t), .dtype(dtype)])
        guard case .tensor(let r) = results.first else {
            throw EmberError(.invalidArgument, op: "_to_copy", "returned no tensor")
        }
        return r
    }
}
