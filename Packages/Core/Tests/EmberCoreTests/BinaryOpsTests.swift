import Testing
@testable import EmberCore
import EmberTestSupport

/// Binary elementwise operators against PyTorch's values (Fixtures/elementwise.json): every
/// pair of a grid with signed zeros, infinities and NaN, the left operand a column [n, 1]
/// and the right a row [n], so each check also exercises broadcasting.
@Suite struct BinaryOpsTests {
    static let ops: [String: @Sendable (Tensor, Tensor) -> Tensor] = [
        "add": { $0 + $1 }, "sub": { $0 - $1 }, "mul": { $0 * $1 }, "div": { $0 / $1 },
        "div_trunc": { $0.div($1, roundingMode: "trunc") }, "div_floor": { $0.floorDivide($1) },
        "remainder": { $0 % $1 }, "fmod": { $0.fmod($1) }, "pow": { $0.pow($1) }, "atan2": { $0.atan2($1) },
        "maximum": { $0.maximum($1) }, "minimum": { $0.minimum($1) },
        "eq": { $0 .== $1 }, "ne": { $0 .!= $1 }, "lt": { $0 .< $1 }, "le": { $0 .<= $1 },
        "gt": { $0 .> $1 }, "ge": { $0 .>= $1 },
        "logical_and": { $0.logicalAnd($1) }, "logical_or": { $0.logicalOr($1) }, "logical_xor": { $0.logicalXor($1) },
        "bitwise_and": { $0 & $1 }, "bitwise_or": { $0 | $1 }, "bitwise_xor": { $0 ^ $1 },
    ]

    @Test(arguments: ["float32", "float64"])
    func floatGridMatchesPyTorch(dtype: String) throws {
        let fx = try Fixture("elementwise")
        let a = try fx.tensor("binary.a.\(dtype)"), b = try fx.tensor("binary.b.\(dtype)")
        let rtol = dtype == "float32" ? 1e-6 : 1e-14
        var checked = 0
        for (name, op) in BinaryOpsTests.ops.sorted(by: { $0.key < $1.key }) {
            guard let expected = try? fx.tensor("binary.\(name).\(dtype)") else { continue }
            expectClose(op(a, b), expected, rtol: rtol, atol: 0, "\(name) \(dtype)")
            checked += 1
        }
        #expect(checked == 21)
    }

    @Test(arguments: ["int64", "int32"])
    func integerGridMatchesPyTorch(dtype: String) throws {
        let fx = try Fixture("elementwise")
        let a = try fx.tensor("intbinary.a.\(dtype)"), b = try fx.tensor("intbinary.b.\(dtype)")
        var checked = 0
        for (name, op) in BinaryOpsTests.ops.sorted(by: { $0.key < $1.key }) where name != "pow" {
            guard let expected = try? fx.tensor("intbinary.\(name).\(dtype)") else { continue }
            expectClose(op(a, b), expected, rtol: 1e-6, atol: 0, "\(name) \(dtype)")
            checked += 1
        }
        #expect(checked == 23)
        expectClose(a.pow(try fx.tensor("intbinary.exp.\(dtype)")), try fx.tensor("intbinary.pow.\(dtype)"))
        let s = try fx.tensor("intbinary.shift.\(dtype)")
        expectClose(a << s, try fx.tensor("intbinary.lshift.\(dtype)"))
        expectClose(a >> s, try fx.tensor("intbinary.rshift.\(dtype)"))
    }

