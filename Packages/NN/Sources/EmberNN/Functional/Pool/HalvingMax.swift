import EmberCore

// 2×2 / stride-2 max pooling of one float32 output row, four windows per step in vector
// registers: the rule of PoolLoops.windowMax (`v > best || v.isNaN` in reading order: the
// first maximum, or the last NaN) as lane-wise selects, without the unpredictable branches
// a scalar loop takes on ReLU outputs. Concrete types: generic SIMD code was not
// specialised and ran 4× slower than the scalar loop.

enum HalvingMax {
    /// Pools outputs `0 ..< 4·⌊ow/4⌋` of the output row whose windows start at `top` (row
    /// 2·oy of a plane of width `w`) into `out`/`indices`; returns the first output not done.
    @inline(__always)
    static func row(_ plane: UnsafePointer<Float>, top: Int, w: Int, ow: Int, _ out: UnsafeMutablePointer<Float>,
                    _ indices: UnsafeMutablePointer<Int64>) -> Int {
        let values = UnsafeRawPointer(plane), results = UnsafeMutableRawPointer(out)
        var ox = 0
        while ox &+ 4 <= ow {
            let i = top &+ 2 &* ox
            let upper = values.loadUnaligned(fromByteOffset: i &* 4, as: SIMD8<Float>.self)
            let lower = values.loadUnaligned(fromByteOffset: (i &+ w) &* 4, as: SIMD8<Float>.self)
            var best = upper.evenHalf
            var code = SIMD4<Int32>(repeating: 0)
            step(&best, &code, upper.oddHalf, 1)
            step(&best, &code, lower.evenHalf, 2)
            step(&best, &code, lower.oddHalf, 3)
            results.storeBytes(of: best, toByteOffset: ox &* 4, as: SIMD4<Float>.self)
            let offsets = (code & 1) &+ (code &>> 1) &* Int32(truncatingIfNeeded: w)
            for lane in 0..<4 {
                indices[ox &+ lane] = Int64(i &+ 2 &* lane &+ Int(offsets[lane]))
            }
            ox &+= 4
        }
        return ox
    }

    /// One candidate of each window: taken where `candidate > best || candidate.isNaN`.
    @inline(__always)
    static func step(_ best: inout SIMD4<Float>, _ code: inout SIMD4<Int32>, _ candidate: SIMD4<Float>, _ position: Int32) {
        let take = (candidate .> best) .| (candidate .!= candidate)
        best.replace(with: candidate, where: take)
        code.replace(with: position, where: take)
    }
}
