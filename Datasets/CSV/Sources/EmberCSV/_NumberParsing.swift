// Decimal text to numbers, exactly as strtod (and Python's float()) round.
//
// Goals, in order: (1) the same Double as a correctly rounded strtod for every input the
// grammar accepts; (2) no allocation and few branches for plain decimals such as `-12.375`
// or `6.02e23`; (3) a clear "not a number" for everything else.
//
// Grammar (after trimming spaces and tabs, in the slow path only):
//     [+-]? ( digits [ '.' digits? ] | '.' digits ) ( [eE] [+-]? digits )?
//   | [+-]? ( 'nan' | 'inf' | 'infinity' )            (any letter case)
//
// Fast path (Clinger): with at most 19 significant digits the digits form an exact integer
// m and the value is m·10^e. When m ≤ 2^53 and |e| ≤ 22 both m and 10^e are exact doubles,
// so one IEEE multiplication or division rounds m·10^e correctly. When e > 22 but
// m·10^(e-22) is still an exact integer ≤ 2^53, the product with 1e22 is exact-then-rounded
// too. Everything else (longer mantissas, larger exponents, subnormals) goes to the C
// library's correctly rounded conversion.

/// Exact powers of ten 1e0...1e22 (every one is a double without rounding).
nonisolated(unsafe) let _exactPowersOfTen: UnsafePointer<Double> = {
    let p = UnsafeMutablePointer<Double>.allocate(capacity: 23)
    var v = 1.0
    for i in 0...22 {
        p[i] = v
        v *= 10
    }
    return UnsafePointer(p)
}()

/// The number parsers. `start` must point into a buffer whose valid bytes end in a byte
/// that is not a digit, sign, '.', 'e' or 'E' (the scanner keeps a NUL sentinel there).
enum _Number {
    /// Parses a plain decimal at `start` without looking past its last character. Returns
    /// the value and the first byte after it, or nil when the text is not a plain decimal or
    /// is too hard for the fast path (the caller then takes ``parseDouble(_:)``).
    @inline(__always)
    static func fastDouble(_ start: UnsafePointer<UInt8>, powers: UnsafePointer<Double>)
        -> (Double, UnsafePointer<UInt8>)?
    {
        var p = start
        let negative = p.pointee == UInt8(ascii: "-")
        if negative || p.pointee == UInt8(ascii: "+") { p += 1 }
        var mantissa: UInt64 = 0
        var digits = 0  // significant digits in `mantissa`
        var exponent = 0
        let integerStart = p
        while true {
            let d = p.pointee &- UInt8(ascii: "0")
            if d >= 10 { break }
            if mantissa != 0 || d != 0 {
                mantissa = mantissa &* 10 &+ UInt64(d)
                digits += 1
            }
            p += 1
        }
        var sawDigits = p != integerStart
        if p.pointee == UInt8(ascii: ".") {
            p += 1
            let fractionStart = p
            while true {
                let d = p.pointee &- UInt8(ascii: "0")
                if d >= 10 { break }
                if mantissa != 0 || d != 0 {
                    mantissa = mantissa &* 10 &+ UInt64(d)
                    digits += 1
                }
                exponent -= 1
                p += 1
            }
            sawDigits = sawDigits || p != fractionStart
        }
        guard sawDigits, digits <= 19 else { return nil }
        if p.pointee | 0x20 == UInt8(ascii: "e") {
            p += 1
            let negativeExponent = p.pointee == UInt8(ascii: "-")
            if negativeExponent || p.pointee == UInt8(ascii: "+") { p += 1 }
            let exponentStart = p
            var e = 0
            while true {
                let d = p.pointee &- UInt8(ascii: "0")
                if d >= 10 { break }
                if e < 100_000 { e = e * 10 + Int(d) }
                p += 1
            }
            guard p != exponentStart else { return nil }
            exponent += negativeExponent ? -e : e
        }
        guard let magnitude = exactValue(mantissa: mantissa, exponent: exponent, powers: powers) else { return nil }
        return (negative ? -magnitude : magnitude, p)
    }

    /// `mantissa · 10^exponent` when one IEEE operation rounds it correctly, else nil.
    @inline(__always)
    static func exactValue(mantissa: UInt64, exponent: Int, powers: UnsafePointer<Double>) -> Double? {
        if mantissa == 0 { return 0 }
        guard mantissa <= 1 << 53 else { return nil }
        if exponent >= 0 {
            if exponent <= 22 { return Double(mantissa) * powers[exponent] }
            // 10^(e-22) · m may still be an exact integer below 2^53.
            guard exponent <= 22 + 15 else { return nil }
            let scale = UInt64(powers[exponent - 22])
            let (product, overflow) = mantissa.multipliedReportingOverflow(by: scale)
            guard !overflow, product <= 1 << 53 else { return nil }
            return Double(product) * 1e22
        }
        guard exponent >= -22 else { return nil }
        return Double(mantissa) / powers[-exponent]
    }

