import EmberAutograd
import EmberCore

// The input gradients of the max poolings as operators (ATen's names), so a plugin can
// replace them: each output gradient is added at the flat position its maximum came from.
// Both are linear in grad_output; their derivative gathers at the same indices.

enum MaxPoolBackwardOps {
    static let schemas: [(String, Int)] = [
        ("max_pool2d_with_indices_backward(Tensor grad_output, Tensor self, int[2] kernel_size, int[2] stride, int[2] padding, int[2] dilation, bool ceil_mode, Tensor indices) -> Tensor", 7),
        ("adaptive_max_pool2d_backward(Tensor grad_output, Tensor self, Tensor indices) -> Tensor", 2),
    ]

    static func register(_ d: Dispatcher) throws {
        for (schema, indicesAt) in schemas {
            let op = try d.define(schema, package: EmberNN.package, doc: "The input gradient of a max pooling, scattered at its indices.")
            let name = d.definition(op).schema.name
            d.register(op, floating: Kernel(indicesAt: indicesAt), package: EmberNN.package)
            Autograd.register(name, Derivative(saves: [indicesAt]) { c in
                let indices = try c.input(indicesAt), shape = c.inputShape(1)
                let planes = shape.dropLast(2).reduce(1, *), outPlane = indices.shape.suffix(2).reduce(1, *)
                let gathered = c.grad().reshape([planes, shape.suffix(2).reduce(1, *)])
                    .gather(dim: 1, index: indices.reshape([planes, outPlane])).reshape(indices.shape)
                return [gathered, nil]
            }, into: d)
            d.registerSamples(op) { PoolSamples.maxBackward(name, $0) }
        }
    }

    struct Kernel: FloatKernel {
        let indicesAt: Int
        func run<T: FloatElement>(_ args: Arguments, _ type: T.Type) throws -> [IValue] {
            let grad = try PoolOps.prepared(try args.tensor(0), op: args.op, dtype: T.dtype)
            let input = try args.tensor(1), indices = try args.tensor(indicesAt).contiguous()
            guard input.rank >= 2, indices.dtype == .int64, grad.shape == indices.shape,
                  Array(grad.shape.dropLast(2)) == Array(input.shape.dropLast(2)) else {
                throw EmberError(.shapeMismatch, op: args.op,
                    "expected grad_output and int64 indices of one shape matching the input's leading dimensions, got grad_output \(grad.shape), indices \(indices.shape) (\(indices.dtype)), input \(input.shape)")
            }
            let plane = input.shape.suffix(2).reduce(1, *), outPlane = grad.shape.suffix(2).reduce(1, *)
            let planes = input.shape.dropLast(2).reduce(1, *)
            let out = Tensor(empty: input.shape, dtype: T.dtype)
            try grad.withUnsafePointer(as: T.self) { g in
                try indices.withUnsafePointer(as: Int64.self) { idx in
                    try out.withUnsafeMutablePointer(as: T.self) { dst in
                        try scatter(g, idx, dst, planes: planes, plane: plane, outPlane: outPlane, op: args.op)
                    }
                }
            }
            return [.tensor(out)]
        }

        /// Zeroes each plane of `dst` and adds its output gradients at their indices: one pass
        /// per plane while it is in cache, planes split over Core's pool.
        @_specialize(where T == Float)
        @_specialize(where T == Double)
        func scatter<T: FloatElement>(_ g: UnsafePointer<T>, _ idx: UnsafePointer<Int64>, _ dst: UnsafeMutablePointer<T>,
                                      planes: Int, plane: Int, outPlane: Int, op: String) throws {
            // The first out-of-range index of each piece, if any (pool tasks cannot throw).
            let pieces = Swift.max(1, Swift.min(planes, 4 * Parallel.numThreads, planes * plane / 8192))
            var bad = [Int?](repeating: nil, count: pieces)
            bad.withUnsafeMutableBufferPointer { slots in
                Parallel.forEach(pieces) { piece in
                    for p in (piece * planes / pieces)..<((piece + 1) * planes / pieces) {
                        let base = dst + p &* plane
                        base.update(repeating: 0, count: plane)
                        for k in (p &* outPlane)..<((p &+ 1) &* outPlane) {
                            let i = Int(idx[k])
                            guard i >= 0 && i < plane else {
                                slots[piece] = i
                                return
                            }
                            base[i] += g[k]
                        }
                    }
                }
            }
            if let i = bad.lazy.compactMap({ $0 }).first {
                throw EmberError(.indexOutOfRange, op: op, "index \(i) is out of bounds for a plane of \(plane) elements")
            }
        }
    }
}
