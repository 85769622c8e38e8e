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

/// 10^0 ... 10^8 as integers, for appending a run of digits to a mantissa.
nonisolated(unsafe) let _integerPowersOfTen: UnsafePointer<UInt64> = {
    let p = UnsafeMutablePointer<UInt64>.allocate(capacity: 9)
    var v: UInt64 = 1
    for i in 0...8 {
        p[i] = v
        v *= 10
    }
    return UnsafePointer(p)
}()

/// The tables the fast parser reads, fetched once per block of rows (each global's lazy
/// initialisation check costs a call).
struct _NumberTables {
    /// 1e0...1e22.
    let exact: UnsafePointer<Double>
    /// 10^0...10^8.
    let integers: UnsafePointer<UInt64>
    /// `_PowersOfFive.words`.
    let fives: UnsafePointer<UInt64>

    /// The tables.
    static var shared: _NumberTables {
        _NumberTables(exact: _exactPowersOfTen, integers: _integerPowersOfTen, fives: _PowersOfFive.words)
    }
}

/// The number parsers. The fast parser reads 8 bytes at a time: `start` must point into a
/// buffer with at least 8 readable bytes after the field, and the field must be followed by
/// a byte that is not a digit, sign, '.', 'e' or 'E' (the scanner keeps a NUL sentinel
/// after its data and 8 bytes of padding after that).
enum _Number {
    /// The number of leading ASCII digits among the 8 bytes at `p` (0...8) and their value.
    ///
    /// SWAR: a byte b is a digit iff b's high nibble is 3 and (b + 6)'s high nibble is 3.
    /// A carry out of a non-digit byte only disturbs the bytes after it, which do not count.
    @inline(__always)
    static func digitRun(_ p: UnsafePointer<UInt8>) -> (count: Int, value: UInt64) {
        let v = UInt64(littleEndian: UnsafeRawPointer(p).loadUnaligned(as: UInt64.self))
        let highNibbles: UInt64 = 0xF0F0_F0F0_F0F0_F0F0
        let threes: UInt64 = 0x3030_3030_3030_3030
        let bad = ((v & highNibbles) ^ threes) | (((v &+ 0x0606_0606_0606_0606) & highNibbles) ^ threes)
        // The high bit of each byte of `bad` that is not zero.
        let low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        let flags = (((bad & low7) &+ low7) | bad) & 0x8080_8080_8080_8080
        let count = flags.trailingZeroBitCount >> 3
        guard count > 0 else { return (0, 0) }
        // Keep the `count` first bytes as the last digits of an 8-digit number.
        return (count, eightDigits((v &- threes) << UInt64(64 - 8 * count)))
    }

    /// The value of 8 decimal digit values (0...9, the first in the lowest byte).
    @inline(__always)
    static func eightDigits(_ digits: UInt64) -> UInt64 {
        let pairs = digits &* 10 &+ (digits >> 8)  // each 16-bit lane: two digits' value
        let mask: UInt64 = 0x0000_00FF_0000_00FF
        return ((pairs & mask) &* 0x000F_4240_0000_0064 &+ ((pairs >> 16) & mask) &* 0x0000_2710_0000_0001) >> 32
    }

    /// Appends the digit run at `p` to `mantissa`; returns the digits consumed.
    @inline(__always)
    static func appendDigits(_ p: inout UnsafePointer<UInt8>, to mantissa: inout UInt64,
                             powers: UnsafePointer<UInt64>) -> Int
    {
        var total = 0
        while true {
            let (n, value) = digitRun(p)
            mantissa = mantissa &* powers[n] &+ value
            total += n
            p += n
            if n < 8 { return total }
        }
    }

