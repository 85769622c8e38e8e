import EmberAutograd
import EmberCore

// Adaptive poolings: the output size is given and each output covers the input window
// [⌊i·in/out⌋, ⌈(i+1)·in/out⌉) (PyTorch's formula). Each has a backward operator: the
// average's derivative is the forward pooling (both are linear), the max's a gather.

extension PoolOps {
    static let adaptiveAverageSchema = "adaptive_avg_pool2d(Tensor self, int[2] output_size) -> Tensor"
    static let adaptiveAverageBackwardSchema = "_adaptive_avg_pool2d_backward(Tensor grad_output, Tensor self) -> Tensor"
    static let adaptiveMaxSchema = "adaptive_max_pool2d(Tensor self, int[2] output_size) -> (Tensor, Tensor)"

    static func registerAdaptive(_ d: Dispatcher) throws {
        let average = try d.define(adaptiveAverageSchema, package: EmberNN.package, doc: "2-D adaptive average pooling to output_size.")
        d.register(average, floating: AdaptiveKernel(mode: .average), package: EmberNN.package)
        Autograd.register("adaptive_avg_pool2d", Derivative(saves: [0]) { c in
            [try Dispatcher.shared.call(adaptiveAverageBackwardOp, [.tensor(c.grad()), .tensor(try c.input(0))])[0].tensorValue]
        }, into: d)
        d.registerSamples(average) { PoolSamples.adaptive($0) }

        let backward = try d.define(adaptiveAverageBackwardSchema, package: EmberNN.package, doc: "The input gradient of adaptive_avg_pool2d.")
        d.register(backward, floating: AdaptiveKernel(mode: .averageBackward), package: EmberNN.package)
        Autograd.register("_adaptive_avg_pool2d_backward", Derivative { c in
            let size = Array(c.inputShape(0).suffix(2))
            return [try Dispatcher.shared.call(adaptiveAverageOp, [.tensor(c.grad()), .ints(size)])[0].tensorValue, nil]
        }, into: d)
        d.registerSamples(backward) { PoolSamples.adaptiveBackward($0) }

        let max = try d.define(adaptiveMaxSchema, package: EmberNN.package,
                               doc: "2-D adaptive max pooling to output_size, with the flat position of each maximum.")
        d.register(max, floating: AdaptiveKernel(mode: .max), package: EmberNN.package)
        Autograd.register("adaptive_max_pool2d", Derivative(saves: [0], outputs: [1]) { c in
            let args: [IValue] = [.tensor(c.grad(0)), .tensor(try c.input(0)), .tensor(try c.output(1))]
            return [try Dispatcher.shared.call(adaptiveMaxBackwardOp, args)[0].tensorValue]
        }, into: d)
        d.registerSamples(max) { PoolSamples.adaptive($0) }
    }

    static let adaptiveAverageOp = EmberNN.handle("adaptive_avg_pool2d")
    static let adaptiveAverageBackwardOp = EmberNN.handle("_adaptive_avg_pool2d_backward")
    static let adaptiveMaxOp = EmberNN.handle("adaptive_max_pool2d")

    struct AdaptiveKernel: FloatKernel {
        enum Mode { case average, averageBackward, max }
        let mode: Mode

        func run<T: FloatElement>(_ args: Arguments, _ type: T.Type) throws -> [IValue] {
            let name = mode == .max ? "adaptive_max_pool2d" : "adaptive_avg_pool2d"
            let x = try prepared(try args.tensor(mode == .averageBackward ? 1 : 0), op: args.op, dtype: T.dtype)
            guard x.rank == 3 || x.rank == 4 else {
                throw EmberError(.shapeMismatch, op: args.op, "\(name)(): Expected 3D or 4D tensor, but got \(x.shape)")
            }
            let h = x.shape[x.rank - 2], w = x.shape[x.rank - 1], planes = x.count / Swift.max(h * w, 1)
            if mode == .averageBackward {
                let grad = try prepared(try args.tensor(0), op: args.op, dtype: T.dtype)
                guard grad.rank == x.rank, Array(grad.shape.dropLast(2)) == Array(x.shape.dropLast(2)) else {
                    throw EmberError(.shapeMismatch, op: args.op, "grad_output of size \(grad.shape) does not match input \(x.shape)")
                }
                let out = Tensor.zeros(x.shape, dtype: T.dtype)
                grad.withUnsafePointer(as: T.self) { src in
                    out.withUnsafeMutablePointer(as: T.self) {
                        PoolLoops.adaptiveAverage(src, $0, planes: planes, h: h, w: w, oh: grad.shape[x.rank - 2], ow: grad.shape[x.rank - 1], backward: true)
                    }
                }
                return [.tensor(out)]
            }
            var size = try args.ints(1)
            if size.count == 1 { size = [size[0], size[0]] }
            guard size.count == 2, size.allSatisfy({ $0 >= 0 }) else {
                throw EmberError(.invalidArgument, op: args.op, "\(name): output_size must be 2 non-negative ints, got \(size)")
            }
            guard h > 0 && w > 0 || size.contains(0) else {
                throw EmberError(.shapeMismatch, op: args.op,
                    "\(name)(): Expected input to have non-zero size for non-batch dimensions, but input has sizes \(x.shape) with dimension \(h == 0 ? x.rank - 2 : x.rank - 1) being empty")
            }
            let out = Tensor(empty: Array(x.shape.dropLast(2)) + size, dtype: T.dtype)
            if mode == .average {
                x.withUnsafePointer(as: T.self) { src in
                    out.withUnsafeMutablePointer(as: T.self) {
                        PoolLoops.adaptiveAverage(src, $0, planes: planes, h: h, w: w, oh: size[0], ow: size[1], backward: false)
                    }
                }
                return [.tensor(out)]
            }
            let indices = Tensor(empty: out.shape, dtype: .int64)
            x.withUnsafePointer(as: T.self) { src in
                out.withUnsafeMutablePointer(as: T.self) { dst in
                    indices.withUnsafeMutablePointer(as: Int64.self) {
                        PoolLoops.adaptiveMax(src, dst, $0, planes: planes, h: h, w: w, oh: size[0], ow: size[1])
                    }
                }
            }
            return [.tensor(out), .tensor(indices)]
        }
    }
}
