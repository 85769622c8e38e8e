/// One plotting area, like a matplotlib `Axes`: data artists (scatter points, lines, text),
/// limits, ticks, title and labels. Create it through ``Figure``; draw with ``Figure/render()``.
///
/// ```swift
/// let fig = Figure(width: 1200, height: 700)
/// let ax = fig.axes
/// ax.setTitle("Linear Regression", fontSize: 20)
/// ax.setXLim(-1.5, 1.5)
/// ax.scatter(x, y, color: "purple")
/// ax.plot(x, yPred, "g-", lineWidth: 3)
/// ax.text(0.8, 1.0, "Epoch = 3, Loss = 0.52")
/// ```
public final class Axes {
    /// The figure's pixels per inch, which turns point sizes into pixels.
    public let dpi: Double
    /// Left, bottom, right, top edges as fractions of the figure (matplotlib's subplot
    /// parameters: 0.125, 0.11, 0.9, 0.88).
    public var position: (left: Double, bottom: Double, right: Double, top: Double) = (0.125, 0.11, 0.9, 0.88)

    var scatters: [_Scatter] = []
    var lines: [_Line] = []
    var texts: [_Text] = []
    var fixedXLim: (Double, Double)?
    var fixedYLim: (Double, Double)?
    var title: (String, Double)?
    var xLabel: (String, Double)?
    var yLabel: (String, Double)?
    var legendStyle: (LegendLocation, Double)?
    var colorIndex = 0

    init(dpi: Double) { self.dpi = dpi }

    /// Removes every artist, limit, label, title and legend (`plt.cla()`).
    public func cla() {
        scatters = []
        lines = []
        texts = []
        fixedXLim = nil
        fixedYLim = nil
        title = nil
        xLabel = nil
        yLabel = nil
        legendStyle = nil
        colorIndex = 0
    }

    /// Sets the title shown centred above the axes (matplotlib's default size is 12 pt).
    public func setTitle(_ text: String, fontSize: Double = 12) { title = (text, fontSize) }
    /// Sets the x-axis label shown under the tick labels.
    public func setXLabel(_ text: String, fontSize: Double = 10) { xLabel = (text, fontSize) }
    /// Sets the y-axis label shown, reading upwards, left of the tick labels.
    public func setYLabel(_ text: String, fontSize: Double = 10) { yLabel = (text, fontSize) }
    /// Fixes the x view to `left...right` (otherwise it fits the data with 5% margins).
    public func setXLim(_ left: Double, _ right: Double) { fixedXLim = (left, right) }
    /// Fixes the y view to `bottom...top`.
    public func setYLim(_ bottom: Double, _ top: Double) { fixedYLim = (bottom, top) }

    /// Draws markers at (x[i], y[i]).
    /// - Parameters:
    ///   - size: the marker area in points² (matplotlib's `s`, default 20).
    ///   - color: the fill; the next colour of the default cycle when nil.
    ///   - label: the legend entry.
    public func scatter<X: Sequence, Y: Sequence>(_ x: X, _ y: Y, size: Double = 20, color: Color? = nil,
                                                  label: String? = nil)
    where X.Element: BinaryFloatingPoint, Y.Element: BinaryFloatingPoint {
        let points = Self.pairs(x, y, "scatter")
        scatters.append(_Scatter(points: points, size: size, color: color ?? nextColor(), label: label))
    }

    /// Draws a line through (x[i], y[i]) in order; NaN breaks it.
    /// - Parameters:
    ///   - format: matplotlib's fmt string: a colour letter (`bgrcmykw`) and `-` for a line
    ///     or `o` / `.` for markers only, e.g. `"g-"`, `"ro"`.
    ///   - lineWidth: in points (default 1.5).
    public func plot<X: Sequence, Y: Sequence>(_ x: X, _ y: Y, _ format: String = "", color: Color? = nil,
                                               lineWidth: Double = 1.5, label: String? = nil)
    where X.Element: BinaryFloatingPoint, Y.Element: BinaryFloatingPoint {
        let points = Self.pairs(x, y, "plot")
        let style = _Format(format)
        let c = color ?? style.color ?? nextColor()
        if let marker = style.markerSize {
            scatters.append(_Scatter(points: points, size: marker, color: c, label: style.line ? nil : label))
        }
        if style.line {
            lines.append(_Line(points: points, width: lineWidth, color: c, label: label))
        }
    }

