/// One field of a scanned row: where its text lies in the scanner's buffer.
struct _Field {
    /// The offset of the first byte of the text (inside the quotes for a quoted field).
    var start: Int
    /// The offset one past the text.
    var end: Int
    /// Whether the text holds doubled quotes that stand for one quote each.
    var escaped: Bool
    /// The line the field starts on.
    var line: Int
}

/// What scanning the row at the scanner's `start` found.
enum _RowScan {
    /// A row; `next` is the offset after its line break, `lines` the line breaks it spans.
    case row(next: Int, lines: Int)
    /// An empty line, left out under `skipBlankLines`.
    case blank(next: Int)
    /// The row continues past the buffered bytes: refill and scan again.
    case incomplete
    /// A malformed row.
    case failure(CSVError)
}

/// The block buffer over a source, and RFC 4180 field scanning. Bytes between `start` and
/// `end` are unconsumed; `buffer[end]` is always 0, a sentinel that stops digit and field
/// loops without a bounds check, and 8-byte loads may read past it (see `padding`). Line
/// numbers are 1-based and count LF, CRLF and lone CR.
final class _Scanner {
    let name: String
    let delimiter: UInt8
    let quote: UInt8
    let skipBlankLines: Bool
    private let reader: _SourceReader
    private(set) var buffer: UnsafeMutablePointer<UInt8>
    private(set) var capacity: Int
    /// The first unconsumed byte.
    var start = 0
    /// One past the last buffered byte.
    private(set) var end = 0
    /// Whether the source has no more bytes beyond `end`.
    private(set) var eof = false
    /// The line `start` is on.
    var line = 1
    /// The source offset of `buffer[0]`.
    private(set) var discarded = 0
    /// 1 for the bytes that end an unquoted field: delimiter, LF, CR and NUL (the sentinel).
    let stops: UnsafeMutablePointer<UInt8>
    /// Bytes allocated after the capacity: the NUL sentinel and the 8 bytes that the
    /// 8-byte loads of the number parser may read past it (rounded up).
    static let padding = 16
    /// Column names, for messages (empty until the header is read).
    var columnNames: [String] = []

    /// Scans `source`, or the bytes of `range` in it (no byte order mark is looked for
    /// unless the range starts at 0).
    init(_ source: CSVSource, options: CSVOptions, range: Range<Int>? = nil) throws {
        name = source.name
        delimiter = try _Scanner.asciiByte(options.delimiter, role: "delimiter", file: source.name)
        quote = try _Scanner.asciiByte(options.quote, role: "quote", file: source.name)
        guard delimiter != quote else {
            throw CSVError(.invalidOptions, file: source.name, "the delimiter and the quote must differ")
        }
        skipBlankLines = options.skipBlankLines
        reader = try _SourceReader(source, range: range)
        discarded = range?.lowerBound ?? 0
        capacity = max(options.blockSize, 64)
        buffer = .allocate(capacity: capacity + _Scanner.padding)
        buffer.initialize(repeating: 0, count: capacity + _Scanner.padding)
        stops = .allocate(capacity: 256)
        stops.initialize(repeating: 0, count: 256)
        for b in [delimiter, 0x0A, 0x0D, 0] { stops[Int(b)] = 1 }
        while end < 3, !eof { try refill() }
        if discarded == 0, end >= 3, buffer[0] == 0xEF, buffer[1] == 0xBB, buffer[2] == 0xBF { start = 3 }
    }

    deinit {
        buffer.deallocate()
        stops.deallocate()
    }

    private static func asciiByte(_ s: Unicode.Scalar, role: String, file: String) throws -> UInt8 {
        guard s.isASCII, s != "\n", s != "\r", s != "\0" else {
            throw CSVError(.invalidOptions, file: file,
                "the \(role) must be one ASCII character other than CR, LF and NUL (got \(s.debugDescription))")
        }
        return UInt8(s.value)
    }

    /// Whether every byte has been consumed.
    var atEnd: Bool { eof && start == end }

    /// The source offset of `start`.
    var offset: Int { discarded + start }

    /// The reader, for the size of the source and reads at other offsets.
    var source: _SourceReader { reader }

    /// Marks every byte as consumed (another reader has read them).
    func finish() {
        start = 0
        end = 0
        eof = true
        buffer[0] = 0
    }