    @Test func narrowIntegersWrapAsPyTorch() throws {
        let fx = try Fixture("elementwise")
        let a8 = try fx.tensor("narrow.int8.a"), b8 = try fx.tensor("narrow.int8.b")
        #expect(a8.dtype == .int8)
        expectClose(a8 * b8, try fx.tensor("narrow.int8.mul"))
        expectClose(a8 + b8, try fx.tensor("narrow.int8.add"))
        expectClose(a8 - b8, try fx.tensor("narrow.int8.sub"))
        expectClose(a8.pow(b8.abs()), try fx.tensor("narrow.int8.pow"))
        expectClose(a8.floorDivide(b8), try fx.tensor("narrow.int8.div_floor"))
        expectClose(a8 % b8, try fx.tensor("narrow.int8.remainder"))
        expectClose(a8 << b8, try fx.tensor("narrow.int8.lshift"))
        expectClose(a8 >> b8, try fx.tensor("narrow.int8.rshift"))
        let au = try fx.tensor("narrow.uint8.a"), bu = try fx.tensor("narrow.uint8.b")
        expectClose(au - bu, try fx.tensor("narrow.uint8.sub"))
        expectClose(au * bu, try fx.tensor("narrow.uint8.mul"))
        expectClose(au + bu, try fx.tensor("narrow.uint8.add"))
        expectClose(au.floorDivide(bu), try fx.tensor("narrow.uint8.div_floor"))
        expectClose(au % bu, try fx.tensor("narrow.uint8.remainder"))
        expectClose(au >> Tensor([1, 2, 9, 7], dtype: .uint8), try fx.tensor("narrow.uint8.rshift"))
        let big = try fx.tensor("narrow.int64.a")
        #expect(big.floorDivide(Tensor(wrapping: -1)).scalars(as: Int64.self)
                == (try fx.tensor("narrow.int64.div_floor_m1")).scalars(as: Int64.self))
        #expect((big % -1).scalars(as: Int64.self) == (try fx.tensor("narrow.int64.remainder_m1")).scalars(as: Int64.self))
        #expect((big * 4).scalars(as: Int64.self) == (try fx.tensor("narrow.int64.mul4")).scalars(as: Int64.self))
    }

    @Test func boolOperandsMatchPyTorch() throws {
        let fx = try Fixture("elementwise")
        let a = try fx.tensor("boolbinary.a"), b = try fx.tensor("boolbinary.b")
        for name in ["add", "mul", "div", "eq", "ne", "lt", "ge", "maximum", "minimum", "logical_and", "logical_or",
                     "logical_xor", "bitwise_and", "bitwise_or", "bitwise_xor", "atan2"] {
            let result = try Dispatcher.shared.call(name, name == "add" ? [.tensor(a), .tensor(b), .scalar(1)]
                : name == "div" ? [.tensor(a), .tensor(b), .none] : [.tensor(a), .tensor(b)])
            expectClose(result.tensors[0], try fx.tensor("boolbinary.\(name)"), name)
        }
        #expect((~a).scalars(as: Bool.self) == [false, false, true, true])
    }

    @Test func nonContiguousOperands() {
        // at = [[1, 4], [2, 5], [3, 6]] as a transposed view of a row-major [2, 3] buffer.
        let base = Tensor([1.0, 2.0, 3.0, 4.0, 5.0, 6.0])
        let at = Tensor(storage: base.storage, shape: [3, 2], strides: [1, 3], storageOffset: 0, dtype: .float32)
        let b = Tensor([[10.0, 20.0], [30.0, 40.0], [50.0, 60.0]])
        #expect((at * b).scalars(as: Float.self) == [10, 80, 60, 200, 150, 360])
        #expect((b / at).scalars(as: Float.self) == [10, 5, 15, 8, 50.0 / 3.0, 10])
        #expect((at * at).scalars(as: Float.self) == [1, 16, 4, 25, 9, 36])
        #expect((at .> 2.5).scalars(as: Bool.self) == [false, true, false, true, true, true])
        // Broadcasting a row against the transposed view, and a column against a row.
        #expect(at.maximum(Tensor([2.5, 4.5])).scalars(as: Float.self) == [2.5, 4.5, 2.5, 5, 3, 6])
        let col = Tensor([[1], [2]]), row = Tensor([10, 20, 30])
        #expect((col * row).shape == [2, 3])
        #expect((col * row).scalars(as: Int64.self) == [10, 20, 30, 20, 40, 60])
    }

    @Test func scalarsOnEitherSide() {
        let i = Tensor([1, 2, 3], dtype: .int32)
        #expect((i * 2).dtype == .int32)
        #expect((i * 2.5).dtype == .float32)
        #expect((2.5 * i).scalars(as: Float.self) == [2.5, 5, 7.5])
        #expect((i / 2).scalars(as: Float.self) == [0.5, 1, 1.5])
        #expect((6 / i).scalars(as: Float.self) == [6, 3, 2])
        #expect((7 % i).scalars(as: Int32.self) == [0, 1, 1])
        #expect((i .== 2).scalars(as: Bool.self) == [false, true, false])
        #expect((2 .< i).scalars(as: Bool.self) == [false, false, true])
        #expect((i & 1).scalars(as: Int32.self) == [1, 0, 1])
        #expect((i << 2).scalars(as: Int32.self) == [4, 8, 12])
        let d = Tensor([1.0, 2.0], dtype: .float64)
        #expect((d * 2.5).dtype == .float64)
        #expect(d.pow(2).scalars(as: Double.self) == [1, 4])
        #expect(i.pow(0.5).dtype == .float32)
        #expect(i.pow(2).scalars(as: Int32.self) == [1, 4, 9])
        #expect(Tensor([-2.0, 2.0]).pow(3).scalars(as: Float.self) == [-8, 8])
        // A longer expression mixing tensors and numbers type-checks and evaluates left to right.
        let x = Tensor([1.0, 2.0]), y = Tensor([3.0, 4.0])
        let z = (x * y + x) / 2 - y * 3 + x % 2 - 1.5 * -x
        #expect(z.scalars(as: Float.self) == [-4.5, -4])
        let bools = Tensor([true, false])
        #expect((bools | true).scalars(as: Bool.self) == [true, true])
        #expect((bools ^ true).scalars(as: Bool.self) == [false, true])
    }

    @Test func integerPowerWithNegativeTensorExponent() {
        // A tensor exponent may be negative: 1 → 1, -1 → ±1, anything else → 0 (PyTorch).
        let r = Tensor([1, -1, -1, 2, 0]).pow(Tensor([-2, -3, -2, -1, -1]))
        #expect(r.scalars(as: Int64.self) == [1, -1, 1, 0, 0])
    }

    @Test func halfPrecisionComputesThroughFloat32() {
        let h = Tensor([1.5, -2.5], dtype: .float16)
        #expect((h * h).dtype == .float16)
        #expect((h * h).doubleScalars == [2.25, 6.25])
        #expect((h / 2).doubleScalars == [0.75, -1.25])
        #expect((h .< 0).scalars(as: Bool.self) == [false, true])
        #expect((Tensor([1.5], dtype: .bfloat16) * Tensor([2.0], dtype: .float16)).dtype == .float32)
    }
}
