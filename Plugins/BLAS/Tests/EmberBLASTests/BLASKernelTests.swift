@testable import EmberBLAS
import EmberCore
import EmberTestSupport
import Testing

/// EmberBLAS's kernels against Core's reference kernels on every layout the plugin treats
/// differently (in place, transposed flag, leading dimension, packed copy), sizes 0, 1, odd
/// and past OpenBLAS's blocking, batched and broadcast; and against hand-computed values.
@Suite struct BLASKernelTests {
    init() { EmberBLAS.register() }

    static let operators = ["mm", "addmm", "bmm", "baddbmm", "matmul"]

    /// Whether two results agree to `rtol` (relative to the larger magnitude, at least 1).
    static func close(_ a: [IValue], _ b: [IValue], rtol: Double) -> Bool {
        guard case .tensor(let x) = a.first, case .tensor(let y) = b.first, x.shape == y.shape, x.dtype == y.dtype
        else { return false }
        return zip(x.doubleScalars, y.doubleScalars).allSatisfy { p, q in
            (p.isNaN && q.isNaN) || abs(p - q) <= rtol * max(1, abs(p), abs(q))
        }
    }

    /// Runs `op` through the dispatcher (BLAS) and through Core's reference kernel.
    static func expectMatchesReference(_ op: String, _ args: [IValue], _ label: String) {
        let dtype = args.compactMap { v -> DType? in if case .tensor(let t) = v { return t.dtype }; return nil }.last
        let rtol = dtype == .float64 ? 1e-12 : 2e-5
        do {
            let blas = try Dispatcher.shared.call(op, args), reference = try Reference.call(op, args)
            #expect(close(blas, reference, rtol: rtol), "\(op) \(label)")
        } catch {
            Issue.record("\(op) \(label): threw \(error)")
        }
    }

    @Test func registersOverCoreForFloatTypes() throws {
        for name in Self.operators {
            let info = Dispatcher.shared.info(try Dispatcher.shared.lookup(name))
            for dtype in [DType.float32, .float64] {
                let kernel = info.kernels.first { $0.dtype == dtype && $0.key == Device.Kind.cpu.name }
                #expect(kernel?.package == EmberBLAS.package, "\(name) \(dtype): \(String(describing: kernel))")
                #expect(kernel?.overrides.contains("EmberCore") == true, "\(name) \(dtype)")
            }
            #expect(info.kernels.first { $0.dtype == .int64 }?.package == "EmberCore", "\(name) int64")
        }
        EmberBLAS.register()  // idempotent: no second override
        let mm = Dispatcher.shared.info(try Dispatcher.shared.lookup("mm"))
        #expect(mm.kernels.first { $0.dtype == .float32 }?.overrides == ["EmberCore"])
    }

    @Test func openBLASRunsSingleThreaded() {
        EmberBLAS.register()
        #expect(EmberBLAS.numThreads == 1)
    }

    /// Products above BLASSplit's threshold, cut into column or row blocks over the pool
    /// (sides not a multiple of the block size), equal Core's reference kernel; the last
    /// with column-major operands.
    @Test(arguments: [DType.float32, .float64])
    func splitProductsMatchReference(dtype: DType) {
        for (m, k, n, columnMajor) in [(17, 64, 1001, false), (1001, 64, 17, false), (103, 100, 103, true)] {
            var a = Layouts.tensor([m, k], dtype, seed: 1), b = Layouts.tensor([k, n], dtype, seed: 2)
            if columnMajor { (a, b) = (a.t().contiguous().t(), b.t().contiguous().t()) }
            #expect(Double(m * k * n) >= Double(BLASSplit.parallelWork))
            Self.expectMatchesReference("mm", [.tensor(a), .tensor(b)], "\(m)x\(k)x\(n) \(dtype)")
        }
    }

