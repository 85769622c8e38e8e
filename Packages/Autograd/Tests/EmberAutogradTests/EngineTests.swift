import Foundation
import Testing
import EmberCore
@testable import EmberAutograd

@Suite struct EngineTests {
    @Test func bceGradientIsSigmoidMinusTargetOverN() throws {
        let xv = [-4.5, 0.7, 3.3], yv = [1.0, 0, 1]
        let x = leaf(xv, [3]), y = Tensor(yv, shape: [3])
        let s = x.sigmoid()
        let loss = (y * s.log() + (Scalar.double(1) - y) * (Scalar.double(1) - s).log()).mean().neg()
        try loss.backward()
        let expected = zip(xv, yv).map { (1 / (1 + Foundation.exp(-$0)) - $1) / 3 }
        #expect(close(doubles(x.grad), expected, tol: 1e-12))
        #expect(loss.gradFn?.name == "NegBackward0")
        #expect(s.gradFn?.name == "SigmoidBackward0")
        #expect(x.isLeaf && !s.isLeaf)
    }

    @Test func float32GradientsStayFloat32AndBroadcastReduces() throws {
        let a = Tensor([1, 2, 3, 4, 5, 6] as [Float], shape: [2, 3])
        let b = Tensor([10, 20, 30] as [Float], shape: [3])
        a.requiresGrad = true
        b.requiresGrad = true
        try (a * b).sum().backward()
        #expect(b.grad?.dtype == .float32 && b.grad?.shape == [3])
        #expect(doubles(b.grad) == [5, 7, 9])
        #expect(doubles(a.grad) == [10, 20, 30, 10, 20, 30])
        let c = Tensor([1, 2] as [Float], shape: [2])
        c.requiresGrad = true
        try (c.to(.float64) * Tensor([3.0, 4], shape: [2])).sum().backward()
        #expect(c.grad?.dtype == .float32 && doubles(c.grad) == [3, 4])
    }

    @Test func settingGradBeforeRequiresGradStillRecords() throws {
        let x = Tensor([1.0, 2], shape: [2])
        x.grad = Tensor([0.5, 0.5], shape: [2])
        x.requiresGrad = true
        try (x * x).sum().backward()
        #expect(doubles(x.grad) == [2.5, 4.5])
    }

    @Test func leafGradientsAreOwnedContiguousBuffers() throws {
        let a = leaf([1, 2], [2]), b = leaf([3, 4], [2])
        try (a + b).sum().backward()
        #expect(a.grad !== b.grad && a.grad?.storage !== b.grad?.storage)
        #expect(a.grad?.isContiguous == true && a.grad?.strides == [1])
    }

    @Test func functionalGradOverALongChain() throws {
        let x = leaf([2], [1])
        var y = x
        for _ in 0..<20_000 { y = y * Scalar.double(1) }
        #expect(doubles(try Autograd.grad(outputs: [y.sum()], inputs: [x])[0]) == [1])
    }

    @Test func accumulatesAcrossBackwardCalls() throws {
        let x = leaf([1, 2], [2])
        try (x * x).sum().backward()
        try (x * x).sum().backward()
        #expect(doubles(x.grad) == [4, 8])
    }

