import EmberCore

// The im2col / col2im passes ConvCompute runs, one (image, channel) plane at a time. With padding, a plane is first copied
// into a zero-bordered scratch plane, so every row of columns is a plain read of OW
// elements (contiguous for stride 1, moved by RowCopy) without bounds checks; col2im
// accumulates into such a scratch plane and adds its interior back. The layout of the
// columns is Im2Col's ([C·kH·kW, nb, OH·OW]); Im2Col's element-wise loops are the
// reference these are tested against, and they add in the same order (same bits).
// Each call covers one chunk of the batch on the calling thread; ConvCompute and
// ConvBackward run the chunks on Core's pool.

enum PlaneLoops {
    /// Writes the columns of images `n0 ..< n0 + nb` of the contiguous image `src`
    /// ([N, C, H, W]) into `cols` ([C·kH·kW, nb, OH·OW]); padding reads as zero.
    @_specialize(where T == Float)
    @_specialize(where T == Double)
    static func unfold<T: FloatElement>(_ src: UnsafePointer<T>, _ cols: UnsafeMutablePointer<T>,
                                        _ g: ConvGeometry, n0: Int, nb: Int) {
        forEachPlane(g, nb: nb, T.self) { j, ci, scratch, width, rowStride in
            var plane = src + ((n0 + j) * g.c + ci) * g.plane
            if let scratch {
                for y in 0..<g.h { RowCopy.copy(plane + y * g.w, scratch + (y + g.ph) * width + g.pw, g.w) }
                plane = UnsafePointer(scratch)
            }
            unfoldPlane(plane, cols + ci * g.kh * g.kw * rowStride + j * g.outPlane, g, width: width, rowStride: rowStride)
        }
    }

    /// Calls `body(image, channel, scratch, width, rowStride)` for each plane of a chunk of
    /// `nb` images: `scratch` is a zeroed plane with the padding border (`nil` without
    /// padding), `width` the row length of the plane the columns are read from or added to,
    /// and `rowStride` the distance between two rows of columns.
    @inline(__always)
    static func forEachPlane<T: FloatElement>(_ g: ConvGeometry, nb: Int, _: T.Type,
                                              _ body: (Int, Int, UnsafeMutablePointer<T>?, Int, Int) -> Void) {
        let padded = g.ph > 0 || g.pw > 0, hp = g.h + 2 * g.ph, wp = g.w + 2 * g.pw
        let scratch = padded ? UnsafeMutablePointer<T>.allocate(capacity: hp * wp) : nil
        defer { scratch?.deallocate() }
        scratch?.initialize(repeating: 0, count: hp * wp)
        for unit in 0..<(nb * g.c) {
            body(unit / g.c, unit % g.c, scratch, padded ? wp : g.w, nb * g.outPlane)
        }
    }

    /// The kH·kW column rows of one (zero-bordered) plane of width `width`.
    @inline(__always)
    static func unfoldPlane<T: FloatElement>(_ plane: UnsafePointer<T>, _ first: UnsafeMutablePointer<T>, _ g: ConvGeometry,
                                             width: Int, rowStride: Int) {
        forEachOutputRow(g, width: width, rowStride: rowStride) { line, row in
            if g.sw == 1 {
                RowCopy.copy(plane + line, first + row, g.ow)
            } else {
                for ox in 0..<g.ow { first[row + ox] = plane[line + ox * g.sw] }
            }
        }
    }

    /// Calls `body(planeOffset, columnOffset)` for each output row of each kernel tap: the
    /// offset of the row's first input element in a plane of width `width`, and that of its
    /// row of columns (tap rows `rowStride` apart). Unfolding copies along these pairs;
    /// folding adds back along them.
    @inline(__always)
    static func forEachOutputRow(_ g: ConvGeometry, width: Int, rowStride: Int, _ body: (Int, Int) -> Void) {
        for ki in 0..<g.kh {
            for kj in 0..<g.kw {
                var row = (ki * g.kw + kj) * rowStride
                var line = ki * g.dh * width + kj * g.dw
                for _ in 0..<g.oh {
                    body(line, row)
                    line += g.sh * width
                    row += g.ow
                }
            }
        }
    }

    /// Adds the columns `cols` ([C·kH·kW, nb, OH·OW]) back onto images `n0 ..< n0 + nb` of
    /// the contiguous image gradient `dst` ([N, C, H, W]); the inverse pattern of ``unfold``.
    @_specialize(where T == Float)
    @_specialize(where T == Double)
    static func fold<T: FloatElement>(_ cols: UnsafePointer<T>, _ dst: UnsafeMutablePointer<T>,
                                      _ g: ConvGeometry, n0: Int, nb: Int) {
        forEachPlane(g, nb: nb, T.self) { j, ci, scratch, width, rowStride in
            let target = dst + ((n0 + j) * g.c + ci) * g.plane
            scratch?.update(repeating: 0, count: (g.h + 2 * g.ph) * width)
            foldPlane(cols + ci * g.kh * g.kw * rowStride + j * g.outPlane, scratch ?? target, g,
                      width: width, rowStride: rowStride)
            if let scratch {
                for y in 0..<g.h { RowCopy.add(scratch + (y + g.ph) * width + g.pw, target + y * g.w, g.w) }
            }
        }
    }

    /// Adds the kH·kW column rows of one plane onto the (zero-bordered) plane `acc`.
    @inline(__always)
    static func foldPlane<T: FloatElement>(_ first: UnsafePointer<T>, _ acc: UnsafeMutablePointer<T>, _ g: ConvGeometry,
                                           width: Int, rowStride: Int) {
        forEachOutputRow(g, width: width, rowStride: rowStride) { line, row in
            if g.sw == 1 {
                RowCopy.add(first + row, acc + line, g.ow)
            } else {
                for ox in 0..<g.ow { acc[line + ox * g.sw] += first[row + ox] }
            }
        }
    }
}
