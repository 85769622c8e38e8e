import Testing
@testable import EmberCore
import EmberTestSupport

/// In-place elementwise operators: results, version bumps, PyTorch's rule that the result
/// dtype must be castable to self's, writes through views, and half precision.
@Suite struct ElementwiseInPlaceTests {
    @Test func inPlaceBumpsVersionAndKeepsIdentity() {
        let t = Tensor([1.0, 4.0, 9.0])
        let v = t.version
        let r = t.sqrt_()
        #expect(r === t)
        #expect(t.scalars(as: Float.self) == [1, 2, 3])
        #expect(t.version == v + 1)
        t.mul_(Tensor(wrapping: 2))
        t *= 0.5
        t /= 2
        #expect(t.scalars(as: Float.self) == [0.5, 1, 1.5])
        #expect(t.version == v + 4)
        t.neg_().abs_().exp_().log_().clamp_(max: 1.25).round_()
        #expect(t.scalars(as: Float.self) == [0, 1, 1])
        #expect(t.version == v + 10)
    }

    @Test func mixedDTypesMatchPyTorch() throws {
        let fx = try Fixture("elementwise")
        let f = try fx.tensor("inplace.f32")
        expectClose(castTensor(f, to: .float32).mul_(Tensor(Array(repeating: 1.0 / 3.0, count: 3), shape: [3])),
                    try fx.tensor("inplace.f32_mul_f64"), rtol: 0)
        expectClose(castTensor(f, to: .float32).div_(Tensor([2, -4, 3])), try fx.tensor("inplace.f32_div_int"), rtol: 0)
        let i = try fx.tensor("inplace.i64")
        expectClose(castTensor(i, to: .int64).div_(Tensor([2, 2, -4]), roundingMode: "floor"), try fx.tensor("inplace.i64_div_floor"))
        expectClose(castTensor(i, to: .int64).mul_(Tensor([true, false, true])), try fx.tensor("inplace.i64_mul_bool"))
        expectClose(try call("eq_", castTensor(i, to: .int64), Tensor(wrapping: 7)), try fx.tensor("inplace.i64_eq"))
        expectClose(try call("logical_and_", castTensor(i, to: .int64), Tensor([0.0, 1.0, .nan])),
                    try fx.tensor("inplace.i64_logical_and"))
        expectClose(castTensor(i, to: .int64).pow_(3), try fx.tensor("inplace.i64_pow"))
        let h = try fx.tensor("inplace.f16")
        let h1 = castTensor(h, to: .float16), v = h1.version
        h1.mul_(Tensor(wrapping: 3))
        #expect(h1.version == v + 1)
        expectClose(h1, try fx.tensor("inplace.f16_mul"))
        expectClose(castTensor(h, to: .float16).exp_(), try fx.tensor("inplace.f16_exp"))
    }

    @Test func writesThroughNonContiguousViews() {
        let base = Tensor([1.0, 2.0, 3.0, 4.0, 5.0, 6.0], dtype: .float64)
        let t = Tensor(storage: base.storage, shape: [3, 2], strides: [1, 3], storageOffset: 0, dtype: .float64)
        t.mul_(Tensor([10.0, 100.0], dtype: .float64))
        #expect(base.scalars(as: Double.self) == [10, 20, 30, 400, 500, 600])
        let evens = Tensor(storage: base.storage, shape: [3], strides: [2], storageOffset: 0, dtype: .float64)
        evens.neg_()
        #expect(base.scalars(as: Double.self) == [-10, 20, -30, 400, -500, 600])
        evens.add_(Tensor([1.0, 1.0, 1.0]))  // float32 operand, converted to the view's float64
        #expect(base.scalars(as: Double.self) == [-9, 20, -29, 400, -499, 600])
        // A float64 operand promotes the float32 view's result: computed out of place, then
        // written back through the strided view.
        let base32 = Tensor([1.0, 2.0, 3.0, 4.0])
        let odds = Tensor(storage: base32.storage, shape: [2], strides: [2], storageOffset: 1, dtype: .float32)
        let v = base32.version
        odds.mul_(Tensor([0.5, 0.25], dtype: .float64))
        #expect(base32.scalars(as: Float.self) == [1, 1, 3, 1])
        #expect(base32.version == v + 1)
    }

    @Test func integerInPlaceKeepsIntegerKernels() {
        let i = Tensor([-3, 0, 2])
        i.neg_()
        #expect(i.scalars(as: Int64.self) == [3, 0, -2])
        i.square_().relu_()
        #expect(i.scalars(as: Int64.self) == [9, 0, 4])
        i.clamp_(min: 1, max: 5)
        #expect(i.scalars(as: Int64.self) == [5, 1, 4])
        i.remainder_(Tensor(wrapping: -3))
        #expect(i.scalars(as: Int64.self) == [-1, -2, -2])
        let b = Tensor([true, false])
        b.logicalNot_()
        #expect(b.scalars(as: Bool.self) == [false, true])
    }

    func call(_ name: String, _ a: Tensor, _ b: Tensor) throws -> Tensor {
        try Dispatcher.shared.call(name, [.tensor(a), .tensor(b)]).tensors[0]
    }
}
