import Testing
@testable import EmberCore

/// The sample inputs the view operators declare for the conformance suites: every operator
/// has some for every dtype, and they run.
@Suite struct ViewSampleTests {
    static let operators = [
        "view", "reshape", "as_strided", "alias", "permute", "transpose", "t", "movedim", "squeeze", "unsqueeze",
        "flatten", "unflatten", "expand", "expand_as", "select", "slice", "narrow", "unbind", "split",
        "split_with_sizes", "chunk", "diagonal", "clone", "contiguous", "copy_",
    ]

    @Test(arguments: DType.allCases) func samplesExistAndRun(dtype: DType) throws {
        let d = Dispatcher.shared
        for name in ViewSampleTests.operators {
            let op = try d.lookup(name)
            let declared = try #require(d.definition(op).samples, "\(name) declares samples")
            let samples = declared(dtype)
            #expect(!samples.isEmpty && samples.count <= 3, "\(name): 1 to 3 samples")
            for args in samples {
                let results = try d.call(op, args)
                let outputs = results.flatMap { r -> [Tensor] in
                    if case .tensors(let ts) = r { return ts }
                    return r.tensorValue.map { [$0] } ?? []
                }
                #expect(!outputs.isEmpty, "\(name) returns tensors")
                for t in outputs { #expect(t.dtype == dtype, "\(name) keeps the dtype") }
            }
        }
    }

    @Test func samplesIncludeNonContiguousInputs() throws {
        let d = Dispatcher.shared
        for name in ViewSampleTests.operators {
            let samples = d.definition(try d.lookup(name)).samples?(.float32) ?? []
            let layouts = samples.compactMap { $0.first?.tensorValue?.isContiguous }
            #expect(layouts.contains(false), "\(name) has a non-contiguous sample")
        }
    }
}
