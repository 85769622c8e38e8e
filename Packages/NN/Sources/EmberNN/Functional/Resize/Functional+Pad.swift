import EmberAutograd
import EmberCore

// pad(self, pad, mode, value) — F.pad. `pad` lists (left, right) amounts from the last
// dimension backwards. A composite, as in ATen:
// - constant: constant_pad_nd, a kernel filling a new tensor with `value` and copying the
//   overlap (negative amounts crop); its derivative is constant_pad_nd of the gradient with
//   the amounts negated (the crop), itself differentiable;
// - reflect, replicate, circular: one index_select per padded dimension with the source
//   index of every output position, so the gradient (index_add) comes from index_select.

enum PadOps {
    static func register(_ d: Dispatcher) throws {
        let pkg = EmberNN.package
        let constant = try d.define("constant_pad_nd(Tensor self, SymInt[] pad, Scalar value=0) -> Tensor", package: pkg,
                                    doc: "Pads (or crops, for negative amounts) the last dimensions with a constant.")
        let pad = try d.define("pad(Tensor self, SymInt[] pad, str mode=\"constant\", float? value=None) -> Tensor", package: pkg,
                               doc: "Pads the last dimensions: constant, reflect, replicate or circular.")
        d.register(constant, anyDType: constantKernel, package: pkg)
        Autograd.register("constant_pad_nd", Derivative { c in
            [try constantPad(c.grad(), try c.args.ints(1).map { -$0 }, 0)]
        }, into: d)
        d.registerComposite(pad, package: pkg, kernel: padKernel)
        d.registerSamples(constant) { dtype in
            let x = SampleData.tensor((0..<12).map { Double($0) * 0.3 - 1.5 }, [1, 3, 4], dtype)
            return [[.tensor(x), .ints([1, 2]), .scalar(0.5)], [.tensor(x), .ints([-1, 2, 1, -1]), .scalar(0)]]
        }
        d.registerSamples(pad) { dtype in
            guard dtype.isFloatingPoint else { return [] }
            let x = SampleData.tensor((0..<12).map { Double($0 * 5 % 12) * 0.3 - 1.5 }, [1, 3, 4], dtype)
            let img = x.reshape([1, 1, 3, 4])
            return [[.tensor(x), .ints([1, 2]), .string("constant"), .double(0.5)],
                    [.tensor(x), .ints([2, 3]), .string("reflect"), .none],
                    [.tensor(img), .ints([1, 2, 2, 1]), .string("reflect"), .none],
                    [.tensor(img), .ints([2, 1, 1, 3]), .string("replicate"), .none],
                    [.tensor(img), .ints([3, -1, 2, 1]), .string("circular"), .none]]
        }
    }

    static let constantOp = EmberNN.handle("constant_pad_nd")

    static func constantPad(_ x: Tensor, _ pad: [Int], _ value: Scalar) throws -> Tensor {
        try firstTensor(constantOp, [.tensor(x), .ints(pad), .scalar(value)])
    }

    /// The padded shape, checking the amounts as PyTorch does.
    static func paddedShape(_ x: Tensor, _ pad: [Int], op: String) throws -> [Int] {
        guard pad.count % 2 == 0 else { throw EmberError(.invalidArgument, op: op, "Padding length must be divisible by 2") }
        guard pad.count / 2 <= x.rank else {
            throw EmberError(.invalidArgument, op: op,
                "Padding length should be less than or equal to two times the input dimension but got padding length \(pad.count) and input of dimension \(x.rank)")
        }
        var shape = x.shape
        for i in 0..<(pad.count / 2) {
            let dim = x.rank - 1 - i
            shape[dim] = x.shape[dim] + pad[2 * i] + pad[2 * i + 1]
            guard shape[dim] >= 0 else {
                throw EmberError(.invalidArgument, op: op,
                    "The input size \(x.shape[dim]), plus negative padding \(pad[2 * i]) and \(pad[2 * i + 1]) resulted in a negative output size, which is invalid. Check dimension \(dim) of your input.")
            }
        }
        return shape
    }

