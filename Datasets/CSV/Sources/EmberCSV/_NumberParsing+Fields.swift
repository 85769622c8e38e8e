// The slow paths: whole fields with spaces, words, long mantissas and integers.

extension _Number {
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
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 80) { tmp -> Double? in
            let base = tmp.baseAddress!
            base.initialize(repeating: 0, count: 80)
            for (i, b) in text.enumerated() { base[i] = b }
            guard let (v, end) = fastDouble(UnsafePointer(base), tables: .shared),
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
