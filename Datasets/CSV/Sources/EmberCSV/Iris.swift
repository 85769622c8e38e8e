import EmberCore
import Foundation

/// The Iris data set bundled with EmberCSV (the seed's `Iris.csv`, Kaggle layout: `Id`,
/// `SepalLengthCm`, `SepalWidthCm`, `PetalLengthCm`, `PetalWidthCm`, `Species`), read offline
/// in one call.
///
/// ```swift
/// let iris = try Iris.load()
/// iris.features      // [150, 4] float32
/// iris.targets       // [150] int64: 50 × 0, 50 × 1, 50 × 2
/// iris.classNames    // ["Iris-setosa", "Iris-versicolor", "Iris-virginica"]
/// ```
public struct Iris: Sendable {
    /// The four measurements of each flower, in centimetres: `[150, 4]`.
    public let features: Tensor
    /// The species of each flower as class indices: `[150]` int64.
    public let targets: Tensor
    /// The species names; `classNames[i]` is class `i`.
    public let classNames: [String]
    /// The names of the feature columns.
    public let featureNames: [String]

    /// The names of the four measurement columns.
    public static let measurementColumns: [CSVColumnRef] = ["SepalLengthCm", "SepalWidthCm", "PetalLengthCm", "PetalWidthCm"]

    /// The bundled file as a ``CSVSource``.
    public static var source: CSVSource {
        get throws {
            guard let path = Bundle.module.path(forResource: "Iris", ofType: "csv") else {
                throw CSVError(.io, file: "Iris.csv", "the bundled Iris.csv is missing from EmberCSV's resources")
            }
            return .file(path)
        }
    }

    /// Loads the measurements as features (of `dtype`) and the species as targets.
    public static func load(dtype: DType = .float32) throws -> Iris {
        let data = try dataset(dtype: dtype)
        return Iris(features: data.features, targets: data.targets,
                    classNames: data.labelEncodings["Species"]?.classes ?? [], featureNames: data.featureNames)
    }

    /// The data as a ``CSVDataset`` of `(measurements, species index)` samples.
    public static func dataset(dtype: DType = .float32) throws -> CSVDataset {
        try CSVDataset(source, features: measurementColumns, targets: ["Species"], dtype: dtype)
    }

    /// The whole file as a typed table (`Id` int64, the measurements float64, `Species` text),
    /// for programs that pick their own rows and columns, such as the seed's logistic
    /// regression on the first 100 rows' sepal columns:
    /// `try Iris.table().tensor(["SepalLengthCm", "SepalWidthCm"], rows: 0..<100)`.
    public static func table() throws -> CSVTable {
        try CSVTable(source, columns: nil, options: CSVOptions())
    }
}
