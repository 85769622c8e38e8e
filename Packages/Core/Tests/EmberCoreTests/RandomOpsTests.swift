import Testing
@testable import EmberCore
import EmberTestSupport

/// Ember's random operators against PyTorch's numbers (Fixtures/random.json, written by
/// Scripts/make_random_fixtures.py after `torch.manual_seed`). Every check is exact.
@Suite struct RandomOpsTests {
    let fixture: Fixture
    init() throws { fixture = try Fixture("random") }

    private func expected(_ key: String) throws -> Tensor { try fixture.tensor(key) }

    @Test(arguments: [(DType.float32, "f32"), (.float64, "f64")])
    func randAndRandnAllSizes(dtype: DType, tag: String) throws {
        for n in [1, 5, 15, 16, 17, 100] {
            expectExact(Tensor.rand(n, generator: Generator(seed: 0), dtype: dtype), try expected("rand_\(tag)_\(n)"), "rand \(n)")
            expectExact(Tensor.randn(n, generator: Generator(seed: 0), dtype: dtype), try expected("randn_\(tag)_\(n)"), "randn \(n)")
        }
        expectExact(Tensor.randn(2, 3, 7, generator: Generator(seed: 42), dtype: dtype), try expected("randn_\(tag)_seed42_2x3x7"))
    }

    /// Below 16 elements the scalar Box–Muller sampler runs and its spare value survives
    /// the call; 16 and more use the block path, which ignores (and keeps) the spare.
    @Test(arguments: [(DType.float32, "f32"), (.float64, "f64")])
    func normalCacheSurvivesCalls(dtype: DType, tag: String) throws {
        let g = Generator(seed: 0)
        let a = Tensor.randn(5, generator: g, dtype: dtype), b = Tensor.randn(3, generator: g, dtype: dtype)
        expectExact(Tensor(a.doubleScalars + b.doubleScalars, shape: [8]).to(dtype), try expected("randn_\(tag)_5_then_3"))
        let h = Generator(seed: 0)
        let c = Tensor.randn(3, generator: h, dtype: dtype), d = Tensor.randn(20, generator: h, dtype: dtype)
        expectExact(Tensor(c.doubleScalars + d.doubleScalars, shape: [23]).to(dtype), try expected("randn_\(tag)_3_then_20"))
    }

    /// The float32 block path emulates PyTorch's vectorised Cephes log/sin/cos bit for bit.
    @Test func randnFloat32BlockPathLongStreams() throws {
        expectExact(Tensor.randn(1000, generator: Generator(seed: 0)), try expected("randn_f32_1000"))
        expectExact(Tensor.randn(333, generator: Generator(seed: 7)), try expected("randn_f32_seed7_333"))
    }

    /// The C version of the float32 block transform (FMA instructions) and the Swift one
    /// (`fmaf` calls, used on CPUs without FMA) give the same bits.
    @Test func swiftAndFMABlockTransformsAgree() {
        let n = 16 * 500
        let uniforms = Tensor.rand(n, generator: Generator(seed: 3)).scalars(as: Float.self)
        for (mean, std) in [(Float(0), Float(1)), (1, 3.7), (-2.5, 0.3)] {
            var viaSwift = uniforms, viaDispatch = uniforms
            viaSwift.withUnsafeMutableBufferPointer { p in
                for b in 0..<(n / 16) { RandomEngine.boxMuller16(p.baseAddress! + 16 * b, mean: mean, std: std) }
            }
            viaDispatch.withUnsafeMutableBufferPointer { p in
                RandomEngine.boxMuller16(p.baseAddress!, blocks: n / 16, mean: mean, std: std)
            }
            let differing = zip(viaSwift, viaDispatch).filter { $0.0.bitPattern != $0.1.bitPattern }.count
            #expect(differing == 0, "mean \(mean) std \(std) (FMA path available: \(RandomEngine.hasFMA))")
        }
    }

    @Test(arguments: [(DType.float32, "f32"), (.float64, "f64")])
    func normalInPlaceWithMeanAndStd(dtype: DType, tag: String) throws {
        let a = Tensor.empty(40, dtype: dtype).normal_(mean: 1, std: 3.7, generator: Generator(seed: 0))
        expectExact(a, try expected("normal_\(tag)_40_m1_s3.7"))
        let b = Tensor.empty(7, dtype: dtype).normal_(mean: -2.5, std: 0.3, generator: Generator(seed: 0))
        expectExact(b, try expected("normal_\(tag)_7_m-2.5_s0.3"))
        let v = b.version
        b.normal_(generator: Generator(seed: 1))
        #expect(b.version == v + 1)
    }

