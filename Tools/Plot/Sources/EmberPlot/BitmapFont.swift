import EmberImage

/// Draws text with Ember's built-in bitmap font (printable ASCII in a 5 × 9 grid, advance 6),
/// scaled by any factor with exact area anti-aliasing. Characters outside printable ASCII
/// draw as `?`, except `−` (U+2212) which draws as `-`.
public enum BitmapFont {
    /// Glyph rows above the baseline (the capital height).
    public static let ascent = 7
    /// Glyph rows below the baseline.
    public static let descent = 2
    /// Horizontal advance per character, in font pixels.
    public static let advance = 6

    /// The scale (image pixels per font pixel) for a font size in points at `dpi`:
    /// the capitals are 0.72 em high, as in DejaVu Sans, rounded to whole pixels so that
    /// strokes stay sharp (never below 1).
    public static func scale(pointSize: Double, dpi: Double) -> Double {
        Swift.max(1, (pointSize * dpi / 72 * 0.72 / Double(ascent) * 2).rounded() / 2)
    }

    /// The width of `text` in image pixels at `scale` (no spacing after the last character).
    public static func width(of text: String, scale: Double) -> Double {
        let n = text.count
        return n == 0 ? 0 : Double(n * advance - 1) * scale
    }

    /// Draws `text` with its anchor at pixel position (x, y) (y down), aligned as given;
    /// `rotated` turns it a quarter counter-clockwise (reading upwards), the alignment then
    /// applying to the turned box.
    public static func draw(_ text: String, x: Double, y: Double, scale: Double, color: RGBAPixel,
                            horizontal: HorizontalAlignment = .left, vertical: VerticalAlignment = .baseline,
                            rotated: Bool = false, into image: inout RGBAImage) {
        guard !text.isEmpty, scale > 0 else { return }
        let w = width(of: text, scale: scale)
        let up = Double(ascent) * scale, down = Double(descent) * scale
        // The box's extent along the reading direction and across it.
        let along: Double = { switch horizontal { case .left: 0; case .center: w / 2; case .right: w } }()
        let above: Double = { switch vertical { case .top: 0; case .center: up / 2; case .baseline: up; case .bottom: up + down } }()
        // Top-left corner of the unrotated box (or, rotated, where its top-left lands).
        let left: Double, top: Double
        if rotated {
            // Turned: the reading direction points up and "above the baseline" points left;
            // matplotlib aligns the turned box: horizontal acts across, vertical along.
            let acrossW = up + down
            let hOff: Double = { switch horizontal { case .left: 0; case .center: acrossW / 2; case .right: acrossW } }()
            let vOff: Double = { switch vertical { case .top: 0; case .center, .baseline: w / 2; case .bottom: w } }()
            left = x - hOff
            top = y - vOff
        } else {
            left = x - along
            top = y - above
        }
        // Sub-pixel placement only for level text (turned text snaps to whole pixels).
        let origin = rotated ? (x: left.rounded(), y: top.rounded()) : (x: left.rounded(.down), y: top.rounded(.down))
        let (fx, fy) = rotated ? (0.0, 0.0) : (left - origin.x, top - origin.y)
        let bw = Int((w + fx).rounded(.up)) + 1, bh = Int((up + down + fy).rounded(.up)) + 1
        var coverage = _Coverage(x0: 0, y0: 0, width: bw, height: bh)
        var pen = fx
        for ch in text {
            let rows = glyph(ch)
            for (row, bits) in rows.enumerated() where bits != 0 {
                for col in 0..<5 where bits & (0x10 >> UInt8(col)) != 0 {
                    coverage.addRectangle(x: pen + Double(col) * scale, y: fy + Double(row) * scale, w: scale, h: scale)
                }
            }
            pen += Double(advance) * scale
        }
        if rotated {
            // The unrotated box is bw × bh; turned, it is bh wide and bw high.
            let placed = _Coverage(moving: coverage, x0: Int(origin.x), y0: Int(origin.y))
            placed.paint(color, into: &image, rotated: true)
        } else {
            _Coverage(moving: coverage, x0: Int(origin.x), y0: Int(origin.y)).paint(color, into: &image)
        }
    }

    /// The rows of the glyph for `ch`.
    static func glyph(_ ch: Character) -> [UInt8] {
        if ch == "\u{2212}" { return _FontGlyphs.rows["-"]! }
        return _FontGlyphs.rows[ch] ?? _FontGlyphs.rows["?"]!
    }
}

extension _Coverage {
    /// The same values placed at another image position.
    init(moving other: _Coverage, x0: Int, y0: Int) {
        self.init(x0: x0, y0: y0, width: other.width, height: other.height)
        values = other.values
    }
}
