import Testing
import EmberCore
import EmberAutograd
import EmberTestSupport
@testable import EmberNN

/// The seed's subclassed network: children found by reflection, in declaration order.
final class Net: Module {
    let hidden1 = Linear(1, 200)
    let hidden2 = Linear(200, 100)
    let predict = Linear(100, 1)

    override func forward(_ x: Tensor) -> Tensor { predict(hidden2(hidden1(x).relu()).relu()) }
}

/// A module mixing reflected state, an optional child and run-time registrations.
final class Mixed: Module {
    @Parameter var scale: Tensor = Tensor([1.0, 2.0], shape: [2])
    @Buffer var runningMean: Tensor = Tensor.zeros([2])
    @Buffer(persistent: false) var scratch: Tensor = Tensor.zeros([1])
    let encoder: Linear? = Linear(2, 2)
    let decoder: Linear? = nil

    override init() {
        super.init()
        registerParameter("weight_ih_l0", Tensor.ones([2, 2]))
        registerBuffer("num_batches_tracked", Tensor(Int64(0)))
    }
}

@Suite struct ModuleTreeTests {
    let fixture = try! Fixture("module")

    @Test func printedTreesMatchPyTorch() {
        let nested = Sequential(Linear(2, 3), Sequential(Linear(3, 3), Linear(3, 1)))
        let list = ModuleList([Linear(2, 2), Linear(2, 2), Linear(2, 2), Linear(2, 3)])
        let dict = ModuleDict(["enc": Linear(4, 2), "dec": Linear(2, 4)])
        let seq = Sequential(Linear(1, 200), Identity(), Linear(200, 1, bias: false))
        for (name, module) in [("net", Net() as Module), ("seq", seq), ("nested", nested), ("mlist", list), ("mdict", dict)] {
            #expect(module.description == fixture.string("repr_\(name)"), "\(name)")
            #expect(module.stateDict().keys == fixture.entries["keys_\(name)"] as? [String], "\(name)")
        }
    }

    @Test func namedParametersUseDottedNamesAndSnakeCase() {
        let m = Mixed()
        #expect(m.namedParameters().map(\.name) == ["scale", "weight_ih_l0", "encoder.weight", "encoder.bias"])
        #expect(m.namedBuffers().map(\.name) == ["running_mean", "scratch", "num_batches_tracked"])
        #expect(m.stateDict().keys == ["scale", "weight_ih_l0", "running_mean", "num_batches_tracked",
                                       "encoder.weight", "encoder.bias"])
        #expect(m.namedModules().map(\.name) == ["", "encoder"])
        #expect(m.parameters().allSatisfy { $0.requiresGrad && $0.isLeaf })
    }

    @Test func sharedModulesAndParametersAreListedOnce() {
        let shared = Linear(2, 2)
        let model = Sequential(shared, ReLUForTest(), shared)
        #expect(model.namedModules().map(\.name) == ["", "0", "1"])
        #expect(model.parameters().count == 2)
    }

    @Test func stateNamesAreSnakeCase() {
        #expect(Module.stateName("_runningMean") == "running_mean")
        #expect(Module.stateName("inProjWeight") == "in_proj_weight")
        #expect(Module.stateName("weightIH") == "weight_ih")
        #expect(Module.stateName("hidden1") == "hidden1")
        #expect(Module.stateName("linear1Bias") == "linear1_bias")
    }

    @Test func trainEvalReachEveryDescendant() {
        let model = Sequential(Linear(2, 2), Sequential(Linear(2, 2)))
        model.eval()
        #expect(model.modules().allSatisfy { !$0.training })
        model.train()
        #expect(model.modules().allSatisfy { $0.training })
        var order: [String] = []
        model.apply { order.append($0.typeName) }
        #expect(order == ["Linear", "Linear", "Sequential", "Sequential"])
    }

    @Test func containersIndexAppendInsertAndSlice() {
        let seq = Sequential(Linear(1, 2), Linear(2, 3), Linear(3, 4))
        #expect((seq[-1] as? Linear)?.outFeatures == 4)
        let tail = seq[1..<3]
        #expect(tail.namedChildren().map(\.name) == ["1", "2"])
        let list = ModuleList([Linear(1, 1)])
        list.insert(Linear(2, 2), at: 0)
        list.append(Linear(3, 3))
        #expect(list.map { ($0 as! Linear).inFeatures } == [2, 1, 3])
        #expect(list.namedChildren().map(\.name) == ["0", "1", "2"])
        let dict = ModuleDict(["a": Linear(1, 1)])
        dict["b"] = Linear(2, 2)
        #expect(dict.keys == ["a", "b"])
        #expect((dict.pop("a") as? Linear)?.inFeatures == 1)
        #expect(dict.keys == ["b"])
    }

    @Test func freezingZeroGradAndDTypeConversion() throws {
        let model = Sequential(Linear(3, 2))
        let y = model(Tensor.ones([4, 3])).sum()
        try y.backward()
        #expect(model.parameters().allSatisfy { $0.grad != nil })
        model.zeroGrad(setToNone: false)
        #expect(model.parameters().allSatisfy { $0.grad?.doubleScalars.allSatisfy { $0 == 0 } == true })
        model.zeroGrad()
        #expect(model.parameters().allSatisfy { $0.grad == nil })
        model.requiresGrad_(false)
        #expect(model.parameters().allSatisfy { !$0.requiresGrad })
        model.requiresGrad_(true)
        model.to(dtype: .float64)
        #expect(model.parameters().allSatisfy { $0.dtype == .float64 && $0.requiresGrad && $0.isLeaf })
        #expect(model(Tensor.ones([1, 3], dtype: .float64)).dtype == .float64)
    }
}

/// A parameterless layer for container tests (EmberNN's activations live elsewhere).
final class ReLUForTest: Module {
    override func forward(_ input: Tensor) -> Tensor { input.relu() }
    override var typeName: String { "ReLU" }
}
