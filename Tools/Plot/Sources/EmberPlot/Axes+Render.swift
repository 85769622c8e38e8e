import EmberImage

/// Pixel geometry of an axes in a figure of a given size.
struct _Frame {
    /// Edges in image pixels (y down), snapped so that 1-pixel spines fall on pixel centres.
    let left: Double, right: Double, top: Double, bottom: Double
    let xLim: (Double, Double), yLim: (Double, Double)

    /// Image x of data x.
    func px(_ x: Double) -> Double { left + (x - xLim.0) / (xLim.1 - xLim.0) * (right - left) }
    /// Image y of data y.
    func py(_ y: Double) -> Double { bottom - (y - yLim.0) / (yLim.1 - yLim.0) * (bottom - top) }

    /// The pixels from spine to spine (the spines, drawn later, cover the outermost), for
    /// clipping data.
    var clip: _Box {
        let x0 = Int(left.rounded(.down)), y0 = Int(top.rounded(.down))
        return _Box(x: x0, y: y0, width: Int(right.rounded(.down)) - x0 + 1, height: Int(bottom.rounded(.down)) - y0 + 1)
    }
}

extension Axes {
    /// Points to pixels.
    func pixels(_ points: Double) -> Double { points * dpi / 72 }

    /// The axes' frame in a `width × height` figure.
    func frame(width: Int, height: Int) -> _Frame {
        let w = Double(width), h = Double(height)
        func snap(_ v: Double) -> Double { v.rounded(.down) + 0.5 }
        return _Frame(left: snap(position.left * w), right: snap(position.right * w),
                      top: snap((1 - position.top) * h), bottom: snap((1 - position.bottom) * h),
                      xLim: xLim, yLim: yLim)
    }

    /// Tick counts as matplotlib's `nbins='auto'`: the axis length over three (x) or two (y)
    /// tick-label font sizes, limited to 1...9.
    func bins(_ frame: _Frame) -> (x: Int, y: Int) {
        let labelPoints = 10.0
        let widthPoints = (frame.right - frame.left) / dpi * 72
        let heightPoints = (frame.bottom - frame.top) / dpi * 72
        return (Swift.min(9, Swift.max(1, Int(widthPoints / (labelPoints * 3)))),
                Swift.min(9, Swift.max(1, Int(heightPoints / (labelPoints * 2)))))
    }

    /// The x ticks shown for a `width × height` figure.
    public func xTicks(width: Int, height: Int) -> [Double] {
        let f = frame(width: width, height: height)
        return TickLocator.ticks(from: f.xLim.0, to: f.xLim.1, bins: bins(f).x)
    }

    /// The y ticks shown for a `width × height` figure.
    public func yTicks(width: Int, height: Int) -> [Double] {
        let f = frame(width: width, height: height)
        return TickLocator.ticks(from: f.yLim.0, to: f.yLim.1, bins: bins(f).y)
    }

    /// Draws everything in matplotlib's z-order: markers, lines, spines and ticks, labels,
    /// text, legend.
    func draw(into image: inout RGBAImage) {
        let f = frame(width: image.width, height: image.height)
        let clip = f.clip
        for s in scatters {
            let r = (s.size.squareRoot() / 2) * dpi / 72
            for p in s.points {
                _Raster.disc(cx: f.px(p.0), cy: f.py(p.1), radius: r, color: s.color.pixel, into: &image, clip: clip)
            }
        }
        for l in lines {
            _Raster.polyline(l.points.map { (f.px($0.0), f.py($0.1)) }, width: pixels(l.width),
                             color: l.color.pixel, into: &image, clip: clip)
        }
        drawSpinesAndTicks(f, into: &image)
        drawTexts(f, into: &image)
        drawLegend(f, into: &image)
    }

