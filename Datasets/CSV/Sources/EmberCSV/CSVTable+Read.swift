extension CSVTable {
    /// Reads `source`: a first pass infers the types of undeclared columns from every row,
    /// a second converts.
    init(_ source: CSVSource, columns refs: [CSVColumnRef]?, options: CSVOptions) throws {
        let missing = _Missing(options)
        // Pass 1: column types.
        let first = try _Scanner(source, options: options)
        let names = try first.readColumnNames(hasHeader: options.hasHeader)
        let indices = try refs.map { try _Columns.resolve($0, names: names, file: source.name) } ?? Array(names.indices)
        var inferences = indices.map { _ in _Columns.Inference() }
        var hasMissing = [Bool](repeating: false, count: indices.count)
        try CSVTable.forEachRow(first, fieldCount: names.count, options: options) { scanner, fields in
            for (k, c) in indices.enumerated() {
                scanner.withText(fields[c]) { text in
                    let isMissing = missing.contains(text)
                    hasMissing[k] = hasMissing[k] || isMissing
                    inferences[k].add(_Number.trimmed(text), isMissing: isMissing)
                }
            }
            return nil
        }
        let types = indices.enumerated().map { k, c -> CSVColumnType in
            if let declared = _Columns.declaredType(c, names: names, options: options) { return declared }
            let type = inferences[k].result
            guard type == .int64, hasMissing[k] else { return type }
            switch options.onMissing {
            case .nan: return .float64
            case .fill(let v): return v.rounded() == v && v >= -0x1p63 && v < 0x1p63 ? .int64 : .float64
            case .error: return .int64
            }
        }
        // Pass 2: values.
        let second = try _Scanner(source, options: options)
        _ = try second.readColumnNames(hasHeader: options.hasHeader)
        var builders = types.map { _ColumnBuilder(type: $0) }
        var rowCount = 0
        let skipped = try CSVTable.forEachRow(second, fieldCount: names.count, options: options) { scanner, fields in
            for (k, c) in indices.enumerated() {
                if let e = builders[k].check(fields[c], column: c, scanner: scanner, missing: missing,
                                                 onMissing: options.onMissing) { return e }
            }
            for (k, c) in indices.enumerated() {
                try builders[k].append(fields[c], scanner: scanner, missing: missing, onMissing: options.onMissing)
            }
            rowCount += 1
            return nil
        }
        self.init(columnNames: indices.map { names[$0] }, columns: builders.map(\.column), rowCount: rowCount,
                  skippedRows: skipped, sourceName: source.name)
    }

    /// Calls `body` with each well-formed row's fields, applying the bad-row policy to
    /// malformed rows and to rows for which `body` returns an error. Returns the rows skipped.
    @discardableResult
    static func forEachRow(_ scanner: _Scanner, fieldCount: Int, options: CSVOptions,
                           _ body: (_Scanner, [_Field]) throws -> CSVError?) throws -> Int
    {
        var fields: [_Field] = []
        var skipped = 0
        func reject(_ e: CSVError) throws {
            guard options.onBadRow == .skip else { throw e }
            skipped += 1
            try scanner.skipRow()
        }
        while !scanner.atEnd {
            switch scanner.scanRow(into: &fields) {
            case .incomplete: try scanner.refill()
            case .blank(let next): scanner.consume((next, 1))
            case .failure(let e): try reject(e)
            case .row(let next, let lines):
                if fields.count != fieldCount {
                    try reject(CSVError(.wrongFieldCount, file: scanner.name, line: scanner.line,
                        column: min(fields.count, fieldCount) + 1,
                        "wrong field count: expected \(fieldCount) field\(fieldCount == 1 ? "" : "s"), found \(fields.count)"))
                } else if let e = try body(scanner, fields) {
                    try reject(e)
                } else {
                    scanner.consume((next, lines))
                }
            }
        }
        return skipped
    }
}

/// Accumulates one column of a table.
struct _ColumnBuilder {
    let type: CSVColumnType
    var ints: [Int64] = []
    var doubles: [Double] = []
    var strings: [String] = []

    init(type: CSVColumnType) { self.type = type }

    var column: CSVTable.Column {
        switch type {
        case .int64: return .int64(ints)
        case .float64: return .float64(doubles)
        case .string: return .string(strings)
        }
    }

    /// The error that `field` would cause, if any (nothing is appended).
    func check(_ field: _Field, column: Int, scanner: _Scanner, missing: _Missing,
               onMissing: CSVMissingValuePolicy) -> CSVError?
    {
        scanner.withText(field) { text -> CSVError? in
            let label = scanner.columnLabel(column)
            func error(_ reason: CSVError.Reason, _ message: String) -> CSVError {
                CSVError(reason, file: scanner.name, line: field.line, column: column + 1, message)
            }
            switch type {
            case .string:
                return String(validating: text, as: UTF8.self) == nil
                    ? scanner.invalidUTF8(text, line: field.line, column: column) : nil
            case _ where missing.contains(text):
                switch onMissing {
                case .error: return error(.missingValue, "missing value in column \(label)")
                case .nan where type == .int64:
                    return error(.missingValue, "missing value in integer column \(label) cannot be NaN")
                case .fill(let v) where type == .int64 && !(v.rounded() == v && v >= -0x1p63 && v < 0x1p63):
                    return error(.missingValue, "the fill value \(v) for column \(label) is not a whole number")
                default: return nil
                }
            case .int64:
                switch _Number.parseInt64(text) {
                case .value?: return nil
                case .outOfRange?: return error(.unparsableNumber, "integer out of range for int64 \(CSVError.quoted(text)) in column \(label)")
                case nil: return error(.unparsableNumber, "unparsable integer \(CSVError.quoted(text)) in column \(label)")
                }
            case .float64:
                return _Number.parseDouble(text) == nil
                    ? error(.unparsableNumber, "unparsable number \(CSVError.quoted(text)) in column \(label)") : nil
            }
        }
    }

    /// Appends a field that ``check(_:column:scanner:missing:onMissing:)`` accepted.
    mutating func append(_ field: _Field, scanner: _Scanner, missing: _Missing, onMissing: CSVMissingValuePolicy) throws {
        if type == .string {
            strings.append(try scanner.string(field, column: 0))
            return
        }
        let isMissing = scanner.withText(field) { missing.contains($0) }
        var fill = Double.nan
        if case .fill(let v) = onMissing { fill = v }
        switch type {
        case .int64: ints.append(isMissing ? Int64(fill) : scanner.withText(field) {
            if case .value(let v)? = _Number.parseInt64($0) { return v }
            return 0
        })
        case .float64: doubles.append(isMissing ? fill : scanner.withText(field) { _Number.parseDouble($0) ?? .nan })
        case .string: break
        }
    }
}
