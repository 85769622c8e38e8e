import EmberImage

/// Anti-aliased shapes on an RGBAImage, in pixel coordinates (x right, y down; pixel (i, j)
/// covers [i, i + 1) × [j, j + 1), so its centre is (i + 0.5, j + 0.5)).
enum _Raster {
    /// A polyline `width` pixels wide with round joins and caps. NaN points break the line.
    static func polyline(_ points: [(Double, Double)], width: Double, color: RGBAPixel,
                         into image: inout RGBAImage, clip: _Box) {
        let finite = points.filter { $0.0.isFinite && $0.1.isFinite }
        guard !finite.isEmpty else { return }
        let r = width / 2
        let pad = Int(r.rounded(.up)) + 2
        let xs = finite.map(\.0), ys = finite.map(\.1)
        let bx0 = Swift.max(Int(xs.min()!.clamped(-1e6, 1e6)) - pad, clip.x)
        let by0 = Swift.max(Int(ys.min()!.clamped(-1e6, 1e6)) - pad, clip.y)
        let bx1 = Swift.min(Int(xs.max()!.clamped(-1e6, 1e6)) + pad, clip.x + clip.width)
        let by1 = Swift.min(Int(ys.max()!.clamped(-1e6, 1e6)) + pad, clip.y + clip.height)
        guard bx0 < bx1, by0 < by1 else { return }
        var coverage = _Coverage(x0: bx0, y0: by0, width: bx1 - bx0, height: by1 - by0)
        var previous: (Double, Double)?
        for p in points {
            guard p.0.isFinite, p.1.isFinite else { previous = nil; continue }
            segment(from: previous ?? p, to: p, radius: r, into: &coverage)
            previous = p
        }
        coverage.paint(color, into: &image, clip: clip)
    }

    /// Raises `coverage` under the capsule of radius `r` around the segment a-b.
    static func segment(from a: (Double, Double), to b: (Double, Double), radius r: Double,
                        into coverage: inout _Coverage) {
        let lo = (x: Swift.min(a.0, b.0) - r - 1, y: Swift.min(a.1, b.1) - r - 1)
        let hi = (x: Swift.max(a.0, b.0) + r + 1, y: Swift.max(a.1, b.1) + r + 1)
        let x0 = Swift.max(Int(lo.x.rounded(.down)), coverage.x0)
        let y0 = Swift.max(Int(lo.y.rounded(.down)), coverage.y0)
        let x1 = Swift.min(Int(hi.x.rounded(.up)), coverage.x0 + coverage.width)
        let y1 = Swift.min(Int(hi.y.rounded(.up)), coverage.y0 + coverage.height)
        guard x0 < x1, y0 < y1 else { return }
        let dx = b.0 - a.0, dy = b.1 - a.1
        let length2 = dx * dx + dy * dy
        for py in y0..<y1 {
            let cy = Double(py) + 0.5
            for px in x0..<x1 {
                let cx = Double(px) + 0.5
                var t = length2 > 0 ? ((cx - a.0) * dx + (cy - a.1) * dy) / length2 : 0
                t = Swift.min(Swift.max(t, 0), 1)
                let ex = cx - (a.0 + t * dx), ey = cy - (a.1 + t * dy)
                let c = r + 0.5 - (ex * ex + ey * ey).squareRoot()
                if c > 0 { coverage.raise(px, py, Float(Swift.min(c, 1))) }
            }
        }
    }

    /// A filled disc of radius `r` centred at (cx, cy).
    static func disc(cx: Double, cy: Double, radius r: Double, color: RGBAPixel,
                     into image: inout RGBAImage, clip: _Box) {
        guard cx.isFinite, cy.isFinite else { return }
        let x0 = Swift.max(Int((cx - r - 1).rounded(.down)), clip.x)
        let y0 = Swift.max(Int((cy - r - 1).rounded(.down)), clip.y)
        let x1 = Swift.min(Int((cx + r + 1).rounded(.up)), clip.x + clip.width)
        let y1 = Swift.min(Int((cy + r + 1).rounded(.up)), clip.y + clip.height)
        guard x0 < x1, y0 < y1 else { return }
        for py in y0..<y1 {
            for px in x0..<x1 {
                let ex = Double(px) + 0.5 - cx, ey = Double(py) + 0.5 - cy
                let c = r + 0.5 - (ex * ex + ey * ey).squareRoot()
                if c > 0 { image.blend(x: px, y: py, color: color, coverage: Swift.min(c, 1)) }
            }
        }
    }

    /// A filled axis-aligned rectangle with fractional edges (partly covered pixels blend).
    static func rectangle(x: Double, y: Double, width: Double, height: Double, color: RGBAPixel,
                          into image: inout RGBAImage) {
        let box = (x0: Int(x.rounded(.down)), y0: Int(y.rounded(.down)),
                   x1: Int((x + width).rounded(.up)), y1: Int((y + height).rounded(.up)))
        var coverage = _Coverage(x0: box.x0, y0: box.y0, width: box.x1 - box.x0, height: box.y1 - box.y0)
        coverage.addRectangle(x: x, y: y, w: width, h: height)
        coverage.paint(color, into: &image)
    }
}

extension Double {
    /// The value limited to lo...hi.
    func clamped(_ lo: Double, _ hi: Double) -> Double { Swift.min(Swift.max(self, lo), hi) }
}
