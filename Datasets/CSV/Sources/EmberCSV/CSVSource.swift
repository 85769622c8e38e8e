import Glibc

/// Where CSV text comes from: a file (read in blocks, never whole), or bytes in memory with
/// a name that errors use in place of a path.
public struct CSVSource: Sendable, Hashable {
    enum Storage: Sendable, Hashable {
        case file(String)
        case bytes([UInt8])
    }

    let storage: Storage
    /// The path, or the name given to in-memory data; errors start with it.
    public let name: String

    /// The file at `path`.
    public static func file(_ path: String) -> CSVSource {
        CSVSource(storage: .file(path), name: path)
    }

    /// In-memory bytes (any encoding; text fields must be UTF-8).
    public static func bytes(_ bytes: [UInt8], name: String = "<bytes>") -> CSVSource {
        CSVSource(storage: .bytes(bytes), name: name)
    }

    /// In-memory text.
    public static func text(_ text: String, name: String = "<text>") -> CSVSource {
        CSVSource(storage: .bytes(Array(text.utf8)), name: name)
    }
}

/// Reads a source's bytes front to back, or the bytes of a range of it.
final class _SourceReader {
    private let source: CSVSource
    private var descriptor: Int32 = -1
    private var offset = 0
    /// The offset reading stops at.
    private var limit = Int.max

    init(_ source: CSVSource, range: Range<Int>? = nil) throws {
        self.source = source
        if case .file(let path) = source.storage {
            descriptor = open(path, O_RDONLY)
            guard descriptor >= 0 else {
                throw CSVError(.io, file: path, "cannot open: \(String(cString: strerror(errno)))")
            }
        }
        if let range {
            offset = range.lowerBound
            limit = range.upperBound
            if descriptor >= 0 { lseek(descriptor, off_t(offset), SEEK_SET) }
        }
    }

    deinit {
        if descriptor >= 0 { close(descriptor) }
    }

    /// The size of the source in bytes.
    var size: Int {
        switch source.storage {
        case .bytes(let bytes): return bytes.count
        case .file:
            var st = stat()
            return fstat(descriptor, &st) == 0 ? Int(st.st_size) : 0
        }
    }

    /// Whether the source is a file (which parts can be read of independently).
    var isFile: Bool { descriptor >= 0 }

    /// Reads up to `count` bytes into `destination`; 0 means the end of the source (or range).
    func read(into destination: UnsafeMutablePointer<UInt8>, count: Int) throws -> Int {
        let wanted = min(count, limit - offset)
        guard wanted > 0 else { return 0 }
        switch source.storage {
        case .bytes(let bytes):
            let n = min(wanted, bytes.count - offset)
            guard n > 0 else { return 0 }
            bytes.withUnsafeBufferPointer { src in
                destination.update(from: src.baseAddress! + offset, count: n)
            }
            offset += n
            return n
        case .file(let path):
            while true {
                let n = Glibc.read(descriptor, destination, wanted)
                if n >= 0 {
                    offset += n
                    return n
                }
                if errno == EINTR { continue }
                throw CSVError(.io, file: path, "read failed: \(String(cString: strerror(errno)))")
            }
        }
    }

    /// Reads up to `count` bytes at `position` without moving the read offset.
    func read(at position: Int, into destination: UnsafeMutableRawPointer, count: Int) -> Int {
        switch source.storage {
        case .bytes(let bytes):
            let n = max(0, min(count, bytes.count - position))
            bytes.withUnsafeBytes { destination.copyMemory(from: $0.baseAddress! + position, byteCount: n) }
            return n
        case .file: return max(0, pread(descriptor, destination, count, off_t(position)))
        }
    }
}