    /// Parses a plain decimal at `start` without looking past its last character. Returns
    /// the value and the first byte after it, or nil when the text is not a plain decimal or
    /// is too hard for the fast path (the caller then takes ``parseDouble(_:)``).
    // @_transparent rather than @inline(__always): the optimiser declined the latter in the
    // row loop, where it stayed a call per field.
    @_transparent
    static func fastDouble(_ start: UnsafePointer<UInt8>, tables: _NumberTables) -> (Double, UnsafePointer<UInt8>)? {
        var p = start
        let negative = p.pointee == UInt8(ascii: "-")
        if negative || p.pointee == UInt8(ascii: "+") { p += 1 }
        var mantissa: UInt64 = 0
        let integerStart = p
        while p.pointee == UInt8(ascii: "0") { p += 1 }  // leading zeros are not significant
        var digits = appendDigits(&p, to: &mantissa, powers: tables.integers)
        var sawDigits = p != integerStart
        var exponent = 0
        if p.pointee == UInt8(ascii: ".") {
            p += 1
            let fractionStart = p
            if digits == 0 {
                while p.pointee == UInt8(ascii: "0") { p += 1 }  // nor are zeros before the first digit
            }
            let zeros = p - fractionStart
            let significant = appendDigits(&p, to: &mantissa, powers: tables.integers)
            digits += significant
            exponent = -(zeros + significant)
            sawDigits = sawDigits || p != fractionStart
        }
        // Past 19 significant digits the mantissa is inexact: the slow path decides.
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
        guard let magnitude = exactValue(mantissa: mantissa, exponent: exponent, powers: tables.exact)
            ?? eiselLemire(mantissa, exponent, fives: tables.fives)
        else { return nil }
        // The sign without a branch (a quarter of the numbers in a typical file are negative).
        let sign: UInt64 = negative ? 1 << 63 : 0
        return (Double(bitPattern: magnitude.bitPattern | sign), p)
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

    /// The double nearest to `w · 10^q` for an exact decimal significand `w` (at most 19
    /// digits), by the Eisel-Lemire algorithm (Lemire, "Number Parsing at a Gigabyte per
    /// Second", 2021): multiply the normalised `w` by a 128-bit approximation of 5^q (the
    /// power of two goes into the exponent) and keep the top 54 bits. Nil in the cases it
    /// leaves to the C library: an inexact low word outside the exponents where the table
    /// is exact, and subnormal results.
    @inline(__always)
    static func eiselLemire(_ w: UInt64, _ q: Int, fives: UnsafePointer<UInt64>) -> Double? {
        if w == 0 { return 0 }
        if q < _PowersOfFive.smallest { return 0 }  // below 2^-1075 even for w near 2^64
        if q > _PowersOfFive.largest { return .infinity }
        let leadingZeros = w.leadingZeroBitCount
        let normalised = w << UInt64(leadingZeros)
        let index = 2 * (q - _PowersOfFive.smallest)
        var (high, low) = normalised.multipliedFullWidth(by: fives[index])
        // 9 bits below the 55 that matter: when they are all ones a carry from the next
        // 64 bits of 5^q could still change the result.
        let precisionMask: UInt64 = 0x1FF
        if high & precisionMask == precisionMask {
            let (secondHigh, _) = normalised.multipliedFullWidth(by: fives[index + 1])
            let (sum, carry) = low.addingReportingOverflow(secondHigh)
            low = sum
            if carry { high &+= 1 }
        }
        if low == .max && !(q >= -27 && q <= 55) { return nil }
        let upperBit = Int(high >> 63)
        let shift = UInt64(upperBit + 9)
        var mantissa = high >> shift
        // floor(log2(10^q)) + 63 is ((152170 + 65536) · q) >> 16 + 63, the binary exponent.
        var exponent = (((152_170 + 65_536) * q) >> 16) + 63 + upperBit - leadingZeros + 1023
        guard exponent > 0 else { return nil }
        // An exact tie (only possible for small |q|) rounds to even instead of up.
        if low <= 1, q >= -4, q <= 23, mantissa & 3 == 1, mantissa << shift == high { mantissa &= ~1 }
        mantissa += mantissa & 1
        mantissa >>= 1
        if mantissa >= 2 << 52 {
            mantissa = 1 << 52
            exponent += 1
        }
        mantissa &= ~(1 << 52)
        if exponent >= 0x7FF { return .infinity }
        return Double(bitPattern: UInt64(exponent) << 52 | mantissa)
    }
}
