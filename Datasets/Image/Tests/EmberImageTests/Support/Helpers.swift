import EmberImage
import Foundation
import Testing

/// The folder of the bundled fixtures.
let fixtures = Bundle.module.url(forResource: "Fixtures", withExtension: nil)!

/// The parsed JSON fixture `name`.
func fixtureJSON(_ name: String) throws -> Any {
    try JSONSerialization.jsonObject(with: Data(contentsOf: fixtures.appendingPathComponent(name)))
}

/// A fresh empty folder for files a test writes.
func scratchFolder() throws -> URL {
    let url = FileManager.default.temporaryDirectory
        .appendingPathComponent("ember-image-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// The description of the error `body` throws, or a recorded issue when it throws none.
func errorText(sourceLocation: SourceLocation = #_sourceLocation, _ body: () throws -> Any) -> String {
    do {
        let value = try body()
        Issue.record("expected an error, got \(value)", sourceLocation: sourceLocation)
        return ""
    } catch {
        return "\(error)"
    }
}

/// Deterministic test bytes: a 31-bit LCG (the one make_gif_fixtures.py uses).
func lcgIndices(seed: Int, count: Int, colors: Int) -> [UInt8] {
    var x = seed
    return (0..<count).map { _ in
        x = (x &* 1_103_515_245 &+ 12345) % (1 << 31)
        return UInt8((x >> 16) % colors)
    }
}

/// Bytes from hex digits.
func bytes(hex: String) -> [UInt8] {
    let digits = Array(hex.utf8)
    return stride(from: 0, to: digits.count, by: 2).map { UInt8(String(decoding: digits[$0..<$0 + 2], as: UTF8.self), radix: 16)! }
}

/// The result of Datasets/Image/Scripts/check_image.py on `path`, or nil (with a note in the
/// test log) when EMBER_PYTHON does not name a Python with Pillow.
func pillowCheck(_ path: String, probes: [String]) throws -> [String: Any]? {
    guard let python = ProcessInfo.processInfo.environment["EMBER_PYTHON"], !python.isEmpty else {
        print("note: EMBER_PYTHON is not set: skipped decoding \(path) with Pillow")
        return nil
    }
    let script = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Scripts/check_image.py")
    let process = Process()
    process.executableURL = URL(fileURLWithPath: python)
    process.arguments = [script.path, path] + probes
    let output = Pipe(), errors = Pipe()
    process.standardOutput = output
    process.standardError = errors
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    let message = errors.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
        Issue.record("check_image.py failed: \(String(decoding: message, as: UTF8.self))")
        return nil
    }
    return try JSONSerialization.jsonObject(with: data) as? [String: Any]
}

/// A test image whose every channel of every pixel differs from its neighbours.
func patternImage(width: Int, height: Int) -> RGBAImage {
    var image = RGBAImage(width: width, height: height)
    for y in 0..<height {
        for x in 0..<width {
            image[x, y] = RGBAPixel(UInt8((x * 37 + y * 11) % 256), UInt8((x * 5 + y * 71) % 256),
                                    UInt8((x * y + 3) % 256), UInt8((x + y * 29 + 100) % 256))
        }
    }
    return image
}
