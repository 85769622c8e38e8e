import Foundation
import Testing
@testable import EmberCore
import EmberTestSupport

@Suite struct NumPyTests {
    @Test(arguments: NumPyFixtures.arrays)
    func readsWhatNumPyWrote(_ name: String) throws {
        let loaded = try NumPy.load(NumPyFixtures.path(name + ".npy"))
        expectIdentical(loaded, try NumPyFixtures.tensor(name), name)
        #expect(loaded.isContiguous, "\(name) should load contiguous")
    }

    @Test func readsFormatVersions2And3() throws {
        expectIdentical(try NumPy.load(NumPyFixtures.path("v2_f32.npy")), try NumPyFixtures.tensor("float32"), "v2")
        expectIdentical(try NumPy.load(NumPyFixtures.path("v3_i32.npy")), try NumPyFixtures.tensor("int32"), "v3")
    }

    @Test func fortranOrderComesBackInRowMajorOrder() throws {
        let t = try NumPy.load(NumPyFixtures.path("fortran_f32.npy"))
        #expect(t.shape == [2, 3])
        #expect(t.scalars(as: Float.self) == [0, 1, 2, 3, 4, 5])
        let cube = try NumPy.load(NumPyFixtures.path("fortran_i16_3d.npy"))
        #expect(cube.scalars(as: Int16.self) == (0..<24).map(Int16.init))
    }

    @Test func bigEndianValues() throws {
        #expect(try NumPy.load(NumPyFixtures.path("big_f4.npy")).scalars(as: Float.self) == [1.5, -2, 3.25, 1e10])
        #expect(try NumPy.load(NumPyFixtures.path("big_i8.npy")).scalars(as: Int64.self) == [1, -2, 1 << 40])
        #expect(try NumPy.load(NumPyFixtures.path("big_i2.npy")).scalars(as: Int16.self) == [1, -2, 300])
    }

    @Test(arguments: NumPyFixtures.nativeCOrder)
    func writesTheBytesNumPyWrites(_ name: String) throws {
        let original = try NumPyFixtures.bytes(name + ".npy")
        #expect(try NumPy.encode(try NumPy.decode(original, name: name)) == original, "\(name)")
    }

    @Test(arguments: ["fortran_f32", "fortran_i16_3d"])
    func writesFortranOrderForTransposedTensors(_ name: String) throws {
        let t = try NumPyFixtures.tensor(name)
        // The same values laid out column-major: a transposed view of a contiguous tensor.
        let reversedShape = Array(t.shape.reversed())
        let values = t.doubleScalars
        var columnMajor = [Double](repeating: 0, count: values.count)
        let cStrides = Tensor.contiguousStrides(for: t.shape), fStrides = NumPy.fortranStrides(t.shape)
        for flat in values.indices {
            let index = t.shape.indices.map { (flat / cStrides[$0]) % t.shape[$0] }
            columnMajor[zip(index, fStrides).map(*).reduce(0, +)] = values[flat]
        }
        let base = Tensor(columnMajor, shape: reversedShape).to(t.dtype)
        let view = Tensor(storage: base.storage, shape: t.shape, strides: fStrides, dtype: t.dtype)
        #expect(!view.isContiguous)
        #expect(try NumPy.encode(view) == NumPyFixtures.bytes(name + ".npy"))
    }

    @Test func roundTripsEveryDTypeThroughAFile() throws {
        let folder = try ScratchFolder()
        defer { folder.remove() }
        for dtype in DType.allCases where dtype != .bfloat16 {
            let t = Tensor([[-3.0, 0, 1.5], [2, 100, -0.25]], dtype: dtype)
            let path = folder.file("\(dtype).npy")
            try t.save(npy: path)
            expectIdentical(try Tensor.load(npy: path), t, "\(dtype)")
        }
        #expect(folder.contents.count == 9)
    }

    @Test func roundTripsNonContiguousViewsAsTheirValues() throws {
        let base = Tensor((0..<24).map(Double.init), shape: [2, 3, 4])
        // Every other column of the last dim, starting at offset 1: not C- or F-contiguous.
        let view = Tensor(storage: base.storage, shape: [2, 3, 2], strides: [12, 4, 2], storageOffset: 1, dtype: .float64)
        let loaded = try NumPy.decode(try NumPy.encode(view))
        #expect(loaded.shape == [2, 3, 2])
        #expect(loaded.scalars(as: Double.self) == [1, 3, 5, 7, 9, 11, 13, 15, 17, 19, 21, 23])
        // A transposed view is written in Fortran order and read back with the same values.
        let matrix = Tensor([[1, 2, 3], [4, 5, 6]], dtype: .int32)
        let transposed = Tensor(storage: matrix.storage, shape: [3, 2], strides: [1, 3], dtype: .int32)
        let bytes = try NumPy.encode(transposed)
        #expect(String(decoding: bytes[10..<60], as: UTF8.self).contains("'fortran_order': True"))
        #expect(try NumPy.decode(bytes).scalars(as: Int32.self) == [1, 4, 2, 5, 3, 6])
    }

