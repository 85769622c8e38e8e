import Testing
@testable import EmberCore
import EmberTestSupport

/// Unary elementwise operators against PyTorch's values (Fixtures/elementwise.json, written
/// by Scripts/make_elementwise_fixtures.py) over a grid with negatives, zero, large values,
/// infinities and NaN.
@Suite struct UnaryOpsTests {
    static let floatOps: [String: @Sendable (Tensor) -> Tensor] = [
        "exp": { $0.exp() }, "expm1": { $0.expm1() }, "log": { $0.log() }, "log2": { $0.log2() },
        "log10": { $0.log10() }, "log1p": { $0.log1p() }, "sqrt": { $0.sqrt() }, "rsqrt": { $0.rsqrt() },
        "reciprocal": { $0.reciprocal() }, "sigmoid": { $0.sigmoid() }, "erf": { $0.erf() },
        "sin": { $0.sin() }, "cos": { $0.cos() }, "tan": { $0.tan() }, "asin": { $0.asin() },
        "acos": { $0.acos() }, "atan": { $0.atan() }, "sinh": { $0.sinh() }, "cosh": { $0.cosh() },
        "tanh": { $0.tanh() }, "neg": { -$0 }, "abs": { $0.abs() }, "sign": { $0.sign() },
        "square": { $0.square() }, "relu": { $0.relu() }, "floor": { $0.floor() }, "ceil": { $0.ceil() },
        "trunc": { $0.trunc() }, "frac": { $0.frac() }, "round": { $0.round() },
        "round_d2": { $0.round(decimals: 2) }, "round_dm1": { $0.round(decimals: -1) },
        "isnan": { $0.isnan() }, "isinf": { $0.isinf() }, "isfinite": { $0.isfinite() },
        "logical_not": { $0.logicalNot() },
    ]

    @Test(arguments: ["float32", "float64"])
    func floatGridMatchesPyTorch(dtype: String) throws {
        let fx = try Fixture("elementwise")
        let x = try fx.tensor("unary.input.\(dtype)")
        let rtol = dtype == "float32" ? 1e-5 : 1e-12
        for (name, op) in UnaryOpsTests.floatOps.sorted(by: { $0.key < $1.key }) {
            expectClose(op(x), try fx.tensor("unary.\(name).\(dtype)"), rtol: rtol, atol: 1e-30, "\(name) \(dtype)")
        }
    }

    static let intOps: [String: @Sendable (Tensor) -> Tensor] = [
        "neg": { $0.neg() }, "abs": { $0.abs() }, "sign": { $0.sign() }, "square": { $0.square() },
        "relu": { $0.relu() }, "floor": { $0.floor() }, "ceil": { $0.ceil() }, "trunc": { $0.trunc() },
        "round": { $0.round() }, "exp": { $0.exp() }, "sqrt": { $0.sqrt() }, "sigmoid": { $0.sigmoid() },
        "reciprocal": { $0.reciprocal() }, "sin": { $0.sin() }, "isnan": { $0.isnan() },
        "isinf": { $0.isinf() }, "isfinite": { $0.isfinite() }, "logical_not": { $0.logicalNot() },
        "bitwise_not": { ~$0 },
    ]

    @Test(arguments: ["int64", "int32", "int8", "uint8"])
    func integerInputsMatchPyTorch(dtype: String) throws {
        let fx = try Fixture("elementwise")
        let x = try fx.tensor("intunary.input.\(dtype)")
        for (name, op) in UnaryOpsTests.intOps.sorted(by: { $0.key < $1.key }) {
            expectClose(op(x), try fx.tensor("intunary.\(name).\(dtype)"), "\(name) \(dtype)")
        }
    }

    @Test func boolInputsMatchPyTorch() throws {
        let fx = try Fixture("elementwise")
        let x = try fx.tensor("boolunary.input")
        let ops: [String: (Tensor) -> Tensor] = [
            "sign": { $0.sign() }, "square": { $0.square() }, "exp": { $0.exp() }, "sqrt": { $0.sqrt() },
            "logical_not": { $0.logicalNot() }, "bitwise_not": { ~$0 }, "isfinite": { $0.isfinite() },
            "isnan": { $0.isnan() },
        ]
        for (name, op) in ops { expectClose(op(x), try fx.tensor("boolunary.\(name)"), name) }
    }

    @Test func roundHalvesToEvenWithDecimals() throws {
        let fx = try Fixture("elementwise")
        let x = try fx.tensor("unary.round_halves.input")
        expectClose(x.round(), try fx.tensor("unary.round_halves.d0"), rtol: 0)
        expectClose(x.round(decimals: 2), try fx.tensor("unary.round_halves.d2"), rtol: 0)
        expectClose(x.round(decimals: -2), try fx.tensor("unary.round_halves.dm2"), rtol: 0)
        #expect(Tensor([0.5, 1.5, 2.5, -2.5]).round().scalars(as: Float.self) == [0, 2, 2, -2])
    }

    @Test func sigmoidIsStableForLargeMagnitudes() {
        let x = Tensor([-1000.0, -100.0, 0.0, 100.0, 1000.0], dtype: .float64)
        let y = x.sigmoid().scalars(as: Double.self)
        #expect(y[0] == 0 && y[4] == 1 && y[2] == 0.5)
        #expect(Swift.abs(y[1] - 3.720075976020836e-44) < 1e-56)
        #expect(!y.contains { $0.isNaN })
    }

    @Test func nonContiguousInputs() {
        // [[1, 2, 3], [4, 5, 6]] read as its transpose [[1, 4], [2, 5], [3, 6]].
        let base = Tensor([1.0, 2.0, 3.0, 4.0, 5.0, 6.0], dtype: .float64)
        let t = Tensor(storage: base.storage, shape: [3, 2], strides: [1, 3], storageOffset: 0, dtype: .float64)
        #expect(!t.isContiguous)
        #expect(t.square().scalars(as: Double.self) == [1, 16, 4, 25, 9, 36])
        #expect(t.neg().shape == [3, 2])
        expectClose(t.exp(), Tensor([1.0, 4, 2, 5, 3, 6], dtype: .float64).exp().reshapedCopy([3, 2]))
        // An offset, strided view of every other element.
        let odd = Tensor(storage: base.storage, shape: [3], strides: [2], storageOffset: 1, dtype: .float64)
        #expect(odd.sqrt().scalars(as: Double.self) == [Double(2).squareRoot(), 2, Double(6).squareRoot()])
    }

    @Test func integerResultDTypes() {
        let i = Tensor([-3, 0, 2])
        #expect(i.exp().dtype == .float32)
        #expect(i.neg().dtype == .int64 && i.abs().dtype == .int64 && i.relu().dtype == .int64)
        #expect(i.floor().dtype == .int64)
        #expect(Tensor([true, false]).square().dtype == .int64)
        #expect(Tensor([1.5], dtype: .float64).exp().dtype == .float64)
        let h = Tensor([0.5, 1.5], dtype: .float16)
        #expect(h.exp().dtype == .float16 && h.isnan().dtype == .bool)
        #expect(Swift.abs(h.exp().doubleScalars[1] - 4.48046875) < 1e-9)  // exp(1.5) in float16
    }
}

extension Tensor {
    /// A contiguous copy reshaped (tests only).
    fileprivate func reshapedCopy(_ shape: [Int]) -> Tensor {
        let c = castTensor(self, to: dtype)
        return Tensor(storage: c.storage, shape: shape, strides: Tensor.contiguousStrides(for: shape), dtype: dtype)
    }
}
