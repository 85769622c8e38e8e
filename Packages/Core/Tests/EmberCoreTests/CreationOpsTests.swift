import Testing
@testable import EmberCore
import EmberTestSupport

/// Creation operators against PyTorch (Fixtures/creation.json) and by hand.
@Suite struct CreationOpsTests {
    let fixture: Fixture
    init() throws { fixture = try Fixture("creation") }

    private func expected(_ key: String) throws -> Tensor { try fixture.tensor(key) }

    @Test func zerosOnesFullEmpty() throws {
        let z = Tensor.zeros(2, 3)
        #expect(z.shape == [2, 3] && z.dtype == .float32 && z.doubleScalars == [0, 0, 0, 0, 0, 0])
        #expect(Tensor.ones([2], dtype: .int32).scalars(as: Int32.self) == [1, 1])
        #expect(Tensor.ones(3, dtype: .bool).scalars(as: Bool.self) == [true, true, true])
        #expect(Tensor.zeros().shape == [] && Tensor.zeros().count == 1)
        expectExact(Tensor.full([2, 2], 7), try expected("full_int"))
        expectExact(Tensor.full([2, 2], 1.5), try expected("full_float"))
        expectExact(Tensor.full([2], true), try expected("full_bool"))
        #expect(Tensor.full([3], 2.5, dtype: .float64).scalars(as: Double.self) == [2.5, 2.5, 2.5])
        #expect(Tensor.full([2], .int(Int64.max - 1)).scalars(as: Int64.self) == [Int64.max - 1, Int64.max - 1])
        #expect(Tensor.full([5], -3, dtype: .uint8).scalars(as: UInt8.self) == [253, 253, 253, 253, 253])
        let e = Tensor.empty(4, 0, dtype: .float64)
        #expect(e.shape == [4, 0] && e.dtype == .float64)
    }

    @Test func linspaceMatchesPyTorchBitForBit() throws {
        expectExact(Tensor.linspace(-1, 1, steps: 100), try expected("linspace_-1_1_100"))
        expectExact(Tensor.linspace(-10, 10, steps: 100), try expected("linspace_-10_10_100"))
        let cases: [(Scalar, Scalar, Int, String)] = [
            (0.1, 2.9, 33, "0.1_2.9_33"), (-3.3, 7.7, 1000, "-3.3_7.7_1000"), (1, 0, 5, "1_0_5"),
            (-1, 1, 101, "-1_1_101"), (0, 1, 2, "0_1_2"), (3, 3, 4, "3_3_4"), (0, 1, 1, "0_1_1"),
        ]
        for (s, e, n, key) in cases {
            expectExact(Tensor.linspace(s, e, steps: n), try expected("linspace_\(key)_f32"), key)
            expectExact(Tensor.linspace(s, e, steps: n, dtype: .float64), try expected("linspace_\(key)_f64"), key)
        }
        expectExact(Tensor.linspace(0, 10, steps: 5, dtype: .int32), try expected("linspace_0_10_5_int32"))
        expectExact(Tensor.linspace(-7, 20, steps: 10, dtype: .int64), try expected("linspace_-7_20_10_int64"))
        #expect(Tensor.linspace(0, 1, steps: 0).shape == [0])
        let ends = Tensor.linspace(-0.3, 11.7, steps: 77).scalars(as: Float.self)
        #expect(ends.first == Float(-0.3) && ends.last == Float(11.7))
    }

    @Test func arangeLengthsAndValues() throws {
        let cases: [(Scalar, Scalar, Scalar, String)] = [
            (0, 1, 0.1, "0_1_0.1"), (1, 2.5, 0.5, "1_2.5_0.5"), (-1, 1, 0.3, "-1_1_0.3"), (0, 0.3, 0.1, "0_0.3_0.1"),
            (0.3, 28.29, 0.7, "0.3_28.29_0.7"), (-7.3, 150.1, 0.37, "-7.3_150.1_0.37"), (10, 0, -3, "10_0_-3"),
        ]
        for (s, e, st, key) in cases {
            expectExact(Tensor.arange(s, e, step: st, dtype: .float32), try expected("arange_\(key)_f32"), key)
            expectExact(Tensor.arange(s, e, step: st, dtype: .float64), try expected("arange_\(key)_f64"), key)
        }
        expectExact(Tensor.arange(5), try expected("arange_5"))
        expectExact(Tensor.arange(10, 0, step: -3), try expected("arange_10_0_-3"))
        expectExact(Tensor.arange(0.5, 5, step: 1.5, dtype: .int64), try expected("arange_0.5_5_1.5_int64"))
        expectExact(Tensor.arange(0, 10, step: 2.5), try expected("arange_0_10_2.5"))
        #expect(Tensor.arange(0, 1, step: 0.1).count == 10)
        #expect(Tensor.arange(0, 0.3, step: 0.1).count == 3)  // length in float64, not float32
        #expect(Tensor.arange(5, dtype: .uint8).scalars(as: UInt8.self) == [0, 1, 2, 3, 4])
        #expect(Tensor.arange(5, 5).shape == [0])
    }

