extension _Scanner {
    /// Calls `body` with a field's text, doubled quotes collapsed to one.
    func withText<R>(_ field: _Field, _ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        let raw = UnsafeRawBufferPointer(start: buffer + field.start, count: field.end - field.start)
        guard field.escaped else { return try body(raw) }
        var out: [UInt8] = []
        out.reserveCapacity(raw.count)
        var i = 0
        while i < raw.count {
            out.append(raw[i])
            i += raw[i] == quote && i + 1 < raw.count && raw[i + 1] == quote ? 2 : 1
        }
        return try out.withUnsafeBytes(body)
    }

    /// A field's text as a `String`, failing with ``CSVError/Reason/invalidUTF8`` naming the
    /// line, the column and the first bad byte.
    func string(_ field: _Field, column: Int) throws -> String {
        try withText(field) { text in
            if let s = String(validating: text, as: UTF8.self) { return s }
            throw invalidUTF8(text, line: field.line, column: column)
        }
    }

    /// The error for text that is not UTF-8.
    func invalidUTF8(_ text: UnsafeRawBufferPointer, line: Int, column: Int) -> CSVError {
        var offset = 0
        var iterator = text.makeIterator()
        var decoder = UTF8()
        decoding: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let s): offset += UTF8.width(s)
            case .emptyInput, .error: break decoding
            }
        }
        let byte = offset < text.count ? CSVError.hex(text[offset]) : "??"
        return CSVError(.invalidUTF8, file: name, line: line, column: column + 1,
            "invalid UTF-8 (byte 0x\(byte) at offset \(offset)) in column \(columnLabel(column)): "
                + CSVError.quoted(text))
    }

    /// Scans the next row, refilling as needed and passing over blank lines; nil at the end.
    /// The row is not consumed: call ``consume(_:)`` with the scan's result.
    func nextRow(into fields: inout [_Field]) throws -> (next: Int, lines: Int)? {
        while true {
            if atEnd { return nil }
            switch scanRow(into: &fields) {
            case .row(let next, let lines): return (next, lines)
            case .blank(let next):
                start = next
                line += 1
            case .incomplete: try refill()
            case .failure(let e): throw e
            }
        }
    }

    /// Moves past a scanned row.
    func consume(_ row: (next: Int, lines: Int)) {
        start = row.next
        line += row.lines
    }

    /// Skips the malformed row at `start` (see ``resync()``).
    func skipRow() throws {
        while true {
            if let row = resync() {
                consume(row)
                return
            }
            try refill()
        }
    }

    /// Reads the header row (or, without one, looks at the first row) and returns the column
    /// names: the header's texts, or "0", "1", ... for the first row's fields.
    func readColumnNames(hasHeader: Bool) throws -> [String] {
        var fields: [_Field] = []
        guard let row = try nextRow(into: &fields) else {
            if hasHeader { throw CSVError(.io, file: name, "the file is empty: there is no header row") }
            return []
        }
        let names: [String]
        if hasHeader {
            names = try fields.indices.map { try string(fields[$0], column: $0) }
            consume(row)
        } else {
            names = fields.indices.map { String($0) }
        }
        columnNames = names
        return names
    }

    /// Consumes the rest of the row at `start` leniently (a quote toggles quoting), for
    /// skipping a malformed row. Returns the offset after it and the line breaks it spans,
    /// or nil when it continues past the buffer.
    func resync() -> (next: Int, lines: Int)? {
        var p = start
        var quoted = false
        var lines = 0
        while true {
            if p == end { return eof ? (p, lines) : nil }
            let c = buffer[p]
            if c == quote {
                quoted.toggle()
            } else if c == 0x0A || c == 0x0D {
                guard let next = lineBreakEnd(at: p) else { return nil }
                lines += 1
                if !quoted { return (next, lines) }
                p = next
                continue
            }
            p += 1
        }
    }
}
