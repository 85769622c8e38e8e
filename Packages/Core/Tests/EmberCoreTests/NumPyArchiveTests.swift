import Foundation
import Testing
@testable import EmberCore
import EmberTestSupport

@Suite struct NumPyArchiveTests {
    @Test func readsStoredArchiveInMemberOrder() throws {
        let archive = try NumPy.loadArchive(NumPyFixtures.path("stored.npz"))
        #expect(archive.names == ["weight", "bias", "step"])
        expectIdentical(archive["weight"]!, try NumPyFixtures.tensor("float32"), "weight")
        expectIdentical(archive["bias"]!, try NumPyFixtures.tensor("vector_f32"), "bias")
        expectIdentical(archive["step"]!, try NumPyFixtures.tensor("scalar_i32"), "step")
        #expect(archive["missing"] == nil)
    }

    @Test func readsCompressedArchive() throws {
        let archive = try NumPy.loadArchive(NumPyFixtures.path("compressed.npz"))
        #expect(archive.names == ["weight", "mask", "big", "fortran"])
        expectIdentical(archive["weight"]!, try NumPyFixtures.tensor("float32"), "weight")
        expectIdentical(archive["mask"]!, try NumPyFixtures.tensor("bool"), "mask")
        expectIdentical(archive["big"]!, try NumPyFixtures.tensor("big_i8"), "big")
        expectIdentical(archive["fortran"]!, try NumPyFixtures.tensor("fortran_f32"), "fortran")
    }

    @Test func positionalNamesAndEmptyMembers() throws {
        let archive = try NumPy.loadArchive(NumPyFixtures.path("positional.npz"))
        #expect(archive.names == ["arr_0", "arr_1"])
        expectIdentical(archive["arr_0"]!, try NumPyFixtures.tensor("int8"), "arr_0")
        #expect(archive["arr_1"]!.shape == [0])
    }

    @Test func readsZip64Records() throws {
        let archive = try NumPy.loadArchive(NumPyFixtures.path("zip64.npz"))
        #expect(archive.names == ["vector_f32"])
        expectIdentical(archive["vector_f32"]!, try NumPyFixtures.tensor("vector_f32"), "zip64")
    }

    @Test(arguments: [false, true])
    func roundTripsThroughOurWriterAndReader(compressed: Bool) throws {
        let folder = try ScratchFolder()
        defer { folder.remove() }
        var tensors = NamedTensors()
        for name in NumPyFixtures.arrays { tensors[name] = try NumPyFixtures.tensor(name) }
        tensors["layer/0.weight"] = Tensor([[1.0, 2.0]], dtype: .float64)  // NumPy allows '/' in names
        let path = folder.file("all.npz")
        try NumPy.saveArchive(tensors, to: path, compressed: compressed)
        let loaded = try NumPy.loadArchive(path)
        #expect(loaded.names == tensors.names)
        for (name, t) in tensors { expectIdentical(loaded[name]!, t, name) }
        #expect(folder.contents == ["all.npz"])
    }

    @Test func failedArchiveLeavesNothingBehind() throws {
        let folder = try ScratchFolder()
        defer { folder.remove() }
        let path = folder.file("w.npz")
        try NumPy.saveArchive(["old": Tensor([1.0])], to: path)
        // The second member fails after the first was written: the old archive stays whole.
        #expect {
            try NumPy.saveArchive(["a": Tensor([2.0]), "b": Tensor([3.0], dtype: .bfloat16)], to: path)
        } throws: { "\($0)" == "\(path): 'b': NumPy has no bfloat16 dtype; convert the tensor with .to(.float32) before saving" }
        #expect(try NumPy.loadArchive(path).names == ["old"])
        #expect(folder.contents == ["w.npz"])
    }

    @Test func compressionShrinksRepetitiveData() throws {
        let folder = try ScratchFolder()
        defer { folder.remove() }
        let zeros: NamedTensors = ["z": Tensor([Float](repeating: 0, count: 4096), shape: [4096])]
        try NumPy.saveArchive(zeros, to: folder.file("s.npz"))
        try NumPy.saveArchive(zeros, to: folder.file("c.npz"), compressed: true)
        let stored = try FileManager.default.attributesOfItem(atPath: folder.file("s.npz"))[.size] as! Int
        let compressed = try FileManager.default.attributesOfItem(atPath: folder.file("c.npz"))[.size] as! Int
        #expect(stored > 16384 && compressed < 1024)
        #expect(try NumPy.loadArchive(folder.file("c.npz"))["z"]!.scalars(as: Float.self).allSatisfy { $0 == 0 })
    }

    @Test func writtenArchiveLayout() throws {
        let folder = try ScratchFolder()
        defer { folder.remove() }
        let t = Tensor([1, 2, 3], dtype: .uint8)
        try NumPy.saveArchive(["a": t], to: folder.file("a.npz"))
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: folder.file("a.npz"))))
        let member = try NumPy.encode(t)
        // Local header, the member's exact .npy bytes, central directory, end record.
        #expect(bytes.le32(0) == 0x0403_4B50)
        #expect(Array(bytes[30..<35]) == Array("a.npy".utf8))
        #expect(Array(bytes[35..<35 + member.count]) == member)
        #expect(UInt32(bytes.le32(14)) == member.withUnsafeBytes { _Zlib.crc32($0) })
        #expect(bytes.le32(bytes.count - 22) == 0x0605_4B50)
    }

    @Test func namedTensorsKeepsOrderAndReplacesInPlace() {
        var named: NamedTensors = ["b": Tensor([1.0]), "a": Tensor([2.0])]
        named["c"] = Tensor([3.0])
        named["b"] = Tensor([4.0])
        #expect(named.names == ["b", "a", "c"])
        #expect(named["b"]!.doubleScalars == [4])
        named["a"] = nil
        #expect(named.names == ["b", "c"] && named["c"]!.doubleScalars == [3])
        #expect(NamedTensors(sortingByName: ["y": Tensor([1.0]), "x": Tensor([2.0])]).names == ["x", "y"])
    }
}
