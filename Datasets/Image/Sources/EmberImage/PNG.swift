import CLibPNG
import EmberCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// PNG files through libpng.
///
/// Reading accepts every PNG: gray, gray + alpha, RGB, RGBA, palette (with or without
/// transparency), 1- to 16-bit samples, interlaced or not. Samples come back as 8 bits in the
/// file's own layout (16-bit samples keep their high byte, as Pillow does); convert with
/// ``PixelBuffer/converted(to:)``. Writing produces 8-bit gray, gray + alpha, RGB or RGBA.
/// A corrupt, truncated or non-PNG input throws ``ImageError`` carrying libpng's message.
public enum PNG {
    /// Decodes PNG bytes; `name` labels errors.
    public static func decode(_ bytes: [UInt8], name: String = "<memory>") throws -> PixelBuffer {
        var pixels: UnsafeMutablePointer<UInt8>?
        var width: UInt32 = 0, height: UInt32 = 0
        var channels: Int32 = 0
        var message = [CChar](repeating: 0, count: 256)
        let ok = bytes.withUnsafeBufferPointer { data in
            message.withUnsafeMutableBufferPointer { text in
                ember_png_decode(data.baseAddress, data.count, &pixels, &width, &height,
                                 &channels, text.baseAddress)
            }
        }
        guard ok == 1, let pixels, let layout = PixelLayout(rawValue: Int(channels)) else {
            let text = String(decoding: message.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            throw ImageError(.decode, file: name, "PNG decode failed: \(text)")
        }
        defer { free(pixels) }
        let count = Int(width) * Int(height) * layout.channels
        let copy = [UInt8](UnsafeBufferPointer(start: pixels, count: count))
        return PixelBuffer(unchecked: Int(width), Int(height), layout, copy)
    }

    /// Encodes 8-bit pixels as a PNG file's bytes (libpng's simplified writer).
    public static func encode(_ pixels: PixelBuffer, name: String = "<memory>") throws -> [UInt8] {
        var image = png_image()
        image.version = ember_png_image_version
        image.width = UInt32(pixels.width)
        image.height = UInt32(pixels.height)
        image.format = format(of: pixels.layout)
        var size = 0
        // First pass: ask for the encoded size (libpng compresses twice; PNGs here are small).
        let sized = pixels.bytes.withUnsafeBytes { src in
            png_image_write_to_memory(&image, nil, &size, 0, src.baseAddress, 0, nil)
        }
        guard sized != 0, ember_png_image_failed(&image) == 0 else {
            throw encodeError(&image, name)
        }
        var out = [UInt8](repeating: 0, count: size)
        let written = pixels.bytes.withUnsafeBytes { src in
            out.withUnsafeMutableBytes { dst in
                png_image_write_to_memory(&image, dst.baseAddress, &size, 0, src.baseAddress, 0, nil)
            }
        }
        guard written != 0, ember_png_image_failed(&image) == 0 else { throw encodeError(&image, name) }
        png_image_free(&image)
        return Array(out.prefix(size))
    }

    /// The pixels of the PNG file at `path`, in its own layout.
    public static func read(_ path: String) throws -> PixelBuffer {
        try decode(_readFile(path), name: path)
    }

    /// Writes `pixels` as a PNG file at `path`, atomically (a temporary file renamed into place).
    public static func write(_ pixels: PixelBuffer, to path: String) throws {
        let bytes = try encode(pixels, name: path)
        let file = _AtomicFile(path: path)
        guard let handle = fopen(file.temporaryPath, "wb") else {
            throw ImageError(.io, file: path, "cannot create: \(String(cString: strerror(errno)))")
        }
        let n = bytes.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, handle) }
        let closed = fclose(handle)
        guard n == bytes.count, closed == 0 else {
            file.discard()
            throw ImageError(.io, file: path, "write failed: \(String(cString: strerror(errno)))")
        }
        try file.commit()
    }

    /// A uint8 tensor `[H, W, C]` of the PNG file at `path`, in `layout` or the file's own.
    public static func readTensor(_ path: String, layout: PixelLayout? = nil) throws -> Tensor {
        let pixels = try read(path)
        return pixels.converted(to: layout ?? pixels.layout).tensor
    }

    /// Writes a uint8 tensor `[H, W, C]` (C in 1...4) as a PNG file at `path`.
    public static func write(tensor: Tensor, to path: String) throws {
        try write(PixelBuffer(tensor), to: path)
    }

    static func format(of layout: PixelLayout) -> UInt32 {
        switch layout {
        case .gray: return ember_png_format_gray
        case .grayAlpha: return ember_png_format_ga
        case .rgb: return ember_png_format_rgb
        case .rgba: return ember_png_format_rgba
        }
    }

    static func encodeError(_ image: inout png_image, _ name: String) -> ImageError {
        let text = withUnsafeBytes(of: image.message) { raw in
            String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
        }
        png_image_free(&image)
        return ImageError(.encode, file: name, "PNG encode failed: \(text)")
    }
}

extension RGBAImage {
    /// Reads the PNG file at `path` as RGBA (see ``PNG``).
    public init(contentsOfPNG path: String) throws {
        self = try PNG.read(path).rgbaImage
    }

    /// Writes the image as a PNG file at `path` in `layout`, atomically.
    public func writePNG(to path: String, layout: PixelLayout = .rgba) throws {
        try PNG.write(PixelBuffer(self).converted(to: layout), to: path)
    }
}
