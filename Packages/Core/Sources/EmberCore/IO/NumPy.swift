#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Reading and writing NumPy's `.npy` files and `.npz` archives.
///
/// - `.npy`: format versions 1.0, 2.0 and 3.0 are read; 1.0 is written (2.0 when the header
///   needs it). Every Ember dtype NumPy has is supported (`|b1`, `|u1`, `|i1`, `<i2`, `<i4`,
///   `<i8`, `<f2`, `<f4`, `<f8`); big-endian files and Fortran order are read (the tensor
///   comes back contiguous); bfloat16, which NumPy lacks, cannot be written.
/// - `.npz`: a ZIP of `.npy` members, stored or deflated (`np.savez` / `np.savez_compressed`).
///
/// Files are written atomically: to a temporary file in the same folder, renamed into place
/// when complete. A file that is not what it claims throws `EmberError` with code
/// `invalidFile` and a message naming the file and the problem; nothing is read outside the
/// file's bytes. Files that cannot be opened or written throw code `io`.
public enum NumPy {
    // MARK: .npy

    /// Reads the `.npy` file at `path` (`np.load`).
    public static func load(_ path: String) throws -> Tensor {
        try decode(_FileSource(path: path), file: path)
    }

    /// Writes `tensor` to `path` as a `.npy` file (`np.save`), replacing it atomically.
    /// Throws `invalidDType` for bfloat16.
    public static func save(_ tensor: Tensor, to path: String) throws {
        let (header, data) = try encodeParts(tensor, file: path)
        try _writeAtomically(path) { out in
            try out.write(header)
            try out.write(UnsafeRawBufferPointer(start: data.dataPointer, count: data.count * data.dtype.itemSize))
        }
    }

    /// Decodes `.npy` bytes held in memory; `name` identifies them in error messages.
    public static func decode(_ bytes: [UInt8], name: String = "<memory>") throws -> Tensor {
        try decode(_MemorySource(storage: bytes), file: name)
    }

    /// The `.npy` bytes of `tensor`, exactly as `np.save` writes them.
    public static func encode(_ tensor: Tensor) throws -> [UInt8] {
        try encode(tensor, file: "<memory>")
    }

    // MARK: .npz

    /// Reads every array of the `.npz` archive at `path`, in archive order, named as NumPy
    /// names them (the member name without `.npy`).
    public static func loadArchive(_ path: String) throws -> NamedTensors {
        try decodeArchive(_FileSource(path: path), file: path)
    }

    /// Decodes `.npz` bytes held in memory; `name` identifies them in error messages.
    public static func decodeArchive(_ bytes: [UInt8], name: String = "<memory>") throws -> NamedTensors {
        try decodeArchive(_MemorySource(storage: bytes), file: name)
    }

    /// Writes `tensors` to `path` as a `.npz` archive, one `<name>.npy` member each, in order
    /// (`np.savez`, or `np.savez_compressed` when `compressed`), replacing it atomically.
    public static func saveArchive(_ tensors: NamedTensors, to path: String, compressed: Bool = false) throws {
        for (name, _) in tensors where name.isEmpty || name.utf8.contains(0) {
            throw EmberError(.invalidArgument, "\(path): '\(name)' cannot name an archive member")
        }
        try _writeAtomically(path) { out in
            var zip = _ZipWriter(file: path)
            for (name, tensor) in tensors {
                try zip.add(name + ".npy", data: try encode(tensor, file: "\(path): '\(name)'"), compressed: compressed, to: &out)
            }
            try zip.finish(to: &out)
        }
    }

    // MARK: Encoding and decoding

