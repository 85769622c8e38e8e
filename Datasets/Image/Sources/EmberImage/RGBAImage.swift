/// An 8-bit RGBA raster: `width × height` pixels stored row by row, four bytes each
/// (R, G, B, A, straight alpha), the top row first.
///
/// A value type: copies are independent. Drawing code reads and writes pixels with the
/// subscript, ``fill(_:)`` and ``blend(x:y:color:coverage:)``.
public struct RGBAImage: Sendable, Hashable {
    /// Columns.
    public let width: Int
    /// Rows.
    public let height: Int
    /// `height * width * 4` bytes, row-major, RGBA.
    public var pixels: [UInt8] { _pixels }
    @usableFromInline var _pixels: [UInt8]

    /// An image with every pixel set to `color` (transparent by default).
    public init(width: Int, height: Int, color: RGBAPixel = .transparent) {
        precondition(width >= 0 && height >= 0, "RGBAImage: negative size \(width)x\(height)")
        self.width = width
        self.height = height
        _pixels = [UInt8](repeating: 0, count: width * height * 4)
        if color != .transparent { fill(color) }
    }

    /// An image over existing RGBA bytes; throws when their count is not `width * height * 4`.
    public init(width: Int, height: Int, pixels: [UInt8]) throws {
        guard width >= 0, height >= 0, pixels.count == width * height * 4 else {
            throw ImageError(.invalidArgument, file: "<pixels>",
                "RGBAImage: \(pixels.count) bytes do not hold \(width)x\(height) RGBA pixels")
        }
        self.width = width
        self.height = height
        _pixels = pixels
    }

    /// The pixel in column `x`, row `y` (row 0 at the top). Traps outside the image.
    @inlinable public subscript(x: Int, y: Int) -> RGBAPixel {
        get {
            precondition(contains(x: x, y: y), "RGBAImage: pixel (\(x), \(y)) outside \(width)x\(height)")
            let i = (y * width + x) * 4
            return RGBAPixel(_pixels[i], _pixels[i + 1], _pixels[i + 2], _pixels[i + 3])
        }
        set {
            precondition(contains(x: x, y: y), "RGBAImage: pixel (\(x), \(y)) outside \(width)x\(height)")
            let i = (y * width + x) * 4
            withUnsafeMutablePixels { p in
                p[i] = newValue.r
                p[i + 1] = newValue.g
                p[i + 2] = newValue.b
                p[i + 3] = newValue.a
            }
        }
    }

    /// Whether (`x`, `y`) lies inside the image.
    @inlinable public func contains(x: Int, y: Int) -> Bool {
        x >= 0 && y >= 0 && x < width && y < height
    }

    /// Sets every pixel to `color`.
    public mutating func fill(_ color: RGBAPixel) {
        fill(color, x: 0, y: 0, width: width, height: height)
    }

    /// Sets the pixels of a rectangle (clipped to the image) to `color`, without blending.
    public mutating func fill(_ color: RGBAPixel, x: Int, y: Int, width w: Int, height h: Int) {
        let x0 = Swift.max(x, 0), y0 = Swift.max(y, 0)
        let x1 = Swift.min(x + w, width), y1 = Swift.min(y + h, height)
        guard x0 < x1, y0 < y1 else { return }
        let stride = width
        withUnsafeMutablePixels { p in
            for row in y0..<y1 {
                var i = (row * stride + x0) * 4
                for _ in x0..<x1 {
                    p[i] = color.r
                    p[i + 1] = color.g
                    p[i + 2] = color.b
                    p[i + 3] = color.a
                    i += 4
                }
            }
        }
    }

    /// Paints `color` over the pixel at (`x`, `y`) with `coverage` (0...1, the fraction of
    /// the pixel the shape covers) times the colour's alpha; points outside are ignored.
    @inlinable public mutating func blend(x: Int, y: Int, color: RGBAPixel, coverage: Double = 1) {
        guard contains(x: x, y: y), coverage > 0 else { return }
        self[x, y] = color.composited(over: self[x, y], coverage: coverage)
    }

    /// Calls `body` with the mutable RGBA bytes.
    @inlinable public mutating func withUnsafeMutablePixels<R>(
        _ body: (UnsafeMutableBufferPointer<UInt8>) throws -> R
    ) rethrows -> R {
        try _pixels.withUnsafeMutableBufferPointer { try body($0) }
    }
}
