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

/// Reads a source's bytes front to back.
final class _SourceReader {
    private let source: CSVSource
    private var descriptor: Int32 = -1
    private var offset = 0

    init(_ source: CSVSource) throws {
        self.source = source
        if case .file(let path) = source.storage {
            descriptor = open(path, O_RDONLY)
            guard descriptor >= 0 else {
                throw CSVError(.io, file: path, "cannot open: \(String(cString: strerror(errno)))")
            }
        }
    }

    deinit {
        if descriptor >= 0 { close(descriptor) }
    }

    /// Reads up to `count` bytes into `destination`; 0 means the end of the source.
    func read(into destination: UnsafeMutablePointer<UInt8>, count: Int) throws -> Int {
        switch source.storage {
        case .bytes(let bytes):
            let n = min(count, bytes.count - offset)
            guard n > 0 else { return 0 }
            bytes.withUnsafeBufferPointer { src in
                destination.update(from: src.baseAddress! + offset, count: n)
            }
            offset += n
            return n
        case .file(let path):
            while true {
                let n = Glibc.read(descriptor, destination, count)
                if n >= 0 { return n }
                if errno == EINTR { continue }
                throw CSVError(.io, file: path, "read failed: \(String(cString: strerror(errno)))")
            }
        }
    }
}
