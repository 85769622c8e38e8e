#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Tick positions and labels as matplotlib's default axis chooses them: `AutoLocator`
/// (a `MaxNLocator` with steps 1, 2, 2.5, 5, 10) and `ScalarFormatter`'s fixed decimals.
public enum TickLocator {
    /// The ticks of matplotlib's `MaxNLocator(nbins, steps=[1, 2, 2.5, 5, 10])` for the view
    /// `vmin...vmax`, limited to the view (as an axis shows them).
    ///
    /// It takes the smallest "nice" step (1, 2, 2.5 or 5 times a power of ten) at least
    /// `(vmax - vmin) / bins`, and steps down to smaller ones while fewer than two ticks
    /// would fall inside the view.
    public static func ticks(from vmin: Double, to vmax: Double, bins: Int = 9) -> [Double] {
        guard vmin.isFinite, vmax.isFinite else { return [] }
        var (lo, hi) = vmin <= vmax ? (vmin, vmax) : (vmax, vmin)
        if hi - lo <= Swift.max(abs(lo), abs(hi)) * 1e-13 || hi - lo < 1e-14 {
            // matplotlib's nonsingular(expander=1e-13, tiny=1e-14)
            let pad = lo == 0 ? 1e-13 : abs(lo) * 1e-13
            (lo, hi) = (lo - pad, hi + pad)
        }
        let n = Double(Swift.max(bins, 1))
        let (scale, offset) = scaleRange(lo, hi, n)
        let a = lo - offset, b = hi - offset
        let steps = [0.1, 0.2, 0.25, 0.5, 1, 2, 2.5, 5, 10, 20].map { $0 * scale }
        let rawStep = (b - a) / n
        let first = steps.firstIndex { $0 >= rawStep } ?? steps.count - 1
        var ticks: [Double] = []
        for step in steps[...first].reversed() {
            let best = (a / step).rounded(.down) * step
            let low = edgeLE(a - best, step, offset), high = edgeGE(b - best, step, offset)
            ticks = (Int(low)...Swift.max(Int(low), Int(high))).map { Double($0) * step + best }
            if ticks.filter({ $0 >= a && $0 <= b }).count >= 2 { break }
        }
        // An axis shows the ticks inside its view, allowing for rounding.
        let tolerance = (hi - lo) * 1e-10
        return ticks.map { $0 + offset }.filter { $0 >= lo - tolerance && $0 <= hi + tolerance }
    }

    /// Labels with the fewest decimals (up to 10) that write every tick exactly, as
    /// `ScalarFormatter` does for moderate numbers: `0.0 0.2 … 1.0`, `-10 -5 0 5 10`.
    public static func labels(for ticks: [Double]) -> [String] {
        var decimals = 0
        while decimals < 10, !ticks.allSatisfy({ isExact($0, decimals) }) { decimals += 1 }
        return ticks.map { format($0, decimals: decimals) }
    }

    /// `value` with `decimals` digits after the point, without a minus sign on zero.
    public static func format(_ value: Double, decimals: Int) -> String {
        var p = 1.0
        for _ in 0..<decimals { p *= 10 }
        var scaled = (abs(value) * p).rounded()
        if scaled == 0 { scaled = 0 }
        let negative = value < 0 && scaled != 0
        var digits = String(Int64(scaled))
        if decimals > 0 {
            while digits.count <= decimals { digits = "0" + digits }
            digits.insert(".", at: digits.index(digits.endIndex, offsetBy: -decimals))
        }
        return (negative ? "-" : "") + digits
    }

    static func isExact(_ v: Double, _ decimals: Int) -> Bool {
        var p = 1.0
        for _ in 0..<decimals { p *= 10 }
        let scaled = v * p
        return abs(scaled - scaled.rounded()) < 1e-9 * Swift.max(1, abs(scaled))
    }

    /// matplotlib's `scale_range`: the power of ten of the step, and an offset for ranges far
    /// from zero.
    static func scaleRange(_ lo: Double, _ hi: Double, _ n: Double) -> (Double, Double) {
        let dv = abs(hi - lo), mean = (hi + lo) / 2
        var offset = 0.0
        if abs(mean) / dv >= 100 {
            offset = (mean < 0 ? -1 : 1) * pow10((log10(abs(mean))).rounded(.down))
        }
        return (pow10(log10(dv / n).rounded(.down)), offset)
    }

    static func tolerance(_ step: Double, _ offset: Double) -> Double {
        guard offset > 0 else { return 1e-10 }
        let digits = log10(offset / step)
        return Swift.min(0.4999, Swift.max(1e-10, pow10(digits - 12)))
    }

    static func edgeLE(_ x: Double, _ step: Double, _ offset: Double) -> Double {
        let d = (x / step).rounded(.down), m = x - d * step
        return abs(m / step - 1) < tolerance(step, offset) ? d + 1 : d
    }

    static func edgeGE(_ x: Double, _ step: Double, _ offset: Double) -> Double {
        let d = (x / step).rounded(.down), m = x - d * step
        return abs(m / step) < tolerance(step, offset) ? d : d + 1
    }

    static func pow10(_ e: Double) -> Double { pow(10, e) }
}
