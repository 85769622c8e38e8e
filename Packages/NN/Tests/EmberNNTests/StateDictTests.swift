import Testing
import EmberCore
import EmberAutograd
@testable import EmberNN

@Suite struct StateDictTests {
    @Test func roundTripCopiesValuesIntoTheSameParameters() throws {
        let source = Sequential(Linear(3, 2), Linear(2, 1))
        let target = Sequential(Linear(3, 2), Linear(2, 1))
        let weight = target.parameters()[0]
        let keys = try target.loadStateDict(source.stateDict())
        #expect(keys == IncompatibleKeys(missingKeys: [], unexpectedKeys: []))
        #expect(target.parameters()[0] === weight)  // copied in place, identity kept
        for (a, b) in zip(source.parameters(), target.parameters()) {
            #expect(a.doubleScalars == b.doubleScalars)
        }
        #expect(weight.requiresGrad && weight.isLeaf)
    }

    @Test func stateDictSharesStorageButIsDetached() {
        let layer = Linear(2, 2)
        let saved = layer.stateDict()["weight"]!
        #expect(!saved.requiresGrad)
        #expect(saved.storage === layer.weight.storage)
    }

    @Test func strictLoadingReportsMissingUnexpectedAndSizeMismatchLikePyTorch() {
        let model = Linear(3, 3)
        var dict = StateDict()
        dict["weight"] = Tensor.zeros([2, 3])
        dict["extra"] = Tensor.zeros([1])
        let text = errorText { try model.loadStateDict(dict) }
        #expect(text == """
            Error(s) in loading state_dict for Linear:
            \tMissing key(s) in state_dict: "bias". 
            \tUnexpected key(s) in state_dict: "extra". 
            \tsize mismatch for weight: copying a param with shape torch.Size([2, 3]) from checkpoint, the shape in current model is torch.Size([3, 3]).
            """)
        #expect(model.weight.doubleScalars.contains { $0 != 0 })  // nothing copied
    }

    @Test func nonStrictLoadingReturnsTheIncompatibleKeys() throws {
        let model = Linear(2, 2)
        let result = try model.loadStateDict(["weight": Tensor.ones([2, 2], dtype: .float64), "other": Tensor.ones([1])],
                                             strict: false)
        #expect(result.missingKeys == ["bias"])
        #expect(result.unexpectedKeys == ["other"])
        #expect(model.weight.dtype == .float32)
        #expect(model.weight.doubleScalars == [1, 1, 1, 1])
    }

    @Test func subdictAndOrder() {
        let dict: StateDict = ["a.x": Tensor.ones([1]), "b.y": Tensor.zeros([1]), "a.z": Tensor.ones([2])]
        #expect(dict.keys == ["a.x", "b.y", "a.z"])
        #expect(dict.subdict(prefix: "a.").keys == ["x", "z"])
    }
}
