import EmberCore

// Short contiguous copies and adds for the convolution loops. The rows im2col moves are
// short (10-30 elements in LeNet-5) and there are hundreds of thousands of them per step: a
// `memmove` call each (what `update(from:count:)` and a plain copy loop compile to) spent
// more time in the call than in the copy. These move 16-byte blocks inline, four per loop
// turn (so the optimiser does not turn the loop back into a `memmove` call), and finish
// with one overlapping block.

enum RowCopy {
    /// Copies `count` elements from `src` to `dst` (non-overlapping).
    @inline(__always)
    static func copy<T: FloatElement>(_ src: UnsafePointer<T>, _ dst: UnsafeMutablePointer<T>, _ count: Int) {
        let bytes = count &* MemoryLayout<T>.stride
        if bytes < 16 {
            for i in 0..<count { dst[i] = src[i] }
            return
        }
        let s = UnsafeRawPointer(src), d = UnsafeMutableRawPointer(dst)
        var off = 0
        while off &+ 64 <= bytes {
            let a = s.loadUnaligned(fromByteOffset: off, as: SIMD16<UInt8>.self)
            let b = s.loadUnaligned(fromByteOffset: off &+ 16, as: SIMD16<UInt8>.self)
            let c = s.loadUnaligned(fromByteOffset: off &+ 32, as: SIMD16<UInt8>.self)
            let e = s.loadUnaligned(fromByteOffset: off &+ 48, as: SIMD16<UInt8>.self)
            d.storeBytes(of: a, toByteOffset: off, as: SIMD16<UInt8>.self)
            d.storeBytes(of: b, toByteOffset: off &+ 16, as: SIMD16<UInt8>.self)
            d.storeBytes(of: c, toByteOffset: off &+ 32, as: SIMD16<UInt8>.self)
            d.storeBytes(of: e, toByteOffset: off &+ 48, as: SIMD16<UInt8>.self)
            off &+= 64
        }
        if off &+ 32 <= bytes {
            let a = s.loadUnaligned(fromByteOffset: off, as: SIMD16<UInt8>.self)
            let b = s.loadUnaligned(fromByteOffset: off &+ 16, as: SIMD16<UInt8>.self)
            d.storeBytes(of: a, toByteOffset: off, as: SIMD16<UInt8>.self)
            d.storeBytes(of: b, toByteOffset: off &+ 16, as: SIMD16<UInt8>.self)
            off &+= 32
        }
        if off &+ 16 <= bytes {
            d.storeBytes(of: s.loadUnaligned(fromByteOffset: off, as: SIMD16<UInt8>.self), toByteOffset: off, as: SIMD16<UInt8>.self)
            off &+= 16
        }
        if off < bytes {
            // The last 16 bytes again, overlapping what is already copied.
            let last = bytes &- 16
            d.storeBytes(of: s.loadUnaligned(fromByteOffset: last, as: SIMD16<UInt8>.self), toByteOffset: last, as: SIMD16<UInt8>.self)
        }
    }

    /// `dst[i] += src[i]` for `count` elements (non-overlapping), four independent lanes per
    /// turn so the optimiser can use vector adds without a runtime alias check.
    @inline(__always)
    static func add<T: FloatElement>(_ src: UnsafePointer<T>, _ dst: UnsafeMutablePointer<T>, _ count: Int) {
        var i = 0
        while i &+ 4 <= count {
            let a = src[i], b = src[i &+ 1], c = src[i &+ 2], e = src[i &+ 3]
            let x = dst[i], y = dst[i &+ 1], z = dst[i &+ 2], w = dst[i &+ 3]
            dst[i] = x + a; dst[i &+ 1] = y + b; dst[i &+ 2] = z + c; dst[i &+ 3] = w + e
            i &+= 4
        }
        while i < count { dst[i] += src[i]; i &+= 1 }
    }
}
