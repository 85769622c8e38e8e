/// A JSON value as the safetensors header needs it: objects keep their members in order
/// (duplicates included, so that the reader can report them), numbers keep their text.
enum _JSONValue {
    case object([_JSONMember])
    case array([_JSONValue])
    case string(String)
    /// A number's text exactly as written (`-1`, `2.5e3`).
    case number(String)
    case bool(Bool)
    case null

    /// A short description for error messages: the kind of value, or the value itself when short.
    var summary: String {
        switch self {
        case .object: return "an object"
        case .array: return "an array"
        case .string(let s): return s.count <= 40 ? "the string \"\(s)\"" : "a string"
        case .number(let n): return "the number \(n)"
        case .bool(let b): return "\(b)"
        case .null: return "null"
        }
    }
}

/// An object member: a key and its value.
struct _JSONMember {
    var key: String
    var value: _JSONValue
}

/// A strict JSON parser (RFC 8259) over bytes: UTF-8 checked, nesting limited, every read
/// bounds-checked; errors say what was expected and at which byte.
struct _JSONParser {
    /// Why the text is not JSON, and the byte offset where that was found.
    struct Failure: Error {
        let message: String
        let offset: Int
    }

    private let bytes: [UInt8]
    private var position = 0
    private var depth = 0
    /// Deeper nesting is refused (a safetensors header needs 3 levels).
    static let maxDepth = 64

    /// Parses `bytes`, which must hold exactly one JSON value and optional whitespace.
    static func parse(_ bytes: [UInt8]) throws(Failure) -> _JSONValue {
        var parser = _JSONParser(bytes: bytes)
        let value = try parser.value()
        parser.skipWhitespace()
        guard parser.position == bytes.count else { throw parser.failure("unexpected text after the JSON value") }
        return value
    }

    private init(bytes: [UInt8]) { self.bytes = bytes }

    private func failure(_ message: String) -> Failure { Failure(message: message, offset: position) }

    private var current: UInt8? { position < bytes.count ? bytes[position] : nil }

    private mutating func skipWhitespace() {
        while let c = current, c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D { position += 1 }
    }

    private mutating func expect(_ literal: String) throws(Failure) {
        for c in literal.utf8 {
            guard current == c else { throw failure("invalid literal (expected '\(literal)')") }
            position += 1
        }
    }

    private mutating func value() throws(Failure) -> _JSONValue {
        skipWhitespace()
        guard let c = current else { throw failure("unexpected end of the JSON text") }
        switch c {
        case UInt8(ascii: "{"): return try nested { (p) throws(Failure) in try p.object() }
        case UInt8(ascii: "["): return try nested { (p) throws(Failure) in try p.array() }
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"): try expect("true"); return .bool(true)
        case UInt8(ascii: "f"): try expect("false"); return .bool(false)
        case UInt8(ascii: "n"): try expect("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try number())
        default: throw failure("unexpected character \(_JSONParser.show(c))")
        }
    }

    private mutating func nested(_ body: (inout _JSONParser) throws(Failure) -> _JSONValue) throws(Failure) -> _JSONValue {
        guard depth < _JSONParser.maxDepth else { throw failure("nesting deeper than \(_JSONParser.maxDepth) levels") }
        depth += 1
        defer { depth -= 1 }
        return try body(&self)
    }

    private mutating func object() throws(Failure) -> _JSONValue {
        position += 1
        var members: [_JSONMember] = []
        skipWhitespace()
        if current == UInt8(ascii: "}") { position += 1; return .object(members) }
        while true {
            skipWhitespace()
            guard current == UInt8(ascii: "\"") else { throw failure("expected a string key") }
            let key = try string()
            skipWhitespace()
            guard current == UInt8(ascii: ":") else { throw failure("expected ':' after the key \"\(key)\"") }
            position += 1
            members.append(_JSONMember(key: key, value: try value()))
            skipWhitespace()
            switch current {
            case UInt8(ascii: ","): position += 1
            case UInt8(ascii: "}"): position += 1; return .object(members)
            default: throw failure("expected ',' or '}' in an object")
            }
        }
    }

    private mutating func array() throws(Failure) -> _JSONValue {
        position += 1
        var elements: [_JSONValue] = []
        skipWhitespace()
        if current == UInt8(ascii: "]") { position += 1; return .array(elements) }
        while true {
            elements.append(try value())
            skipWhitespace()
            switch current {
            case UInt8(ascii: ","): position += 1
            case UInt8(ascii: "]"): position += 1; return .array(elements)
            default: throw failure("expected ',' or ']' in an array")
            }
        }
    }

    /// The number's text, checked against JSON's grammar.
    private mutating func number() throws(Failure) -> String {
        let start = position
        if current == UInt8(ascii: "-") { position += 1 }
        if current == UInt8(ascii: "0") {
            position += 1
        } else {
            guard try digits() > 0 else { throw failure("invalid number") }
        }
        if current == UInt8(ascii: ".") {
            position += 1
            guard try digits() > 0 else { throw failure("invalid number (no digits after '.')") }
        }
        if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
            position += 1
            if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { position += 1 }
            guard try digits() > 0 else { throw failure("invalid number (no digits in the exponent)") }
        }
        return String(decoding: bytes[start..<position], as: UTF8.self)
    }

