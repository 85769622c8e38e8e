import Testing
@testable import EmberCore

/// Runs every indexing operator's registered sample inputs for every dtype: nothing may
/// throw, and each dtype's results must equal the float64 results (the samples hold small
/// integers, exact in every dtype), which catches a kernel registered for the wrong element
/// size or type.
@Suite struct IndexingSamplesTests {
    static let operators = [
        "cat", "stack", "repeat", "flip", "roll", "index_select", "gather", "scatter", "scatter_",
        "scatter_add", "scatter_add_", "masked_fill", "masked_fill_", "masked_select", "where",
        "nonzero", "sort", "argsort", "topk",
    ]

    @Test(arguments: IndexingSamplesTests.operators) func samplesAgreeAcrossDTypes(op: String) throws {
        let d = Dispatcher.shared
        let handle = try d.lookup(op)
        let samples = try #require(d.definition(handle).samples, "\(op) declares no samples")
        let reference = try samples(.float64).map { try d.call(handle, $0) }
        #expect(!reference.isEmpty)
        for dtype in DType.allCases where dtype != .float64 {
            let inputs = samples(dtype)
            if op == "topk" && dtype == .bool { #expect(inputs.isEmpty); continue }
            #expect(inputs.count == reference.count, "\(op) \(dtype)")
            for (i, args) in inputs.enumerated() {
                let results = try d.call(handle, args)
                guard dtype != .bool else { continue }
                for (r, e) in zip(results, reference[i]) {
                    let actual = try #require(r.tensorValue), expected = try #require(e.tensorValue)
                    #expect(actual.dtype == (expected.dtype == .float64 ? dtype : expected.dtype), "\(op) \(dtype) #\(i)")
                    #expect(actual.shape == expected.shape && actual.doubleScalars == expected.doubleScalars,
                            "\(op) \(dtype) sample \(i): \(actual.doubleScalars) vs \(expected.doubleScalars)")
                }
            }
        }
    }

    @Test func samplesIncludeNonContiguousInputs() throws {
        let d = Dispatcher.shared
        for op in IndexingSamplesTests.operators {
            let samples = try #require(d.definition(try d.lookup(op)).samples)
            let hasStrided = samples(.float32).contains { args in
                args.contains { value in
                    switch value {
                    case .tensor(let t): return !t.isContiguous
                    case .tensors(let ts): return ts.contains { !$0.isContiguous }
                    default: return false
                    }
                }
            }
            #expect(hasStrided, "\(op) has no non-contiguous sample")
        }
    }
}
