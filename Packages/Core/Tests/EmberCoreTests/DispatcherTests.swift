import Synchronization
import Testing
@testable import EmberCore

/// A private dispatcher with one operator, `twice`, doubling float32/float64 tensors.
private func makeDispatcher() throws -> (Dispatcher, OperatorHandle) {
    let d = Dispatcher()
    let op = try d.define("test::twice(Tensor self) -> Tensor", package: "Tests", doc: "Doubles.")
    d.register(op, dtypes: [.float32], package: "Tests") { args in
        [.tensor(Elementwise.map(try args.tensor(0), Float.self, to: Float.self) { $0 * 2 })]
    }
    d.register(op, dtypes: [.float64], package: "Tests") { args in
        [.tensor(Elementwise.map(try args.tensor(0), Double.self, to: Double.self) { $0 * 2 })]
    }
    return (d, op)
}

@Suite struct DispatcherTests {
    @Test func callsTheKernelForTheDType() throws {
        let (d, op) = try makeDispatcher()
        let r = try d.call(op, [.tensor(Tensor([1.0, 2.0], dtype: .float64))])
        #expect(r.tensors[0].scalars(as: Double.self) == [2, 4])
        #expect(try d.lookup("test::twice") == op)
    }

    @Test func duplicateDefinitionNamesTheFirstPackage() throws {
        let (d, _) = try makeDispatcher()
        #expect(throws: EmberError(.duplicateOperator, op: "test::twice",
            "operator 'test::twice' is already defined by Tests as test::twice(Tensor self) -> Tensor")) {
            try d.define("test::twice(Tensor self) -> Tensor", package: "Other")
        }
    }

    @Test func missingKernelListsWhatIsRegistered() throws {
        let (d, op) = try makeDispatcher()
        #expect(throws: EmberError(.missingKernel, op: "test::twice",
            "no kernel for 'test::twice' on (float16, cpu); registered: float32, float64 (cpu)")) {
            try d.call(op, [.tensor(Tensor([1.0], dtype: .float16))])
        }
        #expect(throws: EmberError(.unknownOperator, op: "nope", "unknown operator; see `ember ops list`")) {
            try d.lookup("nope")
        }
    }

    @Test func laterRegistrationOverridesAndKeepsProvenance() throws {
        let (d, op) = try makeDispatcher()
        d.register(op, dtypes: [.float32], package: "FastPlugin") { args in
            [.tensor(Elementwise.map(try args.tensor(0), Float.self, to: Float.self) { $0 + $0 })]
        }
        let info = d.info(op)
        let f32 = info.kernels.first { $0.dtype == .float32 }
        #expect(f32?.package == "FastPlugin")
        #expect(f32?.overrides == ["Tests"])
        #expect(info.kernels.first { $0.dtype == .float64 }?.package == "Tests")
        #expect(try d.call(op, [.tensor(Tensor([3.0]))]).tensors[0].scalars(as: Float.self) == [6])
    }

    @Test func layersRunAboveBackendsAndRedispatchBelowThemselves() throws {
        let (d, op) = try makeDispatcher()
        let log = LockedLog()
        d.registerLayerFallback(.user(0), package: "Tests") { op, args, next in
            log.append("enter \(args.op)")
            // A nested call made by the layer must not re-enter the layer.
            let inner = try next(args.values)
            let again = try d.call(op, [.tensor(inner.tensors[0])])
            log.append("exit")
            return again
        }
        let t = Tensor([1.0, 2.0])
        #expect(try d.call(op, [.tensor(t)]).tensors[0].scalars(as: Float.self) == [2, 4])
        #expect(log.entries.isEmpty, "a tensor without the layer key skips the layer")

        t.layerKeys = .user(0)
        let r = try d.call(op, [.tensor(t)])
        #expect(r.tensors[0].scalars(as: Float.self) == [4, 8])
        #expect(log.entries == ["enter test::twice", "exit"])

        DispatchKeySet.excluding(.user(0)) {
            _ = try? d.call(op, [.tensor(t)])
        }
        #expect(log.entries.count == 2, "an excluded layer is skipped on this thread")
        #expect(DispatchKeySet.excludedOnThisThread.isEmpty)
    }

    @Test func perOperatorLayerKernelWinsOverFallback() throws {
        let (d, op) = try makeDispatcher()
        d.registerLayerFallback(.user(1), package: "Tests") { _, _, _ in throw EmberError(.invalidArgument, "fallback ran") }
        d.registerLayer(.user(1), for: op, package: "Tests") { _, args, next in try next(args.values) }
        let t = Tensor([1.0])
        t.layerKeys = .user(1)
        #expect(try d.call(op, [.tensor(t)]).tensors[0].scalars(as: Float.self) == [2])
        #expect(d.info(op).hasLayer("user1"))
    }

    @Test func compositeKernelsBypassLayers() throws {
        let (d, twice) = try makeDispatcher()
        let quad = try d.define("test::quad(Tensor self) -> Tensor", package: "Tests")
        d.registerComposite(quad, package: "Tests") { args in
            let once = try d.call(twice, [args[0]])
            return try d.call(twice, once)
        }
        #expect(try d.call(quad, [.tensor(Tensor([1.0]))]).tensors[0].scalars(as: Float.self) == [4])
        #expect(d.info(quad).composite?.package == "Tests")
    }

    @Test func typePromotionCastsThroughToCopy() throws {
        let r = try Dispatcher.shared.call("add", [.tensor(Tensor([1, 2], dtype: .int32)), .tensor(Tensor([0.5, 0.5], dtype: .float64)), .scalar(1)])
        #expect(r.tensors[0].dtype == .float64)
        #expect(r.tensors[0].scalars(as: Double.self) == [1.5, 2.5])
    }

    @Test func resultTypeFollowsPyTorchCategories() {
        func t(_ dtype: DType, rank: Int) -> Tensor { Tensor(empty: Array(repeating: 1, count: rank), dtype: dtype) }
        // Dimensioned operands win within a category...
        #expect(TypePromotion.resultType([t(.float32, rank: 1), t(.float64, rank: 0)]) == .float32)
        #expect(TypePromotion.resultType([t(.int8, rank: 1), t(.int64, rank: 0)]) == .int8)
        // ...but a higher category from a 0-d operand promotes.
        #expect(TypePromotion.resultType([t(.int32, rank: 1), t(.float64, rank: 0)]) == .float64)
        #expect(TypePromotion.resultType([t(.uint8, rank: 1), t(.int8, rank: 1)]) == .int16)
        #expect(TypePromotion.resultType([t(.float16, rank: 1), t(.bfloat16, rank: 1)]) == .float32)
        #expect(TypePromotion.resultType([t(.bool, rank: 1), Tensor(wrapping: 2.5)]) == .float32)
        #expect(TypePromotion.resultType([t(.int64, rank: 2), Tensor(wrapping: 2)]) == .int64)
    }

    @Test func operatorsAreListedWithProvenance() {
        let add = Dispatcher.shared.operators.first { $0.schema.name == "add" }
        #expect(add?.definition.package == "EmberCore")
        #expect(add?.kernels.contains { $0.key == "cpu" && $0.dtype == .float32 && $0.package == "EmberCore" } == true)
    }
}

/// A thread-safe list of strings for observing calls.
final class LockedLog: Sendable {
    private let items = Mutex<[String]>([])
    func append(_ s: String) { items.withLock { $0.append(s) } }
    var entries: [String] { items.withLock { $0 } }
}
