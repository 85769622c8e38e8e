import EmberCore
import EmberData
import Testing

@testable import EmberCSV

/// `CSVDataset` and the bundled Iris data.
@Suite struct CSVDatasetTests {
    @Test func irisLoadsOneHundredFiftyRowsInThreeClassesOfFifty() throws {
        let iris = try Iris.load()
        #expect(iris.features.shape == [150, 4] && iris.features.dtype == .float32)
        #expect(iris.targets.shape == [150] && iris.targets.dtype == .int64)
        #expect(iris.classNames == ["Iris-setosa", "Iris-versicolor", "Iris-virginica"])
        #expect(iris.featureNames == ["SepalLengthCm", "SepalWidthCm", "PetalLengthCm", "PetalWidthCm"])
        let targets = iris.targets.scalars(as: Int64.self)
        #expect([0, 1, 2].map { c in targets.filter { $0 == c }.count } == [50, 50, 50])
        #expect(targets == (0..<150).map { Int64($0 / 50) })
        let first = rows(iris.features)
        #expect(first[0] == [5.1, 3.5, 1.4, 0.2])
        #expect(first[149] == [5.9, 3.0, 5.1, 1.8])
        #expect(try Iris.load(dtype: .float64).features.dtype == .float64)
    }

    @Test func irisTableServesTheSeedProgram() throws {
        let table = try Iris.table()
        #expect(table.rowCount == 150)
        #expect(table.columns.map(\.type) == [.int64, .float64, .float64, .float64, .float64, .string])
        #expect(table["Id"] == .int64((1...150).map { Int64($0) }))
        // The seed's logistic regression: the first 100 rows' sepal columns.
        let x = try table.tensor(["SepalLengthCm", "SepalWidthCm"], rows: 0..<100)
        #expect(x.shape == [100, 2])
        #expect(rows(x)[0] == [5.1, 3.5] && rows(x)[99] == [5.7, 2.8])
        let (y, encoding) = try table.labels("Species", rows: 0..<100)
        #expect(y.scalars(as: Int64.self) == (0..<100).map { Int64($0 / 50) })
        #expect(encoding.classes == ["Iris-setosa", "Iris-versicolor"])
    }

    @Test func irisDatasetSamples() throws {
        let data = try Iris.dataset()
        #expect(data.count == 150)
        let (x, y) = try data.sample(at: 50)
        #expect(x.shape == [4] && x.scalars(as: Float.self) == [7.0, 3.2, 4.7, 1.4])
        #expect(y.shape == [] && y.scalars(as: Int64.self) == [1])
        #expect(errorText { try data.sample(at: 150) } == "CSVDataset: index 150 is out of range for a dataset of 150 samples")
        func total<D: Dataset>(_ d: D) -> Int { d.count }
        #expect(total(data) == 150)
    }

    @Test func irisThroughTheDataLoader() throws {
        let loader = DataLoader(try Iris.dataset(), batchSize: 64, numWorkers: 2)
        var sizes: [Int] = []
        var labels: [Int64] = []
        var first: [Float] = []
        for (x, y) in loader {
            #expect(x.shape.count == 2 && x.shape[1] == 4 && y.shape == [x.shape[0]])
            sizes.append(x.shape[0])
            labels += y.scalars(as: Int64.self)
            if first.isEmpty { first = Array(x.scalars(as: Float.self).prefix(4)) }
        }
        #expect(sizes == [64, 64, 22])
        #expect(labels == (0..<150).map { Int64($0 / 50) })
        #expect(first == [5.1, 3.5, 1.4, 0.2])
    }

    @Test func targetTypesAreInferredOrDeclared() throws {
        let text = "a,b,k,r,s\n1,2,0,0.5,x\n3,4,1,1.5,y\n5,6,1,2,x\n"
        let classify = try CSVDataset(.text(text), features: ["a", "b"], targets: ["k"])
        #expect(classify.targets.dtype == .int64 && classify.targets.scalars(as: Int64.self) == [0, 1, 1])
        #expect(rows(classify.features) == [[1, 2], [3, 4], [5, 6]])
        let regress = try CSVDataset(.text(text), features: ["a"], targets: ["r"], dtype: .float64)
        #expect(regress.targets.dtype == .float64 && regress.targets.scalars(as: Double.self) == [0.5, 1.5, 2])
        let text2 = try CSVDataset(.text(text), features: ["a"], targets: ["s"])
        #expect(text2.targets.scalars(as: Int64.self) == [0, 1, 0] && text2.labelEncodings["s"]?.classes == ["x", "y"])
        let two = try CSVDataset(.text(text), features: ["a"], targets: ["k", "r"])
        #expect(two.targets.shape == [3, 2] && two.targets.dtype == .float32)
        // Features default to every non-target column; a text feature must be label-encoded.
        #expect(errorText { try CSVDataset(.text(text, name: "t.csv"), targets: ["k"]) }
            == "t.csv:2:5: unparsable number 'x' in column 's'")
        let all = try CSVDataset(.text(text), targets: ["k"], options: options { $0.labelEncoded = ["s"] })
        #expect(all.featureNames == ["a", "b", "r", "s"] && rows(all.features)[1] == [3, 4, 1.5, 1])
        let declared = try CSVDataset(.text(text), features: ["a"], targets: ["k"],
                                      options: options { $0.columnTypes = ["k": .float64] })
        #expect(declared.targets.dtype == .float32)
        #expect(errorText { try CSVDataset(.text(text, name: "t.csv"), features: ["a", "k"], targets: ["k"]) }
            == "t.csv: column 'k' is both a feature and a target")
    }

    @Test func targetInferenceUsesTheFirstRows() throws {
        // Inferred int64 from the sample; a decimal later is an error naming it.
        var text = "x,y\n"
        for i in 0..<20 { text += "\(i),\(i % 3)\n" }
        text += "20,1.5\n"
        let sample = options { $0.inferenceRows = 10 }
        #expect(errorText { try CSVDataset(.text(text, name: "t.csv"), targets: ["y"], options: sample) }
            == "t.csv:22:2: unparsable integer '1.5' in column 'y'")
        #expect(try CSVDataset(.text(text), targets: ["y"], options: options { $0.inferenceRows = 100 }).targets.dtype == .float32)
    }
}
