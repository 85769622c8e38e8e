import EmberCore

// Activations that ATen writes in terms of others (CompositeImplicitAutograd): autograd sees
// the operators they call, so they need no derivative of their own.
//   selu(x)     = elu(x, alpha = 1.6732632423543772, scale = 1.0507009873554805)
//   celu(x, a)  = elu(x, alpha = a, input_scale = 1 / a)
//   relu6(x)    = hardtanh(x, 0, 6)

extension ActivationOps {
    /// SELU's constants (Klambauer et al., 2017).
    static let seluAlpha = 1.6732632423543772848170429916717
    static let seluScale = 1.0507009873554804934193349852946

    static func registerComposites(_ d: Dispatcher) throws {
        let elu = d.handle("elu"), eluInPlace = d.handle("elu_")
        let hardtanh = d.handle("hardtanh"), hardtanhInPlace = d.handle("hardtanh_")
        func composite(_ schema: String, doc: String, extra: [[IValue]] = [[]],
                       _ body: @escaping @Sendable (Tensor, Arguments) throws -> [IValue]) throws {
            let op = try d.define(schema, package: EmberNN.package, doc: doc)
            d.registerComposite(op, package: EmberNN.package) { args in try body(try args.tensor(0), args) }
            d.registerSamples(op) { dtype in
                guard dtype.isFloatingPoint else { return [] }
                let x = SampleData.tensor(sampleValues, [2, 4], dtype)
                return extra.map { [.tensor(x)] + $0 }
            }
        }
        for (name, eluOp) in [("selu", elu), ("selu_", eluInPlace)] {
            let result = name == "selu" ? "Tensor" : "Tensor(a!)", selfType = name == "selu" ? "Tensor" : "Tensor(a!)"
            try composite("\(name)(\(selfType) self) -> \(result)", doc: "scale · elu(x, alpha) with SELU's constants.") { x, _ in
                try d.call(eluOp, [.tensor(x), .double(seluAlpha), .double(seluScale), .double(1)])
            }
        }
        for (name, eluOp) in [("celu", elu), ("celu_", eluInPlace)] {
            let result = name == "celu" ? "Tensor" : "Tensor(a!)"
            try composite("\(name)(\(result) self, Scalar alpha=1.0) -> \(result)", doc: "max(0, x) + min(0, alpha · (exp(x / alpha) - 1)).",
                          extra: [[.double(1)], [.double(2)]]) { x, args in
                let alpha = try args.double(1)
                guard alpha != 0 else {
                    throw EmberError(.invalidArgument, op: "celu", "ZeroDivisionError: alpha cannot be 0 for CELU")
                }
                return try d.call(eluOp, [.tensor(x), .double(alpha), .double(1), .double(1 / alpha)])
            }
        }
        for (name, op) in [("relu6", hardtanh), ("relu6_", hardtanhInPlace)] {
            let result = name == "relu6" ? "Tensor" : "Tensor(a!)"
            try composite("\(name)(\(result) self) -> \(result)", doc: "min(max(0, x), 6).") { x, _ in
                try d.call(op, [.tensor(x), .double(0), .double(6)])
            }
        }
    }
}
