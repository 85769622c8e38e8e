#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

// How one element of a printed tensor is spelled, after PyTorch's `_Formatter`
// (torch/_tensor_str.py): the formatter looks at every element that will be shown and
// chooses, for the whole tensor, one of
//   - integer mode (every finite value integral): `1.`, `-20.`
//   - fixed point with `precision` decimals: `0.3333`
//   - scientific notation: `1.0000e-05`
// and one width, to which every element is right-aligned. Non-floating tensors print
// their values (`True`, `-7`) aligned the same way.

/// One element as printing sees it: floating types widened to double (as Python's
/// `tolist()` does), integers as int64.
enum PrintedElement {
    case float(Double)
    case int(Int64)
    case bool(Bool)
}

/// Chooses a notation and a width for a set of elements, then formats each one.
struct TensorFormatter {
    let isFloating: Bool
    let precision: Int
    private(set) var intMode = true
    private(set) var sciMode = false
    /// The width every formatted element is padded to.
    private(set) var width = 1

    /// Looks at the elements that will be shown (the summarised ones when summarising).
    init(_ elements: [PrintedElement], isFloating: Bool, options: PrintOptions) {
        self.isFloating = isFloating
        self.precision = options.precision
        guard isFloating else {
            for e in elements { width = max(width, TensorFormatter.plain(e).count) }
            return
        }
        let values = elements.compactMap { e -> Double? in
            if case .float(let v) = e, v.isFinite, v != 0 { return v }
            return nil
        }
        guard !values.isEmpty else { return }  // PyTorch keeps integer mode, width 1, no sci override
        let magnitudes = values.map(abs)
        let lo = magnitudes.min()!, hi = magnitudes.max()!
        intMode = values.allSatisfy { $0 == $0.rounded(.up) }
        sciMode = options.sciMode ?? (hi / lo > 1000 || hi > 1e8 || lo < 1e-4)
        for v in values {
            let text: String
            if sciMode {
                text = TensorFormatter.scientific(v, precision: precision)
            } else if intMode {
                text = TensorFormatter.fixed(v, precision: 0) + "."
            } else {
                text = TensorFormatter.fixed(v, precision: precision)
            }
            width = max(width, text.count)
        }
    }

    /// The element spelled and right-aligned to ``width``.
    func format(_ e: PrintedElement) -> String {
        var text: String
        if isFloating, case .float(let v) = e {
            if sciMode {
                text = TensorFormatter.scientific(v, precision: precision)
            } else if intMode {
                text = TensorFormatter.fixed(v, precision: 0) + (v.isFinite ? "." : "")
            } else {
                text = TensorFormatter.fixed(v, precision: precision)
            }
        } else {
            text = TensorFormatter.plain(e)
        }
        if text.count < width { text = String(repeating: " ", count: width - text.count) + text }
        return text
    }

    /// Python's `f"{value}"` for integers and bools.
    static func plain(_ e: PrintedElement) -> String {
        switch e {
        case .bool(let b): return b ? "True" : "False"
        case .int(let i): return String(i)
        case .float(let v): return fixed(v, precision: 4)
        }
    }

    /// Python's `f"{v:.{precision}f}"`: correctly rounded, `nan`/`inf`/`-inf` as words.
    static func fixed(_ v: Double, precision: Int) -> String {
        nonFinite(v) ?? cFormat("%.*f", v, precision)
    }

    /// Python's `f"{v:.{precision}e}"`: `1.0000e-05`, at least two exponent digits.
    static func scientific(_ v: Double, precision: Int) -> String {
        nonFinite(v) ?? cFormat("%.*e", v, precision)
    }

    private static func nonFinite(_ v: Double) -> String? {
        if v.isNaN { return "nan" }  // Python drops the sign of NaN; C would print "-nan"
        if v.isInfinite { return v < 0 ? "-inf" : "inf" }
        return nil
    }

    /// C's correctly rounded conversion, which Python's float formatting matches digit for digit.
    private static func cFormat(_ format: String, _ v: Double, _ precision: Int) -> String {
        let p = Int32(clamping: max(precision, 0))
        var buffer = [CChar](repeating: 0, count: 64)
        let needed = Int(withVaList([p, v]) { vsnprintf(&buffer, buffer.count, format, $0) })
        if needed >= buffer.count {
            buffer = [CChar](repeating: 0, count: needed + 1)
            _ = withVaList([p, v]) { vsnprintf(&buffer, buffer.count, format, $0) }
        }
        return String(decoding: buffer.prefix(while: { $0 != 0 }).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
