import Testing
@testable import EmberCore

/// The product operators against hand-computed values and a naive triple loop (for sizes
/// that cross the packed GEMM's block boundaries), plus their Swift API and registrations.
@Suite struct LinalgTests {
    /// Deterministic values in [-1, 1) that are not small integers.
    static func values(_ count: Int, seed: Int) -> [Double] {
        var state = UInt64(seed + 1) &* 0x9E37_79B9_7F4A_7C15
        return (0..<count).map { _ in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Double(state >> 11) / Double(1 << 53) * 2 - 1
        }
    }

    /// `a · b` by the textbook triple loop, in float64, for row-major `m×k` and `k×n` arrays.
    static func naive(_ a: [Double], _ b: [Double], m: Int, k: Int, n: Int) -> [Double] {
        var c = [Double](repeating: 0, count: m * n)
        for i in 0..<m { for j in 0..<n { for p in 0..<k { c[i * n + j] += a[i * k + p] * b[p * n + j] } } }
        return c
    }

    /// The transposed copy of a row-major `rows×cols` array.
    static func transpose(_ x: [Double], rows: Int, cols: Int) -> [Double] {
        (0..<rows * cols).map { i in x[(i % rows) * cols + i / rows] }
    }

    @Test(arguments: [DType.float32, .float64], [(125, 9, 17), (5, 300, 11), (3, 4, 2050), (13, 7, 1), (1, 7, 13)])
    func blockEdgesMatchNaiveProduct(dtype: DType, size: (Int, Int, Int)) {
        let (m, k, n) = size
        let a = Self.values(m * k, seed: m), b = Self.values(k * n, seed: n)
        let expected = Tensor(Self.naive(a, b, m: m, k: k, n: n), shape: [m, n]).to(dtype)
        let ta = Tensor(a, shape: [m, k]).to(dtype), tb = Tensor(b, shape: [k, n]).to(dtype)
        let rtol = dtype == .float64 ? 1e-12 : 1e-5
        expectClose(ta.mm(tb), expected, rtol: rtol, atol: rtol, "mm \(size)")
        // The same product with both operands read through transposed (column-major) views.
        let at = Tensor(Self.transpose(a, rows: m, cols: k), shape: [k, m]).to(dtype)
        let bt = Tensor(Self.transpose(b, rows: k, cols: n), shape: [n, k]).to(dtype)
        let va = Tensor(storage: at.storage, shape: [m, k], strides: [1, m], dtype: dtype)
        let vb = Tensor(storage: bt.storage, shape: [k, n], strides: [1, k], dtype: dtype)
        expectClose(va.mm(vb), expected, rtol: rtol, atol: rtol, "mm of transposed views \(size)")
    }

    @Test(arguments: [DType.float32, .float64])
    func batchesFoldIntoOneProductOrLoop(dtype: DType) {
        // [3, 5, 7] @ [7, 4]: a contiguous left operand folds into one [15, 7] product; its
        // transposed-batch view [5, 3, 7] → [3, 5, 7] does not fold and loops over batches.
        let a = Self.values(105, seed: 1), b = Self.values(28, seed: 2)
        let expected = Tensor(Self.naive(a, b, m: 15, k: 7, n: 4), shape: [3, 5, 4]).to(dtype)
        let ta = Tensor(a, shape: [3, 5, 7]).to(dtype), tb = Tensor(b, shape: [7, 4]).to(dtype)
        expectClose(ta.matmul(tb), expected, rtol: 1e-5, atol: 1e-6, "folded")
        var swapped = [Double](repeating: 0, count: 105)  // swapped[i, b, :] = a[b, i, :]
        for bi in 0..<3 { for i in 0..<5 { for p in 0..<7 { swapped[(i * 3 + bi) * 7 + p] = a[(bi * 5 + i) * 7 + p] } } }
        let storage = Tensor(swapped, shape: [5, 3, 7]).to(dtype)
        let view = Tensor(storage: storage.storage, shape: [3, 5, 7], strides: [7, 21, 1], dtype: dtype)
        #expect(!MatmulPlan.foldsIntoRows(view))
        expectClose(view.matmul(tb), expected, rtol: 1e-5, atol: 1e-6, "looped")
    }

    @Test func handComputedProducts() {
        let a = Tensor([[1.0, 2.0], [3.0, 4.0]]), b = Tensor([[5.0, 6.0], [7.0, 8.0]])
        #expect(a.mm(b).scalars(as: Float.self) == [19, 22, 43, 50])
        #expect(a.matmul(b).scalars(as: Float.self) == [19, 22, 43, 50])
        let v = Tensor([1.0, -1.0])
        let dot = v.dot(Tensor([3.0, 4.0]))
        #expect(dot.shape == [] && dot.scalars(as: Float.self) == [-1])
        #expect(a.mv(v).scalars(as: Float.self) == [-1, -1])
        #expect(v.matmul(a).scalars(as: Float.self) == [-2, -2])   // [1, 2] row, the 1 removed
        #expect(a.matmul(v).shape == [2])
        #expect(Tensor([1, 2]).outer(Tensor([3, 4, 5])).scalars(as: Int64.self) == [3, 4, 5, 6, 8, 10])
        let c = Tensor([10.0, 20.0]).addmm(a, b, beta: 0.5, alpha: 2)
        #expect(c.scalars(as: Float.self) == [43, 54, 91, 110])
        let bc = Tensor([[[1, 0], [0, 1]]]).baddbmm(Tensor([[[1, 2], [3, 4]]]), Tensor([[[1, 1], [1, 1]]]), beta: 3, alpha: 2)
        #expect(bc.scalars(as: Int64.self) == [9, 6, 14, 17])
        #expect(Tensor([[[1, 2]], [[3, 4]]]).bmm(Tensor([[[1], [1]], [[2], [0]]])).scalars(as: Int64.self) == [3, 6])
    }

