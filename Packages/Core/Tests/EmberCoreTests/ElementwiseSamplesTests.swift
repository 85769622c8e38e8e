import Testing
@testable import EmberCore
import EmberTestSupport

/// Runs every elementwise operator on its declared sample inputs for every dtype, and checks
/// float32/float16/bfloat16 results against the same inputs computed in float64.
@Suite struct ElementwiseSamplesTests {
    /// The operators the elementwise families define (read from a private dispatcher).
    static let names: [String] = {
        let d = Dispatcher()
        CoreOperators.registerUnaryOps(d)
        CoreOperators.registerBinaryOps(d)
        CoreOperators.registerComparisonOps(d)
        return d.operators.map(\.schema.name)
    }()

    static func widened(_ args: [IValue]) -> [IValue] {
        args.map { v in
            guard case .tensor(let t) = v, t.dtype.isFloatingPoint else { return v }
            let w = castTensor(t, to: .float64)
            w.isWrappedNumber = t.isWrappedNumber
            return .tensor(w)
        }
    }

    @Test func everyOperatorHasSamplesAndTheyRun() throws {
        #expect(ElementwiseSamplesTests.names.count > 100)
        for name in ElementwiseSamplesTests.names {
            let op = try Dispatcher.shared.lookup(name)
            let samples = try #require(Dispatcher.shared.definition(op).samples, "\(name) declares no samples")
            var ran = 0
            for dtype in DType.allCases {
                for args in samples(dtype) {
                    let results = try Dispatcher.shared.call(op, args)
                    let result = try #require(results.first?.tensorValue)
                    if name.hasSuffix("_") {
                        #expect(result === args[0].tensorValue, "\(name) must return self")
                    }
                    ran += 1
                }
            }
            #expect(ran > 0, "\(name) has no sample for any dtype")
        }
    }

    @Test(arguments: [DType.float32, .float16, .bfloat16])
    func lowerPrecisionAgreesWithFloat64(dtype: DType) throws {
        let rtol = dtype == .float32 ? 1e-5 : 2e-2
        for name in ElementwiseSamplesTests.names where !name.hasSuffix("_") {
            let op = try Dispatcher.shared.lookup(name)
            for args in Dispatcher.shared.definition(op).samples?(dtype) ?? [] {
                let low = try #require(try Dispatcher.shared.call(op, args).first?.tensorValue)
                let high = try #require(try Dispatcher.shared.call(op, ElementwiseSamplesTests.widened(args)).first?.tensorValue)
                #expect(low.dtype == (high.dtype == .float64 ? dtype : high.dtype), "\(name) \(dtype)")
                #expect(isClose(low, castTensor(high, to: low.dtype), rtol: rtol, atol: rtol), "\(name) \(dtype)")
            }
        }
    }
}
