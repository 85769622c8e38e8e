#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Random-access, read-only bytes: an open file or a buffer. Readers ask for ranges they
/// have checked against ``count``; a range outside it is reported, never read.
protocol _ByteSource {
    /// The number of bytes available.
    var count: Int { get }
    /// Copies the bytes in `range` into `buffer` (whose size is `range.count`).
    func read(_ range: Range<Int>, into buffer: UnsafeMutableRawBufferPointer) throws
}

extension _ByteSource {
    /// The bytes in `range` as an array.
    func bytes(_ range: Range<Int>) throws -> [UInt8] {
        try [UInt8](unsafeUninitializedCapacity: range.count) { buffer, initialized in
            try read(range, into: UnsafeMutableRawBufferPointer(buffer))
            initialized = range.count
        }
    }
}

/// Bytes held in memory (a decompressed archive member, a test's buffer).
struct _MemorySource: _ByteSource {
    let storage: [UInt8]
    var count: Int { storage.count }

    func read(_ range: Range<Int>, into buffer: UnsafeMutableRawBufferPointer) throws {
        precondition(range.lowerBound >= 0 && range.upperBound <= storage.count && buffer.count == range.count)
        storage.withUnsafeBytes { src in
            buffer.copyMemory(from: UnsafeRawBufferPointer(rebasing: src[range]))
        }
    }
}

/// A file opened for reading; its size is taken once, when opened.
final class _FileSource: _ByteSource {
    let path: String
    let count: Int
    private let fd: Int32

    /// Opens `path`, throwing an `io` error that names the file and the system's reason.
    init(path: String) throws {
        self.path = path
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw _ioError("cannot open", path) }
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            let error = _ioError("cannot stat", path)
            close(fd)
            throw error
        }
        guard (info.st_mode & S_IFMT) == S_IFREG else {
            close(fd)
            throw EmberError(.io, "\(path): not a regular file")
        }
        self.fd = fd
        self.count = Int(info.st_size)
    }

    deinit { close(fd) }

    func read(_ range: Range<Int>, into buffer: UnsafeMutableRawBufferPointer) throws {
        precondition(range.lowerBound >= 0 && range.upperBound <= count && buffer.count == range.count)
        var done = 0
        while done < range.count {
            let n = pread(fd, buffer.baseAddress! + done, range.count - done, off_t(range.lowerBound + done))
            if n < 0 && errno == EINTR { continue }
            guard n >= 0 else { throw _ioError("cannot read", path) }
            guard n > 0 else {
                throw EmberError(.io, "\(path): file shrank while being read (expected \(count) bytes)")
            }
            done += n
        }
    }
}

/// An `io` error: `<path>: <what>: <strerror(errno)>`.
func _ioError(_ what: String, _ path: String) -> EmberError {
    let reason = String(cString: strerror(errno))
    return EmberError(.io, "\(path): \(what): \(reason)")
}

/// Little-endian integers read from a byte array at offsets the caller has checked.
extension Array where Element == UInt8 {
    @inline(__always) func le16(_ at: Int) -> Int { Int(self[at]) | Int(self[at + 1]) << 8 }
    @inline(__always) func le32(_ at: Int) -> Int { le16(at) | le16(at + 2) << 16 }
    @inline(__always) func le64(_ at: Int) -> UInt64 { UInt64(le32(at)) | UInt64(le32(at + 4)) << 32 }

    mutating func appendLE16(_ v: Int) { append(UInt8(truncatingIfNeeded: v)); append(UInt8(truncatingIfNeeded: v >> 8)) }
    mutating func appendLE32(_ v: Int) { appendLE16(v & 0xFFFF); appendLE16((v >> 16) & 0xFFFF) }
}
