import Testing
@testable import EmberCore

/// The printing API around the PyTorch-checked layout: `description`, the process-wide
/// options, interpolation, and tensors the fixtures cannot describe.
@Suite(.serialized) struct PrintTests {
    @Test func descriptionUsesTheCurrentOptions() {
        let t = Tensor([1.23456, 2.5])
        #expect(PrintOptions.current == PrintOptions())
        #expect(t.description == "tensor([1.2346, 2.5000])")
        #expect("\(t)" == t.description)
        let saved = PrintOptions.current
        defer { PrintOptions.current = saved }
        PrintOptions.current.precision = 2
        #expect(t.description == "tensor([1.23, 2.50])")
        PrintOptions.current = saved
        #expect(t.description == "tensor([1.2346, 2.5000])")
    }

    @Test func handWrittenExamples() {
        #expect(Tensor([[1.0, 2.0], [3.0, 4.0]]).description == "tensor([[1., 2.],\n        [3., 4.]])")
        #expect(Tensor([[1.5, 2.0], [3.0, 4.0]]).description == "tensor([[1.5000, 2.0000],\n        [3.0000, 4.0000]])")
        #expect(Tensor(scalar: Float(3.5)).description == "tensor(3.5000)")
        #expect(Tensor([1, 2], dtype: .int32).description == "tensor([1, 2], dtype=torch.int32)")
        #expect(Tensor([Double.nan, .infinity], dtype: .float64).description == "tensor([nan, inf], dtype=torch.float64)")
        #expect(Tensor(empty: [0, 3]).description == "tensor([], size=(0, 3))")
    }

    @Test func negativeNaNPrintsWithoutSign() {
        // C's printf writes "-nan"; Python (and so PyTorch) writes "nan".
        let t = Tensor([-Double.nan, 1.5], shape: [2])
        #expect(t.scalars(as: Double.self)[0].sign == .minus)
        #expect(t.description == "tensor([   nan, 1.5000], dtype=torch.float64)")
    }

    @Test func stridedAndOffsetViewsPrintTheirOwnElements() {
        let base = Tensor([0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0])
        let odd = Tensor(storage: base.storage, shape: [2, 2], strides: [4, 2], storageOffset: 1, dtype: .float32)
        #expect(odd.description == "tensor([[1., 3.],\n        [5., 7.]])")
        let broadcast = Tensor(storage: base.storage, shape: [2, 3], strides: [0, 1], storageOffset: 2, dtype: .float32)
        #expect(broadcast.description == "tensor([[2., 3., 4.],\n        [2., 3., 4.]])")
    }

    @Test func otherDevicesPrintWithoutReadingElements() {
        let storage = Storage(wrapping: UnsafeMutableRawPointer(bitPattern: 0x10)!, byteCount: 24,
                              device: Device(.init("cuda"), index: 0), deallocator: { _ in })
        let t = Tensor(storage: storage, shape: [2, 3], strides: [3, 1], dtype: .float32)
        #expect(t.description == "tensor(..., device='cuda:0', size=(2, 3))")
    }
}
