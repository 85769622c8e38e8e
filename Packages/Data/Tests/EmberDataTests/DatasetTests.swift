import EmberCore
import Testing

@testable import EmberData

private struct Squares: Dataset {
    var count: Int { 4 }
    func sample(at index: Int) throws -> Int { index * index }
}

@Suite struct DatasetTests {
    @Test func customDatasetGivesSamplesByIndex() throws {
        let d = Squares()
        #expect(d.count == 4)
        #expect(try d.sample(at: 3) == 9)
    }

    @Test func tensorDatasetGivesRowViews() throws {
        let x = Tensor([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]] as [[Double]], dtype: .float32)
        let y = Tensor([7, 8, 9])
        let data = TensorDataset(x, y)
        #expect(data.count == 3)
        let (row, label) = try data.sample(at: 1)
        #expect(row.shape == [2] && floats(row) == [3, 4])
        #expect(label.shape == [] && ints(label) == [8])
        #expect(row.storage === x.storage)  // a view, as PyTorch's tensor[i]
    }

    @Test func tensorDatasetOfOneThreeOrManyTensors() throws {
        let a = Tensor([[1, 2], [3, 4]]), b = Tensor([5, 6]), c = Tensor([true, false])
        #expect(ints(try TensorDataset(a).sample(at: 1)) == [3, 4])
        let (_, _, flag) = try TensorDataset(a, b, c).sample(at: 1)
        #expect(flag.scalars(as: Bool.self) == [false])
        let rows = try TensorDataset(tensors: [a, b, c, b]).sample(at: 0)
        #expect(rows.count == 4 && ints(rows[3]) == [5])
    }

    @Test func tensorDatasetRowsOfAView() throws {
        // Rows of a transposed view: element (i, j) of the view is base[j][i].
        let base = Tensor([[1, 2, 3], [4, 5, 6]])
        let transposed = Tensor(storage: base.storage, shape: [3, 2], strides: [1, 3], dtype: .int64)
        #expect(ints(try TensorDataset(transposed).sample(at: 2)) == [3, 6])
    }

    @Test func tensorDatasetIndexErrors() {
        let data = TensorDataset(Tensor([1, 2, 3]))
        #expect(throws: EmberError.self) { try data.sample(at: 3) }
        do {
            _ = try data.sample(at: -1)
            Issue.record("expected an error")
        } catch {
            #expect("\(error)" == "TensorDataset: index -1 is out of bounds for dimension 0 with size 3")
        }
    }

    @Test func subsetReadsTheChosenIndices() throws {
        let subset = Subset(Squares(), indices: [3, 0, 3])
        #expect(subset.count == 3)
        #expect(try (0..<3).map { try subset.sample(at: $0) } == [9, 0, 9])
        #expect(throws: EmberError.self) { try subset.sample(at: 3) }
        // An index outside the base dataset surfaces the base dataset's error.
        let bad = Subset(TensorDataset(Tensor([1, 2])), indices: [5])
        #expect(performing: { try bad.sample(at: 0) }, throws: { "\($0)".contains("index 5 is out of bounds") })
    }

    @Test func concatDatasetCrossesBoundaries() throws {
        let all = ConcatDataset([Indices(count: 2), Indices(count: 0), Indices(count: 3)])
        #expect(all.count == 5)
        #expect(all.cumulativeSizes == [2, 2, 5])
        #expect(try (0..<5).map { try all.sample(at: $0) } == [0, 1, 0, 1, 2])
        do {
            _ = try all.sample(at: 5)
            Issue.record("expected an error")
        } catch {
            #expect("\(error)" == "ConcatDataset: index 5 is out of range for a dataset of 5 samples")
        }
    }

    @Test func concatDatasetOfDifferentTypes() throws {
        let mixed = ConcatDataset<Int>([Squares(), Indices(count: 2)])
        #expect(try (0..<6).map { try mixed.sample(at: $0) } == [0, 1, 4, 9, 0, 1])
    }

    @Test func sequenceDatasetStreamsItsSequence() throws {
        let data = SequenceDataset([4, 5, 6])
        #expect(data.expectedCount == 3)
        var stream = data.makeStream()
        var seen: [Int] = []
        while let x = stream.next() { seen.append(x) }
        #expect(seen == [4, 5, 6])
        #expect(SequenceDataset(sequence(first: 1) { $0 < 4 ? $0 + 1 : nil }).expectedCount == nil)
    }
}
