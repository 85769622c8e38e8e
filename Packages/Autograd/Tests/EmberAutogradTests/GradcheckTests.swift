import Testing
import EmberCore
@testable import EmberAutograd

/// Gradcheck (float64 finite differences) on hand-picked inputs, including broadcasting and
/// non-contiguous operands, and gradgradcheck for the second-order formulas.
@Suite struct GradcheckTests {
    let a = leaf([0.3, -1.2, 0.8, 1.5, -0.4, 0.9], [2, 3])
    let b = leaf([1.1, -0.7, 0.5], [3])
    let p = leaf([0.6, 1.3, 2.1, 0.9, 1.7, 0.4], [2, 3])  // positive
    let nc = transposedLeaf([0.2, -0.5, 1.4, 0.7, -1.1, 0.3], rows: 2, cols: 3)  // [2, 3], strides [1, 2]

    static let binary: [(String, @Sendable (Tensor, Tensor) -> Tensor)] = [
        ("add", { $0.add($1, alpha: 2) }), ("sub", { $0.sub($1) }), ("mul", { $0 * $1 }),
        ("div", { $0 / ($1 * $1 + Scalar.double(1)) }), ("maximum", { $0.maximum($1) }), ("minimum", { $0.minimum($1) }),
        ("atan2", { $0.atan2($1) }),
    ]

    @Test(arguments: 0..<7) func binaryOps(_ i: Int) throws {
        let f = GradcheckTests.binary[i].1
        try Autograd.gradcheck({ [f($0[0], $0[1])] }, inputs: [a, b])
        try Autograd.gradcheck({ [f($0[0], $0[1])] }, inputs: [nc, a])
        try Autograd.gradgradcheck({ [f($0[0], $0[1])] }, inputs: [a, b])
    }

    static let unary: [(String, @Sendable (Tensor) -> Tensor)] = [
        ("neg", { $0.neg() }), ("exp", { $0.exp() }), ("log", { $0.log() }), ("sqrt", { $0.sqrt() }),
        ("sigmoid", { $0.sigmoid() }), ("tanh", { $0.tanh() }), ("relu", { $0.relu() }), ("abs", { $0.abs() }),
        ("pow", { $0.pow(Scalar.double(2.5)) }), ("sin", { $0.sin() }), ("cos", { $0.cos() }), ("log1p", { $0.log1p() }),
        ("rsqrt", { $0.rsqrt() }), ("reciprocal", { $0.reciprocal() }), ("erf", { $0.erf() }), ("atan", { $0.atan() }),
        ("clamp", { $0.clamp(min: 0.7, max: 1.6) }), ("square", { $0.square() }), ("expm1", { $0.expm1() }),
        ("tan", { $0.tan() }), ("sinh", { $0.sinh() }), ("cosh", { $0.cosh() }), ("log2", { $0.log2() }),
    ]

    @Test(arguments: 0..<23) func unaryOps(_ i: Int) throws {
        let f = GradcheckTests.unary[i].1
        try Autograd.gradcheck({ [f($0[0])] }, inputs: [p])
        try Autograd.gradgradcheck({ [f($0[0])] }, inputs: [p])
    }

    @Test func reductionsAndSoftmax() throws {
        let fs: [([Tensor]) -> [Tensor]] = [
            { [$0[0].sum()] }, { [$0[0].sum(dim: 1)] }, { [$0[0].mean(dims: [0], keepdim: true)] },
            { [$0[0].amax(dim: 1)] }, { [$0[0].max()] }, { [$0[0].max(dim: 0).values] },
            { [$0[0].softmax(dim: 1)] }, { [$0[0].logSoftmax(dim: 0)] }, { [$0[0].logsumexp(dim: 1)] },
            { [$0[0].var(dim: 1)] }, { [$0[0].std()] }, { [$0[0].norm()] }, { [$0[0].prod(dim: 1)] },
            { [$0[0].cumsum(dim: 1)] }, { [$0[0].norm(p: 3, dim: 0)] },
        ]
        for (k, f) in fs.enumerated() {
            #expect(throws: Never.self, "reduction \(k)") { try Autograd.gradcheck(f, inputs: [nc]) }
            #expect(throws: Never.self, "reduction \(k) (2nd order)") { try Autograd.gradgradcheck(f, inputs: [a]) }
        }
    }

    @Test func prodWithZerosAndInfinityNorm() throws {
        let z = leaf([0.5, 0, 2, 0, 0, 3], [2, 3])
        try Autograd.gradcheck({ [$0[0].prod(dim: 1)] }, inputs: [z])
        try Autograd.gradcheck({ [$0[0].prod()] }, inputs: [leaf([0.5, 0, 2, 1.5], [2, 2])])
        try Autograd.gradcheck({ [$0[0].norm(p: .infinity, dim: 1)] }, inputs: [nc])
        try Autograd.gradcheck({ [$0[0].cumprod(dim: 1)] }, inputs: [z])
        try Autograd.gradgradcheck({ [$0[0].cumprod(dim: 1)] }, inputs: [z])
    }

