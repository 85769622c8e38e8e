#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a file so that readers see either the old file or the complete new one: the bytes
/// go to a temporary file in the same folder, which is flushed and then renamed over `path`.
/// If anything fails, the temporary file is removed and `path` is untouched.
struct _AtomicFileWriter: ~Copyable {
    /// The file being replaced.
    let path: String
    private let temporaryPath: String
    private var fd: Int32
    private var committed = false

    /// Creates the temporary file next to `path`.
    init(path: String) throws {
        self.path = path
        let slash = path.lastIndex(of: "/")
        let folder = slash.map { String(path[...$0]) } ?? ""
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        guard !name.isEmpty else { throw EmberError(.io, "\(path): not a file name") }
        var attempt = 0
        while true {
            let candidate = "\(folder).\(name).tmp-\(getpid())-\(UInt32.random(in: 0 ... .max))"
            let fd = open(candidate, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
            if fd >= 0 {
                self.temporaryPath = candidate
                self.fd = fd
                return
            }
            attempt += 1
            guard errno == EEXIST, attempt < 100 else { throw _ioError("cannot create a file in its folder", path) }
        }
    }

    /// Appends `bytes`.
    mutating func write(_ bytes: UnsafeRawBufferPointer) throws {
        var done = 0
        while done < bytes.count {
            let n = _systemWrite(fd, bytes.baseAddress! + done, bytes.count - done)
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { throw _ioError("cannot write", path) }
            done += n
        }
    }

    /// Appends `bytes`.
    mutating func write(_ bytes: [UInt8]) throws {
        try bytes.withUnsafeBytes { try write($0) }
    }

    /// Flushes the data to disk and renames the temporary file over `path`.
    consuming func commit() throws {
        guard fsync(fd) == 0 else { throw _ioError("cannot flush", path) }
        let status = close(fd)
        fd = -1
        guard status == 0 else { throw _ioError("cannot close", path) }
        guard rename(temporaryPath, path) == 0 else { throw _ioError("cannot rename the temporary file onto", path) }
        committed = true
    }

    deinit {
        if fd >= 0 { close(fd) }
        if !committed { unlink(temporaryPath) }
    }
}

/// Writes a file atomically: `body` receives the writer; the file appears only if `body`
/// returns normally.
func _writeAtomically(_ path: String, _ body: (inout _AtomicFileWriter) throws -> Void) throws {
    var writer = try _AtomicFileWriter(path: path)
    try body(&writer)
    try writer.commit()
}

/// The C library's `write`, named so that methods called `write` can reach it.
private func _systemWrite(_ fd: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    write(fd, bytes, count)
}
