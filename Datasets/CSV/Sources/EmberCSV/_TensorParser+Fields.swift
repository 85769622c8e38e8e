// The tensor parser's slow paths: quoted fields, conversions that the fast path does not
// take, missing values, labels and errors.

extension _TensorParser {
    /// Scans and converts a quoted field; `.row(close, newlines)` gives the closing quote.
    @inline(never)
    func quotedField(at p: Int, column: Int, plan: _FieldPlan, line: Int,
                             rowStart: Int, rowLine: Int) -> _RowResult
    {
        let s = scanner
        switch s.scanQuoted(at: p, column: column, line: line) {
        case .incomplete: return .incomplete
        case .failure(let e): return .failure(e)
        case .field(let f, let close, let newlines):
            let after = close + 1
            if after < s.end, s.stops[Int(s.buffer[after])] == 0 || s.buffer[after] == 0 {
                return .failure(s.unexpectedCharacter(at: after, column: column, line: line + newlines))
            }
            if plan.kind != .skip, let e = convertSlow(f, column: column, plan: plan) {
                return fieldFailure(e, rowStart: rowStart, rowLine: rowLine)
            }
            return .row(next: close, lines: newlines)
        }
    }

    /// Converts a field the fast path did not take; returns the row's error, if any.
    @inline(never)
    func convertSlow(_ f: _Field, column: Int, plan: _FieldPlan) -> CSVError? {
        if plan.kind == .label {
            pendingLabels.append((f, column))
            return nil
        }
        return scanner.withText(f) { text -> CSVError? in
            if missing.contains(text) { return storeMissing(plan, column: column, line: f.line) }
            if plan.kind == .integer {
                switch _Number.parseInt64(text) {
                case .value(let v)?:
                    store(v, plan)
                    return nil
                case .outOfRange?:
                    return numberError(text, column: column, line: f.line, what: "integer out of range for int64")
                case nil:
                    return numberError(text, column: column, line: f.line, what: "unparsable integer")
                }
            }
            guard let v = _Number.parseDouble(text) else {
                return numberError(text, column: column, line: f.line, what: "unparsable number")
            }
            store(v, plan)
            return nil
        }
    }

    func numberError(_ text: UnsafeRawBufferPointer, column: Int, line: Int, what: String) -> CSVError {
        CSVError(.unparsableNumber, file: scanner.name, line: line, column: column + 1,
            "\(what) \(CSVError.quoted(text)) in column \(scanner.columnLabel(column))")
    }

    /// Applies the missing-value policy to a field.
    func storeMissing(_ plan: _FieldPlan, column: Int, line: Int) -> CSVError? {
        switch onMissing {
        case .error:
            return CSVError(.missingValue, file: scanner.name, line: line, column: column + 1,
                "missing value in column \(scanner.columnLabel(column))")
        case .nan:
            guard plan.store != .int64 else {
                return CSVError(.missingValue, file: scanner.name, line: line, column: column + 1,
                    "missing value in integer column \(scanner.columnLabel(column)) cannot be NaN")
            }
            store(Double.nan, plan)
        case .fill(let v):
            store(v, plan)
        }
        return nil
    }

    /// Turns the row's label texts into class indices once the row is complete: every text
    /// is checked first, so a row that fails adds no class.
    func resolveLabels() -> CSVError? {
        guard !pendingLabels.isEmpty else { return nil }
        var texts: [String?] = []
        for (f, column) in pendingLabels {
            if scanner.withText(f, { missing.contains($0) }) {
                let plan = plans[column]
                if onMissing == .error || (onMissing == .nan && plan.store == .int64) {
                    return storeMissing(plan, column: column, line: f.line)  // the error
                }
                texts.append(nil)
                continue
            }
            do {
                texts.append(try scanner.string(f, column: column))
            } catch {
                return error as? CSVError
            }
        }
        for ((f, column), text) in zip(pendingLabels, texts) {
            let plan = plans[column]
            if let text {
                store(Int64(encoders[plan.encoder].code(for: text)), plan)
            } else if let e = storeMissing(plan, column: column, line: f.line) {
                return e
            }
        }
        return nil
    }

    /// A field's conversion error, unless the row has the wrong number of fields: that is
    /// reported first, whichever field is bad.
    @inline(never)
    func fieldFailure(_ error: CSVError, rowStart: Int, rowLine: Int) -> _RowResult {
        switch fieldCountError(rowStart: rowStart, rowLine: rowLine) {
        case .incomplete: return .incomplete
        case .failure(let e) where e.reason == .wrongFieldCount: return .failure(e)
        default: return .failure(error)
        }
    }

    /// The error for a row whose field count differs from the header's (`.row` when it does not).
    @inline(never)
    func fieldCountError(rowStart: Int, rowLine: Int) -> _RowResult {
        scanner.start = rowStart
        scanner.line = rowLine
        switch scanner.scanRow(into: &scratchFields) {
        case .incomplete: return .incomplete
        case .failure(let e): return .failure(e)
        case .blank, .row:
            if scratchFields.count == fieldCount { return .row(next: 0, lines: 0) }
            let found = scratchFields.count
            return .failure(CSVError(.wrongFieldCount, file: scanner.name, line: rowLine,
                column: min(found, fieldCount) + 1,
                "wrong field count: expected \(fieldCount) field\(fieldCount == 1 ? "" : "s"), found \(found)"))
        }
    }
}
