import EmberImage
@testable import EmberPlot
import Testing

/// Pixel-level checks on rendered figures (640 × 480 at 100 dpi: the axes span columns
/// 80...576 and rows 57...427, since matplotlib's subplot box is 0.125...0.9 × 0.11...0.88).
@Suite struct RenderTests {
    func isWhite(_ p: RGBAPixel) -> Bool { p == RGBAPixel.white }

    @Test func scatterPointAtItsDataPosition() {
        let fig = Figure()
        fig.axes.setXLim(0, 10)
        fig.axes.setYLim(0, 10)
        fig.axes.scatter([2.0, 7.5], [3.0, 9.0], color: "purple")
        let image = fig.render()
        let f = fig.axes.frame(width: 640, height: 480)
        // Data (2, 3): 20% across, 30% up the axes box.
        let x = Int(f.left + 0.2 * (f.right - f.left)), y = Int(f.bottom - 0.3 * (f.bottom - f.top))
        #expect(image[x, y] == RGBAPixel(128, 0, 128))
        #expect(image[Int(f.px(7.5)), Int(f.py(9))] == RGBAPixel(128, 0, 128))
        // The marker is about 6 px across (20 pt² → 4.5 pt); 6 px away is background.
        #expect(isWhite(image[x + 6, y]) && isWhite(image[x, y - 6]))
    }

    @Test func axisSpinesWhereExpected() {
        let fig = Figure()
        let image = fig.render()
        // Left spine at column 80 (0.125 × 640), bottom at row 427 (480 - 0.11 × 480 = 427.2).
        for y in stride(from: 70, to: 420, by: 37) {
            #expect(image[80, y] == .black, "left spine at row \(y)")
            #expect(isWhite(image[79, y]) && isWhite(image[81, y]))
        }
        for x in stride(from: 100, to: 570, by: 41) {
            #expect(image[x, 427] == .black, "bottom spine at column \(x)")
            #expect(image[x, 57] == .black, "top spine at column \(x)")
        }
        #expect(image[576, 200] == .black)
        // Default limits 0...1: ticks at 0, 0.2, ... hang 5 px below the bottom spine.
        #expect(image[80, 431] == .black)
        #expect(image[Int(80 + 0.2 * 496), 431] == .black)
        #expect(isWhite(image[90, 431]))
    }

    @Test func lineIsThickAndGreen() {
        let fig = Figure()
        fig.axes.setXLim(0, 1)
        fig.axes.setYLim(0, 1)
        fig.axes.plot([0.0, 1.0], [0.5, 0.5], "g-", lineWidth: 3)
        let image = fig.render()
        let y = fig.axes.frame(width: 640, height: 480).py(0.5)
        let row = Int(y)
        // 3 pt = 4.2 px: the centre rows are solid green, 4 px away is white.
        #expect(image[300, row] == RGBAPixel(0, 128, 0))
        #expect(image[300, row - 1] == RGBAPixel(0, 128, 0) || image[300, row + 1] == RGBAPixel(0, 128, 0))
        #expect(isWhite(image[300, row - 4]) && isWhite(image[300, row + 4]))
    }

    @Test func textDrawsInsideItsBox() {
        let fig = Figure()
        fig.axes.setXLim(0, 1)
        fig.axes.setYLim(0, 1)
        fig.axes.text(0.5, 0.5, "Epoch = 9", fontSize: 20, color: "red")
        let image = fig.render()
        let f = fig.axes.frame(width: 640, height: 480)
        let scale = BitmapFont.scale(pointSize: 20, dpi: 100)
        #expect(scale == 3)
        let width = BitmapFont.width(of: "Epoch = 9", scale: scale)
        let x0 = Int(f.px(0.5)), baseline = Int(f.py(0.5))
        var inside = 0, outside = 0
        for y in baseline - 40..<baseline + 20 {
            for x in x0 - 20..<x0 + Int(width) + 20 where !isWhite(image[x, y]) {
                let inBox = x >= x0 && x <= x0 + Int(width) && y >= baseline - 21 && y <= baseline + 6
                if inBox { inside += 1 } else { outside += 1 }
            }
        }
        #expect(inside > 150)
        #expect(outside == 0)
        // The E's top-left corner: solid red.
        #expect(image[x0 + 1, baseline - 20] == RGBAPixel(255, 0, 0))
    }

    @Test func glyphsAreDistinctAndComplete() {
        var seen: Set<[UInt8]> = []
        for scalar in 32...126 {
            let ch = Character(Unicode.Scalar(UInt8(scalar)))
            let rows = BitmapFont.glyph(ch)
            #expect(rows.count <= 9 && rows.allSatisfy { $0 < 32 }, "\(ch)")
            if ch != " " { #expect(rows.contains { $0 != 0 }, "\(ch) is empty") }
            seen.insert(rows + [UInt8](repeating: 0, count: 9 - rows.count))
        }
        #expect(seen.count == 95)
    }

    @Test func colorsLikeMatplotlib() {
        #expect(Color("purple").pixel == RGBAPixel(128, 0, 128))
        #expect(Color("g").pixel == RGBAPixel(0, 128, 0))
        #expect(Color("C0").description == "#1f77b4")
        #expect(Color("tab:orange") == Color("#ff7f0e"))
        #expect(Color(named: "no such colour") == nil)
    }

    @Test func automaticLimitsAddFivePercent() {
        let fig = Figure()
        fig.axes.scatter([0.0, 10.0], [-1.0, 1.0])
        #expect(fig.axes.xLim == (-0.5, 10.5))
        #expect(fig.axes.yLim == (-1.1, 1.1))
        fig.axes.cla()
        #expect(fig.axes.xLim == (0, 1))
    }
}