    @Test func matmulShapesFollowPyTorch() {
        func shape(_ a: [Int], _ b: [Int]) -> [Int] {
            Tensor(empty: a).fill0().matmul(Tensor(empty: b).fill0()).shape
        }
        #expect(shape([3], [3]) == [])
        #expect(shape([2, 3], [3]) == [2])
        #expect(shape([3], [3, 4]) == [4])
        #expect(shape([7, 2, 3], [3]) == [7, 2])
        #expect(shape([3], [7, 3, 4]) == [7, 4])
        #expect(shape([5, 1, 2, 3], [6, 3, 4]) == [5, 6, 2, 4])
        #expect(shape([0, 2, 3], [3, 4]) == [0, 2, 4])
        #expect(shape([2, 0], [0, 3]) == [2, 3])
        let zeros = Tensor([[Double]](repeating: [], count: 2)).matmul(Tensor(empty: [0, 3]))
        #expect(zeros.scalars(as: Float.self) == [0, 0, 0, 0, 0, 0])
    }

    @Test func integerProductsWrapAndHalfComputesInFloat32() {
        let big = Tensor([[Int64.max, 2]]).mm(Tensor([[2], [1]]))
        #expect(big.scalars(as: Int64.self) == [0])   // 2·(2⁶³−1) + 2 wraps to 0
        let u = Tensor([200, 100], dtype: .uint8).dot(Tensor([2, 3], dtype: .uint8))
        #expect(u.dtype == .uint8 && u.scalars(as: UInt8.self) == [UInt8((400 + 300) % 256)])
        let h = Tensor([[0.5, 1.5]], dtype: .float16).mm(Tensor([[2.0], [4.0]], dtype: .float16))
        #expect(h.dtype == .float16 && h.doubleScalars == [7])
    }

    @Test func boolIsRefusedByProductsButNotByOuter() throws {
        let t = Tensor([[true, false]])
        #expect(throws: EmberError.self) { try Dispatcher.shared.call("mm", [.tensor(t), .tensor(t)]) }
        #expect {
            try Dispatcher.shared.call("matmul", [.tensor(t), .tensor(t)])
        } throws: { error in
            let e = error as? EmberError
            return e?.code == .missingKernel && e?.message.hasPrefix("no kernel for 'matmul' on (bool, cpu)") == true
        }
        let o = Tensor([true, false]).outer(Tensor([true, true]))
        #expect(o.dtype == .bool && o.scalars(as: Bool.self) == [true, true, false, false])
        #expect(Tensor([1, 2]).outer(Tensor([0.5])).dtype == .float32)
    }

    @Test func everyProductDeclaresSamplesThatRun() throws {
        for name in ["mm", "addmm", "bmm", "baddbmm", "matmul", "dot", "mv", "outer"] {
            let op = Dispatcher.shared.handle(name)
            let samples = try #require(Dispatcher.shared.definition(op).samples, "\(name) has no samples")
            for dtype in [DType.float32, .float64, .int64, .uint8, .float16, .bfloat16] {
                let lists = samples(dtype)
                #expect(!lists.isEmpty, "\(name) has no \(dtype) samples")
                for args in lists {
                    let result = try #require(try Dispatcher.shared.call(op, args).first?.tensorValue)
                    #expect(result.dtype == dtype)
                    // The same call in float64 agrees (the samples are exact in every dtype).
                    let wide = args.map { v -> IValue in
                        if case .tensor(let t) = v { return .tensor(castTensor(t, to: .float64)) }
                        return v
                    }
                    let reference = try #require(try Dispatcher.shared.call(op, wide).first?.tensorValue)
                    if dtype != .uint8 { expectClose(result.to(.float64), reference, rtol: 1e-2, atol: 1e-2, "\(name) \(dtype)") }
                }
            }
            #expect(samples(.bool).isEmpty || name == "outer", "\(name) offers bool samples")
        }
    }
}

extension Tensor {
    /// Zero-fills a tensor made with `Tensor(empty:)` (tests only).
    fileprivate func fill0() -> Tensor {
        let p = dataPointer.assumingMemoryBound(to: UInt8.self)
        for i in 0..<count * dtype.itemSize { p[i] = 0 }
        return self
    }
}
