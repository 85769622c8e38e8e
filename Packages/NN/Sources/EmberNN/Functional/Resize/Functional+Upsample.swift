import EmberAutograd
import EmberCore

// upsample_nearest2d / upsample_bilinear2d on [N, C, H, W], with PyTorch's coordinate rules
// per axis (in → out, optional scale factor s given by the caller):
//   nearest:  src = min(⌊dst · r⌋, in − 1), r = 1/s if s > 0 else in/out (float arithmetic)
//   nearest-exact: src = min(⌊(dst + ½) · r⌋, in − 1)
//   bilinear: align_corners: src = dst · (in − 1)/(out − 1) (0 when out = 1);
//             otherwise src = max((dst + ½) · r − ½, 0), r as for nearest;
//             i0 = ⌊src⌋, i1 = min(i0 + 1, in − 1), weights (1 − λ, λ), λ = src − i0.
// Both are separable: each output element reads 2×2 inputs with weights per axis (nearest:
// one input, weight 1). The backward scatters the gradient with the same weights; it is
// linear in the gradient, so its derivative is the forward operator again.

enum UpsampleOps {
    struct Mode: Sendable { let name: String; let bilinear: Bool; var exact = false }
    static let nearest = Mode(name: "upsample_nearest2d", bilinear: false)
    static let nearestExact = Mode(name: "_upsample_nearest_exact2d", bilinear: false, exact: true)
    static let bilinear = Mode(name: "upsample_bilinear2d", bilinear: true)

    static func register(_ d: Dispatcher) throws {
        let pkg = EmberNN.package
        for mode in [nearest, nearestExact, bilinear] {
            let align = mode.bilinear ? "bool align_corners, " : ""
            let forward = try d.define("\(mode.name)(Tensor self, SymInt[2] output_size, \(align)float? scales_h=None, float? scales_w=None) -> Tensor",
                                       package: pkg, doc: "Resizes the last two dimensions of [N, C, H, W] (\(mode.bilinear ? "bilinear" : mode.exact ? "nearest-exact" : "nearest")).")
            let backward = try d.define(
                "\(mode.name)_backward(Tensor grad_output, SymInt[2] output_size, SymInt[2] input_size, \(align)float? scales_h=None, float? scales_w=None) -> Tensor",
                package: pkg, doc: "The gradient of \(mode.name) with respect to its input.")
            d.register(forward, floating: Kernel(mode: mode, backward: false), package: pkg)
            d.register(backward, floating: Kernel(mode: mode, backward: true), package: pkg)
            Autograd.register(mode.name, Derivative { c in
                var args = c.args.values
                args[0] = .tensor(c.grad())
                args.insert(.ints(c.inputShape(0)), at: 2)
                return [try firstTensor(EmberNN.handle(mode.name + "_backward"), args)]
            }, into: d)
            Autograd.register(mode.name + "_backward", Derivative { c in
                var args = c.args.values
                args[0] = .tensor(c.grad())
                args.remove(at: 2)
                return [try firstTensor(EmberNN.handle(mode.name), args)]
            }, into: d)
            d.registerSamples(forward) { dtype in samples(dtype, mode, backward: false) }
            d.registerSamples(backward) { dtype in samples(dtype, mode, backward: true) }
        }
    }

    static func samples(_ dtype: DType, _ mode: Mode, backward: Bool) -> [[IValue]] {
        guard dtype.isFloatingPoint else { return [] }
        let x = SampleData.tensor((0..<24).map { Double($0 * 7 % 24) * 0.1 - 1.1 }, [1, 2, 3, 4], dtype)
        let configs: [([Int], Bool, Double?, Double?)] = [([5, 7], false, nil, nil), ([2, 3], true, nil, nil), ([6, 6], false, 2.0, 1.5)]
        return configs.map { size, align, sh, sw in
            let head: [IValue] = backward
                ? [.tensor(SampleData.tensor((0..<(2 * size[0] * size[1])).map { Double($0 % 5) * 0.3 - 0.6 }, [1, 2] + size, dtype)),
                   .ints(size), .ints(x.shape)]
                : [.tensor(x), .ints(size)]
            return head + (mode.bilinear ? [.bool(align)] : []) + [sh.map(IValue.double) ?? .none, sw.map(IValue.double) ?? .none]
        }
    }

