import Testing
@testable import EmberCore
import EmberTestSupport

/// Every reduction operator declares sample inputs that run for the dtypes it supports,
/// including a non-contiguous input, and agree with a float64 evaluation of the same call.
@Suite struct ReductionSampleTests {
    static let operators = [
        "sum", "mean", "prod", "amax", "amin", "max", "min", "max.dim", "min.dim", "argmax", "argmin",
        "var", "std", "norm", "logsumexp", "cumsum", "cumprod", "all", "any", "count_nonzero",
        "softmax", "log_softmax",
    ]

    @Test(arguments: operators)
    func samplesRunForEveryDType(_ name: String) throws {
        let op = try Dispatcher.shared.lookup(name)
        let samples = try #require(Dispatcher.shared.definition(op).samples, "\(name) declares no samples")
        #expect(!samples(.float32).isEmpty && !samples(.float64).isEmpty)
        var sawNonContiguous = false
        for dtype in DType.allCases {
            for args in samples(dtype) {
                let results = try Dispatcher.shared.call(op, args).tensors
                #expect(!results.isEmpty)
                if case .tensor(let t) = args[0], !t.isContiguous { sawNonContiguous = true }
            }
        }
        #expect(sawNonContiguous, "\(name) has no non-contiguous sample")
    }

    @Test(arguments: operators)
    func float32SamplesAgreeWithFloat64(_ name: String) throws {
        let op = try Dispatcher.shared.lookup(name)
        let samples = try #require(Dispatcher.shared.definition(op).samples)
        for (single, double) in zip(samples(.float32), samples(.float64)) {
            let a = try Dispatcher.shared.call(op, single).tensors
            let b = try Dispatcher.shared.call(op, double).tensors
            for (x, y) in zip(a, b) {
                #expect(isClose(x, y, rtol: 1e-5, atol: 1e-5), "\(name): \(single)")
            }
        }
    }
}