    /// A non-contiguous tensor of ≥ 16 elements takes the scalar path, in memory order.
    @Test(arguments: [(DType.float32, "f32"), (.float64, "f64")])
    func normalOnTransposedViewFillsInMemoryOrder(dtype: DType, tag: String) throws {
        let base = Tensor.empty(8, 4, dtype: dtype)
        let view = Tensor(storage: base.storage, shape: [4, 8], strides: [1, 4], dtype: dtype)
        view.normal_(generator: Generator(seed: 0))
        expectExact(base, try expected("normal_\(tag)_transposed_8x4_storage"))
        let large = Tensor.empty(40, 25, dtype: dtype)
        Tensor(storage: large.storage, shape: [25, 40], strides: [1, 25], dtype: dtype)
            .normal_(mean: 0.5, std: 2, generator: Generator(seed: 0))
        expectExact(large, try expected("normal_\(tag)_transposed_40x25_storage"))
    }

    @Test(arguments: [(DType.float32, "f32"), (.float64, "f64")])
    func uniformAndExponential(dtype: DType, tag: String) throws {
        for (a, b, key) in [(-2.0, 3.0, "-2.0_3.0"), (0.1, 0.7, "0.1_0.7")] {
            let t = Tensor.empty(20, dtype: dtype).uniform_(from: a, to: b, generator: Generator(seed: 0))
            expectExact(t, try expected("uniform_\(tag)_\(key)"), "uniform \(key)")
        }
        for (lambda, key) in [(1.0, "1.0"), (2.5, "2.5")] {
            let t = Tensor.empty(20, dtype: dtype).exponential_(lambd: lambda, generator: Generator(seed: 0))
            expectExact(t, try expected("exponential_\(tag)_\(key)"), "exponential \(key)")
        }
    }

    @Test(arguments: [(DType.float32, "f32"), (.float64, "f64")])
    func normalWithTensorArguments(dtype: DType, tag: String) throws {
        let mean = try expected("normal_tensor_\(tag)_mean"), std = try expected("normal_tensor_\(tag)_std")
        expectExact(Tensor.normal(mean: mean, std: std, generator: Generator(seed: 0)), try expected("normal_tensor_\(tag)_40"))
        let m5 = Tensor(Array(mean.doubleScalars.prefix(5)), shape: [5]).to(dtype)
        let s5 = Tensor(Array(std.doubleScalars.prefix(5)), shape: [5]).to(dtype)
        expectExact(Tensor.normal(mean: m5, std: s5, generator: Generator(seed: 0)), try expected("normal_tensor_\(tag)_5"))
        expectExact(Tensor.normal(mean: mean, std: 2.5, generator: Generator(seed: 0)), try expected("normal_tensor_\(tag)_mean_only"))
        let m3 = Tensor(Array(mean.doubleScalars.prefix(3)), shape: [3, 1]).to(dtype)
        let s4 = Tensor(Array(std.doubleScalars.prefix(4)), shape: [4]).to(dtype)
        expectExact(Tensor.normal(mean: m3, std: s4, generator: Generator(seed: 0)), try expected("normal_tensor_\(tag)_broadcast"))
    }

    @Test func randShapesAndLikeKeepsLayout() throws {
        expectExact(Tensor.rand(3, 4, generator: Generator(seed: 42)), try expected("rand_f32_seed42_3x4"))
        let base = Tensor.empty(4, 3)
        let transposed = Tensor(storage: base.storage, shape: [3, 4], strides: [1, 3], dtype: .float32)
        let r = Tensor.rand(like: transposed, generator: Generator(seed: 0))
        #expect(r.strides == [1, 3])
        expectExact(storageView(r, shape: [4, 3]), try expected("rand_like_transposed_storage"))
        #expect(Tensor.randn(like: Tensor.zeros(2, 3, dtype: .float64)).dtype == .float64)
    }

    @Test func randintRangesAndDrawWidths() throws {
        let cases: [(Int, Int)] = [(0, 10), (-5, 5), (3, 4), (0, 1 << 28 - 1), (0, 1 << 28), (-(1 << 40), 1 << 40), (0, 1 << 62)]
        for (lo, hi) in cases {
            expectExact(Tensor.randint(low: lo, high: hi, shape: [12], generator: Generator(seed: 0)),
                        try expected("randint_\(lo)_\(hi)"), "randint \(lo) \(hi)")
        }
        for (dtype, name) in [(DType.int32, "int32"), (.uint8, "uint8"), (.int16, "int16"), (.float32, "float32"), (.float64, "float64")] {
            let lo = dtype == .uint8 ? 0 : -3
            expectExact(Tensor.randint(low: lo, high: 100, shape: [10], generator: Generator(seed: 0), dtype: dtype),
                        try expected("randint_\(name)_-3_100"), "randint \(name)")
        }
    }

