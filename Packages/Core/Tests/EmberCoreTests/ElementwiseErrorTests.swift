import Testing
@testable import EmberCore
import EmberTestSupport

/// Error messages of the elementwise operators, compared with PyTorch's (recorded in
/// Fixtures/elementwise.json under "errors").
@Suite struct ElementwiseErrorTests {
    let i = Tensor([1, 2, 3])
    let f = Tensor([1.0, 2.0, 3.0])
    let b = Tensor([true, false, true])

    func expectMessage(_ key: String, _ op: String, _ args: [IValue], sourceLocation: SourceLocation = #_sourceLocation) throws {
        let errors = try #require(try Fixture("elementwise")["errors"] as? [String: String])
        let expected = try #require(errors[key])
        do {
            _ = try Dispatcher.shared.call(op, args)
            Issue.record("\(op) did not throw; expected \(expected)", sourceLocation: sourceLocation)
        } catch let error as EmberError {
            #expect(error.message == expected, "\(key)", sourceLocation: sourceLocation)
            #expect(error.op == op, sourceLocation: sourceLocation)
        }
    }

    func copy(_ t: Tensor) -> Tensor { castTensor(t, to: t.dtype) }

    @Test func inPlaceCastRule() throws {
        try expectMessage("div_int_inplace", "div_", [.tensor(copy(i)), .tensor(Tensor(wrapping: 2)), .none])
        try expectMessage("mul_float_into_int", "mul_", [.tensor(copy(i)), .tensor(Tensor(wrapping: 2.5))])
        try expectMessage("exp_int_inplace", "exp_", [.tensor(copy(i))])
        try expectMessage("mul_int_into_bool", "mul_", [.tensor(copy(b)), .tensor(Tensor(wrapping: 2))])
        try expectMessage("square_bool_inplace", "square_", [.tensor(copy(b))])
        try expectMessage("broadcast_inplace", "mul_", [.tensor(Tensor([1.0])), .tensor(Tensor([1.0, 1.0]))])
    }

    @Test func failedInPlaceLeavesSelfUntouched() {
        let t = copy(i), v = t.version
        #expect(throws: EmberError.self) { try Dispatcher.shared.call("div_", [.tensor(t), .tensor(Tensor(wrapping: 2)), .none]) }
        #expect(t.scalars(as: Int64.self) == [1, 2, 3] && t.version == v)
    }

    @Test func integerDivisionByZero() throws {
        try expectMessage("zero_division_floor", "div", [.tensor(i), .tensor(Tensor(wrapping: 0)), .string("floor")])
        try expectMessage("zero_division_remainder", "remainder", [.tensor(i), .tensor(Tensor(wrapping: 0))])
        try expectMessage("zero_division_remainder", "fmod", [.tensor(i), .tensor(Tensor([1, 0, 1]))])
        try expectMessage("bad_rounding_mode", "div", [.tensor(i), .tensor(Tensor(wrapping: 2)), .string("round")])
        // Floating division by zero is not an error.
        #expect((f / 0).doubleScalars.allSatisfy { $0 == .infinity })
    }

    @Test func unsupportedDTypes() throws {
        try expectMessage("negative_int_power", "pow", [.tensor(i), .tensor(Tensor(wrapping: -1))])
        try expectMessage("bitwise_float", "bitwise_and", [.tensor(f), .tensor(f)])
        try expectMessage("bitwise_int_float", "bitwise_or", [.tensor(i), .tensor(f)])
        try expectMessage("bitwise_not_float", "bitwise_not", [.tensor(f)])
        try expectMessage("lshift_bool", "bitwise_left_shift", [.tensor(b), .tensor(b)])
        try expectMessage("neg_bool", "neg", [.tensor(b)])
        try expectMessage("neg_bool", "neg_", [.tensor(copy(b))])
        try expectMessage("abs_bool", "abs", [.tensor(b)])
        try expectMessage("relu_bool", "relu", [.tensor(b)])
        try expectMessage("sub_bool", "sub", [.tensor(b), .tensor(b), .scalar(1)])
        try expectMessage("frac_int", "frac", [.tensor(i)])
        try expectMessage("pow_bool", "pow", [.tensor(b), .tensor(b)])
        try expectMessage("remainder_bool", "remainder", [.tensor(b), .tensor(b)])
        try expectMessage("clamp_none", "clamp", [.tensor(f), .none, .none])
        try expectMessage("alpha_float_int", "add", [.tensor(i), .tensor(i), .scalar(2.5)])
    }

    @Test func shapeMismatchNamesOpAndShapes() {
        #expect {
            try Dispatcher.shared.call("mul", [.tensor(Tensor([1.0, 2.0])), .tensor(Tensor([1.0, 2.0, 3.0]))])
        } throws: { error in
            let e = error as? EmberError
            return e?.op == "mul" && e!.message.contains("[2]") && e!.message.contains("[3]")
        }
    }
}

/// clamp with Swift-number and tensor bounds against PyTorch.
@Suite struct ClampTests {
    @Test func matchesPyTorch() throws {
        let fx = try Fixture("elementwise")
        let x = try fx.tensor("clamp.x")
        expectClose(x.clamp(min: -1.0, max: 2.5), try fx.tensor("clamp.both"), rtol: 0)
        expectClose(x.clamp(min: 0.25), try fx.tensor("clamp.min"), rtol: 0)
        expectClose(x.clamp(max: 0.25), try fx.tensor("clamp.max"), rtol: 0)
        expectClose(x.clamp(min: 2.0, max: -1.0), try fx.tensor("clamp.inverted"), rtol: 0)
        expectClose(x.clamp(min: .double(.nan)), try fx.tensor("clamp.nanmin"), rtol: 0)
        let bounded = x.clamp(min: try fx.tensor("clamp.tmin"), max: try fx.tensor("clamp.tmax"))
        #expect(bounded.shape == [2, 7])
        expectClose(bounded, try fx.tensor("clamp.tensors"), rtol: 0)
        let i = try fx.tensor("clamp.int")
        expectClose(i.clamp(min: 0, max: 4), try fx.tensor("clamp.int_scalar"))
        expectClose(i.clamp(min: 0.5), try fx.tensor("clamp.int_float_bound"))
    }

    @Test func inPlaceWithTensorBoundsBroadcasts() {
        let t = Tensor([[-2.0, 0.5, 3.0], [4.0, -5.0, 0.0]], dtype: .float64)
        t.clamp_(min: Tensor([-1.0, 0.0, 1.0]), max: nil)
        #expect(t.scalars(as: Double.self) == [-1, 0.5, 3, 4, 0, 1])
    }
}