    static let constantKernel: Kernel = { args in
        let x = try args.tensor(0), pad = try args.ints(1), value = try args.scalar(2)
        let shape = try paddedShape(x, pad, op: args.op)
        let out = Tensor.full(shape, value, dtype: x.dtype)
        var source = x, target = out
        for i in 0..<(pad.count / 2) {
            let dim = x.rank - 1 - i, left = pad[2 * i], right = pad[2 * i + 1]
            let length = x.shape[dim] + Swift.min(left, 0) + Swift.min(right, 0)
            guard length > 0 else { return [.tensor(out)] }
            source = source.narrow(dim: dim, start: Swift.max(-left, 0), length: length)
            target = target.narrow(dim: dim, start: Swift.max(left, 0), length: length)
        }
        if target.count > 0 { target.copy_(source) }
        return [.tensor(out)]
    }

    static let padKernel: Kernel = { args in
        let x = try args.tensor(0), pad = try args.ints(1), mode = try args.string(2), value = try args.optionalDouble(3)
        if mode == "constant" { return [.tensor(try constantPad(x, pad, .double(value ?? 0)))] }
        guard ["reflect", "replicate", "circular"].contains(mode) else {
            throw EmberError(.invalidArgument, op: args.op, "Unrecognised padding mode \(mode)")
        }
        if let value, value != 0 {
            throw EmberError(.invalidArgument, op: args.op, "Padding mode \"\(mode)\" doesn't take in value argument")
        }
        _ = try paddedShape(x, pad, op: args.op)
        let padded = pad.count / 2
        guard (1...3).contains(padded), x.rank == padded + 1 || x.rank == padded + 2 else {
            throw EmberError(.invalidArgument, op: args.op,
                "Padding size \(pad.count) is not supported for \(x.rank)D input tensor (mode \(mode), input \(describe(x)))")
        }
        var out = x
        for i in 0..<padded {
            let dim = x.rank - 1 - i, left = pad[2 * i], right = pad[2 * i + 1]
            // Negative amounts crop first; the border then comes from the cropped tensor.
            let kept = x.shape[dim] + Swift.min(left, 0) + Swift.min(right, 0)
            if left < 0 || right < 0 { out = out.narrow(dim: dim, start: Swift.max(-left, 0), length: kept) }
            let index = try sourceIndex(size: kept, left: Swift.max(left, 0), right: Swift.max(right, 0), mode: mode, dim: dim, x, op: args.op)
            out = out.indexSelect(dim: dim, index: Tensor(index, shape: [index.count]))
        }
        return [.tensor(out)]
    }

    /// The input position each output position along one dimension reads.
    static func sourceIndex(size: Int, left: Int, right: Int, mode: String, dim: Int, _ x: Tensor, op: String) throws -> [Int64] {
        switch mode {
        case "reflect":
            guard left < size && right < size else {
                throw EmberError(.invalidArgument, op: op,
                    "Argument #4: Padding size should be less than the corresponding input dimension, but got: padding (\(left), \(right)) at dimension \(dim) of input \(x.shape)")
            }
        case "circular":
            guard left <= size && right <= size else {
                throw EmberError(.invalidArgument, op: op, "Padding value causes wrapping around more than once.")
            }
        default:
            guard size > 0 else {
                throw EmberError(.invalidArgument, op: op, "input tensor must not be empty to pad with mode \(mode), got \(x.shape)")
            }
        }
        return (0..<(size + left + right)).map { o in
            let i = o - left
            switch mode {
            case "reflect": return Int64(i < 0 ? -i : i >= size ? 2 * (size - 1) - i : i)
            case "replicate": return Int64(Swift.min(Swift.max(i, 0), size - 1))
            default: return Int64(((i % size) + size) % size)
            }
        }
    }
}

extension Functional {
    /// How ``pad(_:_:mode:value:)`` fills the new border.
    public enum PadMode: String, Sendable {
        /// A constant value (negative amounts crop).
        case constant
        /// The mirror image without repeating the edge: [1, 2, 3] pad 2 → [3, 2, 1, 2, 3, 2, 1].
        case reflect
        /// The edge value repeated.
        case replicate
        /// The tensor wrapped around.
        case circular
    }

    private static let padOp = EmberNN.handle("pad")

    /// Pads `input` (`F.pad`): `pad` lists (left, right) amounts for the last dimension, then
    /// the one before it, and so on. Non-constant modes pad the last 1–3 dimensions of a
    /// batched or unbatched input.
    public static func pad(_ input: Tensor, _ pad: [Int], mode: PadMode = .constant, value: Double? = nil) -> Tensor {
        Dispatcher.shared.callForTensor(padOp, [.tensor(input), .ints(pad), .string(mode.rawValue), value.map(IValue.double) ?? .none])
    }
}