    /// Writes `text` with its anchor at (x, y): by default the left end of its baseline at
    /// data coordinates, 10 pt, black (`ax.text`).
    public func text(_ x: Double, _ y: Double, _ text: String, fontSize: Double = 10, color: Color = .black,
                     coordinates: Coordinates = .data, horizontal: HorizontalAlignment = .left,
                     vertical: VerticalAlignment = .baseline) {
        texts.append(_Text(x: x, y: y, text: text, fontSize: fontSize, color: color, coordinates: coordinates,
                           horizontal: horizontal, vertical: vertical))
    }

    /// Shows a legend of the labelled artists (`ax.legend(loc=..., fontsize=...)`).
    public func legend(location: LegendLocation = .upperRight, fontSize: Double = 10) {
        legendStyle = (location, fontSize)
    }

    /// The x view: the fixed limits, or the data's extent plus 5% each side.
    public var xLim: (Double, Double) {
        fixedXLim ?? Self.autoLimits(scatters.flatMap { $0.points.map(\.0) } + lines.flatMap { $0.points.map(\.0) })
    }

    /// The y view: the fixed limits, or the data's extent plus 5% each side.
    public var yLim: (Double, Double) {
        fixedYLim ?? Self.autoLimits(scatters.flatMap { $0.points.map(\.1) } + lines.flatMap { $0.points.map(\.1) })
    }

    func nextColor() -> Color {
        defer { colorIndex += 1 }
        return Color.cycle[colorIndex % Color.cycle.count]
    }

    static func pairs<X: Sequence, Y: Sequence>(_ x: X, _ y: Y, _ op: String) -> [(Double, Double)]
    where X.Element: BinaryFloatingPoint, Y.Element: BinaryFloatingPoint {
        let xs = x.map { Double($0) }, ys = y.map { Double($0) }
        precondition(xs.count == ys.count, "\(op): x and y must have the same size, got \(xs.count) and \(ys.count)")
        return Array(zip(xs, ys))
    }

    /// matplotlib's autoscaling with `axes.xmargin = 0.05` (and a unit range around a
    /// single value, like `nonsingular`).
    static func autoLimits(_ values: [Double]) -> (Double, Double) {
        let finite = values.filter(\.isFinite)
        guard let lo = finite.min(), let hi = finite.max() else { return (0, 1) }
        if lo == hi {
            let pad = lo == 0 ? 0.001 : abs(lo) * 0.001
            return (lo - pad, hi + pad)
        }
        let margin = (hi - lo) * 0.05
        return (lo - margin, hi + margin)
    }
}

/// Where ``Axes/legend(location:fontSize:)`` puts the legend (matplotlib's `loc` 1...4).
public enum LegendLocation: Sendable, Hashable {
    /// `loc=1`, `"upper right"`.
    case upperRight
    /// `loc=2`, `"upper left"`.
    case upperLeft
    /// `loc=3`, `"lower left"`.
    case lowerLeft
    /// `loc=4`, `"lower right"`.
    case lowerRight
}

struct _Scatter {
    var points: [(Double, Double)]
    var size: Double
    var color: Color
    var label: String?
}

struct _Line {
    var points: [(Double, Double)]
    var width: Double
    var color: Color
    var label: String?
}

struct _Text {
    var x: Double, y: Double
    var text: String
    var fontSize: Double
    var color: Color
    var coordinates: Coordinates
    var horizontal: HorizontalAlignment
    var vertical: VerticalAlignment
}

/// A parsed matplotlib fmt string.
struct _Format {
    var color: Color?
    var line = false
    var markerSize: Double?

    init(_ format: String) {
        for ch in format {
            switch ch {
            case "-": line = true
            case "o": markerSize = 36
            case ".": markerSize = 9
            default:
                guard let c = Color(named: String(ch)) else {
                    preconditionFailure("plot: unsupported format character '\(ch)' in '\(format)'")
                }
                color = c
            }
        }
        if markerSize == nil { line = true }
    }
}