    @Test func randomInPlaceVariants() throws {
        let all: [(DType, String)] = [(.int32, "int32"), (.uint8, "uint8"), (.int16, "int16"), (.float32, "float32"),
                                     (.float64, "float64"), (.int64, "int64")]
        for (dtype, name) in all {
            expectExact(Tensor.empty(6, dtype: dtype).random_(generator: Generator(seed: 0)), try expected("random_\(name)_full"), name)
            expectExact(Tensor.empty(6, dtype: dtype).random_(from: 2, to: nil, generator: Generator(seed: 0)),
                        try expected("random_\(name)_from2"), name)
            if dtype != .int64 {
                expectExact(Tensor.empty(6, dtype: dtype).random_(to: 7, generator: Generator(seed: 0)), try expected("random_\(name)_to7"), name)
            }
        }
        expectExact(Tensor.empty(8, dtype: .bool).random_(generator: Generator(seed: 0)), try expected("random_bool_full"))
    }

    @Test func randpermIsForwardFisherYates() throws {
        for n in [1, 2, 5, 15, 16, 17, 100, 1000] {
            expectExact(Tensor.randperm(n, generator: Generator(seed: 0)), try expected("randperm_\(n)"), "randperm \(n)")
        }
        expectExact(Tensor.randperm(30, generator: Generator(seed: 5)), try expected("randperm_seed5_30"))
        #expect(Tensor.randperm(0).shape == [0])
        let halfPerm = Tensor.randperm(5, generator: Generator(seed: 0), dtype: .float16)
        #expect(halfPerm.doubleScalars == Tensor.randperm(5, generator: Generator(seed: 0)).doubleScalars)
    }

    @Test func bernoulliVariants() throws {
        for tag in ["f32", "f64"] {
            let p = try expected("bernoulli_p_\(tag)")
            let probabilities = Tensor([0.1, 0.5, 0.9, 0.3, 0.7, 0.0, 1.0, 0.5] * 3, shape: [24]).to(p.dtype)
            expectExact(probabilities.bernoulli(generator: Generator(seed: 0)), p, "bernoulli(p) \(tag)")
        }
        for n in [5, 100] {
            expectExact(Tensor.empty(n).bernoulli_(0.3, generator: Generator(seed: 0)), try expected("bernoulli_scalar_\(n)"))
        }
        expectExact(Tensor.empty(10, dtype: .float64).bernoulli(p: 0.3, generator: Generator(seed: 0)),
                    try expected("bernoulli_out_p0.3_f64"))
        let p32 = Tensor([0.1, 0.5, 0.9, 0.3, 0.7, 0.0, 1.0, 0.5] * 3, shape: [24]).to(.float32)
        expectExact(Tensor.empty(24, dtype: .int64).bernoulli_(p32, generator: Generator(seed: 0)), try expected("bernoulli_int64_p_f32"))
        let row = Tensor([0.2, 0.4, 0.6, 0.8] as [Double], shape: [4]).to(.float32)
        expectExact(Tensor.empty(3, 4).bernoulli_(row, generator: Generator(seed: 0)), try expected("bernoulli_broadcast_3x4"))
    }

    @Test func multinomialWithAndWithoutReplacement() throws {
        let w = try expected("multinomial_weights")
        let w64 = w.to(.float64)
        let row0 = Tensor(Array(w.scalars(as: Float.self)[0..<7]), shape: [7])
        let row2 = Tensor(Array(w.scalars(as: Float.self)[14..<21]), shape: [7])
        expectExact(row0.multinomial(numSamples: 50, replacement: true, generator: Generator(seed: 0)), try expected("multinomial_1d_repl_50"))
        expectExact(w.multinomial(numSamples: 10, replacement: true, generator: Generator(seed: 0)), try expected("multinomial_2d_repl_10"))
        expectExact(w64.multinomial(numSamples: 10, replacement: true, generator: Generator(seed: 0)), try expected("multinomial_2d_repl_10_f64"))
        for k in [1, 3, 6] {
            expectExact(w.multinomial(numSamples: k, generator: Generator(seed: 0)), try expected("multinomial_2d_norepl_\(k)"), "k \(k)")
            expectExact(w64.multinomial(numSamples: k, generator: Generator(seed: 0)), try expected("multinomial_2d_norepl_\(k)_f64"), "k \(k)")
        }
        expectExact(row2.multinomial(numSamples: 4, generator: Generator(seed: 0)), try expected("multinomial_1d_norepl_4"))
    }
}

extension Array {
    fileprivate static func * (lhs: [Element], rhs: Int) -> [Element] { Array((0..<rhs).map { _ in lhs }.joined()) }
}
