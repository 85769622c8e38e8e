/// What parsing one row found.
enum _RowResult {
    case row(next: Int, lines: Int)
    case blank(next: Int)
    case incomplete
    case failure(CSVError)
}

/// Parses rows straight into output groups: the fast path of EmberCSV.
///
/// Rows are parsed field by field from the buffer, many rows per call, with the buffer's
/// bounds in locals. An unquoted field of a numeric column is converted where it lies by
/// `_Number.fastDouble` (no copy, no allocation), and its element is written into the
/// group's next row; anything unusual (quotes, spaces, missing values, long mantissas,
/// errors) takes `convertSlow`. A row only counts once it is complete and valid: a row cut
/// by the end of the buffer is parsed again after a refill, and a malformed row leaves no
/// trace (label texts are resolved at the end of the row).
final class _TensorParser {
    let scanner: _Scanner
    let fieldCount: Int
    let plans: UnsafeMutablePointer<_FieldPlan>
    /// The output groups (not reference counted: the hot loop touches them per row).
    let groups: UnsafeMutablePointer<_OutputGroup>
    let groupCount: Int
    let encoders: [_LabelEncoder]
    let missing: _Missing
    let onMissing: CSVMissingValuePolicy
    let skipsBadRows: Bool
    /// Rows left out under `.skip`.
    private(set) var skippedRows = 0
    /// 2 after a two-thread read (see `readAllInParallel`), for tests.
    var threadsUsed = 1
    /// The parsers of the parts of a parallel read, in file order, holding its rows.
    var parts: [_TensorParser] = []
    /// Pointers to the next row of each group.
    private let rowBases: UnsafeMutablePointer<UnsafeMutableRawPointer>
    /// Label fields of the current row: (field, column).
    var pendingLabels: [(_Field, Int)] = []
    var scratchFields: [_Field] = []

    init(scanner: _Scanner, plans: [_FieldPlan], groups: [_OutputGroup], encoders: [_LabelEncoder],
         options: CSVOptions)
    {
        self.scanner = scanner
        fieldCount = plans.count
        self.plans = .allocate(capacity: max(plans.count, 1))
        self.plans.initialize(from: plans, count: plans.count)
        groupCount = groups.count
        self.groups = .allocate(capacity: max(groups.count, 1))
        self.groups.initialize(from: groups, count: groups.count)
        self.encoders = encoders
        missing = _Missing(options)
        onMissing = options.onMissing
        skipsBadRows = options.onBadRow == .skip
        rowBases = .allocate(capacity: max(groups.count, 1))
    }

    deinit {
        for g in 0..<groupCount { groups[g].release() }
        groups.deinitialize(count: groupCount)
        groups.deallocate()
        plans.deallocate()
        rowBases.deallocate()
    }

    /// Parses up to `maxRows` rows into the groups; returns how many were added (0 at the end).
    func readRows(max maxRows: Int) throws -> Int {
        var added = 0
        while true {
            switch parseRows(max: maxRows, added: &added) {
            case .done: return added
            case .incomplete: try scanner.refill()
            case .failure(let error): try reject(error)
            }
        }
    }

    /// Throws `error`, or skips its row and counts it under `.skip`.
    private func reject(_ error: CSVError) throws {
        guard skipsBadRows else { throw error }
        skippedRows += 1
        try scanner.skipRow()
    }

    /// Why ``parseRows(max:added:)`` stopped.
    private enum Stop {
        /// `maxRows` rows were added, or the source is exhausted.
        case done
        /// The next row continues past the buffered bytes.
        case incomplete
        /// The next row is malformed (the scanner's `start` is at it).
        case failure(CSVError)
    }