    @Test func matrixProducts() throws {
        let m = leaf([0.5, -0.2, 1.0, 0.3, 0.7, -0.9], [3, 2])
        let v2 = leaf([0.4, -1.3], [2])
        let batch = leaf((0..<12).map { Double($0) * 0.1 - 0.5 }, [2, 2, 3])
        try Autograd.gradcheck({ [$0[0].mm($0[1])] }, inputs: [nc, m])
        try Autograd.gradgradcheck({ [$0[0].mm($0[1])] }, inputs: [a, m])
        try Autograd.gradcheck({ [$0[0].matmul($0[1])] }, inputs: [batch, m])
        try Autograd.gradcheck({ [$0[0].matmul($0[1])] }, inputs: [b, m])
        try Autograd.gradcheck({ [$0[0].matmul($0[1])] }, inputs: [m, v2])
        try Autograd.gradcheck({ [$0[0].matmul($0[1])] }, inputs: [b, leaf([0.2, 0.9, -0.3], [3])])
        try Autograd.gradgradcheck({ [$0[0].matmul($0[1])] }, inputs: [batch, m])
        try Autograd.gradcheck({ [$0[0].bmm($0[1])] }, inputs: [batch, leaf((0..<12).map { Double($0) * -0.07 + 0.3 }, [2, 3, 2])])
        try Autograd.gradcheck({ [$0[0].addmm($0[1], $0[2], beta: 0.5, alpha: 2)] }, inputs: [leaf([0.1, -0.2], [2]), nc, m])
        try Autograd.gradcheck({ [$0[0].dot($0[1]), $0[0].outer($0[1]), $0[2].mv($0[0])] }, inputs: [b, leaf([0.2, 0.9, -0.3], [3]), a])
    }

    @Test func viewsAndIndexing() throws {
        let idx = Tensor([2, 0, 2] as [Int64], shape: [3])
        let gidx = Tensor([0, 2, 1, 1] as [Int64], shape: [2, 2])
        let mask = Tensor([true, false, true, false, false, true], shape: [2, 3])
        let fs: [([Tensor]) -> [Tensor]] = [
            { [$0[0].contiguous().view([3, 2])] }, { [$0[0].transpose(0, 1)] }, { [$0[0].permute([1, 0])] },
            { [$0[0].unsqueeze(1).expand([2, 4, 3])] }, { [$0[0].select(dim: 1, index: 2)] },
            { [$0[0].slice(dim: 1, start: 0, end: 3, step: 2)] }, { [$0[0].diagonal()] }, { [$0[0].clone()] },
            { [Tensor.cat([$0[0], $0[0] * $0[0]], dim: 1)] }, { [Tensor.stack([$0[0], $0[0].exp()], dim: 0)] },
            { [$0[0].indexSelect(dim: 1, index: idx)] }, { [$0[0].gather(dim: 1, index: gidx)] },
            { [$0[0].maskedFill(mask, 0.5)] }, { [$0[0].flip([1])] }, { [$0[0].roll(1, dim: 1)] },
            { [$0[0].repeat([2, 1, 2])] }, { [$0[0].sort(dim: 1).values] }, { [$0[0].topk(2, dim: 1).values] },
            { [Tensor.where(mask, $0[0], $0[0].exp())] }, { [$0[0].to(.float64) * $0[0]] },
            { [$0[0].reshape([6]).squeeze()] }, { [$0[0].t()] },
        ]
        for (k, f) in fs.enumerated() {
            #expect(throws: Never.self, "view/indexing \(k)") { try Autograd.gradcheck(f, inputs: [nc]) }
        }
    }

    @Test func gradcheckCatchesAWrongDerivative() throws {
        struct Wrong: DifferentiableFunction {
            static func forward(_ ctx: FunctionContext, _ x: [Tensor]) throws -> [Tensor] { [x[0] * x[0]] }
            static func backward(_ ctx: FunctionContext, _ g: [Tensor]) throws -> [Tensor?] { [g[0]] }
        }
        #expect(throws: EmberError.self) { try Autograd.gradcheck({ try Wrong.apply($0) }, inputs: [b]) }
    }

    @Test func customFunctionWithSavedTensors() throws {
        struct Cube: DifferentiableFunction {
            static func forward(_ ctx: FunctionContext, _ x: [Tensor]) throws -> [Tensor] {
                ctx.saveForBackward(x[0])
                return [x[0] * x[0] * x[0]]
            }
            static func backward(_ ctx: FunctionContext, _ g: [Tensor]) throws -> [Tensor?] {
                let x = try ctx.savedTensors()[0]
                return [g[0] * x * x * Scalar.double(3)]
            }
        }
        let y = try Cube.apply(b)[0]
        #expect(y.gradFn?.name == "CubeBackward")
        try Autograd.gradcheck({ try Cube.apply($0) }, inputs: [b])
    }
}
