import Testing
@testable import EmberCore

/// Large contiguous elementwise operators split over the pool give, element for element,
/// what one thread computes: IEEE arithmetic in Swift for add/sub/mul/div, and the serial
/// kernel on small pieces for `exp`.
@Suite struct ParallelElementwiseTests {
    static let n = Elementwise.parallelMinimum + 1_234

    static func values<T: BinaryFloatingPoint>(_: T.Type, seed: Int) -> [T] {
        (0..<n).map { T(($0 * 7919 + seed) % 10_007) * T(1e-3) - 5 }
    }

    @Test func binaryArithmeticMatchesScalarArithmetic() {
        check(Float.self)
        check(Double.self)
    }

    func check<T: BinaryFloatingPoint & TensorElement>(_: T.Type) {
        let xs = Self.values(T.self, seed: 1), ys = Self.values(T.self, seed: 7)
        let x = Tensor(xs, shape: [Self.n]), y = Tensor(ys, shape: [Self.n])
        let s = Tensor([T(2.5)], shape: [])
        #expect(Elementwise.parallelOperands(x, y, T.self, T.self, to: T.self) != nil)
        #expect((x + y).scalars(as: T.self) == zip(xs, ys).map { $0 + $1 })
        #expect(x.sub(y, alpha: 3).scalars(as: T.self) == zip(xs, ys).map { $0 + T(-3) * $1 })
        #expect((x * y).scalars(as: T.self) == zip(xs, ys).map { $0 * $1 })
        #expect((x / y).scalars(as: T.self) == zip(xs, ys).map { $0 / $1 })
        #expect((x + s).scalars(as: T.self) == xs.map { $0 + 2.5 })
        #expect((x * s).scalars(as: T.self) == xs.map { $0 * 2.5 })
    }

    @Test func expMatchesTheSerialKernel() {
        let xs = Self.values(Float.self, seed: 3)
        let parallel = Tensor(xs, shape: [Self.n]).exp().scalars(as: Float.self)
        var serial: [Float] = []
        for start in stride(from: 0, to: Self.n, by: 1_000) {
            let piece = Array(xs[start..<min(start + 1_000, Self.n)])
            serial += Tensor(piece, shape: [piece.count]).exp().scalars(as: Float.self)
        }
        #expect(parallel == serial)
    }

    @Test func smallOrStridedOperandsTakeTheSerialPath() {
        let small = Tensor([Float](repeating: 1, count: 100), shape: [100])
        #expect(Elementwise.parallelOperands(small, Float.self, to: Float.self) == nil)
        let big = Tensor([Float](repeating: 1, count: 2 * Self.n), shape: [2, Self.n])
        #expect(Elementwise.parallelOperands(big.transpose(0, 1), Float.self, to: Float.self) == nil)
        let row = Tensor([Float](repeating: 1, count: Self.n), shape: [1, Self.n])
        #expect(Elementwise.parallelOperands(Tensor([Float](repeating: 1, count: Self.n), shape: [Self.n]), row,
                                             Float.self, Float.self, to: Float.self) == nil)
    }
}
