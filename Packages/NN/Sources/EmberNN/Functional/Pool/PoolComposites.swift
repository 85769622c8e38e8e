import EmberCore

// Poolings written with other operators: max_pool2d (the values of max_pool2d_with_indices)
// and the 1-D poolings, adaptive ones included (the 2-D ones on a [*, 1, L] view). Autograd sees the operators they
// call, so their gradients come for free.

enum PoolComposites {
    static let schemas: [(String, String)] = [
        ("max_pool2d(Tensor self, int[2] kernel_size, int[2] stride=[], int[2] padding=0, int[2] dilation=1, bool ceil_mode=False) -> Tensor",
         "2-D max pooling."),
        ("max_pool1d_with_indices(Tensor self, int[1] kernel_size, int[1] stride=[], int[1] padding=0, int[1] dilation=1, bool ceil_mode=False) -> (Tensor, Tensor)",
         "1-D max pooling with the position of each maximum."),
        ("max_pool1d(Tensor self, int[1] kernel_size, int[1] stride=[], int[1] padding=0, int[1] dilation=1, bool ceil_mode=False) -> Tensor",
         "1-D max pooling."),
        ("avg_pool1d(Tensor self, int[1] kernel_size, int[1] stride=[], int[1] padding=0, bool ceil_mode=False, bool count_include_pad=True) -> Tensor",
         "1-D average pooling."),
        ("adaptive_avg_pool1d(Tensor self, int[1] output_size) -> Tensor", "1-D adaptive average pooling."),
        ("adaptive_max_pool1d(Tensor self, int[1] output_size) -> (Tensor, Tensor)", "1-D adaptive max pooling with the position of each maximum."),
    ]

    static func register(_ d: Dispatcher) throws {
        for (schema, doc) in schemas {
            let op = try d.define(schema, package: EmberNN.package, doc: doc)
            let name = d.definition(op).schema.name
            d.registerComposite(op, package: EmberNN.package) { try run(name, $0) }
            d.registerSamples(op) { PoolSamples.composite(name, $0) }
        }
    }

    static let maxOp = EmberNN.handle("max_pool2d_with_indices")

    static func run(_ name: String, _ args: Arguments) throws -> [IValue] {
        let x = try args.tensor(0)
        if name == "max_pool2d" {
            return [try Dispatcher.shared.call(maxOp, args.values)[0]]
        }
        guard x.rank == 2 || x.rank == 3 else {
            throw EmberError(.shapeMismatch, op: name, name.hasPrefix("adaptive")
                ? "Expected 2 to 3 dimensions, but got \(x.rank)-dimensional tensor for argument #1 'self' (while checking arguments for \(name))"
                : "\(name)() Expected 2D or 3D input, but got \(x.shape)")
        }
        let planar = x.unsqueeze(x.rank - 1)
        if name.hasPrefix("adaptive") {
            let op = name == "adaptive_avg_pool1d" ? PoolOps.adaptiveAverageOp : PoolOps.adaptiveMaxOp
            let results = try Dispatcher.shared.call(op, [.tensor(planar), .ints([1] + (try args.ints(1)))])
            return results.compactMap(\.tensorValue).map { .tensor($0.squeeze(dim: $0.rank - 2)) }
        }
        func widen(_ i: Int, _ fill: Int) throws -> IValue {
            let v = try args.ints(i)
            return .ints(v.isEmpty ? [] : [fill] + v)
        }
        let results: [IValue]
        if name == "avg_pool1d" {
            results = try Dispatcher.shared.call(PoolOps.averageOp, [.tensor(planar), try widen(1, 1), try widen(2, 1), try widen(3, 0),
                                                                     .bool(try args.bool(4)), .bool(try args.bool(5)), .none])
        } else {
            results = try Dispatcher.shared.call(maxOp, [.tensor(planar), try widen(1, 1), try widen(2, 1), try widen(3, 0),
                                                         try widen(4, 1), .bool(try args.bool(5))])
        }
        let squeezed = results.compactMap(\.tensorValue).map { $0.squeeze(dim: $0.rank - 2) }
        return (name == "max_pool1d_with_indices" ? squeezed : [squeezed[0]]).map(IValue.tensor)
    }
}
