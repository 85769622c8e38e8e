import EmberCore

// bilinear(input1, input2, weight, bias): y_o = Σ_ij x1_i W_oij x2_j + b_o over the last
// dimension, with equal batch dimensions ([*, in1], [*, in2], [out, in1, in2] → [*, out]).
// A composite (as in ATen): one matmul against W laid out [in1, out · in2], then a product
// with x2 summed over in2, so autograd differentiates it (twice) through those operators.

enum BilinearOp {
    static let schema = "bilinear(Tensor input1, Tensor input2, Tensor weight, Tensor? bias=None) -> Tensor"

    static func register(_ d: Dispatcher) throws {
        let op = try d.define(schema, package: EmberNN.package, doc: "y = x1ᵀ W x2 + b for each output feature.")
        d.registerComposite(op, package: EmberNN.package) { args in
            [.tensor(try compute(try args.tensor(0), try args.tensor(1), try args.tensor(2), try args.optionalTensor(3)))]
        }
        d.registerSamples(op) { dtype in
            guard dtype.isFloatingPoint else { return [] }
            let x1 = SampleData.tensor([0.3, -1.2, 0.8, 2.0, -0.5, 0.1], [3, 2], dtype)
            let x2 = SampleData.tensor([0.7, 0.2, -0.9, 1.1, -0.3, 0.4, 0.5, -1.4, 0.6], [3, 3], dtype)
            let w = SampleData.tensor((0..<24).map { Double(($0 * 7) % 11) * 0.2 - 1 }, [4, 2, 3], dtype)
            let b = SampleData.tensor([0.1, -0.2, 0.3, 0.5], [4], dtype)
            return [[.tensor(x1), .tensor(x2), .tensor(w), .tensor(b)],
                    [.tensor(x1.reshape([3, 1, 2])), .tensor(x2.reshape([3, 1, 3])), .tensor(w), .none]]
        }
    }

    static func compute(_ x1: Tensor, _ x2: Tensor, _ weight: Tensor, _ bias: Tensor?) throws -> Tensor {
        try validate(x1, x2, weight, bias)
        let out = weight.shape[0], in1 = weight.shape[1], in2 = weight.shape[2]
        let batch = Array(x1.shape.dropLast())
        let w = weight.permute([1, 0, 2]).reshape([in1, out * in2])
        let partial = x1.reshape([-1, in1]).mm(w).reshape([-1, out, in2])
        var y = (partial * x2.reshape([-1, in2]).unsqueeze(1)).sum(dim: -1)
        if let bias { y = y + bias }
        return y.reshape(batch + [out])
    }

    private static func validate(_ x1: Tensor, _ x2: Tensor, _ weight: Tensor, _ bias: Tensor?) throws {
        func fail(_ message: String) -> EmberError { EmberError(.shapeMismatch, op: "bilinear", "bilinear(): " + message) }
        guard weight.rank == 3 else { throw fail("weight must be 3-D, got \(weight.shape)") }
        guard x1.rank == x2.rank else { throw fail("input dimensions do not match: got \(x1.rank) and \(x2.rank)") }
        guard x1.rank >= 1 else { throw fail("inputs must have at least 1 dimension") }
        for i in 0..<(x1.rank - 1) where x1.shape[i] != x2.shape[i] {
            throw fail("input batch dimensions do not match at dim \(i): got \(x1.shape[i]) and \(x2.shape[i])")
        }
        guard x1.shape.last == weight.shape[1] else {
            throw fail("input1 size does not match weight size: got \(x1.shape.last!) but expected \(weight.shape[1])")
        }
        guard x2.shape.last == weight.shape[2] else {
            throw fail("input2 size does not match weight size: got \(x2.shape.last!) but expected \(weight.shape[2])")
        }
        if let bias, bias.shape.first != weight.shape[0] {
            throw fail("bias size does not match weight size: got \(bias.shape.first ?? 0) but expected \(weight.shape[0])")
        }
    }
}

extension Functional {
    private static let bilinearOp = EmberNN.handle("bilinear")

    /// `x1ᵀ W x2 + b` per output feature (`F.bilinear`): input1 [*, in1], input2 [*, in2],
    /// weight [out, in1, in2], bias [out] → [*, out].
    public static func bilinear(_ input1: Tensor, _ input2: Tensor, weight: Tensor, bias: Tensor? = nil) -> Tensor {
        Dispatcher.shared.callForTensor(bilinearOp, [.tensor(input1), .tensor(input2), .tensor(weight), bias.map(IValue.tensor) ?? .none])
    }
}