    @Test func errorsUsePyTorchWording() throws {
        let x = leaf([1, 2, 3], [3])
        #expect(message { try (x * x).backward() } == "grad can be implicitly created only for scalar outputs")
        #expect(message { try Tensor([1, 2] as [Int64], shape: [2]).requiresGrad_() }
                == "only Tensors of floating point dtype can require gradients")
        let y = (x * x).sum()
        try y.backward()
        #expect(message { try y.backward() }?.hasPrefix("Trying to backward through the graph a second time") == true)
        let f = Tensor([1, 2, 3] as [Float], shape: [3])
        f.requiresGrad = true
        let e = f.exp()
        let z = e.sum()
        e.add_(Tensor([1, 1, 1] as [Float], shape: [3]))
        let m = message { try z.backward() }
        #expect(m?.hasPrefix("one of the variables needed for gradient computation has been modified by an inplace "
            + "operation: [torch.FloatTensor [3]], which is output 0 of ExpBackward0, is at version 1; expected version 0 instead") == true)
    }

    @Test func inPlaceOnLeafThrowsAndNonLeafRebases() throws {
        let x = leaf([1, 2, 3], [3])
        #expect(message { _ = try Dispatcher.shared.call("mul_", [.tensor(x), .tensor(Tensor([2.0], shape: [1]))]) }
                == "a leaf Variable that requires grad is being used in an in-place operation.")
        let y = x * Scalar.double(2)
        y.mul_(Tensor([1.0, 2, 3], shape: [3]))
        #expect(y.gradFn?.name == "MulBackward0")
        #expect(y.version == 1)
        try y.sum().backward()
        #expect(doubles(x.grad) == [2, 4, 6])
        let w = leaf([1, 2], [2])
        let v = Tensor([3.0, 4], shape: [2])
        v.add_(w)  // a plain tensor becomes part of the graph
        try (v * v).sum().backward()
        #expect(doubles(w.grad) == [8, 12])
    }

    @Test func graphIsReleasedAfterBackward() throws {
        let x = leaf([1, 2, 3], [3])
        weak var weakSaved: Tensor?
        var y: Tensor?
        do {
            let a = x * Scalar.double(2)
            weakSaved = a
            y = (a * a).sum()
        }
        #expect(weakSaved != nil)
        try y!.backward()
        #expect(weakSaved == nil)
        y = nil
    }

    @Test func longChainDoesNotRecurse() throws {
        let x = leaf([1.5], [1])
        var y = x
        for _ in 0..<100_000 { y = y * Scalar.double(1) }
        try y.sum().backward()
        #expect(doubles(x.grad) == [1])
    }

    @Test func droppingALongUnusedGraphDoesNotRecurse() throws {
        let x = leaf([1.5], [1])
        var y: Tensor? = x
        for _ in 0..<100_000 { y = y!.exp().log() }  // each node saves a tensor of the previous one
        #expect(y?.gradFn?.name == "LogBackward0")
        y = nil
    }

    @Test func gradModeIsPerThread() async throws {
        let x = leaf([1], [1])
        noGrad {
            #expect(!(x * x).requiresGrad)
            #expect(!Autograd.isGradEnabled)
            let other = Thread.detachNewThreadWithResult { Autograd.isGradEnabled && (x * x).requiresGrad }
            #expect(other)
            enableGrad { #expect((x * x).requiresGrad) }
        }
        #expect((x * x).requiresGrad)
        inferenceMode { #expect((x * x).gradFn == nil) }
    }

    @Test func functionalGradAndHigherOrder() throws {
        let x = leaf([2, 3], [2])
        let y = (x * x * x).sum()
        let g = try Autograd.grad(outputs: [y], inputs: [x], createGraph: true)[0]!
        #expect(doubles(g) == [12, 27])
        #expect(x.grad == nil)
        let gg = try Autograd.grad(outputs: [g.sum()], inputs: [x])[0]!
        #expect(doubles(gg) == [12, 18])
        let unused = leaf([1], [1])
        #expect(message { _ = try Autograd.grad(outputs: [(x * x).sum()], inputs: [unused]) }?
            .hasPrefix("One of the differentiated Tensors appears to not have been used in the graph") == true)
        #expect(try Autograd.grad(outputs: [(x * x).sum()], inputs: [unused], allowUnused: true)[0] == nil)
    }

    @Test func hooksRetainGradAndDetach() throws {
        let x = leaf([1, 2], [2])
        let y = x * Scalar.double(3)
        try y.retainGrad()
        try x.registerHook { g in g * Scalar.double(10) }
        try (y * y).sum().backward()
        #expect(doubles(y.grad) == [6, 12])
        #expect(doubles(x.grad) == [180, 360])
        let d = y.detach()
        #expect(!d.requiresGrad && d.isLeaf)
    }

    @Test func anomalyModeNamesTheForwardOperator() throws {
        let x = leaf([0, 1], [2])
        let y = x.sqrt() * Tensor([0.0, 1], shape: [2])  // 0 * inf in sqrt's backward
        let m = Autograd.detectAnomaly { message { try y.sum().backward() } }
        #expect(m?.contains("SqrtBackward0") == true)
        #expect(m?.contains("'sqrt'") == true)
    }

    @Test func nonDifferentiableOpsYieldNoGradient() throws {
        let x = leaf([1, 5, 3], [3])
        #expect(!x.argmax().requiresGrad)
        #expect(!x.gt(Tensor([2.0], shape: [1])).requiresGrad)
    }
}

extension Thread {
    /// Runs `body` on a new thread and waits for its result.
    static func detachNewThreadWithResult(_ body: @escaping @Sendable () -> Bool) -> Bool {
        final class Box: @unchecked Sendable { var value = false }
        let box = Box(), done = DispatchSemaphore(value: 0)
        Thread.detachNewThread { box.value = body(); done.signal() }
        done.wait()
        return box.value
    }
}

@Suite struct ConcurrencyTests {
    @Test func independentGraphsBackpropagateConcurrently() async throws {
        let results = try await withThrowingTaskGroup(of: [Double].self) { group in
            for k in 0..<8 {
                group.addTask {
                    let x = leaf([Double(k), 1], [2])
                    let y = noGrad { x * x }  // nothing recorded inside noGrad, on this thread only
                    #expect(!y.requiresGrad)
                    try (x * x * x).sum().backward()
                    return doubles(x.grad)
                }
            }
            var all: [[Double]] = []
            for try await r in group { all.append(r) }
            return all
        }
        #expect(Set(results.map { $0[0] }) == Set((0..<8).map { 3 * Double($0 * $0) }))
        #expect(results.allSatisfy { $0[1] == 3 })
    }
}

@Suite struct MissingDerivativeTests {
    /// An operator registered without a derivative (and without samples, so the registry
    /// suites leave it alone).
    static let twice: OperatorHandle = {
        let op = try! Dispatcher.shared.define("autogradtest::twice(Tensor self) -> Tensor", package: "EmberAutogradTests")
        Dispatcher.shared.register(op, dtypes: [.float64], package: "EmberAutogradTests") { args in
            [.tensor(try args.tensor(0) * Scalar.double(2))]
        }
        return op
    }()

    @Test func backwardThroughAnOperatorWithoutDerivativeNamesIt() throws {
        let x = leaf([1, 2], [2])
        let y = try Dispatcher.shared.call(MissingDerivativeTests.twice, [.tensor(x)])[0].tensorValue!
        #expect(y.requiresGrad && y.gradFn?.name == "TwiceBackward0")
        #expect(message { try y.sum().backward() } == "the derivative for 'autogradtest::twice' is not implemented")
        let z = try noGrad { try Dispatcher.shared.call(MissingDerivativeTests.twice, [.tensor(x)])[0].tensorValue! }
        #expect(!z.requiresGrad)
    }
}

@Suite struct SharedLeafTests {
    @Test func concurrentBackwardPassesAccumulateIntoOneLeaf() async throws {
        let w = leaf([1, 2], [2])
        try await withThrowingTaskGroup(of: Void.self) { group in
            for k in 1...16 {
                group.addTask { try (w * Tensor([Double(k), 1], shape: [2])).sum().backward() }
            }
            try await group.waitForAll()
        }
        #expect(doubles(w.grad) == [136, 16])
    }
}
