import EmberImage

extension Axes {
    /// The labelled artists: (label, colour, is a line, line width in pixels).
    var legendEntries: [(String, Color, Bool, Double)] {
        scatters.compactMap { s in s.label.map { ($0, s.color, false, 0) } }
            + lines.compactMap { l in l.label.map { ($0, l.color, true, pixels(l.width)) } }
    }

    /// matplotlib's legend box: `borderaxespad` 0.5, `borderpad` 0.4, `labelspacing` 0.5,
    /// `handlelength` 2, `handletextpad` 0.8 (all in font sizes), a white frame at 80%
    /// opacity with a light gray edge.
    func drawLegend(_ f: _Frame, into image: inout RGBAImage) {
        guard let (location, fontSize) = legendStyle else { return }
        let entries = legendEntries
        guard !entries.isEmpty else { return }
        let em = pixels(fontSize)
        let scale = BitmapFont.scale(pointSize: fontSize, dpi: dpi)
        let textHeight = Double(BitmapFont.ascent) * scale
        let rowHeight = Swift.max(textHeight, em * 0.7)
        let textWidth = entries.map { BitmapFont.width(of: $0.0, scale: scale) }.max() ?? 0
        let width = em * 0.4 * 2 + em * 2 + em * 0.8 + textWidth
        let height = em * 0.4 * 2 + Double(entries.count) * rowHeight + Double(entries.count - 1) * em * 0.5
        let inset = em * 0.5
        let left: Double = location == .upperLeft || location == .lowerLeft ? f.left + inset : f.right - inset - width
        let top: Double = location == .upperLeft || location == .upperRight ? f.top + inset : f.bottom - inset - height
        let box = (x: left.rounded(), y: top.rounded(), w: width.rounded(), h: height.rounded())
        _Raster.rectangle(x: box.x, y: box.y, width: box.w, height: box.h,
                          color: Color.white.withAlpha(0.8).pixel, into: &image)
        let edge: Color = "#cccccc"
        let all = _Box(x: 0, y: 0, width: image.width, height: image.height)
        let c = [(box.x + 0.5, box.y + 0.5), (box.x + box.w - 0.5, box.y + 0.5),
                 (box.x + box.w - 0.5, box.y + box.h - 0.5), (box.x + 0.5, box.y + box.h - 0.5), (box.x + 0.5, box.y + 0.5)]
        for i in 0..<4 { _Raster.straight(from: c[i], to: c[i + 1], width: 1, color: edge.pixel, into: &image, clip: all) }
        var y = box.y + em * 0.4
        for (label, color, isLine, lineWidth) in entries {
            let mid = y + rowHeight / 2
            let handleLeft = box.x + em * 0.4
            if isLine {
                _Raster.polyline([(handleLeft, mid), (handleLeft + em * 2, mid)], width: lineWidth,
                                 color: color.pixel, into: &image, clip: all)
            } else {
                _Raster.disc(cx: handleLeft + em, cy: mid, radius: pixels(20.0.squareRoot() / 2),
                             color: color.pixel, into: &image, clip: all)
            }
            BitmapFont.draw(label, x: handleLeft + em * 2.8, y: mid, scale: scale, color: .black,
                            horizontal: .left, vertical: .center, into: &image)
            y += rowHeight + em * 0.5
        }
    }
}
