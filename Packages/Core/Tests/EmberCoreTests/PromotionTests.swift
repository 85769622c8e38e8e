import Testing
@testable import EmberCore
import EmberTestSupport

/// Result dtypes of the elementwise operators against `torch.result_type` for every pair of
/// dtypes, as 1-d tensors, 0-d tensors and Swift numbers (Fixtures/elementwise.json).
@Suite struct PromotionTests {
    static let dtypes: [DType] = [.bool, .uint8, .int8, .int16, .int32, .int64, .float16, .bfloat16, .float32, .float64]

    func ones(_ dtype: DType, rank: Int) -> Tensor {
        castTensor(Tensor([1.0, 1.0].prefix(rank == 0 ? 1 : 2).map { $0 }, shape: rank == 0 ? [] : [2]), to: dtype)
    }

    @Test func tensorPairsMatchResultType() throws {
        let table = try #require(try Fixture("elementwise")["promotion"] as? [String: String])
        var checked = 0
        for x in Self.dtypes {
            for y in Self.dtypes {
                for (kx, ky, rx, ry) in [("1d", "1d", 1, 1), ("1d", "0d", 1, 0), ("0d", "0d", 0, 0)] {
                    let expected = try #require(table["\(kx):\(x),\(ky):\(y)"].flatMap { DType(name: $0) })
                    let product = ones(x, rank: rx) * ones(y, rank: ry)
                    #expect(product.dtype == expected, "mul \(kx) \(x) with \(ky) \(y)")
                    #expect(product.doubleScalars.allSatisfy { $0 == 1 })
                    #expect(ones(x, rank: rx).maximum(ones(y, rank: ry)).dtype == expected, "maximum \(x) \(y)")
                    #expect((ones(x, rank: rx) .== ones(y, rank: ry)).dtype == .bool)
                    checked += 1
                }
            }
        }
        #expect(checked == 300)
    }

    @Test func swiftNumbersMatchResultType() throws {
        let table = try #require(try Fixture("elementwise")["promotion"] as? [String: String])
        for x in Self.dtypes {
            for (label, scalar) in [("int", Scalar.int(2)), ("float", Scalar.double(2.5)), ("bool", Scalar.bool(true))] {
                for (kind, rank) in [("1d", 1), ("0d", 0)] {
                    let expected = try #require(table["\(kind):\(x),scalar:\(label)"].flatMap { DType(name: $0) })
                    #expect((ones(x, rank: rank) * scalar).dtype == expected, "\(kind) \(x) * \(label)")
                }
                let quotient = try #require(table["div:1d:\(x),scalar:\(label)"].flatMap { DType(name: $0) })
                #expect((ones(x, rank: 1) / scalar).dtype == quotient, "\(x) / \(label)")
            }
        }
    }

    @Test func floatingFunctionsPromoteIntegersToFloat32() {
        for dtype in [DType.bool, .uint8, .int8, .int16, .int32, .int64] {
            let t = ones(dtype, rank: 1)
            #expect(t.exp().dtype == .float32 && t.sqrt().dtype == .float32 && t.atan2(t).dtype == .float32)
            #expect(t.div(t).dtype == .float32)
        }
        let i = Tensor([7, -7])
        #expect(i.div(Tensor([2]), roundingMode: "floor").dtype == .int64)
        #expect(i.div(Tensor([2]), roundingMode: "floor").scalars(as: Int64.self) == [3, -4])
        #expect(i.div(Tensor([2]), roundingMode: "trunc").scalars(as: Int64.self) == [3, -3])
    }
}
