import Testing
@testable import EmberCore
import EmberTestSupport

/// The product operators against values and messages PyTorch computed
/// (Scripts/make_linalg_fixtures.py).
@Suite struct LinalgFixtureTests {
    /// An operand as the fixture describes it: a stored tensor seen through a view.
    static func operand(_ spec: [String: Any], _ fixture: Fixture) throws -> Tensor {
        let stored = try fixture.tensor(spec["key"] as? String ?? "")
        let view = spec["view"] as? String ?? ""
        var shape = stored.shape, strides = stored.strides
        let r = shape.count
        switch view {
        case "":
            return stored
        case "T":
            shape.swapAt(r - 2, r - 1)
            strides.swapAt(r - 2, r - 1)
        case "step2":
            shape[r - 1] /= 2
            strides[r - 1] *= 2
        default:
            guard view.hasPrefix("bcast"), let n = Int(view.dropFirst(5)) else {
                throw EmberError(.invalidFile, op: "Fixture", "unknown view \(view)")
            }
            shape[0] = n
            strides[0] = 0
        }
        let t = Tensor(storage: stored.storage, shape: shape, strides: strides, dtype: stored.dtype)
        #expect(!t.isContiguous, "view \(view) should be non-contiguous")
        return t
    }

    static func scalar(_ value: Any) -> IValue {
        if let i = value as? Int, "\(value)" == "\(i)" { return .scalar(.int(Int64(i))) }
        return .scalar(.double((value as? Double) ?? 0))
    }

    @Test func valuesMatchPyTorch() throws {
        let fixture = try Fixture("linalg")
        let cases = try #require(fixture["cases"] as? [[String: Any]])
        #expect(cases.count > 100)
        for c in cases {
            let name = c["name"] as? String ?? "?", op = c["op"] as? String ?? "?"
            let inputs = try (c["inputs"] as? [[String: Any]] ?? []).map { try Self.operand($0, fixture) }
            let scalars = (c["scalars"] as? [Any] ?? []).map(Self.scalar)
            let expected = try fixture.tensor(name)
            let result = try Dispatcher.shared.call(op, inputs.map { .tensor($0) } + scalars)
            let actual = try #require(result.first?.tensorValue, "\(name)")
            #expect(actual.shape == expected.shape, "\(name): shape \(actual.shape) != \(expected.shape)")
            #expect(actual.isContiguous, "\(name)")
            let rtol = c["rtol"] as? Double ?? (expected.dtype == .float64 ? 1e-10 : 1e-4)
            let atol = rtol / 10
            expectClose(actual, expected, rtol: rtol, atol: atol, name)
        }
    }

    @Test func errorMessagesMatchPyTorch() throws {
        let fixture = try Fixture("linalg")
        let errors = try #require(fixture["errors"] as? [[String: Any]])
        #expect(errors.count > 50)
        for e in errors {
            let op = e["op"] as? String ?? "?", message = e["message"] as? String ?? "?"
            let inputs: [IValue] = (e["inputs"] as? [[String: Any]] ?? []).map { spec in
                let shape = spec["shape"] as? [Int] ?? []
                let dtype = DType(name: spec["dtype"] as? String ?? "") ?? .float32
                return .tensor(castTensor(Tensor([Double](repeating: 1, count: shape.reduce(1, *)), shape: shape), to: dtype))
            }
            let scalars = (e["scalars"] as? [Any] ?? []).map(Self.scalar)
            let context = "\(op) \(inputs)"
            do {
                _ = try Dispatcher.shared.call(op, inputs + scalars)
                Issue.record("\(context) did not throw; PyTorch: \(message)")
            } catch let error as EmberError {
                #expect(error.op == op, "\(context)")
                // Where PyTorch's text itself starts with the op's name, compare Ember's
                // `op: message` description.
                let ember = message.hasPrefix("\(op): ") ? error.description : error.message
                if e["prefix"] as? Bool == true {
                    #expect(ember.hasPrefix(message) && ember != message,
                            "\(context)\n  ember:   \(ember)\n  pytorch: \(message)")
                } else {
                    #expect(ember == message, "\(context)\n  ember:   \(ember)\n  pytorch: \(message)")
                }
            }
        }
    }
}
