import EmberAutograd
import EmberCore

// The pooling operators (ATen names and arguments). Max poolings return flat indices into
// each input plane (int64); their backward operators add the gradient at those indices (and
// differentiate by gathering there). Average poolings have a backward operator whose
// derivative is the forward pooling again (both are linear).

enum PoolOps {
    static func register(_ d: Dispatcher) throws {
        try registerMax(d)
        try registerAverage(d)
        try registerAdaptive(d)
        try MaxPoolBackwardOps.register(d)
        try PoolComposites.register(d)
    }

    /// The input made contiguous and viewed with at least 3 dimensions is what the loops read.
    static func prepared(_ t: Tensor, op: String, dtype: DType) throws -> Tensor {
        guard t.dtype == dtype else {
            throw EmberError(.invalidDType, op: op, "expected a \(dtype) input, got \(t.dtype)")
        }
        return t.contiguous()
    }

    // MARK: max_pool2d_with_indices

    static let maxSchema = "max_pool2d_with_indices(Tensor self, int[2] kernel_size, int[2] stride=[], int[2] padding=0, int[2] dilation=1, bool ceil_mode=False) -> (Tensor, Tensor)"

    static func registerMax(_ d: Dispatcher) throws {
        let op = try d.define(maxSchema, package: EmberNN.package,
                              doc: "2-D max pooling with the flat position of each maximum in its input plane.")
        d.register(op, floating: MaxKernel(), package: EmberNN.package)
        Autograd.register("max_pool2d_with_indices", Derivative(saves: [0], outputs: [1]) { c in
            let args: [IValue] = [.tensor(c.grad(0)), .tensor(try c.input(0))] + Array(c.args.values[1...5]) + [.tensor(try c.output(1))]
            return [try Dispatcher.shared.call(maxBackwardOp, args)[0].tensorValue]
        }, into: d)
        d.registerSamples(op) { PoolSamples.max($0) }
    }

    struct MaxKernel: FloatKernel {
        func run<T: FloatElement>(_ args: Arguments, _ type: T.Type) throws -> [IValue] {
            let x = try prepared(try args.tensor(0), op: args.op, dtype: T.dtype)
            let g = try PoolGeometry(op: args.op, shape: x.shape, kernel: try args.ints(1), stride: try args.ints(2),
                                     padding: try args.ints(3), dilation: try args.ints(4), ceilMode: try args.bool(5))
            let out = Tensor(empty: g.outputShape(x.shape), dtype: T.dtype)
            let indices = Tensor(empty: out.shape, dtype: .int64)
            x.withUnsafePointer(as: T.self) { src in
                out.withUnsafeMutablePointer(as: T.self) { dst in
                    indices.withUnsafeMutablePointer(as: Int64.self) { PoolLoops.max(src, dst, $0, g) }
                }
            }
            return [.tensor(out), .tensor(indices)]
        }
    }

    static let maxBackwardOp = EmberNN.handle("max_pool2d_with_indices_backward")
    static let adaptiveMaxBackwardOp = EmberNN.handle("adaptive_max_pool2d_backward")

    // MARK: avg_pool2d

    static let averageSchema = "avg_pool2d(Tensor self, int[2] kernel_size, int[2] stride=[], int[2] padding=0, bool ceil_mode=False, bool count_include_pad=True, int? divisor_override=None) -> Tensor"
    static let averageBackwardSchema = "avg_pool2d_backward(Tensor grad_output, Tensor self, int[2] kernel_size, int[2] stride, int[2] padding, bool ceil_mode, bool count_include_pad, int? divisor_override) -> Tensor"

    static func registerAverage(_ d: Dispatcher) throws {
        let op = try d.define(averageSchema, package: EmberNN.package, doc: "2-D average pooling.")
        d.register(op, floating: AverageKernel(backward: false), package: EmberNN.package)
        Autograd.register("avg_pool2d", Derivative(saves: [0]) { c in
            let args: [IValue] = [.tensor(c.grad()), .tensor(try c.input(0))] + Array(c.args.values.dropFirst())
            return [try Dispatcher.shared.call(averageBackwardOp, args)[0].tensorValue]
        }, into: d)
        d.registerSamples(op) { PoolSamples.average($0) }

        let backward = try d.define(averageBackwardSchema, package: EmberNN.package, doc: "The input gradient of avg_pool2d.")
        d.register(backward, floating: AverageKernel(backward: true), package: EmberNN.package)
        Autograd.register("avg_pool2d_backward", Derivative { c in
            let args: [IValue] = [.tensor(c.grad())] + Array(c.args.values.dropFirst(2))
            return [try Dispatcher.shared.call(averageOp, args)[0].tensorValue, nil]
        }, into: d)
        d.registerSamples(backward) { PoolSamples.averageBackward($0) }
    }

    static let averageOp = EmberNN.handle("avg_pool2d")
    static let averageBackwardOp = EmberNN.handle("avg_pool2d_backward")

    struct AverageKernel: FloatKernel {
        let backward: Bool
        func run<T: FloatElement>(_ args: Arguments, _ type: T.Type) throws -> [IValue] {
            let k = backward ? 1 : 0
            let x = try args.tensor(k)
            let g = try PoolGeometry(op: backward ? "avg_pool2d" : args.op, shape: x.shape, kernel: try args.ints(k + 1),
                                     stride: try args.ints(k + 2), padding: try args.ints(k + 3), dilation: [1],
                                     ceilMode: try args.bool(k + 4))
            let includePad = try args.bool(k + 5), divisor = try args.optionalInt(k + 6)
            if let divisor, divisor == 0 { throw EmberError(.invalidArgument, op: args.op, "divisor must be not zero") }
            if backward {
                let grad = try prepared(try args.tensor(0), op: args.op, dtype: T.dtype)
                guard grad.shape == g.outputShape(x.shape) else {
                    throw EmberError(.shapeMismatch, op: args.op, "expected grad_output of size \(g.outputShape(x.shape)), got \(grad.shape)")
                }
                let out = Tensor.zeros(x.shape, dtype: T.dtype)
                grad.withUnsafePointer(as: T.self) { src in
                    out.withUnsafeMutablePointer(as: T.self) { PoolLoops.averageBackward(src, $0, g, countIncludePad: includePad, divisor: divisor) }
                }
                return [.tensor(out)]
            }
            let input = try prepared(x, op: args.op, dtype: T.dtype)
            let out = Tensor(empty: g.outputShape(x.shape), dtype: T.dtype)
            input.withUnsafePointer(as: T.self) { src in
                out.withUnsafeMutablePointer(as: T.self) { PoolLoops.average(src, $0, g, countIncludePad: includePad, divisor: divisor) }
            }
            return [.tensor(out)]
        }
    }
}
