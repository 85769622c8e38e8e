import Testing
import EmberCore
@testable import EmberNN

/// The fast loops (PlaneLoops' im2col/col2im, RowCopy, the 2×2 max pooling) against the
/// element-wise reference loops on random data: equal bits, since both add in one order.
@Suite struct FastLoopTests {
    /// Geometries: LeNet-5's two convolutions, stride, dilation, groups, asymmetric padding,
    /// a transposed one with output padding, and rows shorter than one 16-byte block.
    static let cases: [(input: [Int], weight: [Int], ConvParams)] = [
        ([3, 1, 28, 28], [6, 1, 5, 5], params(padding: [2, 2])),
        ([9, 6, 14, 14], [16, 6, 5, 5], params()),
        ([2, 4, 9, 11], [6, 2, 3, 2], params(stride: [2, 3], padding: [1, 2], dilation: [2, 1], groups: 2)),
        ([2, 3, 7, 5], [3, 2, 2, 3], params(stride: [2, 2], padding: [1, 0], transposed: true, outputPadding: [1, 1])),
        ([2, 2, 4, 3], [2, 2, 2, 2], params(padding: [0, 1])),
    ]

    static func params(stride: [Int] = [1, 1], padding: [Int] = [0, 0], dilation: [Int] = [1, 1], transposed: Bool = false,
                       outputPadding: [Int] = [0, 0], groups: Int = 1) -> ConvParams {
        ConvParams(stride: stride, padding: padding, dilation: dilation, transposed: transposed,
                   outputPadding: outputPadding, groups: groups)
    }

    @Test(arguments: [DType.float32, .float64]) func unfoldAndFoldEqualTheReferenceLoops(_ dtype: DType) {
        for (input, weight, p) in Self.cases {
            let g = ConvGeometry(input: input, weight: weight, p)
            if dtype == .float32 { check(g, Float.self) } else { check(g, Double.self) }
        }
    }

    func check<T: FloatElement>(_ g: ConvGeometry, _: T.Type) {
        let generator = Generator(seed: 7)
        let image = Tensor.randn(g.imageShape, generator: generator, dtype: T.dtype)
        let (n0, nb) = (1, g.n - 1)
        let count = g.c * g.kh * g.kw * nb * g.outPlane
        let cols = Tensor.randn([count], generator: generator, dtype: T.dtype)
        let fast = Tensor.zeros([count], dtype: T.dtype), reference = Tensor.zeros([count], dtype: T.dtype)
        // ConvCompute folds onto zeros (a padded plane is summed apart, then added once).
        let foldedFast = Tensor.zeros(g.imageShape, dtype: T.dtype), foldedReference = Tensor.zeros(g.imageShape, dtype: T.dtype)
        image.withUnsafePointer(as: T.self) { src in
            fast.withUnsafeMutablePointer(as: T.self) { PlaneLoops.unfold(src, $0, g, n0: n0, nb: nb) }
            reference.withUnsafeMutablePointer(as: T.self) { ReferenceIm2Col.unfold(src, $0, g, n0: n0, nb: nb) }
        }
        cols.withUnsafePointer(as: T.self) { src in
            foldedFast.withUnsafeMutablePointer(as: T.self) { PlaneLoops.fold(src, $0, g, n0: n0, nb: nb) }
            foldedReference.withUnsafeMutablePointer(as: T.self) { ReferenceIm2Col.fold(src, $0, g, n0: n0, nb: nb) }
        }
        let unfoldEqual = fast.scalars(as: T.self) == reference.scalars(as: T.self)
        let foldEqual = foldedFast.scalars(as: T.self) == foldedReference.scalars(as: T.self)
        #expect(unfoldEqual, "unfold \(g)")
        #expect(foldEqual, "fold \(g)")
    }

