#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Reading and writing safetensors files (Hugging Face's weight format).
///
/// A file is an 8-byte little-endian header length N, N bytes of JSON naming each tensor's
/// dtype, shape and byte range (and an optional string-to-string `__metadata__`), then the
/// raw little-endian data. Every Ember dtype is supported: `F64 F32 F16 BF16 I64 I32 I16 I8
/// U8 BOOL`.
///
/// ```swift
/// try SafeTensors.save(["weight": w, "bias": b], metadata: ["format": "pt"], to: url)
/// let file = try SafeTensors.load(contentsOf: url)
/// file["weight"]      // Tensor?
/// ```
///
/// - Writing lays tensors out exactly as Python's `safetensors.torch.save_file` does (by
///   dtype, then name; header padded with spaces), so the same tensors give the same bytes;
///   metadata keys are written sorted (Python's order varies between runs). Files are written
///   atomically: to a temporary file in the same folder, renamed into place when complete.
/// - Reading checks the whole header before reading data: a damaged file throws
///   ``SafeTensorsError`` naming the file, the tensor and the problem, and nothing is read
///   outside the file. Loaded tensors own their memory (the file is read, not mapped).
public enum SafeTensors {
    // MARK: Reading

    /// Reads the safetensors file at `url` (a file URL).
    public static func load(contentsOf url: URL) throws -> SafeTensorsFile {
        try load(filePath(url))
    }

    /// Reads the safetensors file at `path`.
    public static func load(_ path: String) throws -> SafeTensorsFile {
        try withIOErrors(file: path) { try decode(_FileSource(path: path), file: path) }
    }

    /// Decodes safetensors bytes held in memory.
    public static func load(_ data: Data) throws -> SafeTensorsFile {
        try decode([UInt8](data))
    }

    /// Decodes safetensors bytes held in memory; `name` identifies them in error messages.
    public static func decode(_ bytes: [UInt8], name: String = "<memory>") throws -> SafeTensorsFile {
        try decode(_MemorySource(storage: bytes), file: name)
    }

    // MARK: Writing

    /// Writes `tensors` and `metadata` to the file at `url` (a file URL), replacing it
    /// atomically. Non-contiguous tensors are written contiguously.
    public static func save(_ tensors: NamedTensors, metadata: [String: String]? = nil, to url: URL) throws {
        try save(tensors, metadata: metadata, to: try filePath(url))
    }

    /// Writes `tensors` and `metadata` to the file at `url` (a file URL), replacing it atomically.
    public static func save(_ tensors: [String: Tensor], metadata: [String: String]? = nil, to url: URL) throws {
        try save(NamedTensors(sortingByName: tensors), metadata: metadata, to: url)
    }

    /// Writes `tensors` and `metadata` to the file at `path`, replacing it atomically.
    public static func save(_ tensors: NamedTensors, metadata: [String: String]? = nil, to path: String) throws {
        try write(tensors, metadata: metadata, to: path) { out, chunk in try out.write(chunk) }
    }

    /// Encodes `tensors` and writes them atomically to `path`, each piece through `writeChunk`
    /// (which tests replace to make a save fail part-way).
    static func write(
        _ tensors: NamedTensors, metadata: [String: String]?, to path: String,
        writeChunk: (inout _AtomicFileWriter, UnsafeRawBufferPointer) throws -> Void
    ) throws {
        let encoded = try encodeParts(tensors, metadata: metadata, file: path)
        try withIOErrors(file: path) {
            try _writeAtomically(path) { out in
                try encoded.prefix.withUnsafeBytes { try writeChunk(&out, $0) }
                try encoded.forEachChunk { try writeChunk(&out, $0) }
            }
        }
    }

    /// Writes `tensors` and `metadata` to the file at `path`, replacing it atomically.
    public static func save(_ tensors: [String: Tensor], metadata: [String: String]? = nil, to path: String) throws {
        try save(NamedTensors(sortingByName: tensors), metadata: metadata, to: path)
    }

    /// The bytes of a safetensors file holding `tensors` and `metadata`.
    public static func encode(_ tensors: NamedTensors, metadata: [String: String]? = nil) throws -> Data {
        let encoded = try encodeParts(tensors, metadata: metadata, file: "<memory>")
        var data = Data(capacity: encoded.byteCount)
        data.append(contentsOf: encoded.prefix)
        encoded.forEachChunk { data.append(contentsOf: $0) }
        return data
    }

    /// The bytes of a safetensors file holding `tensors` and `metadata`.
    public static func encode(_ tensors: [String: Tensor], metadata: [String: String]? = nil) throws -> Data {
        try encode(NamedTensors(sortingByName: tensors), metadata: metadata)
    }

    // MARK: Implementation

    static func decode(_ source: some _ByteSource, file: String) throws -> SafeTensorsFile {
        let header = try readHeader(source, file: file)
        var tensors = NamedTensors()
        for entry in header.entries {
            let t = Tensor(empty: entry.shape, dtype: entry.dtype)
            if !entry.range.isEmpty {
                let range = header.dataStart + entry.range.lowerBound..<header.dataStart + entry.range.upperBound
                try source.read(range, into: UnsafeMutableRawBufferPointer(start: t.dataPointer, count: range.count))
            }
            if entry.dtype == .bool {
                // A Swift Bool must be 0 or 1; PyTorch reads any non-zero byte as true.
                let p = t.dataPointer.assumingMemoryBound(to: UInt8.self)
                for i in 0..<t.count where p[i] > 1 { p[i] = 1 }
            }
            tensors[entry.name] = t
        }
        return SafeTensorsFile(tensors: tensors, metadata: header.metadata)
    }

    private static func filePath(_ url: URL) throws -> String {
        guard url.isFileURL else {
            throw SafeTensorsError(.io, file: url.absoluteString, "not a file URL")
        }
        return url.path
    }

    /// Runs `body`, reporting the file layer's `io` errors as ``SafeTensorsError/io``.
    private static func withIOErrors<R>(file: String, _ body: () throws -> R) throws -> R {
        do {
            return try body()
        } catch let error as EmberError where error.code == .io {
            let prefix = file + ": "
            let message = error.message.hasPrefix(prefix) ? String(error.message.dropFirst(prefix.count)) : error.message
            throw SafeTensorsError(.io, file: file, message)
        }
    }
}
