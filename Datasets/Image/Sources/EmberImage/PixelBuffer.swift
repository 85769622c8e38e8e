/// How many 8-bit channels a pixel has, and what they mean.
public enum PixelLayout: Int, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// One luminance channel (Pillow's mode `L`).
    case gray = 1
    /// Luminance and alpha (`LA`).
    case grayAlpha = 2
    /// Red, green, blue (`RGB`).
    case rgb = 3
    /// Red, green, blue, alpha (`RGBA`).
    case rgba = 4

    /// Bytes per pixel.
    @inlinable public var channels: Int { rawValue }

    /// Whether the last channel is alpha.
    @inlinable public var hasAlpha: Bool { self == .grayAlpha || self == .rgba }

    /// Pillow's mode name: `L`, `LA`, `RGB` or `RGBA`.
    public var description: String {
        switch self {
        case .gray: return "L"
        case .grayAlpha: return "LA"
        case .rgb: return "RGB"
        case .rgba: return "RGBA"
        }
    }
}

/// An 8-bit raster in any ``PixelLayout``: `height * width * channels` bytes, row-major,
/// the top row first. What PNG files decode to before conversion, and what they encode from.
public struct PixelBuffer: Sendable, Hashable {
    /// Columns.
    public let width: Int
    /// Rows.
    public let height: Int
    /// The channels of each pixel.
    public let layout: PixelLayout
    /// `height * width * layout.channels` bytes.
    public let bytes: [UInt8]

    /// A buffer over `bytes`; throws when their count does not match the size and layout.
    public init(width: Int, height: Int, layout: PixelLayout, bytes: [UInt8]) throws {
        guard width >= 0, height >= 0, bytes.count == width * height * layout.channels else {
            throw ImageError(.invalidArgument, file: "<pixels>",
                "PixelBuffer: \(bytes.count) bytes do not hold \(width)x\(height) \(layout) pixels")
        }
        self.width = width
        self.height = height
        self.layout = layout
        self.bytes = bytes
    }

    /// The RGBA pixels of `image` as a buffer.
    public init(_ image: RGBAImage) {
        width = image.width
        height = image.height
        layout = .rgba
        bytes = image.pixels
    }

    /// The same pixels in `target` layout, converted the way Pillow's `Image.convert` does:
    /// gray replicates into R, G and B; colour becomes gray as
    /// `(19595 R + 38470 G + 7471 B + 32768) >> 16` (ITU-R 601-2 luma); a missing alpha
    /// becomes 255; alpha is dropped (not composited) when the target has none.
    public func converted(to target: PixelLayout) -> PixelBuffer {
        if target == layout { return self }
        let n = width * height, sc = layout.channels, tc = target.channels
        var out = [UInt8](repeating: 0, count: n * tc)
        bytes.withUnsafeBufferPointer { src in
            out.withUnsafeMutableBufferPointer { dst in
                for i in 0..<n {
                    let s = i * sc, d = i * tc
                    let isColor = sc >= 3
                    let r = src[s], g = isColor ? src[s + 1] : r, b = isColor ? src[s + 2] : r
                    let a: UInt8 = layout.hasAlpha ? src[s + sc - 1] : 255
                    if tc >= 3 {
                        dst[d] = r
                        dst[d + 1] = g
                        dst[d + 2] = b
                    } else {
                        dst[d] = isColor ? PixelBuffer.luma(r, g, b) : r
                    }
                    if target.hasAlpha { dst[d + tc - 1] = a }
                }
            }
        }
        return PixelBuffer(unchecked: width, height, target, out)
    }

    /// An RGBA image of these pixels.
    public var rgbaImage: RGBAImage {
        // The converted buffer always holds width * height * 4 bytes.
        try! RGBAImage(width: width, height: height, pixels: converted(to: .rgba).bytes)
    }

    /// Pillow's RGB to `L` conversion.
    @inlinable static func luma(_ r: UInt8, _ g: UInt8, _ b: UInt8) -> UInt8 {
        let red: UInt32 = UInt32(r) &* 19595
        let green: UInt32 = UInt32(g) &* 38470
        let blue: UInt32 = UInt32(b) &* 7471
        return UInt8(truncatingIfNeeded: (red &+ green &+ blue &+ 0x8000) >> 16)
    }

    init(unchecked width: Int, _ height: Int, _ layout: PixelLayout, _ bytes: [UInt8]) {
        self.width = width
        self.height = height
        self.layout = layout
        self.bytes = bytes
    }
}
