import Testing
@testable import EmberCore

@Suite struct SchemaTests {
    @Test func parsesPyTorchNotationAndPrintsItBack() throws {
        let text = "sum(Tensor self, int[]? dim=None, bool keepdim=False, *, ScalarType? dtype=None) -> Tensor"
        let s = try Schema(text)
        #expect(s.name == "sum")
        #expect(s.arguments.map(\.name) == ["self", "dim", "keepdim", "dtype"])
        #expect(s.arguments[1].type == .optional(.list(.int)))
        #expect(s.arguments[3].isKeywordOnly)
        #expect(s.description == text)
    }

    @Test func parsesNamedResultsAndAliasAnnotations() throws {
        let s = try Schema("max_dim(Tensor(a!) self, int dim, bool keepdim=False) -> (Tensor values, Tensor indices)")
        #expect(s.results.map(\.name) == ["values", "indices"])
        #expect(s.arguments[0].type == .tensor)
    }

    @Test func readsDefaultsOfEveryType() throws {
        let s = try Schema("f(float eps=1e-05, Scalar alpha=1, int[] dims=[0, 1], str mode='mean', float? p=None) -> Tensor")
        let values = try s.bind(positional: [])
        guard case .double(let eps) = values[0], case .scalar(.int(1)) = values[1],
              case .ints(let dims) = values[2], case .string("mean") = values[3], case .none = values[4]
        else { Issue.record("unexpected defaults \(values)"); return }
        #expect(eps == 1e-5)
        #expect(dims == [0, 1])
    }

    @Test func bindReportsMissingAndUnknownArguments() throws {
        let s = try Schema("add(Tensor self, Tensor other, *, Scalar alpha=1) -> Tensor")
        #expect(throws: EmberError(.invalidArgument, op: "add",
            "missing required argument 'other' (Tensor); schema: add(Tensor self, Tensor other, *, Scalar alpha=1) -> Tensor")) {
            try s.bind(positional: [.none])
        }
        #expect(throws: EmberError(.invalidArgument, op: "add",
            "got an unexpected keyword argument 'beta'; schema: add(Tensor self, Tensor other, *, Scalar alpha=1) -> Tensor")) {
            try s.bind(positional: [.none, .none], named: ["beta": .int(1)])
        }
    }

    @Test func rejectsMalformedSchemas() {
        #expect(throws: EmberError.self) { try Schema("f(Tensor self") }
        #expect(throws: EmberError.self) { try Schema("f(Quaternion q) -> Tensor") }
        #expect(throws: EmberError.self) { try Schema("f(Tensor a, Tensor a) -> Tensor") }
        #expect(throws: EmberError.self) { try Schema("f(int n=abc) -> Tensor") }
    }

    @Test func literalValuesFollowTheArgumentType() throws {
        #expect(try IValue(literal: "[0, 1]", for: .list(.int)).description == "[0, 1]")
        #expect(try IValue(literal: "2", for: .list(.int)).description == "[2]")
        #expect(try IValue(literal: "true", for: .bool).description == "True")
        #expect(try IValue(literal: "0.5", for: .scalar).description == "0.5")
        #expect(try IValue(literal: "null", for: .optional(.int)).description == "None")
        #expect(throws: EmberError.self) { try IValue(literal: "null", for: .int) }
        #expect(throws: EmberError.self) { try IValue(literal: "1.5", for: .int) }
    }
}