    /// Per output position along one axis: the two source positions and their weights.
    struct AxisMap<T: FloatElement> {
        var i0: [Int] = [], i1: [Int] = [], w0: [T] = [], w1: [T] = []

        init(input: Int, output: Int, scale: Double?, bilinear: Bool, exact: Bool, alignCorners: Bool) {
            for dst in 0..<output {
                if !bilinear {
                    let r: Float = scale.map { $0 > 0 } == true ? Float(1 / scale!) : Float(input) / Float(output)
                    let src = Swift.min(Int(((Float(dst) + (exact ? 0.5 : 0)) * r).rounded(.down)), input - 1)
                    i0.append(src); i1.append(src); w0.append(1); w1.append(0)
                    continue
                }
                let src: T
                if alignCorners {
                    let r: T = output > 1 ? T(input - 1) / T(output - 1) : 0
                    src = r * T(dst)
                } else {
                    let r: T = scale.map { $0 > 0 } == true ? T(1 / scale!) : T(input) / T(output)
                    src = Swift.max(r * (T(dst) + T(0.5)) - T(0.5), 0)
                }
                let lo = Int(src)
                let lambda = src - T(lo)
                i0.append(lo); i1.append(lo + (lo < input - 1 ? 1 : 0)); w0.append(1 - lambda); w1.append(lambda)
            }
        }
    }

    struct Kernel: FloatKernel {
        let mode: Mode
        let backward: Bool

        func run<T: FloatElement>(_ args: Arguments, _ type: T.Type) throws -> [IValue] {
            let source = try args.tensor(0).contiguous(), outSize = try args.ints(1)
            let inShape = backward ? try args.ints(2) : source.shape
            var k = backward ? 3 : 2
            let align = mode.bilinear ? try args.bool(k) : false
            if mode.bilinear { k += 1 }
            let sh = try args.optionalDouble(k), sw = try args.optionalDouble(k + 1)
            guard inShape.count == 4, inShape.allSatisfy({ $0 > 0 }) else {
                throw EmberError(.shapeMismatch, op: args.op, "Non-empty 4D data tensor expected but got a tensor with sizes \(inShape)")
            }
            guard outSize.count == 2, outSize.allSatisfy({ $0 > 0 }) else {
                throw EmberError(.invalidArgument, op: args.op,
                    "Input and output sizes should be greater than 0, but got input (H: \(inShape[2]), W: \(inShape[3])) output (\(outSize))")
            }
            let (ih, iw, oh, ow) = (inShape[2], inShape[3], outSize[0], outSize[1])
            if backward && source.shape != [inShape[0], inShape[1], oh, ow] {
                throw EmberError(.shapeMismatch, op: args.op, "grad_output \(describe(source)) does not match output_size \(outSize)")
            }
            let rows = AxisMap<T>(input: ih, output: oh, scale: sh, bilinear: mode.bilinear, exact: mode.exact, alignCorners: align)
            let cols = AxisMap<T>(input: iw, output: ow, scale: sw, bilinear: mode.bilinear, exact: mode.exact, alignCorners: align)
            let planes = inShape[0] * inShape[1]
            let out = Tensor.zeros(backward ? inShape : [inShape[0], inShape[1], oh, ow], dtype: T.dtype)
            source.withUnsafePointer(as: T.self) { src in
                out.withUnsafeMutablePointer(as: T.self) { dst in
                    for p in 0..<planes {
                        let x = src + p * (backward ? oh * ow : ih * iw), y = dst + p * (backward ? ih * iw : oh * ow)
                        for r in 0..<oh {
                            let a0 = rows.i0[r] * iw, a1 = rows.i1[r] * iw, h0 = rows.w0[r], h1 = rows.w1[r]
                            for c in 0..<ow {
                                let b0 = cols.i0[c], b1 = cols.i1[c], v0 = cols.w0[c], v1 = cols.w1[c]
                                if backward {
                                    let g = x[r * ow + c]
                                    y[a0 + b0] += h0 * v0 * g; y[a0 + b1] += h0 * v1 * g
                                    y[a1 + b0] += h1 * v0 * g; y[a1 + b1] += h1 * v1 * g
                                } else {
                                    y[r * ow + c] = h0 * (v0 * x[a0 + b0] + v1 * x[a0 + b1]) + h1 * (v0 * x[a1 + b0] + v1 * x[a1 + b1])
                                }
                            }
                        }
                    }
                }
            }
            return [.tensor(out)]
        }
    }
}
