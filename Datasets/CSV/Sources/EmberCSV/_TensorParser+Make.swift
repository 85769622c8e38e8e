import EmberCore

/// One output tensor a parse fills: which columns, and of which dtype.
struct _GroupSpec {
    /// Column indices, in output order.
    var columns: [Int]
    /// The dtype, or nil to pick int64 when every column is integral or label-encoded and
    /// `floatDType` otherwise.
    var dtype: DType?
    /// The floating dtype for decimal columns when `dtype` is nil.
    var floatDType: DType = .float32
    /// Whether undeclared columns get their types from a sample of rows (targets), rather
    /// than being read as numbers of the group's dtype (features).
    var infersTypes = false
    /// Whether a single column gives a 1-d tensor.
    var squeezes = false
}

extension _TensorParser {
    /// Plans the columns of `specs` (types declared, label-encoded, inferred) and makes a parser
    /// whose groups follow them. `names` are the file's column names.
    static func make(scanner: _Scanner, names: [String], specs: [_GroupSpec], options: CSVOptions,
                     initialRows: Int = 1024) throws -> _TensorParser
    {
        let file = scanner.name
        let labelColumns = try _Columns.labelColumns(names: names, options: options, file: file)
        let toInfer = specs.filter(\.infersTypes).flatMap(\.columns).filter {
            !labelColumns.contains($0) && _Columns.declaredType($0, names: names, options: options) == nil
        }
        let sampled = try scanner.sampleTypes(of: toInfer, maxRows: options.inferenceRows, missing: _Missing(options))
        var plans = [_FieldPlan](repeating: _FieldPlan(), count: names.count)
        var planned = Set<Int>()
        var layouts: [(DType, Int, Bool)] = []
        var encoders: [_LabelEncoder] = []
        for (g, spec) in specs.enumerated() {
            let kinds = spec.columns.map { c -> _Kind in
                if labelColumns.contains(c) { return .label }
                switch _Columns.declaredType(c, names: names, options: options) ?? sampled[c] {
                case .int64?: return .integer
                case .float64?: return .number
                case .string?: return .label
                case nil: return spec.dtype == .int64 ? .integer : .number
                }
            }
            let dtype = spec.dtype ?? (kinds.allSatisfy { $0 != .number } ? .int64 : spec.floatDType)
            try check(dtype: dtype, kinds: kinds, columns: spec.columns, names: names, options: options, file: file)
            for (k, c) in spec.columns.enumerated() {
                guard planned.insert(c).inserted else {
                    throw CSVError(.invalidOptions, file: file, "column '\(names[c])' is both a feature and a target")
                }
                var plan = _FieldPlan(kind: kinds[k], store: _Store(dtype), group: g, offset: k * dtype.itemSize)
                if kinds[k] == .label {
                    plan.encoder = encoders.count
                    encoders.append(_LabelEncoder(column: names[c]))
                }
                plans[c] = plan
            }
            layouts.append((dtype, spec.columns.count, spec.squeezes))
        }
        // Allocated once nothing can throw any more.
        let groups = layouts.map {
            _OutputGroup(dtype: $0.0, width: $0.1, squeezesSingleColumn: $0.2, initialRows: initialRows)
        }
        return _TensorParser(scanner: scanner, plans: plans, groups: groups, encoders: encoders, options: options)
    }

    /// Rejects dtypes other than float32/float64/int64, decimals bound for int64, and a
    /// fractional fill value for an integer tensor.
    private static func check(dtype: DType, kinds: [_Kind], columns: [Int], names: [String],
                              options: CSVOptions, file: String) throws
    {
        guard dtype == .float32 || dtype == .float64 || dtype == .int64 else {
            throw CSVError(.invalidOptions, file: file,
                "cannot read CSV values as \(dtype): use float32, float64 or int64")
        }
        guard dtype == .int64 else { return }
        if let k = kinds.firstIndex(of: .number) {
            throw CSVError(.invalidOptions, file: file,
                "column '\(names[columns[k]])' holds decimals and cannot be read as int64")
        }
        if case .fill(let v) = options.onMissing, v.rounded() != v || !(v >= -0x1p63 && v < 0x1p63) {
            throw CSVError(.invalidOptions, file: file, "the fill value \(v) is not a whole number for an int64 tensor")
        }
    }

    /// The label mappings built so far, by column name.
    var labelEncodings: [String: LabelEncoding] {
        Dictionary(encoders.map { ($0.column, $0.encoding) }, uniquingKeysWith: { a, _ in a })
    }
}