    @Test func passesTheConformanceSuite() {
        for info in Conformance.operatorsWithSamples() where Self.operators.contains(info.schema.name) {
            let failures = Conformance.check(info)
            #expect(failures.isEmpty, "\(failures.joined(separator: "\n"))")
        }
    }

    @Test(arguments: [DType.float32, .float64])
    func handComputedProducts(dtype: DType) throws {
        let a = Tensor([1.0, 2, 3, 4], shape: [2, 2]).to(dtype), b = Tensor([5.0, 6, 7, 8], shape: [2, 2]).to(dtype)
        #expect(a.mm(b).doubleScalars == [19, 22, 43, 50])
        #expect(a.t().mm(b).doubleScalars == [26, 30, 38, 44])
        #expect(a.matmul(b.t()).doubleScalars == [17, 23, 39, 53])
        let v = Tensor([1.0, -1], shape: [2]).to(dtype)
        #expect(a.matmul(v).doubleScalars == [-1, -1])
        #expect(v.matmul(a).doubleScalars == [-2, -2])
        let c = Tensor([1.0, 10], shape: [2]).to(dtype)
        #expect(c.addmm(a, b, beta: 2, alpha: 0.5).doubleScalars == [11.5, 31, 23.5, 45])
    }

    @Test(arguments: [DType.float32, .float64])
    func mmAndAddmmMatchReferenceOnEveryLayout(dtype: DType) {
        let sizes = [(0, 3, 4), (3, 0, 4), (3, 4, 0), (1, 1, 1), (1, 7, 13), (13, 7, 1), (5, 9, 7), (67, 129, 33)]
        for (m, k, n) in sizes {
            for (la, a) in Layouts.views([m, k], dtype, seed: m) {
                for (lb, b) in Layouts.views([k, n], dtype, seed: n + 7) {
                    let label = "\(m)x\(k)x\(n) \(la) · \(lb) \(dtype)"
                    Self.expectMatchesReference("mm", [.tensor(a), .tensor(b)], label)
                    let bias = Layouts.tensor([n], dtype, seed: 3)
                    Self.expectMatchesReference(
                        "addmm", [.tensor(bias), .tensor(a), .tensor(b), .scalar(0.5), .scalar(2)], label)
                }
            }
        }
    }

    @Test(arguments: [DType.float32, .float64])
    func batchedProductsMatchReference(dtype: DType) {
        for (m, k, n) in [(0, 2, 3), (1, 1, 1), (3, 5, 1), (1, 5, 3), (7, 9, 5)] {
            for (la, a) in Layouts.views([4, m, k], dtype, seed: 1) {
                for (lb, b) in Layouts.views([4, k, n], dtype, seed: 2) {
                    let label = "[4,\(m),\(k)] \(la) · [4,\(k),\(n)] \(lb) \(dtype)"
                    Self.expectMatchesReference("bmm", [.tensor(a), .tensor(b)], label)
                    Self.expectMatchesReference("matmul", [.tensor(a), .tensor(b)], label)
                    let input = Layouts.tensor([1, n], dtype, seed: 5)
                    Self.expectMatchesReference(
                        "baddbmm", [.tensor(input), .tensor(a), .tensor(b), .scalar(1.5), .scalar(-1)], label)
                }
            }
        }
    }