    /// The joint backward pass gives the same bits as the two separate ones, whole batch
    /// and one image per chunk.
    @Test(arguments: [DType.float32, .float64]) func jointGradientsEqualSeparateOnes(_ dtype: DType) {
        let generator = Generator(seed: 3)
        // The small cases (debug builds multiply with Core's reference kernel), and LeNet's
        // second convolution on a smaller batch.
        let cases = Self.cases.dropFirst(2).filter { !$0.2.transposed } + [([3, 6, 14, 14], [16, 6, 5, 5], Self.params())]
        for (input, weight, p) in cases {
            let g = ConvGeometry(input: input, weight: weight, p)
            let x = Tensor.randn(input, generator: generator, dtype: dtype), w = Tensor.randn(weight, generator: generator, dtype: dtype)
            let go = Tensor.randn(g.outputShape, generator: generator, dtype: dtype)
            for budget in [1, ConvCompute.columnBudget] {
                let (image, kernel) = dtype == .float32
                    ? ConvCompute.gradients(image: x, weight: w, gout: go, g, Float.self, budget: budget)
                    : ConvCompute.gradients(image: x, weight: w, gout: go, g, Double.self, budget: budget)
                let separateImage = dtype == .float32
                    ? ConvCompute.inputGrad(gout: go, weight: w, g, Float.self, budget: budget)
                    : ConvCompute.inputGrad(gout: go, weight: w, g, Double.self, budget: budget)
                let separateKernel = dtype == .float32
                    ? ConvCompute.weightGrad(image: x, gout: go, g, Float.self, budget: budget)
                    : ConvCompute.weightGrad(image: x, gout: go, g, Double.self, budget: budget)
                let same = image.doubleScalars == separateImage.doubleScalars && kernel.doubleScalars == separateKernel.doubleScalars
                #expect(same, "\(g) budget \(budget)")
                #expect(kernel.shape == weight && image.shape == input)
            }
        }
    }

    @Test func rowCopyAndAddHandleEveryLength() {
        let source = (0..<80).map { Float($0) + 0.5 }, doubles = source.map(Double.init)
        for count in 0...70 {
            var dst = [Float](repeating: -1, count: 80), sums = [Double](repeating: 2, count: 80)
            source.withUnsafeBufferPointer { s in dst.withUnsafeMutableBufferPointer { RowCopy.copy(s.baseAddress! + 3, $0.baseAddress! + 1, count) } }
            doubles.withUnsafeBufferPointer { s in sums.withUnsafeMutableBufferPointer { RowCopy.add(s.baseAddress!, $0.baseAddress! + 2, count) } }
            #expect(dst[0] == -1 && dst[count + 1] == -1 && Array(dst[1..<count + 1]) == Array(source[3..<count + 3]), "copy \(count)")
            #expect(sums[0...1] == [2, 2] && sums[count + 2] == 2 && Array(sums[2..<count + 2]) == doubles[0..<count].map { $0 + 2 }, "add \(count)")
        }
    }

    @Test(arguments: [DType.float32, .float64]) func halvingMaxPoolEqualsTheGeneralWindowLoop(_ dtype: DType) throws {
        // Ties, infinities and NaNs (the last NaN of a window wins) in odd-sized planes whose
        // rows have four vector windows and one more.
        let values: [Double] = [1, 1, -.infinity, .nan, 0, 2, 2, -1, .nan, .nan, .infinity, -.infinity, 3]
        let data = (0..<(6 * 7 * 11)).map { values[($0 * 7 + $0 / 5) % values.count] }
        let x = Tensor(data, shape: [2, 3, 7, 11]).to(dtype)
        for ceil in [false, true] {
            let g = try PoolGeometry(op: "max_pool2d", shape: x.shape, kernel: [2], stride: [], padding: [0], dilation: [1], ceilMode: ceil)
            #expect(g.isHalving == !ceil)
            if dtype == .float32 { comparePool(x, g, Float.self) } else { comparePool(x, g, Double.self) }
        }
    }

    func comparePool<T: FloatElement>(_ x: Tensor, _ g: PoolGeometry, _: T.Type) {
        let count = g.planes * g.outPlane
        var fast = [T](repeating: 0, count: count), reference = fast
        var fastIndices = [Int64](repeating: -1, count: count), referenceIndices = fastIndices
        x.withUnsafePointer(as: T.self) { src in
            PoolLoops.max(src, &fast, &fastIndices, g)
            for p in 0..<g.planes { PoolLoops.maxPlane(src, &reference, &referenceIndices, g, p) }
        }
        #expect(fastIndices == referenceIndices)
        #expect(zip(fast, reference).allSatisfy { $0 == $1 || ($0.isNaN && $1.isNaN) })
    }
}
