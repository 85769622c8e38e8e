import EmberCore
import EmberData

/// A CSV file as a map-style dataset of `(features, target)` samples, read whole into two
/// tensors (PyTorch's `TensorDataset` over a parsed CSV).
///
/// Feature columns are read as numbers of `dtype` (or label-encoded, see
/// ``CSVOptions/labelEncoded``). Target columns take their declared or inferred type: text
/// becomes class indices (int64) numbered in order of first appearance, whole numbers stay
/// int64, decimals become `dtype`.
///
/// ```swift
/// let iris = try CSVDataset(.file("Iris.csv"), features: [1, 2, 3, 4], targets: ["Species"])
/// let (x, y) = try iris.sample(at: 0)   // [4] float32, [] int64
/// ```
public struct CSVDataset: Dataset {
    /// `(features, target)`: views of one row of ``features`` and ``targets``.
    public typealias Sample = (Tensor, Tensor)

    /// `[rows, featureColumns]` of `dtype`.
    public let features: Tensor
    /// `[rows]` for one target column, `[rows, targetColumns]` for several.
    public let targets: Tensor
    /// The feature columns' names.
    public let featureNames: [String]
    /// The target columns' names.
    public let targetNames: [String]
    /// The class names of label-encoded columns (text targets among them), by column name.
    public let labelEncodings: [String: LabelEncoding]
    /// The number of malformed rows left out under ``CSVBadRowPolicy/skip``.
    public let skippedRows: Int

    /// Reads `source`.
    /// - Parameters:
    ///   - features: the feature columns; nil means every column that is not a target.
    ///   - targets: the target columns (at least one).
    ///   - dtype: the floating dtype of the features (and of decimal targets).
    public init(_ source: CSVSource, features: [CSVColumnRef]? = nil, targets: [CSVColumnRef],
                dtype: DType = .float32, options: CSVOptions = CSVOptions()) throws
    {
        let scanner = try _Scanner(source, options: options)
        let names = try scanner.readColumnNames(hasHeader: options.hasHeader)
        guard !targets.isEmpty else { throw CSVError(.invalidOptions, file: source.name, "a CSVDataset needs a target column") }
        let targetIndices = try _Columns.resolve(targets, names: names, file: source.name)
        let featureIndices = try features.map { try _Columns.resolve($0, names: names, file: source.name) }
            ?? names.indices.filter { !targetIndices.contains($0) }
        guard dtype == .float32 || dtype == .float64 else {
            throw CSVError(.invalidOptions, file: source.name, "a CSVDataset's dtype must be float32 or float64 (got \(dtype))")
        }
        let specs = [
            _GroupSpec(columns: featureIndices, dtype: dtype),
            _GroupSpec(columns: targetIndices, dtype: nil, floatDType: dtype, infersTypes: true, squeezes: true),
        ]
        let parser = try _TensorParser.make(scanner: scanner, names: names, specs: specs, options: options)
        try parser.readAll(source, options: options)
        self.features = parser.makeTensor(0)
        self.targets = parser.makeTensor(1)
        featureNames = featureIndices.map { names[$0] }
        targetNames = targetIndices.map { names[$0] }
        labelEncodings = parser.labelEncodings
        skippedRows = parser.skippedRows
    }

    /// The number of rows.
    public var count: Int { features.shape[0] }

    /// Row `index` as `(features[index], targets[index])`, views sharing the dataset's storage.
    /// - Throws: `EmberError.indexOutOfRange` for an index outside `0..<count`.
    public func sample(at index: Int) throws -> (Tensor, Tensor) {
        guard index >= 0 && index < count else {
            throw EmberError(.indexOutOfRange, op: "CSVDataset",
                "index \(index) is out of range for a dataset of \(count) samples")
        }
        return (CSVDataset.row(index, of: features), CSVDataset.row(index, of: targets))
    }

    /// Row `i` of a contiguous tensor as a view.
    static func row(_ i: Int, of t: Tensor) -> Tensor {
        let inner = Array(t.shape.dropFirst())
        return Tensor(storage: t.storage, shape: inner, strides: Tensor.contiguousStrides(for: inner),
                      storageOffset: t.storageOffset + i * inner.reduce(1, *), dtype: t.dtype)
    }
}
