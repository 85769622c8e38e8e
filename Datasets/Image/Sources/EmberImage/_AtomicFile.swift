#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a file under a temporary name beside its destination and renames it into place,
/// so that readers never see a half-written file.
struct _AtomicFile {
    /// The final path.
    let path: String
    /// The temporary path written first.
    let temporaryPath: String

    /// Picks a temporary name in the destination's folder.
    init(path: String) {
        self.path = path
        let slash = path.lastIndex(of: "/")
        let folder = slash.map { String(path[...$0]) } ?? ""
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        temporaryPath = "\(folder).\(name).tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
    }

    /// Moves the temporary file onto the final path.
    func commit() throws {
        guard rename(temporaryPath, path) == 0 else {
            let reason = String(cString: strerror(errno))
            discard()
            throw ImageError(.io, file: path, "cannot rename the temporary file into place: \(reason)")
        }
    }

    /// Deletes the temporary file (after a failure).
    func discard() {
        unlink(temporaryPath)
    }
}

/// The bytes of the file at `path`, or an ``ImageError`` with the system's reason.
func _readFile(_ path: String) throws -> [UInt8] {
    guard let file = fopen(path, "rb") else {
        throw ImageError(.io, file: path, "cannot open: \(String(cString: strerror(errno)))")
    }
    defer { fclose(file) }
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while true {
        let n = chunk.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, file) }
        if n > 0 { bytes.append(contentsOf: chunk[0..<n]) }
        if n < chunk.count {
            if ferror(file) != 0 { throw ImageError(.io, file: path, "read error") }
            return bytes
        }
    }
}
