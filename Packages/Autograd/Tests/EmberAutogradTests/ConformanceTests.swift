import Testing
import EmberCore
@testable import EmberAutograd

/// Registry-driven: every operator with an autograd derivative and sample inputs passes
/// gradcheck in float64 on each of its samples, and the differentiable operators still
/// without a derivative are listed.
@Suite struct ConformanceTests {
    /// Operators whose second derivative is not checked (none yet).
    static let firstOrderOnly: Set<String> = []

    static var differentiable: [String] {
        Autograd.ensureInstalled()
        return Dispatcher.shared.operators
            .filter { ($0.hasLayer("autograd") || $0.composite != nil) && $0.definition.samples != nil }
            .map(\.schema.name).filter { !$0.hasSuffix("_") && !isRandom($0) }
    }

    @Test(arguments: differentiable) func gradcheckOnSamples(_ name: String) throws {
        let op = Dispatcher.shared.handle(name)
        let samples = Dispatcher.shared.definition(op).samples!(.float64)
        for args in samples {
            var leaves: [Tensor] = []
            var slots: [(Int, Int?)] = []
            for (i, v) in args.enumerated() {
                switch v {
                case .tensor(let t) where t.dtype == .float64 && !t.isWrappedNumber:
                    leaves.append(try distinct(t, from: leaves).requiresGrad_()); slots.append((i, nil))
                case .tensors(let ts):
                    for (k, t) in ts.enumerated() where t.dtype == .float64 {
                        leaves.append(try distinct(t, from: leaves).requiresGrad_()); slots.append((i, k))
                    }
                default: break
                }
            }
            guard !leaves.isEmpty else { continue }
            let f: ([Tensor]) throws -> [Tensor] = { xs in
                var values = args
                for (n, (i, k)) in slots.enumerated() {
                    if let k, case .tensors(var ts) = values[i] { ts[k] = xs[n]; values[i] = .tensors(ts) } else { values[i] = .tensor(xs[n]) }
                }
                return try Dispatcher.shared.call(op, values).flatMap { v -> [Tensor] in
                    if case .tensor(let t) = v { return [t] }
                    if case .tensors(let ts) = v { return ts }
                    return []
                }
            }
            #expect(throws: Never.self, "\(name) on \(args)") { try Autograd.gradcheck(f, inputs: leaves) }
            if !ConformanceTests.firstOrderOnly.contains(name) {
                #expect(throws: Never.self, "\(name) on \(args), second order") {
                    try Autograd.gradgradcheck(f, inputs: leaves)
                }
            }
        }
    }

    /// Random draws and uninitialised results, whose finite differences mean nothing (their
    /// zero gradients are tested in RandomOpTests).
    static func isRandom(_ name: String) -> Bool {
        ["rand", "bernoulli", "multinomial", "normal", "uniform", "empty", "exponential", "random_", "dropout"]
            .contains { name.contains($0) }
    }

    /// A leaf with `t`'s layout, copied when elements overlap (finite differences need one
    /// storage element per logical element).
    func distinct(_ t: Tensor, from others: [Tensor]) -> Tensor {
        let overlaps = zip(t.shape, t.strides).contains { $0 > 1 && $1 == 0 }
        let shared = others.contains { $0.storage === t.storage }
        return overlaps || shared ? t.detach().clone() : t.detach()
    }

    static var inPlace: [String] {
        Autograd.ensureInstalled()
        return Dispatcher.shared.operators.filter { $0.hasLayer("autograd") && $0.definition.samples != nil }
            .map(\.schema.name).filter { $0.hasSuffix("_") && !isRandom($0) }
    }

    /// In-place forms on a non-leaf copy of self: the rebased history gives the same
    /// gradients as the values' finite differences.
    @Test(arguments: inPlace) func gradcheckInPlaceOnSamples(_ name: String) throws {
        let op = Dispatcher.shared.handle(name)
        for args in Dispatcher.shared.definition(op).samples!(.float64) {
            guard case .tensor(let target) = args[0], target.dtype == .float64 else { continue }
            var leaves = [try distinct(target, from: []).requiresGrad_()]
            var slots: [Int] = []
            for (i, v) in args.enumerated().dropFirst() {
                if case .tensor(let t) = v, t.dtype == .float64, !t.isWrappedNumber {
                    leaves.append(try distinct(t, from: leaves).requiresGrad_())
                    slots.append(i)
                }
            }
            let f: ([Tensor]) throws -> [Tensor] = { xs in
                var values = args
                let copy = xs[0] * Scalar.double(1)
                values[0] = .tensor(copy)
                for (n, i) in slots.enumerated() { values[i] = .tensor(xs[n + 1]) }
                _ = try Dispatcher.shared.call(op, values)
                return [copy]
            }
            #expect(throws: Never.self, "\(name) on \(args)") { try Autograd.gradcheck(f, inputs: leaves) }
        }
    }

    @Test func reportsDifferentiableOperatorsWithoutDerivatives() {
        Autograd.ensureInstalled()
        let missing = Dispatcher.shared.operators.filter { info in
            info.composite == nil && !info.hasLayer("autograd") && !info.schema.name.hasSuffix("_")
                && info.kernels.contains { $0.dtype == .float64 }
                && floatingOutputs(info.schema.name)
        }.map(\.schema.name)
        #expect(missing.isEmpty, "no derivative: \(missing)")
        print("Operators with float inputs and no derivative (\(missing.count)): \(missing.joined(separator: ", "))")
        #expect(!Autograd.differentiableOperators.isEmpty)
    }

    /// Whether the operator's first float64 sample gives a floating-point result.
    func floatingOutputs(_ name: String) -> Bool {
        let op = Dispatcher.shared.handle(name)
        guard let args = Dispatcher.shared.definition(op).samples?(.float64).first,
              args.contains(where: { $0.tensorValue?.dtype == .float64 }),
              let out = try? Dispatcher.shared.call(op, args) else { return false }
        return out.contains { $0.tensorValue?.dtype.isFloatingPoint ?? false }
    }
}
