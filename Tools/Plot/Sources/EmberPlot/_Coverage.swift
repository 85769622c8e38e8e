import EmberImage

/// A pixel rectangle of coverage values (0...1) that a shape accumulates before it is
/// painted once: overlapping pieces of one shape (the segments of a polyline, the pixels of
/// a glyph) then never darken the places where they meet.
struct _Coverage {
    /// The rectangle's left column and top row in the image.
    let x0: Int, y0: Int
    /// The rectangle's size.
    let width: Int, height: Int
    var values: [Float]

    init(x0: Int, y0: Int, width: Int, height: Int) {
        self.x0 = x0
        self.y0 = y0
        self.width = Swift.max(width, 0)
        self.height = Swift.max(height, 0)
        values = [Float](repeating: 0, count: self.width * self.height)
    }

    /// Raises the coverage of image pixel (x, y) to at least `c`.
    @inline(__always) mutating func raise(_ x: Int, _ y: Int, _ c: Float) {
        let u = x - x0, v = y - y0
        guard u >= 0, v >= 0, u < width, v < height else { return }
        let i = v * width + u
        if c > values[i] { values[i] = c }
    }

    /// Adds the area the rectangle [x, x + w) × [y, y + h) (image pixels, fractional)
    /// covers of each pixel.
    mutating func addRectangle(x: Double, y: Double, w: Double, h: Double) {
        let px0 = Int(x.rounded(.down)), px1 = Int((x + w).rounded(.up))
        let py0 = Int(y.rounded(.down)), py1 = Int((y + h).rounded(.up))
        for py in py0..<py1 {
            let oy = Swift.min(Double(py + 1), y + h) - Swift.max(Double(py), y)
            guard oy > 0 else { continue }
            for px in px0..<px1 {
                let ox = Swift.min(Double(px + 1), x + w) - Swift.max(Double(px), x)
                guard ox > 0 else { continue }
                let u = px - x0, v = py - y0
                guard u >= 0, v >= 0, u < width, v < height else { continue }
                values[v * width + u] = Swift.min(values[v * width + u] + Float(ox * oy), 1)
            }
        }
    }

    /// Paints `color` over `image` with these coverages, inside `clip` (x, y, w, h) if given.
    /// With `rotated`, the rectangle is turned a quarter counter-clockwise about its
    /// top-left corner first (its first column becomes its bottom row), for vertical text.
    func paint(_ color: RGBAPixel, into image: inout RGBAImage, clip: _Box? = nil, rotated: Bool = false) {
        for v in 0..<height {
            for u in 0..<width {
                let c = values[v * width + u]
                guard c > 0 else { continue }
                let x = rotated ? x0 + v : x0 + u
                let y = rotated ? y0 + (width - 1 - u) : y0 + v
                if let clip, !clip.contains(x, y) { continue }
                image.blend(x: x, y: y, color: color, coverage: Double(c))
            }
        }
    }
}

/// An integer pixel rectangle.
struct _Box {
    var x: Int, y: Int, width: Int, height: Int

    func contains(_ px: Int, _ py: Int) -> Bool {
        px >= x && py >= y && px < x + width && py < y + height
    }
}