    static func decodeArchive(_ source: some _ByteSource, file: String) throws -> NamedTensors {
        var result = NamedTensors()
        for entry in try _ZipReader.entries(source, file: file) where !entry.name.hasSuffix("/") {
            let name = entry.name.hasSuffix(".npy") ? String(entry.name.dropLast(4)) : entry.name
            guard !result.contains(name: name) else {
                throw EmberError(.invalidFile, "\(file): the archive holds '\(name)' twice")
            }
            let bytes = try _ZipReader.contents(of: entry, in: source, file: file)
            result[name] = try decode(_MemorySource(storage: bytes), file: "\(file): member '\(entry.name)'")
        }
        return result
    }

    static func decode(_ source: some _ByteSource, file: String) throws -> Tensor {
        let h = try readHeader(source, file: file)
        let laidOut = h.fortranOrder ? Array(h.shape.reversed()) : h.shape
        let t = Tensor(empty: laidOut, dtype: h.dtype)
        try source.read(h.dataOffset..<h.dataOffset + h.dataByteCount,
                        into: UnsafeMutableRawBufferPointer(start: t.dataPointer, count: h.dataByteCount))
        if h.byteOrder == .big { swapBytes(t.dataPointer, count: t.count, size: h.dtype.itemSize) }
        if h.dtype == .bool {
            // A Swift Bool must be 0 or 1; NumPy treats any non-zero byte as true.
            let p = t.dataPointer.assumingMemoryBound(to: UInt8.self)
            for i in 0..<t.count where p[i] > 1 { p[i] = 1 }
        }
        guard h.fortranOrder && h.shape.count > 1 else { return t }
        let view = Tensor(storage: t.storage, shape: h.shape, strides: fortranStrides(h.shape), dtype: h.dtype)
        return castTensor(view, to: h.dtype)
    }

    static func encode(_ tensor: Tensor, file: String) throws -> [UInt8] {
        let (header, data) = try encodeParts(tensor, file: file)
        return header + UnsafeRawBufferPointer(start: data.dataPointer, count: data.count * data.dtype.itemSize)
    }

    /// The header and a tensor whose memory from `dataPointer` holds the elements in the
    /// order the header states (C order, or Fortran order for a transposed tensor).
    private static func encodeParts(_ tensor: Tensor, file: String) throws -> ([UInt8], Tensor) {
        guard tensor.device == .cpu else {
            throw EmberError(.invalidArgument, "\(file): the tensor is on \(tensor.device); copy it to the CPU before saving")
        }
        guard let descr = descriptor(for: tensor.dtype) else {
            throw EmberError(.invalidDType,
                "\(file): NumPy has no bfloat16 dtype; convert the tensor with .to(.float32) before saving")
        }
        let fortran = !tensor.isContiguous && tensor.rank > 1
            && Tensor.isContiguous(shape: tensor.shape.reversed(), strides: tensor.strides.reversed())
        let data = tensor.isContiguous || fortran ? tensor : castTensor(tensor, to: tensor.dtype)
        return (encodeHeader(descr: descr, fortranOrder: fortran, shape: tensor.shape), data)
    }

    static func fortranStrides(_ shape: [Int]) -> [Int] {
        var strides: [Int] = []
        var running = 1
        for n in shape {
            strides.append(running)
            running *= max(n, 1)
        }
        return strides
    }

    private static func swapBytes(_ p: UnsafeMutableRawPointer, count: Int, size: Int) {
        switch size {
        case 2: let q = p.assumingMemoryBound(to: UInt16.self); for i in 0..<count { q[i] = q[i].byteSwapped }
        case 4: let q = p.assumingMemoryBound(to: UInt32.self); for i in 0..<count { q[i] = q[i].byteSwapped }
        case 8: let q = p.assumingMemoryBound(to: UInt64.self); for i in 0..<count { q[i] = q[i].byteSwapped }
        default: break
        }
    }
}

extension Tensor {
    /// Reads a `.npy` file (``NumPy/load(_:)``).
    public static func load(npy path: String) throws -> Tensor { try NumPy.load(path) }

    /// Writes this tensor as a `.npy` file, atomically (``NumPy/save(_:to:)``).
    public func save(npy path: String) throws { try NumPy.save(self, to: path) }
}
