import Testing
import EmberCore
import EmberAutograd
import EmberTestSupport
@testable import EmberNN

@Suite struct InitTests {
    let fixture = try! Fixture("init")

    /// Runs the fixture script's sequence of initialisers under `manual_seed(0)`.
    func drawSequence(_ dtype: DType) -> [(String, Tensor)] {
        Generator.withDefault(Generator(seed: 0)) {
            func t(_ shape: Int...) -> Tensor { Tensor(empty: shape, dtype: dtype) }
            return [
                ("normal", Init.normal_(t(3, 4), mean: 1, std: 0.5)),
                ("xavier_uniform", Init.xavierUniform_(t(5, 3), gain: 2)),
                ("xavier_normal", Init.xavierNormal_(t(4, 6))),
                ("kaiming_normal", Init.kaimingNormal_(t(4, 3, 2), mode: .fanOut, nonlinearity: .relu)),
                ("kaiming_uniform", Init.kaimingUniform_(t(3, 5))),
                ("trunc_normal", Init.truncNormal_(t(20, 10), mean: 0.5, std: 2, a: -1, b: 3)),
                ("trunc_default", Init.truncNormal_(t(7))),
                ("trunc_tail", Init.truncNormal_(t(40), a: 1.5, b: 3)),
                ("orthogonal", Init.orthogonal_(t(4, 6))),
                ("orthogonal_tall", Init.orthogonal_(t(6, 3), gain: 1.5)),
                ("orthogonal_conv", Init.orthogonal_(t(3, 2, 2, 2))),
                ("uniform_after", Tensor.rand([3], dtype: dtype)),
            ]
        }
    }

    @Test(arguments: [DType.float32, .float64])
    func randomInitialisersEqualPyTorchUnderTheSameSeed(_ dtype: DType) throws {
        let tag = dtype == .float64 ? "64" : "32"
        for (name, value) in drawSequence(dtype) {
            #expect(value.dtype == dtype)
            // float32 draws are bit-equal; float64 uniforms may differ in the last bit (Core's
            // fused multiply-add); QR agrees to rounding.
            let rtol: Double = name.hasPrefix("orthogonal") ? (dtype == .float64 ? 1e-10 : 2e-5) : (dtype == .float64 ? 1e-14 : 0)
            expectClose(value, try fixture.tensor("\(name)\(tag)"), rtol: rtol, atol: rtol, name)
        }
    }

    @Test func orthogonalRowsAreOrthonormalAndTruncatedDrawsStayInRange() throws {
        let q = Init.orthogonal_(Tensor(empty: [5, 8], dtype: .float64), generator: Generator(seed: 3))
        expectClose(q.mm(q.t()), Tensor.eye(5, dtype: .float64), rtol: 0, atol: 1e-12)
        let t = Init.truncNormal_(Tensor(empty: [1000], dtype: .float64), a: -0.5, b: 0.25, generator: Generator(seed: 4))
        #expect(t.doubleScalars.allSatisfy { $0 >= -0.5 && $0 <= 0.25 })
    }

    @Test func deterministicInitialisersMatchPyTorch() throws {
        expectClose(Init.eye_(Tensor(empty: [3, 5])), try fixture.tensor("eye"), rtol: 0, atol: 0)
        expectClose(Init.dirac_(Tensor(empty: [4, 2, 3])), try fixture.tensor("dirac"), rtol: 0, atol: 0)
        expectClose(Init.dirac_(Tensor(empty: [4, 2, 3, 3]), groups: 2), try fixture.tensor("dirac_groups"), rtol: 0, atol: 0)
        expectClose(Init.constant_(Tensor(empty: [2, 3]), 0.3), try fixture.tensor("constant"), rtol: 0, atol: 0)
        #expect(Init.ones_(Tensor(empty: [2])).doubleScalars == [1, 1])
        #expect(Init.zeros_(Tensor(empty: [2])).doubleScalars == [0, 0])
    }

    @Test func initialisersDoNotRecordHistoryOnParameters() throws {
        let layer = Linear(3, 2)
        Init.xavierNormal_(layer.weight)
        Init.orthogonal_(layer.weight)
        Init.truncNormal_(layer.weight)
        #expect(layer.weight.isLeaf && layer.weight.requiresGrad)
        #expect(layer.weight.gradFn == nil)
    }

    @Test func householderQRReconstructsTheMatrix() {
        let a: [Double] = [2, -1, 0, 4, 1, 3, -2, 5, 1, 0, 2, -3]
        let qr = HouseholderQR(a, rows: 4, cols: 3)
        for i in 0..<4 {
            for j in 0..<3 {
                let value = (0..<3).reduce(0.0) { $0 + qr.q[i * 3 + $1] * qr.r[$1 * 3 + j] }
                #expect(abs(value - a[i * 3 + j]) < 1e-12)
            }
        }
    }
}
