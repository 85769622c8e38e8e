/// Parses PyTorch's schema language into a ``Schema``.
struct SchemaParser {
    private let text: String
    private var chars: [Character]
    private var pos = 0

    init(_ text: String) {
        self.text = text
        self.chars = Array(text)
    }

    private func fail(_ why: String) -> EmberError {
        EmberError(.invalidSchema, op: "Schema", "\(why) at offset \(pos) in '\(text)'")
    }

    private mutating func skipSpaces() {
        while pos < chars.count, chars[pos] == " " { pos += 1 }
    }

    private mutating func eat(_ c: Character) -> Bool {
        skipSpaces()
        if pos < chars.count, chars[pos] == c { pos += 1; return true }
        return false
    }

    private mutating func expect(_ c: Character) throws {
        guard eat(c) else { throw fail("expected '\(c)'") }
    }

    private mutating func identifier() throws -> String {
        skipSpaces()
        let start = pos
        while pos < chars.count, chars[pos].isLetter || chars[pos].isNumber || "_.:".contains(chars[pos]) {
            pos += 1
        }
        guard pos > start else { throw fail("expected a name") }
        return String(chars[start..<pos])
    }

    mutating func parse() throws -> Schema {
        let name = try identifier()
        try expect("(")
        var arguments: [Schema.Argument] = []
        var keywordOnly = false
        if !eat(")") {
            repeat {
                if eat("*") { keywordOnly = true; continue }
                arguments.append(try argument(keywordOnly: keywordOnly))
            } while eat(",")
            try expect(")")
        }
        skipSpaces()
        guard eat("-"), eat(">") else { throw fail("expected '->'") }
        let results = try resultList()
        skipSpaces()
        guard pos == chars.count else { throw fail("unexpected text") }
        if let dup = Dictionary(grouping: arguments, by: \.name).first(where: { $0.value.count > 1 }) {
            throw fail("argument '\(dup.key)' declared twice")
        }
        return Schema(name: name, arguments: arguments, results: results)
    }

    private mutating func type() throws -> Schema.ArgumentType {
        let word = try identifier()
        var t: Schema.ArgumentType
        switch word {
        case "Tensor": t = .tensor
        case "int", "SymInt": t = .int
        case "float": t = .float
        case "bool": t = .bool
        case "Scalar": t = .scalar
        case "str": t = .string
        case "ScalarType": t = .dtype
        case "Device": t = .device
        case "Generator": t = .generator
        default: throw fail("unknown type '\(word)'")
        }
        while true {
            if word == "Tensor", pos < chars.count, chars[pos] == "(" {
                // Alias annotations such as `Tensor(a!)` mark in-place arguments; skip them.
                while pos < chars.count, chars[pos] != ")" { pos += 1 }
                pos += 1
            } else if eat("[") {
                skipSpaces()
                while pos < chars.count, chars[pos].isNumber { pos += 1 }
                try expect("]")
                t = .list(t)
            } else if eat("?") {
                t = .optional(t)
            } else {
                return t
            }
        }
    }

    private mutating func argument(keywordOnly: Bool) throws -> Schema.Argument {
        let t = try type()
        let name = try identifier()
        var defaultValue: IValue?
        var defaultText: String?
        if eat("=") {
            skipSpaces()
            let start = pos
            var depth = 0
            while pos < chars.count {
                let c = chars[pos]
                if c == "[" { depth += 1 } else if c == "]" { depth -= 1 }
                if depth == 0 && (c == "," || c == ")") { break }
                pos += 1
            }
            let literal = String(chars[start..<pos]).trimmingSpaces()
            defaultText = literal
            do {
                defaultValue = try IValue(literal: literal, for: t)
            } catch {
                throw fail("bad default '\(literal)' for \(t) \(name)")
            }
        }
        return Schema.Argument(
            name: name, type: t, defaultValue: defaultValue, defaultText: defaultText,
            isKeywordOnly: keywordOnly)
    }

    private mutating func resultList() throws -> [Schema.Result] {
        if eat("(") {
            var results: [Schema.Result] = []
            if eat(")") { return [] }
            repeat {
                let t = try type()
                skipSpaces()
                var name: String?
                if pos < chars.count, chars[pos].isLetter { name = try identifier() }
                results.append(.init(name: name, type: t))
            } while eat(",")
            try expect(")")
            return results
        }
        return [.init(name: nil, type: try type())]
    }
}

extension String {
    func trimmingSpaces() -> String {
        var s = Substring(self)
        while s.first == " " { s.removeFirst() }
        while s.last == " " { s.removeLast() }
        return String(s)
    }
}
