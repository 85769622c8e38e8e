import EmberCore

extension Autograd {
    /// Checks the analytical gradients of `f` at `inputs` against central finite
    /// differences (PyTorch's `gradcheck`). Inputs should be float64; those that require
    /// grad are checked. Throws an error describing the first mismatch; returns `true`.
    @discardableResult
    public static func gradcheck(
        _ f: ([Tensor]) throws -> [Tensor], inputs: [Tensor], eps: Double = 1e-6, atol: Double = 1e-5, rtol: Double = 1e-3
    ) throws -> Bool {
        let checked = inputs.indices.filter { inputs[$0].requiresGrad }
        let outputs = try f(inputs).filter { $0.dtype.isFloatingPoint }
        let analytical = try analyticalJacobians(outputs, inputs: checked.map { inputs[$0] })
        for (n, i) in checked.enumerated() {
            let numerical = try numericalJacobian(f, inputs: inputs, index: i, eps: eps, outputCount: outputs.count)
            for k in outputs.indices {
                let a = analytical[n][k], num = numerical[k]
                for p in a.indices {
                    for j in a[p].indices where Swift.abs(a[p][j] - num[p][j]) > atol + rtol * Swift.abs(num[p][j]) {
                        throw AutogradError.error("Jacobian mismatch for output \(k) with respect to input \(i), "
                            + "element (\(p), \(j)): numerical \(num[p][j]), analytical \(a[p][j])")
                    }
                }
            }
        }
        return true
    }

    /// Checks second derivatives: gradcheck of the map from (inputs, grad outputs) to the
    /// input gradients computed with `createGraph` (PyTorch's `gradgradcheck`).
    @discardableResult
    public static func gradgradcheck(
        _ f: @escaping ([Tensor]) throws -> [Tensor], inputs: [Tensor], eps: Double = 1e-6, atol: Double = 1e-5,
        rtol: Double = 1e-3
    ) throws -> Bool {
        let outputs = try f(inputs).filter { $0.dtype.isFloatingPoint && $0.requiresGrad }
        var seed: UInt64 = 0x9E37_79B9_7F4A_7C15
        let gradOutputs = try outputs.map { o -> Tensor in
            let values = (0..<o.count).map { _ -> Double in
                seed = seed &* 6364136223846793005 &+ 1442695040888963407
                return Double(seed >> 11) / Double(1 << 53) * 2 - 1
            }
            return try Tensor(values, shape: o.shape).requiresGrad_()
        }
        let n = inputs.count
        let checked = inputs.filter(\.requiresGrad)
        func firstOrder(_ all: [Tensor]) throws -> [Tensor] {
            let outs = try f(Array(all[..<n])).filter { $0.dtype.isFloatingPoint && $0.requiresGrad }
            let diff = Array(all[..<n]).enumerated().filter { inputs[$0.offset].requiresGrad }.map(\.element)
            return try grad(outputs: outs, inputs: diff, gradOutputs: Array(all[n...]), createGraph: true, allowUnused: true)
                .compactMap { $0 }
        }
        _ = checked
        return try gradcheck(firstOrder, inputs: inputs + gradOutputs, eps: eps, atol: atol, rtol: rtol)
    }

    /// `[input][output][input element][output element]` from one backward per output element.
    private static func analyticalJacobians(_ outputs: [Tensor], inputs: [Tensor]) throws -> [[[[Double]]]] {
        var result = inputs.map { x in outputs.map { o in Array(repeating: Array(repeating: 0.0, count: o.count), count: x.count) } }
        for (k, o) in outputs.enumerated() where o.requiresGrad {
            for j in 0..<o.count {
                var onehot = [Double](repeating: 0, count: o.count)
                onehot[j] = 1
                let seed = Tensor(onehot, shape: o.shape).to(o.dtype)
                let grads = try grad(outputs: [o], inputs: inputs, gradOutputs: [seed], retainGraph: true, allowUnused: true)
                for (i, g) in grads.enumerated() {
                    guard let g else { continue }
                    let values = flatDoubles(g)
                    for p in values.indices { result[i][k][p][j] = values[p] }
                }
            }
        }
        return result
    }

    /// `[output][input element][output element]` by central differences on input `index`.
    private static func numericalJacobian(_ f: ([Tensor]) throws -> [Tensor], inputs: [Tensor], index: Int, eps: Double, outputCount: Int) throws -> [[[Double]]] {
        let x = inputs[index]
        precondition(x.dtype == .float64, "gradcheck: inputs must be float64, got \(x.dtype)")
        let base = x.dataPointer.assumingMemoryBound(to: Double.self)
        var columns: [[[Double]]] = []
        for p in 0..<x.count {
            var offset = 0, rest = p
            for d in stride(from: x.rank - 1, through: 0, by: -1) {
                offset += (rest % x.shape[d]) * x.strides[d]
                rest /= x.shape[d]
            }
            let v = base[offset]
            base[offset] = v + eps
            let plus = try f(inputs).filter { $0.dtype.isFloatingPoint }.map(flatDoubles)
            base[offset] = v - eps
            let minus = try f(inputs).filter { $0.dtype.isFloatingPoint }.map(flatDoubles)
            base[offset] = v
            columns.append(zip(plus, minus).map { a, b in zip(a, b).map { ($0 - $1) / (2 * eps) } })
        }
        return (0..<outputCount).map { k in columns.map { $0[k] } }
    }

    /// The elements of `t` as doubles in row-major order.
    static func flatDoubles(_ t: Tensor) -> [Double] {
        noGrad { t.to(.float64).contiguous().scalars(as: Double.self) }
    }
}