    private mutating func digits() throws(Failure) -> Int {
        let start = position
        while let c = current, c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9") { position += 1 }
        return position - start
    }

    private mutating func string() throws(Failure) -> String {
        position += 1
        var utf8: [UInt8] = []
        while true {
            guard let c = current else { throw failure("unterminated string") }
            position += 1
            switch c {
            case UInt8(ascii: "\""):
                guard let s = String(validating: utf8, as: UTF8.self) else { throw failure("invalid UTF-8 in a string") }
                return s
            case UInt8(ascii: "\\"): try escape(into: &utf8)
            case 0..<0x20: position -= 1; throw failure("unescaped control character \(_JSONParser.show(c)) in a string")
            default: utf8.append(c)
            }
        }
    }

    private mutating func escape(into utf8: inout [UInt8]) throws(Failure) {
        guard let c = current else { throw failure("unterminated string") }
        position += 1
        switch c {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): utf8.append(c); return
        case UInt8(ascii: "b"): utf8.append(0x08); return
        case UInt8(ascii: "f"): utf8.append(0x0C); return
        case UInt8(ascii: "n"): utf8.append(0x0A); return
        case UInt8(ascii: "r"): utf8.append(0x0D); return
        case UInt8(ascii: "t"): utf8.append(0x09); return
        case UInt8(ascii: "u"): break
        default: throw failure("invalid escape \\\(Character(Unicode.Scalar(c)))")
        }
        var code = try hex4()
        if (0xD800..<0xDC00).contains(code) {
            guard current == UInt8(ascii: "\\") else { throw failure("unpaired surrogate \\u\(String(code, radix: 16))") }
            position += 1
            guard current == UInt8(ascii: "u") else { throw failure("unpaired surrogate \\u\(String(code, radix: 16))") }
            position += 1
            let low = try hex4()
            guard (0xDC00..<0xE000).contains(low) else { throw failure("unpaired surrogate \\u\(String(code, radix: 16))") }
            code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
        }
        guard let scalar = Unicode.Scalar(code) else { throw failure("unpaired surrogate \\u\(String(code, radix: 16))") }
        utf8.append(contentsOf: String(Character(scalar)).utf8)
    }

    private mutating func hex4() throws(Failure) -> UInt32 {
        var code: UInt32 = 0
        for _ in 0..<4 {
            guard let c = current, let digit = Character(Unicode.Scalar(c)).hexDigitValue else {
                throw failure("invalid \\u escape (expected 4 hex digits)")
            }
            code = code << 4 | UInt32(digit)
            position += 1
        }
        return code
    }

    private static func show(_ c: UInt8) -> String {
        c >= 0x20 && c < 0x7F ? "'\(Character(Unicode.Scalar(c)))'" : "0x" + String(c, radix: 16, uppercase: true)
    }
}