    /// Parses the buffered rows from the scanner's `start`, leaving `start` and `line` after
    /// the last complete row.
    private func parseRows(max maxRows: Int, added: inout Int) -> Stop {
        let s = scanner
        let b = s.buffer
        let end = s.end
        let eof = s.eof
        let hasLabels = !encoders.isEmpty
        let tables = _NumberTables.shared
        var position = s.start
        var line = s.line
        defer {
            s.start = position
            s.line = line
        }
        while added < maxRows {
            if position == end {
                if eof { return .done }
                return .incomplete
            }
            for g in 0..<groupCount { rowBases[g] = groups[g].nextRowPointer() }
            if hasLabels { pendingLabels.removeAll(keepingCapacity: true) }
            switch parseRow(b + position, line: line, buffer: b, end: end, eof: eof,
                            tables: tables)
            {
            case .row(let next, let lines):
                if hasLabels, let error = resolveLabels() {
                    return .failure(error)
                }
                for g in 0..<groupCount { groups[g].rows += 1 }
                position = next
                line += lines
                added += 1
            case .blank(let next):
                position = next
                line += 1
            case .incomplete: return .incomplete
            case .failure(let error): return .failure(error)
            }
        }
        return .done
    }

    /// Parses the row at `rowStart`, which starts line `rowLine` (the hot loop).
    private func parseRow(_ rowStart: UnsafeMutablePointer<UInt8>, line rowLine: Int,
                          buffer b: UnsafeMutablePointer<UInt8>, end: Int, eof: Bool,
                          tables: _NumberTables) -> _RowResult
    {
        let s = scanner
        let endPtr = b + end
        let stops = s.stops
        let delimiter = s.delimiter
        let quote = s.quote
        var p = rowStart
        if s.skipBlankLines, p.pointee == 0x0A || p.pointee == 0x0D {
            guard let next = s.lineBreakEnd(at: p - b) else { return .incomplete }
            return .blank(next: next)
        }
        var field = 0
        var lines = 0
        while true {
            let plan = plans[field]
            if p.pointee == quote {
                switch quotedField(at: p - b, column: field, plan: plan, line: rowLine + lines,
                                   rowStart: rowStart - b, rowLine: rowLine)
                {
                case .row(let close, let newlines):
                    lines += newlines
                    p = b + close + 1
                case .incomplete: return .incomplete
                case .failure(let e): return .failure(e)
                case .blank: return .incomplete  // not produced
                }
            } else if plan.kind == .number,
                      let (v, q) = _Number.fastDouble(p, tables: tables),
                      stops[Int(q.pointee)] != 0, q.pointee != 0 || q == endPtr
            {
                store(v, plan)
                p = UnsafeMutablePointer(mutating: q)
            } else {
                let q = b + s.unquotedEnd(from: p - b)
                if q == endPtr && !eof { return .incomplete }
                if plan.kind != .skip {
                    let f = _Field(start: p - b, end: q - b, escaped: false, line: rowLine + lines)
                    if let e = convertSlow(f, column: field, plan: plan) {
                        return fieldFailure(e, rowStart: rowStart - b, rowLine: rowLine)
                    }
                }
                p = q
            }
            let c = p.pointee
            if c == delimiter {
                p += 1
                field += 1
                if field == fieldCount { return fieldCountError(rowStart: rowStart - b, rowLine: rowLine) }
                continue
            }
            if p == endPtr {
                if !eof { return .incomplete }
                break
            }
            guard let next = s.lineBreakEnd(at: p - b) else { return .incomplete }
            p = b + next
            lines += 1
            break
        }
        if field + 1 != fieldCount { return fieldCountError(rowStart: rowStart - b, rowLine: rowLine) }
        return .row(next: p - b, lines: lines)
    }

    @inline(__always)
    func store(_ v: Double, _ plan: _FieldPlan) {
        let dst = rowBases[plan.group] + plan.offset
        switch plan.store {
        case .float32: dst.storeBytes(of: Float(v), as: Float.self)
        case .float64: dst.storeBytes(of: v, as: Double.self)
        case .int64: dst.storeBytes(of: Int64(v), as: Int64.self)
        }
    }

    @inline(__always)
    func store(_ v: Int64, _ plan: _FieldPlan) {
        let dst = rowBases[plan.group] + plan.offset
        switch plan.store {
        case .float32: dst.storeBytes(of: Float(v), as: Float.self)
        case .float64: dst.storeBytes(of: Double(v), as: Double.self)
        case .int64: dst.storeBytes(of: v, as: Int64.self)
        }
    }
}