    @Test(arguments: [DType.float32, .float64])
    func broadcastAndVectorOperandsMatchReference(dtype: DType) {
        let cases: [(String, Tensor, Tensor)] = [
            ("batch broadcast", Layouts.tensor([2, 1, 3, 4], dtype, seed: 1), Layouts.tensor([3, 4, 5], dtype, seed: 2)),
            ("expanded batch (stride 0)", Layouts.tensor([1, 3, 4], dtype, seed: 1).expand([5, 3, 4]),
             Layouts.tensor([5, 4, 2], dtype, seed: 2)),
            ("expanded rows (stride 0)", Layouts.tensor([1, 4], dtype, seed: 1).expand([6, 4]),
             Layouts.tensor([4, 3], dtype, seed: 2)),
            ("folded rows", Layouts.tensor([2, 3, 4], dtype, seed: 1), Layouts.tensor([4, 6], dtype, seed: 2)),
            ("vector · vector", Layouts.tensor([9], dtype, seed: 1), Layouts.tensor([9], dtype, seed: 2)),
            ("strided vector · matrix", Layouts.tensor([10], dtype, seed: 1).slice(dim: 0, step: 2),
             Layouts.tensor([5, 3], dtype, seed: 2)),
            ("matrix · strided vector", Layouts.tensor([3, 5], dtype, seed: 1),
             Layouts.tensor([10], dtype, seed: 2).slice(dim: 0, step: 2)),
            ("vector · batch", Layouts.tensor([4], dtype, seed: 1), Layouts.tensor([2, 4, 3], dtype, seed: 2)),
        ]
        for (label, a, b) in cases {
            Self.expectMatchesReference("matmul", [.tensor(a), .tensor(b)], "\(label) \(dtype)")
        }
    }

    @Test(arguments: [DType.float32, .float64])
    func betaZeroIgnoresNaNInSelf(dtype: DType) {
        let a = Layouts.tensor([3, 4], dtype, seed: 1), b = Layouts.tensor([4, 2], dtype, seed: 2)
        let nan = Tensor(Array(repeating: Double.nan, count: 6), shape: [3, 2]).to(dtype)
        let out = nan.addmm(a, b, beta: 0, alpha: 1)
        #expect(out.doubleScalars == a.mm(b).doubleScalars)
        let batched = nan.view([1, 3, 2]).baddbmm(a.view([1, 3, 4]), b.view([1, 4, 2]), beta: 0)
        #expect(!batched.doubleScalars.contains { $0.isNaN })
        // Above OpenBLAS's small-matrix sizes (its blocked kernels and beta pass), split
        // over the pool, and a matrix-vector product.
        for (m, k, n) in [(130, 120, 140), (1, 50, 40), (40, 50, 1)] {
            let x = Layouts.tensor([m, k], dtype, seed: 3), y = Layouts.tensor([k, n], dtype, seed: 4)
            let self_ = Tensor(Array(repeating: Double.nan, count: m * n), shape: [m, n]).to(dtype)
            let product = self_.addmm(x, y, beta: 0, alpha: 1)
            #expect(!product.doubleScalars.contains { $0.isNaN }, "\(m)x\(k)x\(n)")
        }
    }

    @Test func shapeErrorsHaveCoreMessages() {
        let f = { (shape: [Int]) in IValue.tensor(Layouts.tensor(shape, .float32, seed: 0)) }
        let calls: [(String, [IValue], String)] = [
            ("mm", [f([2, 3]), f([4, 5])], "mat1 and mat2 shapes cannot be multiplied (2x3 and 4x5)"),
            ("addmm", [f([2, 5]), f([2, 3]), f([4, 5]), .scalar(1), .scalar(1)],
             "mat1 and mat2 shapes cannot be multiplied (2x3 and 4x5)"),
            ("bmm", [f([2, 2, 3]), f([2, 4, 5])],
             "Expected size for first two dimensions of batch2 tensor to be: [2, 3] but got: [2, 4]."),
            ("matmul", [f([3]), f([4])], "inconsistent tensor size"),
            ("matmul", [f([2, 3, 4]), f([3, 5, 2])], "The size of tensor a (2) must match the size of tensor b (3)"),
        ]
        for (op, args, text) in calls {
            let blas = Reference.error { try Dispatcher.shared.call(op, args) }
            let reference = Reference.error { try Reference.call(op, args) }
            #expect(blas != nil && blas == reference, "\(op): \(String(describing: blas)) vs \(String(describing: reference))")
            #expect(blas?.contains(text) == true, "\(op): \(String(describing: blas))")
        }
    }
}