    @Test func zeroDimAndEmpty() throws {
        let scalar = try NumPy.decode(try NumPy.encode(Tensor(scalar: Float16(2.5))))
        #expect(scalar.shape == [] && scalar.dtype == .float16 && scalar.doubleScalars == [2.5])
        let empty = try NumPy.decode(try NumPy.encode(Tensor(empty: [3, 0, 2], dtype: .int16)))
        #expect(empty.shape == [3, 0, 2] && empty.dtype == .int16 && empty.count == 0)
    }

    @Test func boolBytesOtherThanOneReadAsTrue() throws {
        var bytes = try NumPyFixtures.bytes("bool.npy")
        bytes[bytes.count - 1] = 7  // NumPy reads any non-zero byte as True
        let t = try NumPy.decode(bytes)
        #expect(t.scalars(as: Bool.self) == [true, false, true, false, false, true])
        #expect(t.scalars(as: Bool.self).last.map { $0 == true } == true)
    }

    @Test func largeHeadersUseVersion2() throws {
        let shape = [Int](repeating: 1, count: 25_000)  // "1, " per dim: over 65,535 bytes
        let bytes = try NumPy.encode(Tensor(empty: shape, dtype: .uint8))
        #expect(bytes[6] == 2 && bytes[7] == 0)
        #expect((12 + bytes.le32(8)) % 64 == 0)
        #expect(try NumPy.decode(bytes).shape == shape)
    }

    @Test func bfloat16CannotBeSaved() throws {
        let folder = try ScratchFolder()
        defer { folder.remove() }
        let t = Tensor([1.0, 2.0], dtype: .bfloat16)
        #expect {
            try t.save(npy: folder.file("b.npy"))
        } throws: { error in
            error is EmberError && (error as! EmberError).code == .invalidDType && "\(error)" ==
                "\(folder.file("b.npy")): NumPy has no bfloat16 dtype; convert the tensor with .to(.float32) before saving"
        }
        #expect(folder.contents.isEmpty, "a failed save must leave nothing behind")
    }

    @Test func savesAtomicallyOverAnExistingFile() throws {
        let folder = try ScratchFolder()
        defer { folder.remove() }
        let path = folder.file("w.npy")
        try NumPy.save(Tensor([1.0, 2.0]), to: path)
        try NumPy.save(Tensor([3, 4, 5], dtype: .int64), to: path)
        #expect(try NumPy.load(path).scalars(as: Int64.self) == [3, 4, 5])
        // A failing save (bfloat16) leaves the previous contents and no temporary file.
        #expect(throws: EmberError.self) { try NumPy.save(Tensor([1.0], dtype: .bfloat16), to: path) }
        #expect(try NumPy.load(path).scalars(as: Int64.self) == [3, 4, 5])
        #expect(folder.contents == ["w.npy"])
    }

    @Test func ioErrorsNameTheFile() throws {
        #expect {
            try NumPy.load("/nonexistent/ember/x.npy")
        } throws: { "\($0)" == "/nonexistent/ember/x.npy: cannot open: No such file or directory" }
        #expect {
            try NumPy.save(Tensor([1.0]), to: "/nonexistent/ember/x.npy")
        } throws: { "\($0)" == "/nonexistent/ember/x.npy: cannot create a file in its folder: No such file or directory" }
    }

    /// Writes what NumPy must read back into $EMBER_NPY_EXPORT_DIR, when set; then run
    /// `python Scripts/make_npy_fixtures.py --verify $EMBER_NPY_EXPORT_DIR`.
    @Test func exportsFilesForNumPyToVerify() throws {
        guard let folder = ProcessInfo.processInfo.environment["EMBER_NPY_EXPORT_DIR"] else { return }
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        var archive = NamedTensors()
        for name in NumPyFixtures.arrays {
            let t = try NumPyFixtures.tensor(name)
            try t.save(npy: folder + "/" + name + ".npy")
            archive[name] = t
        }
        try NumPy.saveArchive(archive, to: folder + "/stored.npz")
        try NumPy.saveArchive(archive, to: folder + "/compressed.npz", compressed: true)
    }
}
