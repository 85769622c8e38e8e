/// Resolving column references and inferring column types.
enum _Columns {
    /// The 0-based index `ref` names among `names`.
    static func resolve(_ ref: CSVColumnRef, names: [String], file: String) throws -> Int {
        switch ref {
        case .index(let i):
            guard i >= 0 && i < names.count else {
                throw CSVError(.unknownColumn, file: file,
                    "no column #\(i): the file has \(names.count) column\(names.count == 1 ? "" : "s")")
            }
            return i
        case .name(let n):
            let matches = names.indices.filter { names[$0] == n }
            guard let first = matches.first else {
                throw CSVError(.unknownColumn, file: file,
                    "no column named '\(n)' (columns: \(names.joined(separator: ", ")))")
            }
            guard matches.count == 1 else {
                throw CSVError(.invalidOptions, file: file,
                    "the column name '\(n)' is ambiguous: it names columns "
                        + matches.map { "#\($0)" }.joined(separator: " and "))
            }
            return first
        }
    }

    /// Resolves a list, rejecting a column listed twice.
    static func resolve(_ refs: [CSVColumnRef], names: [String], file: String) throws -> [Int] {
        var seen = Set<Int>()
        return try refs.map { ref in
            let i = try resolve(ref, names: names, file: file)
            guard seen.insert(i).inserted else {
                throw CSVError(.invalidOptions, file: file, "column '\(names[i])' is selected twice")
            }
            return i
        }
    }

    /// The declared type of column `i`, by name or by index.
    static func declaredType(_ i: Int, names: [String], options: CSVOptions) -> CSVColumnType? {
        options.columnTypes[.name(names[i])] ?? options.columnTypes[.index(i)]
    }

    /// The indices of ``CSVOptions/labelEncoded`` and of columns declared `.string`.
    static func labelColumns(names: [String], options: CSVOptions, file: String) throws -> Set<Int> {
        var set = Set(try options.labelEncoded.map { try resolve($0, names: names, file: file) })
        for (ref, type) in options.columnTypes where type == .string {
            set.insert(try resolve(ref, names: names, file: file))
        }
        return set
    }

    /// The most general type among the field texts of a column seen so far.
    struct Inference {
        var type: CSVColumnType?

        /// Widens the type to admit `text` (missing values admit anything).
        mutating func add(_ text: UnsafeRawBufferPointer, isMissing: Bool) {
            if isMissing || type == .string { return }
            if type != .float64, case .value = _Number.parseInt64(text) {
                type = .int64
            } else if _Number.parseDouble(text) != nil {
                type = .float64
            } else {
                type = .string
            }
        }

        /// The inferred type; a column with no values is `.float64` (all NaN), as in pandas.
        var result: CSVColumnType { type ?? .float64 }
    }
}

/// Which field texts are missing values.
struct _Missing {
    let tokens: [[UInt8]]

    init(_ options: CSVOptions) {
        tokens = options.missingValues.map { Array($0.utf8) }.filter { !$0.isEmpty }
    }

    /// Whether `text` is empty or a missing-value token once spaces and tabs are trimmed.
    func contains(_ text: UnsafeRawBufferPointer) -> Bool {
        let t = _Number.trimmed(text)
        if t.isEmpty { return true }
        for token in tokens where token.count == t.count && token.elementsEqual(t) { return true }
        return false
    }
}

extension _Scanner {
    /// Infers the types of `columns` from the rows at the front of the buffer (at most
    /// `maxRows`; a block holds thousands of short rows) without consuming them. Malformed
    /// rows end the sample; the parse that follows reports them.
    func sampleTypes(of columns: [Int], maxRows: Int, missing: _Missing) throws -> [Int: CSVColumnType] {
        guard !columns.isEmpty else { return [:] }
        var fields: [_Field] = []
        while true {
            let (start0, line0) = (start, line)
            var inferences = [_Columns.Inference](repeating: .init(), count: columns.count)
            var rows = 0
            var needMore = false
            sampling: while rows < maxRows && !atEnd {
                switch scanRow(into: &fields) {
                case .row(let next, let lines):
                    for (k, c) in columns.enumerated() where c < fields.count {
                        withText(fields[c]) { inferences[k].add(_Number.trimmed($0), isMissing: missing.contains($0)) }
                    }
                    rows += 1
                    consume((next, lines))
                case .blank(let next): consume((next, 1))
                case .incomplete:
                    needMore = rows == 0
                    break sampling
                case .failure: break sampling
                }
            }
            start = start0
            line = line0
            if needMore {
                try refill()
                continue
            }
            var result: [Int: CSVColumnType] = [:]
            for (k, c) in columns.enumerated() { result[c] = inferences[k].result }
            return result
        }
    }
}
