import Foundation
import Testing
import EmberCore
@testable import EmberDistance

/// One array from the fixture file.
private struct Entry: Sendable {
    let shape: [Int]
    let data: [Double]
}

/// torch.cdist's values, written by Scripts/make_cdist_fixtures.py.
private let fixture: [String: Entry] = {
    let url = Bundle.module.url(forResource: "cdist", withExtension: "json", subdirectory: "Fixtures")!
    let json = try! JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: [String: Any]]
    return json.mapValues { Entry(shape: $0["shape"] as! [Int], data: ($0["data"] as! [NSNumber]).map(\.doubleValue)) }
}()

private func tensor(_ key: String, _ dtype: DType = .float64) -> Tensor {
    let e = fixture[key]!
    return Tensor(e.data, shape: e.shape).to(dtype)
}

private func maxDifference(_ a: Tensor, _ b: Tensor) -> Double {
    zip(a.doubleScalars, b.doubleScalars).map { abs($0 - $1) }.max() ?? 0
}

@Suite struct CDistTests {
    @Test(arguments: ["plain", "batched", "broadcast"], ["0.0", "1.0", "1.5", "2.0", "inf"])
    func matchesPyTorch(_ name: String, _ p: String) {
        let x1 = tensor(name + "_x1"), x2 = tensor(name + "_x2")
        let expected = tensor("\(name)_p\(p)")
        let actual = x1.cdist(x2, p: p == "inf" ? .infinity : Double(p)!)
        #expect(actual.shape == expected.shape)
        #expect(maxDifference(actual, expected) < 1e-12)
        let single = x1.to(.float32).cdist(x2.to(.float32), p: p == "inf" ? .infinity : Double(p)!)
        #expect(single.dtype == .float32)
        #expect(maxDifference(single, expected) < 1e-4)
    }

    @Test func handWorkedExample() {
        let a = Tensor([0.0, 0.0, 3.0, 4.0], shape: [2, 2])
        let b = Tensor([0.0, 0.0], shape: [1, 2])
        #expect(a.cdist(b).scalars(as: Double.self) == [0, 5])
        #expect(a.cdist(b, p: 1).scalars(as: Double.self) == [0, 7])
        #expect(a.cdist(b, p: .infinity).scalars(as: Double.self) == [0, 4])
        #expect(a.cdist(b, p: 0).scalars(as: Double.self) == [0, 2])
    }

    @Test func emptyInputsGiveEmptyOutputs() {
        let a = Tensor(empty: [0, 2], dtype: .float32)
        #expect(a.cdist(Tensor(empty: [4, 2], dtype: .float32)).shape == [0, 4])
    }

    @Test func errorsUsePyTorchsMessages() {
        let d = Dispatcher.shared
        EmberDistance.register()
        let f = Tensor([Float](repeating: 1, count: 6), shape: [2, 3])
        func message(_ args: [IValue]) -> String {
            do { _ = try d.call("distance::cdist", args); return "" } catch { return "\(error)" }
        }
        #expect(message([.tensor(Tensor([Int64](repeating: 1, count: 6), shape: [2, 3])), .tensor(f), .double(2)])
            .hasPrefix("distance::cdist: no kernel for 'distance::cdist' on (int64, cpu)"))
        #expect(message([.tensor(f), .tensor(Tensor([Float](repeating: 1, count: 8), shape: [2, 4])), .double(2)])
            == "cdist: X1 and X2 must have the same number of columns. X1: 3 X2: 4")
        #expect(message([.tensor(f), .tensor(f), .double(-1)]) == "cdist: cdist only supports non-negative p values")
        #expect(message([.tensor(Tensor([Float](repeating: 1, count: 3), shape: [3])), .tensor(f), .double(2)])
            == "cdist: cdist only supports at least 2D tensors, X1 got: 1D")
    }

    @Test func registrationIsIdempotentAndCarriesProvenance() throws {
        EmberDistance.register()
        EmberDistance.register()
        let op = try Dispatcher.shared.lookup("distance::cdist")
        let info = Dispatcher.shared.info(op)
        #expect(info.definition.package == "EmberDistance")
        #expect(Set(info.kernels.compactMap(\.dtype)) == [.float16, .bfloat16, .float32, .float64])
        // A private dispatcher gets its own copy of the operator.
        let d = Dispatcher()
        EmberDistance.register(into: d)
        #expect(throws: Never.self) { try d.lookup("distance::cdist") }
    }
}