    func drawSpinesAndTicks(_ f: _Frame, into image: inout RGBAImage) {
        let black = RGBAPixel.black
        let lw = Swift.max(1, pixels(0.8).rounded())
        let tickLength = pixels(3.5), pad = pixels(3.5)
        let corners = [(f.left, f.top), (f.right, f.top), (f.right, f.bottom), (f.left, f.bottom), (f.left, f.top)]
        let whole = _Box(x: 0, y: 0, width: image.width, height: image.height)
        for i in 0..<4 {
            _Raster.straight(from: corners[i], to: corners[i + 1], width: lw, color: black, into: &image, clip: whole)
        }
        let (bx, by) = bins(f)
        let tickScale = BitmapFont.scale(pointSize: 10, dpi: dpi)
        let xt = TickLocator.ticks(from: f.xLim.0, to: f.xLim.1, bins: bx)
        for (t, label) in zip(xt, TickLocator.labels(for: xt)) {
            let x = f.px(t).rounded(.down) + 0.5
            _Raster.straight(from: (x, f.bottom), to: (x, f.bottom + tickLength), width: lw, color: black,
                             into: &image, clip: whole)
            BitmapFont.draw(label, x: x, y: f.bottom + tickLength + pad, scale: tickScale, color: black,
                            horizontal: .center, vertical: .top, into: &image)
        }
        let yt = TickLocator.ticks(from: f.yLim.0, to: f.yLim.1, bins: by)
        for (t, label) in zip(yt, TickLocator.labels(for: yt)) {
            let y = f.py(t).rounded(.down) + 0.5
            _Raster.straight(from: (f.left - tickLength, y), to: (f.left, y), width: lw, color: black,
                             into: &image, clip: whole)
            BitmapFont.draw(label, x: f.left - tickLength - pad, y: y, scale: tickScale, color: black,
                            horizontal: .right, vertical: .center, into: &image)
        }
        let labelWidth = TickLocator.labels(for: yt).map { BitmapFont.width(of: $0, scale: tickScale) }.max() ?? 0
        if let (text, size) = xLabel {
            let top = f.bottom + tickLength + pad + Double(BitmapFont.ascent + BitmapFont.descent) * tickScale + pixels(4)
            BitmapFont.draw(text, x: (f.left + f.right) / 2, y: top, scale: BitmapFont.scale(pointSize: size, dpi: dpi),
                            color: black, horizontal: .center, vertical: .top, into: &image)
        }
        if let (text, size) = yLabel {
            let right = f.left - tickLength - pad - labelWidth - pixels(4)
            BitmapFont.draw(text, x: right, y: (f.top + f.bottom) / 2, scale: BitmapFont.scale(pointSize: size, dpi: dpi),
                            color: black, horizontal: .right, vertical: .center, rotated: true, into: &image)
        }
        if let (text, size) = title {
            BitmapFont.draw(text, x: (f.left + f.right) / 2, y: f.top - pixels(6),
                            scale: BitmapFont.scale(pointSize: size, dpi: dpi), color: black,
                            horizontal: .center, vertical: .baseline, into: &image)
        }
    }

    func drawTexts(_ f: _Frame, into image: inout RGBAImage) {
        for t in texts {
            let (x, y): (Double, Double)
            switch t.coordinates {
            case .data: (x, y) = (f.px(t.x), f.py(t.y))
            case .axes: (x, y) = (f.left + t.x * (f.right - f.left), f.bottom - t.y * (f.bottom - f.top))
            }
            BitmapFont.draw(t.text, x: x, y: y, scale: BitmapFont.scale(pointSize: t.fontSize, dpi: dpi),
                            color: t.color.pixel, horizontal: t.horizontal, vertical: t.vertical, into: &image)
        }
    }
}

extension _Raster {
    /// A horizontal or vertical line of whole-pixel `width` between pixel centres, crisp.
    static func straight(from a: (Double, Double), to b: (Double, Double), width: Double, color: RGBAPixel,
                         into image: inout RGBAImage, clip: _Box) {
        let w = Int(width)
        let half = Double(w) / 2
        let x0 = Int((Swift.min(a.0, b.0) - half).rounded()), x1 = Int((Swift.max(a.0, b.0) + half).rounded())
        let y0 = Int((Swift.min(a.1, b.1) - half).rounded()), y1 = Int((Swift.max(a.1, b.1) + half).rounded())
        for y in Swift.max(y0, clip.y)..<Swift.min(Swift.max(y1, y0 + w), clip.y + clip.height) {
            for x in Swift.max(x0, clip.x)..<Swift.min(Swift.max(x1, x0 + w), clip.x + clip.width) {
                image.blend(x: x, y: y, color: color)
            }
        }
    }
}