    @Test func logspace() throws {
        for (s, e, n, b, key) in [(-2.0, 2.0, 10, 10.0, "-2_2_10_10.0"), (0, 3, 7, 2, "0_3_7_2.0"),
                                  (-1.3, 2.7, 40, 2.718281828459045, "-1.3_2.7_40_2.718281828459045")] {
            expectExact(Tensor.logspace(.double(s), .double(e), steps: n, base: b, dtype: .float64),
                        try expected("logspace_\(key)_f64"), key)
            // float32: PyTorch's vectorised pow may differ in the last place.
            expectClose(Tensor.logspace(.double(s), .double(e), steps: n, base: b),
                        try expected("logspace_\(key)_f32"), rtol: 2.5e-7, atol: 0, key)
        }
        expectExact(Tensor.logspace(0, 3, steps: 4, base: 2, dtype: .int64), try expected("logspace_0_3_4_2_int64"))
    }

    @Test func eyeShapesAndDTypes() throws {
        expectExact(Tensor.eye(3), try expected("eye_3"))
        expectExact(Tensor.eye(2, 4, dtype: .int64), try expected("eye_2_4_int64"))
        expectExact(Tensor.eye(3, 2, dtype: .bool), try expected("eye_3_2_bool"))
        #expect(Tensor.eye(0).shape == [0, 0])
    }

    @Test func likeOperatorsKeepShapeDTypeAndLayout() {
        let t = Tensor([[1, 2, 3], [4, 5, 6]], dtype: .int32)
        let z = Tensor.zeros(like: t)
        #expect(z.shape == [2, 3] && z.dtype == .int32 && z.scalars(as: Int32.self) == [0, 0, 0, 0, 0, 0])
        #expect(Tensor.ones(like: t, dtype: .float64).scalars(as: Double.self) == [1, 1, 1, 1, 1, 1])
        #expect(Tensor.full(like: t, 9).scalars(as: Int32.self) == [9, 9, 9, 9, 9, 9])
        #expect(Tensor.empty(like: t).shape == [2, 3])
        let transposed = Tensor(storage: Tensor.zeros(3, 2).storage, shape: [2, 3], strides: [1, 2], dtype: .float32)
        let o = Tensor.ones(like: transposed)
        #expect(o.strides == [1, 2] && o.doubleScalars == [1, 1, 1, 1, 1, 1])
        let sliced = Tensor(storage: Tensor.zeros(4, 4).storage, shape: [2, 2], strides: [8, 2], dtype: .float32)
        #expect(Tensor.zeros(like: sliced).isContiguous)
    }

    @Test func errorsMatchPyTorch() throws {
        let messages = try #require(fixture["errors"] as? [String: String])
        func call(_ name: String, _ args: [IValue]) -> String? {
            emberErrorMessage { try Dispatcher.shared.call(name, args) }
        }
        let cases: [(String, String?)] = [
            ("arange_zero_step", call("arange", [.scalar(0), .scalar(5), .scalar(0), .none, .none])),
            ("arange_bad_sign", call("arange", [.scalar(5), .scalar(0), .scalar(1), .none, .none])),
            ("arange_inf", call("arange", [.scalar(0), .scalar(.double(.infinity)), .scalar(1), .none, .none])),
            ("linspace_negative", call("linspace", [.scalar(0), .scalar(1), .int(-1), .none, .none])),
            ("eye_negative_n", call("eye", [.int(-1), .none, .none, .none])),
            ("eye_negative_m", call("eye", [.int(2), .int(-1), .none, .none])),
            ("zeros_negative", call("zeros", [.ints([2, -1]), .none, .none])),
            ("ones_negative", call("ones", [.ints([-1]), .none, .none])),
        ]
        #expect(cases.count == messages.count)
        for (key, message) in cases {
            #expect(message != nil && message == messages[key], "\(key): \(message ?? "no error")")
        }
        #expect(call("arange", [.scalar(0), .scalar(3), .scalar(1), .dtype(.bool), .none])?.contains("no kernel") == true)
        #expect(call("zeros", [.ints([2]), .none, .device(Device(.init("cuda")))])?.contains("no kernel for 'zeros' on (float32, cuda)") == true)
    }

    @Test func creationOperatorsDeclareSamples() throws {
        for name in ["zeros", "ones", "full", "empty", "arange", "linspace", "logspace", "eye", "zeros_like", "full_like"] {
            let info = Dispatcher.shared.info(try Dispatcher.shared.lookup(name))
            let sampler = try #require(info.definition.samples, "\(name)")
            let samples = sampler(.float32)
            #expect(!samples.isEmpty, "\(name)")
            for args in samples {
                let out = try Dispatcher.shared.call(name, args)
                #expect(out.first?.tensorValue?.dtype == .float32, "\(name)")
            }
        }
    }
}
