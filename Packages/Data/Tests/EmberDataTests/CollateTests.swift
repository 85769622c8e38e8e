import EmberCore
import Testing

@testable import EmberData

@Suite struct CollateTests {
    @Test func tensorsAreStackedAlongANewDimension() throws {
        let batch = try defaultCollate([Tensor([1, 2, 3]), Tensor([4, 5, 6])])
        #expect(batch.shape == [2, 3] && batch.dtype == .int64)
        #expect(ints(batch) == [1, 2, 3, 4, 5, 6])
        let scalars = try defaultCollate([Tensor(scalar: Float(1.5)), Tensor(scalar: Float(-2))])
        #expect(scalars.shape == [2] && floats(scalars) == [1.5, -2])
    }

    @Test func stackingPromotesAndReadsViews() throws {
        // A float32 and an int64 sample stack to float32 (torch.stack promotes).
        let mixed = try defaultCollate([Tensor([1.5, 2.5] as [Double], dtype: .float32), Tensor([3, 4])])
        #expect(mixed.dtype == .float32 && floats(mixed) == [1.5, 2.5, 3, 4])
        // A transposed (non-contiguous) float64 sample is copied in logical order.
        let base = Tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]] as [[Double]], dtype: .float64)
        let t = Tensor(storage: base.storage, shape: [3, 2], strides: [1, 3], dtype: .float64)
        let batch = try defaultCollate([t, t])
        #expect(batch.shape == [2, 3, 2])
        #expect(batch.scalars(as: Double.self) == [1, 4, 2, 5, 3, 6, 1, 4, 2, 5, 3, 6])
        // Bool and float16 samples keep their dtypes.
        #expect(try defaultCollate([Tensor([true]), Tensor([false])]).scalars(as: Bool.self) == [true, false])
        let halves = try defaultCollate([Tensor([1.0] as [Double], dtype: .float16), Tensor([0.5] as [Double], dtype: .float16)])
        #expect(halves.dtype == .float16 && halves.doubleScalars == [1, 0.5])
    }

    @Test func stackErrorsUsePyTorchsMessages() {
        #expect(performing: { try defaultCollate([Tensor([1, 2, 3]), Tensor([1, 2, 3]), Tensor([4, 5])]) }, throws: {
            "\($0)" == "stack: stack expects each tensor to be equal size, but got [3] at entry 0 and [2] at entry 2"
        })
        #expect(performing: { try defaultCollate([Tensor]()) }, throws: {
            "\($0)" == "stack: stack expects a non-empty TensorList"
        })
    }

    @Test func numbersBecomeTensors() throws {
        let ints64 = try defaultCollate([3, 1, 2])
        #expect(ints64.dtype == .int64 && ints(ints64) == [3, 1, 2])
        #expect(try defaultCollate([0.5, 1.5]).dtype == .float64)
        #expect(try defaultCollate([Float(0.5)]).dtype == .float32)
        #expect(try defaultCollate([Int32(7)]).dtype == .int32)
        #expect(try defaultCollate([Int64(7)]).dtype == .int64)
        #expect(try defaultCollate([true, false]).dtype == .bool)
        #expect(try defaultCollate(["a", "b"]) == ["a", "b"])
    }

    @Test func tuplesArraysAndDictionariesRecurse() throws {
        let samples: [(Tensor, Int, [String: Tensor])] = [
            (Tensor([1, 2]), 0, ["mask": Tensor([true, false]), "w": Tensor(scalar: 1.0)]),
            (Tensor([3, 4]), 1, ["mask": Tensor([false, false]), "w": Tensor(scalar: 2.0), "extra": Tensor([9])]),
        ]
        let (x, y, extras) = try defaultCollate(samples)
        #expect(x.shape == [2, 2] && ints(x) == [1, 2, 3, 4])
        #expect(ints(y) == [0, 1])
        #expect(Set(extras.keys) == ["mask", "w"])  // the first sample's keys, as PyTorch
        #expect(extras["mask"]?.shape == [2, 2] && extras["w"]?.scalars(as: Double.self) == [1, 2])
        // Arrays are collated position by position.
        let lists = try defaultCollate([[Tensor([1]), Tensor([2])], [Tensor([3]), Tensor([4])]])
        #expect(lists.count == 2 && ints(lists[0]) == [1, 3] && ints(lists[1]) == [2, 4])
        // Dictionaries of arrays of numbers.
        let nested = try defaultCollate([["ids": [1, 2]], ["ids": [3, 4]]])
        #expect(nested["ids"].map { $0.map(ints) } == [[1, 3], [2, 4]])
    }

    @Test func mismatchedContainersThrow() {
        #expect(performing: { try defaultCollate([[1, 2], [3]]) }, throws: {
            "\($0)" == "default_collate: each element in list of batch should be of equal size"
        })
        #expect(performing: { try defaultCollate([["a": 1], ["b": 2]]) }, throws: {
            "\($0)" == "default_collate: sample 1 of the batch has no key a"
        })
    }
}