    /// Moves the unconsumed bytes to the front, grows the buffer when they fill it, and
    /// reads more. Only called before `eof`.
    func refill() throws {
        if start > 0 {
            (buffer + 0).update(from: buffer + start, count: end - start)
            end -= start
            discarded += start
            start = 0
        }
        if end == capacity {
            let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity * 2 + _Scanner.padding)
            grown.initialize(repeating: 0, count: capacity * 2 + _Scanner.padding)
            grown.update(from: buffer, count: end)
            buffer.deallocate()
            buffer = grown
            capacity *= 2
        }
        let n = try reader.read(into: buffer + end, count: capacity - end)
        if n == 0 { eof = true } else { end += n }
        buffer[end] = 0
    }

    /// `'name'` for column `i` (0-based), or its 1-based number before the header is known.
    func columnLabel(_ i: Int) -> String {
        i < columnNames.count ? "'\(columnNames[i])'" : "\(i + 1)"
    }
}

extension _Scanner {
    /// Scans the row at `start` into `fields` (offsets into the buffer, valid until the next
    /// refill) without consuming it.
    func scanRow(into fields: inout [_Field]) -> _RowScan {
        fields.removeAll(keepingCapacity: true)
        let b = buffer
        var p = start
        var lines = 0
        if skipBlankLines, p < end, b[p] == 0x0A || b[p] == 0x0D {
            guard let next = lineBreakEnd(at: p) else { return .incomplete }
            return .blank(next: next)
        }
        while true {
            let fieldLine = line + lines
            if b[p] == quote {
                switch scanQuoted(at: p, column: fields.count, line: fieldLine) {
                case .incomplete: return .incomplete
                case .failure(let e): return .failure(e)
                case .field(let field, let close, let newlines):
                    fields.append(field)
                    lines += newlines
                    p = close + 1
                }
                if p < end, stops[Int(b[p])] == 0 || b[p] == 0 {
                    return .failure(unexpectedCharacter(at: p, column: fields.count - 1, line: line + lines))
                }
            } else {
                let q = unquotedEnd(from: p)
                fields.append(_Field(start: p, end: q, escaped: false, line: fieldLine))
                p = q
            }
            if p == end { return eof ? .row(next: p, lines: lines) : .incomplete }
            if b[p] == delimiter {
                p += 1
                continue
            }
            guard let next = lineBreakEnd(at: p) else { return .incomplete }
            return .row(next: next, lines: lines + 1)
        }
    }

    /// The end of the unquoted field starting at `p` (a stop byte; NULs inside are kept).
    @inline(__always)
    func unquotedEnd(from p: Int) -> Int {
        var q = p
        while true {
            let c = buffer[q]
            if stops[Int(c)] != 0 {
                if c == 0 && q < end {
                    q += 1
                    continue
                }
                return q
            }
            q += 1
        }
    }

    /// The offset after the line break (LF, CRLF or CR) at `p`, or nil when a CR ends the
    /// buffer and the next byte could still be an LF.
    @inline(__always)
    func lineBreakEnd(at p: Int) -> Int? {
        if buffer[p] == 0x0A { return p + 1 }
        if p + 1 == end && !eof { return nil }
        return p + 1 < end && buffer[p + 1] == 0x0A ? p + 2 : p + 1
    }

    /// What scanning a quoted field found.
    enum Quoted {
        case field(_Field, close: Int, newlines: Int)
        case incomplete
        case failure(CSVError)
    }

    /// Scans the quoted field whose opening quote is at `p`.
    func scanQuoted(at p: Int, column: Int, line fieldLine: Int) -> Quoted {
        let b = buffer
        var q = p + 1
        var escaped = false
        var newlines = 0
        while true {
            if q == end {
                guard eof else { return .incomplete }
                return .failure(CSVError(.unterminatedQuote, file: name, line: fieldLine, column: column + 1,
                    "unterminated quote: the quoted field in column \(columnLabel(column)) never closes"))
            }
            let c = b[q]
            if c == quote {
                if q + 1 == end && !eof { return .incomplete }
                guard q + 1 < end, b[q + 1] == quote else {
                    return .field(_Field(start: p + 1, end: q, escaped: escaped, line: fieldLine),
                                  close: q, newlines: newlines)
                }
                escaped = true
                q += 2
                continue
            }
            if c == 0x0A {
                newlines += 1
            } else if c == 0x0D {
                if q + 1 == end && !eof { return .incomplete }
                if !(q + 1 < end && b[q + 1] == 0x0A) { newlines += 1 }
            }
            q += 1
        }
    }

    func unexpectedCharacter(at p: Int, column: Int, line: Int) -> CSVError {
        let shown = CSVError.quoted(UnsafeRawBufferPointer(start: buffer + p, count: min(1, end - p)))
        return CSVError(.unexpectedCharacter, file: name, line: line, column: column + 1,
            "unexpected character \(shown) after the closing quote in column \(columnLabel(column))")
    }
}
