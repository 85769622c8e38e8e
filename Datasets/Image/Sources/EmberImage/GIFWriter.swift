#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes an animated GIF (GIF89a) frame by frame, streaming each frame to disk.
///
/// ```swift
/// let gif = try GIFWriter(path: "training.gif", width: 640, height: 480)
/// for frame in frames { try gif.append(frame, durationMilliseconds: 100) }
/// try gif.finish()
/// ```
///
/// The file loops (a NETSCAPE2.0 extension; `loopCount` 0 loops forever, like Pillow's
/// `loop=0`). Each frame gets its own colour table (see ``GIFPalette``: exact when the frame
/// has ≤ 256 colours). Only the rectangle that changed since the previous frame is encoded
/// (the previous frame stays, disposal method 1), so only one earlier frame is kept in memory.
/// The file is written under a temporary name and renamed into place by ``finish()``; a writer
/// dropped without finishing deletes it.
public final class GIFWriter {
    /// The destination path.
    public let path: String
    /// The canvas width every frame must have.
    public let width: Int
    /// The canvas height every frame must have.
    public let height: Int
    /// Frames appended so far.
    public private(set) var frameCount = 0

    private let file: _AtomicFile
    private var handle: UnsafeMutablePointer<FILE>?
    private var previous: RGBAImage?

    /// Creates the temporary file and writes the header.
    /// - Parameter loopCount: how many times viewers repeat the animation; 0 means forever.
    public init(path: String, width: Int, height: Int, loopCount: Int = 0) throws {
        guard (1...65535).contains(width), (1...65535).contains(height), (0...65535).contains(loopCount) else {
            throw ImageError(.invalidArgument, file: path,
                "GIF canvas \(width)x\(height) (loop \(loopCount)) outside 1...65535")
        }
        self.path = path
        self.width = width
        self.height = height
        file = _AtomicFile(path: path)
        guard let handle = fopen(file.temporaryPath, "wb") else {
            throw ImageError(.io, file: path, "cannot create: \(String(cString: strerror(errno)))")
        }
        self.handle = handle
        var header = Array("GIF89a".utf8)
        header += Self.le16(width) + Self.le16(height)
        header += [0x70, 0, 0]  // no global table, 8-bit colour resolution, background 0, square pixels
        header += [0x21, 0xFF, 11] + Array("NETSCAPE2.0".utf8) + [3, 1] + Self.le16(loopCount) + [0]
        try write(header)
    }

    deinit {
        if let handle {
            fclose(handle)
            file.discard()
        }
    }

    /// Appends one frame shown for `durationMilliseconds` (GIF counts hundredths of a second:
    /// the delay is rounded to the nearest 10 ms). The frame must match the canvas size.
    public func append(_ frame: RGBAImage, durationMilliseconds: Int = 100) throws {
        guard handle != nil else { throw ImageError(.invalidArgument, file: path, "GIF already finished") }
        guard frame.width == width, frame.height == height else {
            throw ImageError(.invalidArgument, file: path,
                "GIF frame \(frame.width)x\(frame.height) does not match the canvas \(width)x\(height)")
        }
        let box = previous.map { Self.changedBox(from: $0, to: frame) } ?? (0, 0, width, height)
        let palette = GIFPalette(frame, x: box.0, y: box.1, width: box.2, height: box.3)
        let delay = Swift.min(Swift.max((durationMilliseconds + 5) / 10, 0), 65535)
        var bytes: [UInt8] = [0x21, 0xF9, 4, 1 << 2] + Self.le16(delay) + [0, 0]
        bytes += [0x2C] + Self.le16(box.0) + Self.le16(box.1) + Self.le16(box.2) + Self.le16(box.3)
        bytes += [0x80 | UInt8(palette.bits - 1)] + palette.colors
        let minCodeSize = Swift.max(2, palette.bits)
        bytes.append(UInt8(minCodeSize))
        let data = GIFLZW.encode(palette.indices, minCodeSize: minCodeSize)
        var start = 0
        while start < data.count {
            let n = Swift.min(255, data.count - start)
            bytes.append(UInt8(n))
            bytes += data[start..<start + n]
            start += n
        }
        bytes.append(0)
        try write(bytes)
        previous = frame
        frameCount += 1
    }

    /// Writes the trailer, closes the file and renames it into place.
    public func finish() throws {
        guard let handle else { throw ImageError(.invalidArgument, file: path, "GIF already finished") }
        guard frameCount > 0 else { throw ImageError(.invalidArgument, file: path, "a GIF needs at least one frame") }
        try write([0x3B])
        self.handle = nil
        guard fclose(handle) == 0 else {
            file.discard()
            throw ImageError(.io, file: path, "write failed: \(String(cString: strerror(errno)))")
        }
        try file.commit()
    }

    private func write(_ bytes: [UInt8]) throws {
        guard let handle else { return }
        let n = bytes.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, handle) }
        guard n == bytes.count else {
            throw ImageError(.io, file: path, "write failed: \(String(cString: strerror(errno)))")
        }
    }

    /// The smallest rectangle (x, y, width, height) holding every pixel that differs;
    /// one pixel when nothing changed (a GIF image cannot be empty).
    static func changedBox(from a: RGBAImage, to b: RGBAImage) -> (Int, Int, Int, Int) {
        var x0 = a.width, y0 = a.height, x1 = -1, y1 = -1
        a.pixels.withUnsafeBytes { pa in
            b.pixels.withUnsafeBytes { pb in
                let wa = pa.bindMemory(to: UInt32.self), wb = pb.bindMemory(to: UInt32.self)
                for y in 0..<a.height {
                    let row = y * a.width
                    for x in 0..<a.width where wa[row + x] != wb[row + x] {
                        x0 = Swift.min(x0, x)
                        x1 = Swift.max(x1, x)
                        y0 = Swift.min(y0, y)
                        y1 = y
                    }
                }
            }
        }
        return x1 < 0 ? (0, 0, 1, 1) : (x0, y0, x1 - x0 + 1, y1 - y0 + 1)
    }

    static func le16(_ v: Int) -> [UInt8] { [UInt8(v & 255), UInt8((v >> 8) & 255)] }
}
