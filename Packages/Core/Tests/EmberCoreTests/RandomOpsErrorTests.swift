import Testing
@testable import EmberCore
import EmberTestSupport

/// Error messages of the random operators, compared with PyTorch's (recorded in
/// Fixtures/random.json under "errors"), and the dispatcher's Generator plumbing.
@Suite struct RandomOpsErrorTests {
    let messages: [String: String]
    init() throws { messages = try Fixture("random")["errors"] as? [String: String] ?? [:] }

    private func call(_ name: String, _ args: [IValue]) -> String? {
        emberErrorMessage { try Dispatcher.shared.call(name, args) }
    }

    private let g: IValue = .generator(Generator(seed: 0))

    @Test func messagesMatchPyTorch() {
        let empty3 = IValue.tensor(Tensor.empty(3))
        let cases: [(String, String?)] = [
            ("randint_5_5", call("randint", [.int(5), .int(5), .ints([3]), g, .none, .none])),
            ("randint_uint8_300", call("randint", [.int(0), .int(300), .ints([3]), g, .dtype(.uint8), .none])),
            ("randint_int8_200", call("randint", [.int(0), .int(200), .ints([3]), g, .dtype(.int8), .none])),
            ("rand_negative", call("rand", [.ints([-1]), g, .none, .none])),
            ("randn_negative", call("randn", [.ints([2, -3]), g, .none, .none])),
            ("uniform_reversed", call("uniform_", [empty3, .double(2), .double(1), g])),
            ("normal_negative_std", call("normal_", [empty3, .double(0), .double(-1), g])),
            ("normal_tensor_negative_std", call("normal", [.tensor(Tensor.zeros(3)), .tensor(Tensor([-1.0, -1.0, -1.0])), g])),
            ("exponential_negative", call("exponential_", [empty3, .double(-1), g])),
            ("bernoulli_scalar_p", call("bernoulli_", [empty3, .tensor(Tensor(wrapping: 1.5)), g])),
            ("multinomial_negative", call("multinomial", [.tensor(Tensor([0.5, -1.0])), .int(1), .bool(false), g])),
            ("multinomial_zero_sum", call("multinomial", [.tensor(Tensor([0.0, 0.0])), .int(1), .bool(false), g])),
            ("multinomial_3d", call("multinomial", [.tensor(Tensor.ones(1, 1, 2)), .int(1), .bool(false), g])),
            ("multinomial_too_many", call("multinomial", [.tensor(Tensor.ones(3)), .int(5), .bool(false), g])),
            ("multinomial_int", call("multinomial", [.tensor(Tensor.ones(3, dtype: .int64)), .int(1), .bool(false), g])),
            ("randperm_uint8_257", call("randperm", [.int(257), g, .dtype(.uint8), .none])),
            ("randperm_half_3000", call("randperm", [.int(3000), g, .dtype(.float16), .none])),
            ("rand_int64", call("rand_like", [.tensor(Tensor.zeros(2, dtype: .int64)), g, .none])),
        ]
        #expect(cases.count == messages.count)
        for (key, message) in cases {
            #expect(message != nil && message == messages[key], "\(key)")
        }
    }

    @Test func negativeStdScalarAndNonFloatErrors() {
        let wrapped = call("normal", [.tensor(Tensor.zeros(3)), .tensor(Tensor(wrapping: -1.0)), g])
        #expect(wrapped == "normal expects std >= 0.0, but found std -1")
        #expect(call("normal_", [.tensor(Tensor.zeros(2, dtype: .int32)), .double(0), .double(1), g])?
                .contains("no kernel for 'normal_' on (int32, cpu)") == true)
        #expect(call("exponential_", [.tensor(Tensor.zeros(2, dtype: .int64)), .double(1), g])
                == "Exponential distribution is a continuous probability distribution. dtype must be a floating point but you specified Long")
        #expect(call("bernoulli", [.tensor(Tensor.zeros(2, dtype: .int64)), .none, g])
                == "\"bernoulli_tensor_cpu_p_\" not implemented for 'Long'")
        #expect(call("bernoulli_", [.tensor(Tensor.empty(3)), .tensor(Tensor([0.5, 1.5])), g])?.contains("[2]") == true)
    }

    @Test func generatorIsAValueTypeOfTheSchemaLanguage() throws {
        let schema = try Schema("f(Tensor self, *, Generator? generator=None) -> Tensor")
        #expect(schema.arguments[1].type == .optional(.generator))
        #expect(schema.description == "f(Tensor self, *, Generator? generator=None) -> Tensor")
        #expect(schema.isRandom)
        #expect(!(try Schema("g(Tensor self) -> Tensor")).isRandom)
        #expect(throws: EmberError.self) { try Schema("h(Generator generator=0) -> Tensor") }
        let args = Arguments([.none, .generator(Generator(seed: 5)), .int(1)], op: "f")
        #expect(try args.optionalGenerator(0) == nil)
        #expect(try args.optionalGenerator(1)?.initialSeed == 5)
        #expect(throws: EmberError.self) { try args.optionalGenerator(2) }
        let bound = try schema.bind(positional: [.tensor(Tensor.zeros(1))])
        if case .none = bound[1] {} else { Issue.record("generator default should be None") }
    }

    @Test func randomOperatorsAreMarkedAndDeclareNoSamples() {
        let random = Dispatcher.shared.operators.filter { $0.schema.isRandom }.map(\.schema.name)
        #expect(Set(random) == ["uniform_", "rand", "rand_like", "normal_", "randn", "randn_like", "normal", "random_",
                               "randint", "randperm", "bernoulli_", "bernoulli", "exponential_", "multinomial"])
        for info in Dispatcher.shared.operators where info.schema.isRandom {
            #expect(info.definition.samples == nil, "\(info.schema.name)")
        }
    }

    @Test func halfPrecisionGoesThroughFloat32() {
        let g1 = Generator(seed: 0), g2 = Generator(seed: 0)
        let h = Tensor.rand(20, generator: g1, dtype: .float16)
        let f = Tensor.rand(20, generator: g2)
        #expect(h.doubleScalars == f.to(.float16).doubleScalars)  // PyTorch: rand(half) == rand().half()
        let small = Tensor.randn(5, generator: Generator(seed: 0), dtype: .bfloat16)
        #expect(small.doubleScalars == Tensor.randn(5, generator: Generator(seed: 0)).to(.bfloat16).doubleScalars)
        let r = Tensor.empty(6, dtype: .float16).random_(to: 3000, generator: Generator(seed: 0))
        let reference = Tensor.empty(6, dtype: .int64).random_(to: 3000, generator: Generator(seed: 0))
        #expect(r.doubleScalars == reference.to(.float16).doubleScalars)
    }

    @Test func statistics() {
        let g = Generator(seed: 11)
        let n = Tensor.randn(20000, generator: g, dtype: .float64).doubleScalars
        let mean = n.reduce(0, +) / Double(n.count)
        let variance = n.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(n.count)
        #expect(abs(mean) < 0.03 && abs(variance - 1) < 0.05)
        let e = Tensor.empty(20000, dtype: .float64).exponential_(lambd: 2, generator: g).doubleScalars
        #expect(abs(e.reduce(0, +) / Double(e.count) - 0.5) < 0.02)
        let counts = Tensor([1.0, 3.0], shape: [2]).multinomial(numSamples: 4000, replacement: true, generator: g)
            .scalars(as: Int64.self).reduce(0, +)
        #expect(abs(Double(counts) / 4000 - 0.75) < 0.03)
    }
}