    /// Parses a whole field as a number: spaces and tabs around it are ignored, `nan`,
    /// `inf` and `infinity` (any case, optional sign) are accepted, and every decimal is
    /// rounded exactly as strtod rounds it. Nil when the field is not a number.
    static func parseDouble(_ field: UnsafeRawBufferPointer) -> Double? {
        let text = trimmed(field)
        guard !text.isEmpty else { return nil }
        if let special = specialValue(text) { return special }
        guard isDecimal(text) else { return nil }
        if text.count < 64, let v = quickDouble(text) { return v }
        // Correctly rounded conversion (strtod in the C locale). The grammar was checked above,
        // so the library never sees hex floats or words.
        return Double(String(decoding: text, as: UTF8.self))
    }

    /// The fast path on a copy of `text` followed by a NUL, when it applies to all of it.
    private static func quickDouble(_ text: UnsafeRawBufferPointer) -> Double? {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 64) { tmp -> Double? in
            let base = tmp.baseAddress!
            base.initialize(repeating: 0, count: 64)
            for (i, b) in text.enumerated() { base[i] = b }
            guard let (v, end) = fastDouble(UnsafePointer(base), powers: _exactPowersOfTen),
                  end - UnsafePointer(base) == text.count
            else { return nil }
            return v
        }
    }

    /// ±NaN or ±infinity for the words `float()` accepts, else nil.
    static func specialValue(_ text: UnsafeRawBufferPointer) -> Double? {
        var body = text[...]
        var negative = false
        if let first = body.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") {
            negative = first == UInt8(ascii: "-")
            body = body.dropFirst()
        }
        guard body.count == 3 || body.count == 8 else { return nil }
        let word = String(decoding: body.map { $0 | 0x20 }, as: UTF8.self)
        switch word {
        case "nan": return negative ? -Double.nan : .nan
        case "inf", "infinity": return negative ? -.infinity : .infinity
        default: return nil
        }
    }

    /// Whether `text` matches the decimal grammar (no words).
    static func isDecimal(_ text: UnsafeRawBufferPointer) -> Bool {
        var i = 0
        let n = text.count
        func digitsRun() -> Int {
            let s = i
            while i < n, text[i] &- UInt8(ascii: "0") < 10 { i += 1 }
            return i - s
        }
        if i < n, text[i] == UInt8(ascii: "-") || text[i] == UInt8(ascii: "+") { i += 1 }
        var mantissaDigits = digitsRun()
        if i < n, text[i] == UInt8(ascii: ".") {
            i += 1
            mantissaDigits += digitsRun()
        }
        guard mantissaDigits > 0 else { return false }
        if i < n, text[i] | 0x20 == UInt8(ascii: "e") {
            i += 1
            if i < n, text[i] == UInt8(ascii: "-") || text[i] == UInt8(ascii: "+") { i += 1 }
            guard digitsRun() > 0 else { return false }
        }
        return i == n
    }

    /// Parses a whole field as an `Int64` (optional sign, decimal digits, spaces and tabs
    /// around). `.outOfRange` for integers that do not fit, nil for non-integers.
    static func parseInt64(_ field: UnsafeRawBufferPointer) -> IntegerResult? {
        let text = trimmed(field)
        var i = 0
        var negative = false
        if i < text.count, text[i] == UInt8(ascii: "-") || text[i] == UInt8(ascii: "+") {
            negative = text[i] == UInt8(ascii: "-")
            i += 1
        }
        guard i < text.count else { return nil }
        var magnitude: UInt64 = 0
        var overflow = false
        while i < text.count {
            let d = text[i] &- UInt8(ascii: "0")
            guard d < 10 else { return nil }
            let (times10, o1) = magnitude.multipliedReportingOverflow(by: 10)
            let (sum, o2) = times10.addingReportingOverflow(UInt64(d))
            overflow = overflow || o1 || o2
            magnitude = sum
            i += 1
        }
        let limit: UInt64 = negative ? UInt64(Int64.max) + 1 : UInt64(Int64.max)
        if overflow || magnitude > limit { return .outOfRange }
        return .value(negative ? Int64(truncatingIfNeeded: 0 &- magnitude) : Int64(magnitude))
    }

    /// The outcome of ``parseInt64(_:)`` on a field that has integer syntax.
    enum IntegerResult: Equatable {
        case value(Int64)
        case outOfRange
    }

    /// `field` without leading and trailing spaces and tabs.
    static func trimmed(_ field: UnsafeRawBufferPointer) -> UnsafeRawBufferPointer {
        var lo = 0
        var hi = field.count
        while lo < hi, field[lo] == 0x20 || field[lo] == 0x09 { lo += 1 }
        while hi > lo, field[hi - 1] == 0x20 || field[hi - 1] == 0x09 { hi -= 1 }
        return UnsafeRawBufferPointer(rebasing: field[lo..<hi])
    }
}
