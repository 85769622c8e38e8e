import EmberCore

/// One-call CSV reading.
///
/// ```swift
/// let iris = try CSV.readTensor(.file("Iris.csv"),
///                               columns: ["SepalLengthCm", "SepalWidthCm", "Species"],
///                               options: { var o = CSVOptions(); o.labelEncoded = ["Species"]; return o }())
/// iris.tensor                              // [150, 3] float32
/// iris.labelEncodings["Species"]!.classes  // ["Iris-setosa", "Iris-versicolor", "Iris-virginica"]
/// ```
public enum CSV {
    /// Reads the selected columns of every row into one `[rows, columns]` tensor (a large
    /// file without label-encoded columns on two threads; see ``CSVReader/readAll()``).
    /// - Parameters:
    ///   - columns: the columns to read, in order; nil reads every column.
    ///   - dtype: `.float32` (default), `.float64`, or `.int64` (integers and labels only).
    /// - Throws: ``CSVError`` naming the file, line and column of the first malformed row.
    public static func readTensor(_ source: CSVSource, columns: [CSVColumnRef]? = nil, dtype: DType = .float32,
                                  options: CSVOptions = CSVOptions()) throws -> CSVTensor
    {
        let reader = try CSVReader(source, columns: columns, dtype: dtype, options: options)
        let tensor = try reader.readAll()
        return CSVTensor(tensor: tensor, columnNames: reader.columnNames,
                         labelEncodings: reader.labelEncodings, skippedRows: reader.skippedRows)
    }

    /// Reads the selected columns into a table of typed columns (declared, or inferred from
    /// every row). See ``CSVTable``.
    public static func readTable(_ source: CSVSource, columns: [CSVColumnRef]? = nil,
                                 options: CSVOptions = CSVOptions()) throws -> CSVTable
    {
        try CSVTable(source, columns: columns, options: options)
    }
}

/// A tensor read from CSV with what it takes to interpret it.
public struct CSVTensor: Sendable {
    /// `[rows, columns]`, rows in file order.
    public let tensor: Tensor
    /// The name of each tensor column.
    public let columnNames: [String]
    /// The class names of label-encoded columns, by column name.
    public let labelEncodings: [String: LabelEncoding]
    /// The number of malformed rows left out under ``CSVBadRowPolicy/skip``.
    public let skippedRows: Int
}
