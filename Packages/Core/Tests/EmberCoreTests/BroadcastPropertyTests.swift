import Testing
@testable import EmberCore

/// Property tests: for many random shape pairs that broadcast (NumPy's rules, checked
/// independently element by element), `a + b` and `a * b` agree with index arithmetic, on
/// contiguous and on non-contiguous (transposed-storage) operands.
@Suite struct BroadcastPropertyTests {
    /// A small deterministic generator (SplitMix64) so failures replay.
    struct Rng {
        var state: UInt64
        mutating func next(_ n: Int) -> Int {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Int((z ^ (z >> 31)) % UInt64(n))
        }
    }

    /// Two shapes that broadcast: each dim of each is 1 or the shared size; ranks may differ.
    static func shapes(_ rng: inout Rng) -> ([Int], [Int]) {
        let rank = 1 + rng.next(4)
        let full = (0..<rank).map { _ in 1 + rng.next(4) }
        var a = full.map { rng.next(3) == 0 ? 1 : $0 }
        var b = full.map { rng.next(3) == 0 ? 1 : $0 }
        a.removeFirst(rng.next(rank))
        b.removeFirst(rng.next(rank))
        return (a, b)
    }

    /// A tensor of `shape` holding 0, 1, 2, ... in row-major order, laid out in reversed
    /// dimension order when `transposed` (so it is non-contiguous for rank ≥ 2).
    static func counting(_ shape: [Int], transposed: Bool) -> Tensor {
        let n = shape.reduce(1, *)
        guard transposed, shape.count >= 2 else { return Tensor((0..<n).map(Double.init), shape: shape) }
        var strides = [Int](repeating: 1, count: shape.count)
        for d in 1..<shape.count { strides[d] = strides[d - 1] * shape[d - 1] }  // column-major
        let t = Tensor(storage: Storage(byteCount: n * 8), shape: shape, strides: strides, dtype: .float64)
        let p = t.dataPointer.assumingMemoryBound(to: Double.self)
        for flat in 0..<n {
            var rest = flat, offset = 0
            for d in stride(from: shape.count - 1, through: 0, by: -1) {
                offset += (rest % shape[d]) * strides[d]
                rest /= shape[d]
            }
            p[offset] = Double(flat)
        }
        return t
    }

    /// The row-major flat index into `shape` of the broadcast multi-index `index`.
    static func flatIndex(_ index: [Int], into shape: [Int]) -> Int {
        let offset = index.count - shape.count
        var flat = 0
        for d in 0..<shape.count { flat = flat * shape[d] + (shape[d] == 1 ? 0 : index[d + offset]) }
        return flat
    }

    @Test(arguments: [false, true])
    func elementwiseMatchesIndexArithmetic(transposed: Bool) throws {
        var rng = Rng(state: transposed ? 7 : 11)
        for trial in 0..<200 {
            let (sa, sb) = Self.shapes(&rng)
            let a = Self.counting(sa, transposed: transposed), b = Self.counting(sb, transposed: transposed)
            let sum = a + b, product = a * b
            let rank = max(sa.count, sb.count)
            let pa = [Int](repeating: 1, count: rank - sa.count) + sa
            let pb = [Int](repeating: 1, count: rank - sb.count) + sb
            let expectedShape = zip(pa, pb).map { Swift.max($0, $1) }
            #expect(sum.shape == expectedShape, "trial \(trial): \(sa) + \(sb)")
            let s = sum.scalars(as: Double.self), m = product.scalars(as: Double.self)
            var index = [Int](repeating: 0, count: rank)
            for flat in 0..<s.count {
                var rest = flat
                for d in stride(from: rank - 1, through: 0, by: -1) {
                    index[d] = rest % expectedShape[d]
                    rest /= expectedShape[d]
                }
                let x = Double(Self.flatIndex(index, into: sa)), y = Double(Self.flatIndex(index, into: sb))
                if s[flat] != x + y || m[flat] != x * y {
                    Issue.record("trial \(trial): \(sa) op \(sb) at \(index): got \(s[flat]), \(m[flat]); expected \(x + y), \(x * y)")
                    return
                }
            }
        }
    }

    @Test func incompatibleShapesAlwaysThrow() {
        var rng = Rng(state: 3)
        for _ in 0..<100 {
            let n = 2 + rng.next(4)
            let a = [1 + rng.next(3), n], b = [n + 1 + rng.next(3)]
            #expect(throws: EmberError.self) { try broadcastShapes(a, b, op: "add") }
        }
    }
}
