/// The colour table of one GIF image and the index of every pixel in it.
///
/// When the pixels use at most 256 distinct colours (plots do), the table holds exactly
/// those colours, in order of first appearance, and the image is lossless. Otherwise the
/// table is a fixed 6 × 7 × 6 grid (6 reds, 7 greens, 6 blues: 252 colours) and each pixel
/// takes the nearest grid colour, channel by channel (which is the nearest in RGB distance).
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
            (colors, indices, isExact) = (GIFPalette.gridColors, rgb.map(GIFPalette.gridIndex), false)
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

    /// The 6 × 7 × 6 grid, red slowest, padded to 256 entries.
    static let gridColors: [UInt8] = {
        var colors: [UInt8] = []
        for r in 0..<6 {
            for g in 0..<7 {
                for b in 0..<6 {
                    colors += [UInt8(r * 255 / 5), UInt8(g * 255 / 6), UInt8(b * 255 / 5)]
                }
            }
        }
        return colors + [UInt8](repeating: 0, count: (256 - 252) * 3)
    }()

    /// The nearest grid entry to 0xRRGGBB.
    static func gridIndex(_ color: UInt32) -> UInt8 {
        let r = (Int(color >> 16) * 5 + 127) / 255
        let g = (Int((color >> 8) & 255) * 6 + 127) / 255
        let b = (Int(color & 255) * 5 + 127) / 255
        return UInt8((r * 7 + g) * 6 + b)
    }
}
