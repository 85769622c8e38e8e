/// The subset of Python literals that `.npy` headers use: a dict with string keys whose
/// values are strings, bools, ints (Python 2's `3L` included), tuples, lists and `None`.
///
/// The parser indexes only inside its byte array and limits nesting, so a hostile header
/// can neither read out of bounds nor exhaust the stack.
enum _PythonLiteral: CustomStringConvertible {
    case string(String)
    case bool(Bool)
    case int(Int)
    case none
    case tuple([_PythonLiteral])
    case list([_PythonLiteral])
    case dict([(key: String, value: _PythonLiteral)])

    /// Python's `repr`.
    var description: String {
        switch self {
        case .string(let s): return "'\(s)'"
        case .bool(let b): return b ? "True" : "False"
        case .int(let i): return String(i)
        case .none: return "None"
        case .tuple(let items):
            return items.count == 1 ? "(\(items[0]),)" : "(" + items.map(\.description).joined(separator: ", ") + ")"
        case .list(let items): return "[" + items.map(\.description).joined(separator: ", ") + "]"
        case .dict(let pairs): return "{" + pairs.map { "'\($0.key)': \($0.value)" }.joined(separator: ", ") + "}"
        }
    }

    /// Parses `bytes` as one literal followed only by whitespace. Throws a message
    /// (without the file name) saying where parsing stopped.
    init(parsing bytes: [UInt8]) throws(_PythonLiteralError) {
        var parser = _PythonLiteralParser(bytes: bytes)
        self = try parser.value(depth: 0)
        parser.skipSpace()
        if parser.position < bytes.count { throw parser.error("unexpected text after the dictionary") }
    }
}

/// Why a header did not parse, with the byte offset.
struct _PythonLiteralError: Error { let message: String }

private struct _PythonLiteralParser {
    let bytes: [UInt8]
    var position = 0
    static let maxDepth = 16

    func error(_ what: String) -> _PythonLiteralError {
        _PythonLiteralError(message: "\(what) at header offset \(position)")
    }

    var current: UInt8? { position < bytes.count ? bytes[position] : nil }

    mutating func skipSpace() {
        while let c = current, c == 0x20 || c == 0x0A || c == 0x0D || c == 0x09 || c == 0x00 { position += 1 }
    }

    mutating func eat(_ c: UInt8) -> Bool {
        skipSpace()
        if current == c { position += 1; return true }
        return false
    }

    mutating func value(depth: Int) throws(_PythonLiteralError) -> _PythonLiteral {
        guard depth < Self.maxDepth else { throw error("nesting too deep") }
        skipSpace()
        guard let c = current else { throw error("unexpected end") }
        switch c {
        case UInt8(ascii: "{"): return try dict(depth: depth)
        case UInt8(ascii: "("):
            position += 1
            let (items, trailingComma) = try sequence(closing: UInt8(ascii: ")"), depth: depth)
            // `(3)` is a parenthesised int, not a tuple.
            if items.count == 1 && !trailingComma { return items[0] }
            return .tuple(items)
        case UInt8(ascii: "["):
            position += 1
            return .list(try sequence(closing: UInt8(ascii: "]"), depth: depth).items)
        case UInt8(ascii: "'"), UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .int(try integer())
        default:
            let word = identifier()
            switch word {
            case "True": return .bool(true)
            case "False": return .bool(false)
            case "None": return .none
            default: throw error(word.isEmpty ? "unexpected character" : "unexpected name '\(word)'")
            }
        }
    }

    mutating func dict(depth: Int) throws(_PythonLiteralError) -> _PythonLiteral {
        position += 1
        var pairs: [(key: String, value: _PythonLiteral)] = []
        while !eat(UInt8(ascii: "}")) {
            skipSpace()
            guard current == UInt8(ascii: "'") || current == UInt8(ascii: "\"") else { throw error("expected a string key") }
            let key = try string()
            guard eat(UInt8(ascii: ":")) else { throw error("expected ':'") }
            pairs.append((key, try value(depth: depth + 1)))
            if !eat(UInt8(ascii: ",")) {
                guard eat(UInt8(ascii: "}")) else { throw error("expected ',' or '}'") }
                break
            }
        }
        return .dict(pairs)
    }

    mutating func sequence(closing: UInt8, depth: Int) throws(_PythonLiteralError) -> (items: [_PythonLiteral], trailingComma: Bool) {
        var items: [_PythonLiteral] = []
        var trailingComma = false
        while !eat(closing) {
            items.append(try value(depth: depth + 1))
            trailingComma = eat(UInt8(ascii: ","))
            if !trailingComma {
                guard eat(closing) else { throw error("expected ',' or '\(Character(Unicode.Scalar(closing)))'") }
                break
            }
        }
        return (items, trailingComma)
    }

    mutating func string() throws(_PythonLiteralError) -> String {
        let quote = bytes[position]
        position += 1
        var scalars: [UInt8] = []
        while let c = current, c != quote {
            position += 1
            if c == UInt8(ascii: "\\") {
                guard let escaped = current else { break }
                position += 1
                scalars.append(escaped)
            } else {
                scalars.append(c)
            }
        }
        guard current == quote else { throw error("unterminated string") }
        position += 1
        return String(decoding: scalars, as: UTF8.self)
    }

    mutating func integer() throws(_PythonLiteralError) -> Int {
        let negative = current == UInt8(ascii: "-")
        if negative { position += 1 }
        var value = 0
        var digits = 0
        while let c = current, c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9") {
            let (m, o1) = value.multipliedReportingOverflow(by: 10)
            let (a, o2) = m.addingReportingOverflow(Int(c - UInt8(ascii: "0")))
            guard !o1 && !o2 else { throw error("integer too large") }
            value = a
            digits += 1
            position += 1
        }
        guard digits > 0 else { throw error("expected digits") }
        if current == UInt8(ascii: "L") || current == UInt8(ascii: "l") { position += 1 }  // Python 2 longs
        return negative ? -value : value
    }

    mutating func identifier() -> String {
        let start = position
        while let c = current, (c >= UInt8(ascii: "A") && c <= UInt8(ascii: "Z")) || (c >= UInt8(ascii: "a") && c <= UInt8(ascii: "z")) {
            position += 1
        }
        return String(decoding: bytes[start..<position], as: UTF8.self)
    }
}
