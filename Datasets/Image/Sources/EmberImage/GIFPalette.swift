/// The colour table of one GIF image and the index of every pixel in it.
///
/// When the pixels use at most 256 distinct colours, the table holds exactly those colours,
/// in order of first appearance, and the image is lossless. Otherwise (anti-aliased plots:
/// a few solid colours and many edge blends) the table holds the 256 most frequent colours
/// (ties in order of first appearance), so solid colours stay exact, and every other pixel
/// takes its nearest table colour in RGB distance (the first of equals).
/// GIF has no partial transparency: alpha is composited over white first.
public struct GIFPalette: Sendable, Hashable {
    /// The table's colours as R, G, B bytes, padded with black to a power of two ≥ 4 entries.
    public let colors: [UInt8]
    /// One table index per pixel, row-major.
    public let indices: [UInt8]
    /// Whether the table holds every colour exactly.
    public let isExact: Bool

    /// Entries in the table (a power of two, 4...256).
    public var count: Int { colors.count / 3 }

    /// log2(count): the GIF colour-table size field plus one, and the LZW minimum code size.
    public var bits: Int { count.trailingZeroBitCount }

    /// The palette of the `width × height` rectangle of `image` at (`x`, `y`).
    public init(_ image: RGBAImage, x: Int = 0, y: Int = 0, width: Int? = nil, height: Int? = nil) {
        let w = width ?? image.width, h = height ?? image.height
        precondition(x >= 0 && y >= 0 && x + w <= image.width && y + h <= image.height,
                     "GIFPalette: rectangle outside the image")
        var rgb = [UInt32](repeating: 0, count: w * h)
        let stride = image.width
        image.pixels.withUnsafeBufferPointer { p in
            for row in 0..<h {
                for col in 0..<w {
                    let i = ((y + row) * stride + x + col) * 4
                    rgb[row * w + col] = GIFPalette.opaque(p[i], p[i + 1], p[i + 2], p[i + 3])
                }
            }
        }
        if let exact = GIFPalette.exact(rgb) {
            (colors, indices, isExact) = (exact.0, exact.1, true)
        } else {
            (colors, indices) = GIFPalette.popular(rgb)
            isExact = false
        }
    }

    /// A pixel composited over white, packed as 0xRRGGBB.
    static func opaque(_ r: UInt8, _ g: UInt8, _ b: UInt8, _ a: UInt8) -> UInt32 {
        func over(_ c: UInt8) -> UInt32 {
            a == 255 ? UInt32(c) : (UInt32(c) * UInt32(a) + 255 * (255 - UInt32(a)) + 127) / 255
        }
        return over(r) << 16 | over(g) << 8 | over(b)
    }

    /// The exact table and indices, or nil when there are more than 256 colours.
    static func exact(_ rgb: [UInt32]) -> ([UInt8], [UInt8])? {
        var lookup: [UInt32: UInt8] = [:]
        var table: [UInt32] = []
        var indices = [UInt8](repeating: 0, count: rgb.count)
        var last: UInt32 = .max, lastIndex: UInt8 = 0
        for (i, color) in rgb.enumerated() {
            if color != last {
                if let known = lookup[color] {
                    lastIndex = known
                } else {
                    if table.count == 256 { return nil }
                    lastIndex = UInt8(table.count)
                    lookup[color] = lastIndex
                    table.append(color)
                }
                last = color
            }
            indices[i] = lastIndex
        }
        var size = 4
        while size < table.count { size *= 2 }
        var colors = [UInt8](repeating: 0, count: size * 3)
        for (i, c) in table.enumerated() {
            colors[i * 3] = UInt8(c >> 16)
            colors[i * 3 + 1] = UInt8((c >> 8) & 255)
            colors[i * 3 + 2] = UInt8(c & 255)
        }
        return (colors, indices)
    }

    /// The 256 most frequent colours and each pixel's nearest among them.
    static func popular(_ rgb: [UInt32]) -> ([UInt8], [UInt8]) {
        var counts: [UInt32: (count: Int, first: Int)] = [:]
        var last: UInt32 = .max
        var run = 0
        func flush() {
            guard run > 0 else { return }
            let order = counts.count
            counts[last, default: (0, order)].count += run
        }
        for color in rgb {
            if color == last { run += 1; continue }
            flush()
            last = color
            run = 1
        }
        flush()
        let table = counts.sorted { a, b in
            a.value.count != b.value.count ? a.value.count > b.value.count : a.value.first < b.value.first
        }.prefix(256).map(\.key)
        var nearest: [UInt32: UInt8] = [:]
        for (i, c) in table.enumerated() { nearest[c] = UInt8(i) }
        var indices = [UInt8](repeating: 0, count: rgb.count)
        for (i, color) in rgb.enumerated() {
            if let known = nearest[color] {
                indices[i] = known
                continue
            }
            var best = 0, bestDistance = Int.max
            for (j, c) in table.enumerated() {
                let dr = Int(c >> 16) - Int(color >> 16)
                let dg = Int((c >> 8) & 255) - Int((color >> 8) & 255)
                let db = Int(c & 255) - Int(color & 255)
                let d = dr * dr + dg * dg + db * db
                if d < bestDistance { (best, bestDistance) = (j, d) }
            }
            nearest[color] = UInt8(best)
            indices[i] = UInt8(best)
        }
        var colors = [UInt8](repeating: 0, count: 256 * 3)
        for (i, c) in table.enumerated() {
            colors[i * 3] = UInt8(c >> 16)
            colors[i * 3 + 1] = UInt8((c >> 8) & 255)
            colors[i * 3 + 2] = UInt8(c & 255)
        }
        return (colors, indices)
    }
}
