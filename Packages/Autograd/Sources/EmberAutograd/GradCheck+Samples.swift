import EmberCore

/// gradcheck driven by the registry: every operator's sample inputs, so that an operator
/// from any package (a plugin's too) is checked without test code of its own.
extension Autograd {
    /// Random draws and uninitialised results, whose finite differences mean nothing.
    public static func isRandomOperator(_ name: String) -> Bool {
        ["rand", "bernoulli", "multinomial", "normal", "uniform", "empty", "exponential", "random_", "dropout"]
            .contains { name.contains($0) }
    }

    /// The operators gradcheck applies to: a derivative (or a composite decomposition) and
    /// sample inputs, not random; out-of-place ones, then in-place ones (ending in `_`).
    public static func checkableOperators(in d: Dispatcher = .shared) -> (outOfPlace: [String], inPlace: [String]) {
        if d === Dispatcher.shared { ensureInstalled() }
        let names = d.operators
            .filter { ($0.hasLayer("autograd") || $0.composite != nil) && $0.definition.samples != nil }
            .map(\.schema.name).filter { !isRandomOperator($0) }
        return (names.filter { !$0.hasSuffix("_") }, names.filter { $0.hasSuffix("_") })
    }

    /// Runs gradcheck (and gradgradcheck unless `secondOrder` is false) on each float64
    /// sample of `name`; in-place operators are checked on a non-leaf copy of `self`.
    /// Returns one line per failure (empty when all pass).
    public static func checkSamples(of name: String, secondOrder: Bool = true, dispatcher d: Dispatcher = .shared) -> [String] {
        let op = d.handle(name)
        guard let samples = d.definition(op).samples?(.float64) else { return [] }
        var failures: [String] = []
        for args in samples {
            let call = name.hasSuffix("_") ? inPlaceCall(op, args, d) : outOfPlaceCall(op, args, d)
            guard let (leaves, f) = call else { continue }
            do { _ = try gradcheck(f, inputs: leaves) } catch { failures.append("\(name) on \(args): \(error)") }
            if secondOrder && !name.hasSuffix("_") {
                do { _ = try gradgradcheck(f, inputs: leaves) } catch { failures.append("\(name) on \(args), second order: \(error)") }
            }
        }
        return failures
    }

    private typealias SampleCall = (leaves: [Tensor], f: ([Tensor]) throws -> [Tensor])

    /// Leaves for every float64 tensor argument and a function of them calling the operator.
    private static func outOfPlaceCall(_ op: OperatorHandle, _ args: [IValue], _ d: Dispatcher) -> SampleCall? {
        var leaves: [Tensor] = []
        var slots: [(Int, Int?)] = []
        for (i, v) in args.enumerated() {
            switch v {
            case .tensor(let t) where t.dtype == .float64 && !t.isWrappedNumber:
                leaves.append(distinctLeaf(t, from: leaves)); slots.append((i, nil))
            case .tensors(let ts):
                for (k, t) in ts.enumerated() where t.dtype == .float64 {
                    leaves.append(distinctLeaf(t, from: leaves)); slots.append((i, k))
                }
            default: break
            }
        }
        guard !leaves.isEmpty else { return nil }
        return (leaves, { xs in
            var values = args
            for (n, (i, k)) in slots.enumerated() {
                if let k, case .tensors(var ts) = values[i] { ts[k] = xs[n]; values[i] = .tensors(ts) } else { values[i] = .tensor(xs[n]) }
            }
            return try d.call(op, values).flatMap { v -> [Tensor] in
                if case .tensor(let t) = v { return [t] }
                if case .tensors(let ts) = v { return ts }
                return []
            }
        })
    }

    /// The in-place form applied to a non-leaf copy of `self`: the rebased history must give
    /// the finite differences of the values.
    private static func inPlaceCall(_ op: OperatorHandle, _ args: [IValue], _ d: Dispatcher) -> SampleCall? {
        guard case .tensor(let target) = args[0], target.dtype == .float64 else { return nil }
        var leaves = [distinctLeaf(target, from: [])]
        var slots: [Int] = []
        for (i, v) in args.enumerated().dropFirst() {
            if case .tensor(let t) = v, t.dtype == .float64, !t.isWrappedNumber {
                leaves.append(distinctLeaf(t, from: leaves))
                slots.append(i)
            }
        }
        return (leaves, { xs in
            var values = args
            let copy = xs[0] * Scalar.double(1)
            values[0] = .tensor(copy)
            for (n, i) in slots.enumerated() { values[i] = .tensor(xs[n + 1]) }
            _ = try d.call(op, values)
            return [copy]
        })
    }

    /// A leaf requiring grad with `t`'s layout, copied when elements overlap or share storage
    /// with `others` (finite differences need one storage element per logical element).
    private static func distinctLeaf(_ t: Tensor, from others: [Tensor]) -> Tensor {
        let overlaps = zip(t.shape, t.strides).contains { $0 > 1 && $1 == 0 }
        let shared = others.contains { $0.storage === t.storage }
        let leaf = overlaps || shared ? t.detach().clone() : t.detach()
        leaf.requiresGrad = true
        return leaf
    }
}
