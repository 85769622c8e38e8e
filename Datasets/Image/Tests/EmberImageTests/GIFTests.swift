import EmberImage
import Foundation
import Testing

@Suite struct GIFLZWTests {
    /// The 10 x 10 sample of Matthew Flickinger's "What's In A GIF", whose LZW stream at
    /// minimum code size 2 that article derives by hand, code by code.
    static let sample: [UInt8] = Array("1111122222111112222211111222221110000222111000022222200001112220000111222221111122222111112222211111".utf8).map { $0 - 48 }
    static let sampleLZW: [UInt8] = [0x8C, 0x2D, 0x99, 0x87, 0x2A, 0x1C, 0xDC, 0x33, 0xA0, 0x02, 0x75,
                                     0xEC, 0x95, 0xFA, 0xA8, 0xDE, 0x60, 0x8C, 0x04, 0x91, 0x4C, 0x01]

    @Test func handDerivedSample() throws {
        #expect(GIFLZW.encode(Self.sample, minCodeSize: 2) == Self.sampleLZW)
        #expect(try GIFLZW.decode(Self.sampleLZW, minCodeSize: 2) == Self.sample)
    }

    /// Streams Pillow's encoder wrote (make_gif_fixtures.py), two long enough to fill the
    /// 4096-code table: our decoder reads them, and our encoder writes the same bytes up to
    /// the first table reset (where the two encoders pick different, equally valid moments to
    /// send the clear code; Pillow decoding our resets is checked by GIFWriterTests).
    @Test func pillowStreams() throws {
        let cases = try #require(try fixtureJSON("lzw.json") as? [[String: Any]])
        #expect(cases.count == 4)
        for c in cases {
            let name = c["name"] as? String ?? "?"
            let size = try #require(c["minCodeSize"] as? Int)
            let data = bytes(hex: try #require(c["data"] as? String))
            let indices: [UInt8]
            if let list = c["indices"] as? [Int] {
                indices = list.map { UInt8($0) }
            } else {
                indices = lcgIndices(seed: c["seed"] as! Int, count: c["count"] as! Int, colors: c["colors"] as! Int)
            }
            #expect(try GIFLZW.decode(data, minCodeSize: size) == indices, "\(name)")
            let ours = GIFLZW.encode(indices, minCodeSize: size)
            #expect(try GIFLZW.decode(ours, minCodeSize: size) == indices, "\(name)")
            if indices.count < 1000 {
                #expect(ours == data, "\(name)")
            } else {
                #expect(ours.prefix(5000) == data.prefix(5000), "\(name)")
            }
        }
    }

    @Test(arguments: [2, 3, 5, 8])
    func roundTripThroughTableResets(bits: Int) throws {
        for count in [0, 1, 2, 3, 4, 5, 6, 7, 8, 100, 5000, 70000] {
            let indices = lcgIndices(seed: count + bits, count: count, colors: 1 << bits)
            let data = GIFLZW.encode(indices, minCodeSize: bits)
            #expect(try GIFLZW.decode(data, minCodeSize: bits) == indices, "\(count) indices of \(bits) bits")
        }
        let runs = (0..<20000).map { UInt8(($0 / 700) % (1 << bits)) }
        #expect(try GIFLZW.decode(GIFLZW.encode(runs, minCodeSize: bits), minCodeSize: bits) == runs)
    }

    @Test func invalidStreams() {
        #expect(errorText { try GIFLZW.decode([0x04, 0x3F], minCodeSize: 2) }
            == "<lzw>: GIF LZW: invalid code 7 (next free 6)")
        #expect(errorText { try GIFLZW.decode([0x0C], minCodeSize: 2) }
            == "<lzw>: GIF LZW: data ended without an end code")
    }
}

@Suite struct GIFWriterTests {
    @Test func paletteIsExactForFewColors() {
        var image = RGBAImage(width: 4, height: 2, color: .white)
        image[1, 0] = RGBAPixel(128, 0, 128)
        image[2, 1] = RGBAPixel(0, 0, 0, 0)
        let palette = GIFPalette(image)
        #expect(palette.isExact)
        #expect(palette.count == 4)
        #expect(palette.colors == [255, 255, 255, 128, 0, 128, 0, 0, 0, 0, 0, 0])
        // The transparent pixel is composited over white.
        #expect(palette.indices == [0, 1, 0, 0, 0, 0, 0, 0])
    }

    @Test func paletteKeepsTheMostFrequentColors() {
        // 257 colours: (10, 20, 30) 40 times, (k, 0, 0) twice each for k in 1...255, and
        // (200, 30, 90) once, which is left out and takes its nearest colour, (200, 0, 0).
        var pixels: [RGBAPixel] = [RGBAPixel(200, 30, 90)] + Array(repeating: RGBAPixel(10, 20, 30), count: 40)
        for k in 1...255 { pixels += [RGBAPixel(UInt8(k), 0, 0), RGBAPixel(UInt8(k), 0, 0)] }
        var image = RGBAImage(width: pixels.count, height: 1)
        for (x, p) in pixels.enumerated() { image[x, 0] = p }
        let palette = GIFPalette(image)
        #expect(!palette.isExact)
        #expect(palette.count == 256)
        #expect(Array(palette.colors.prefix(6)) == [10, 20, 30, 1, 0, 0])
        let i = Int(palette.indices[0])
        #expect(Array(palette.colors[i * 3..<i * 3 + 3]) == [200, 0, 0])
        #expect(palette.indices[1] == 0)
        #expect(palette.indices.last == 255)
    }

    /// Three frames: a background, one changed pixel, a big change; Pillow decodes them.
    @Test func animationDecodedByPillow() throws {
        // A big noisy frame with table resets: Pillow must read every pixel back.
        let noisePath = try scratchFolder().appendingPathComponent("noise.gif").path
        let noisy = try GIFWriter(path: noisePath, width: 120, height: 90)
        var big = RGBAImage(width: 120, height: 90)
        let values = lcgIndices(seed: 5, count: 120 * 90, colors: 255)
        for y in 0..<90 { for x in 0..<120 { big[x, y] = RGBAPixel(values[y * 120 + x], 3, 200) } }
        try noisy.append(big)
        try noisy.finish()
        let probes = stride(from: 0, to: 120 * 90, by: 997).map { "0:\($0 % 120),\($0 / 120)" } + ["0:119,89"]
        if let info = try pillowCheck(noisePath, probes: probes) {
            let want = probes.map { p -> [Int] in
                let xy = p.dropFirst(2).split(separator: ",").map { Int($0)! }
                return [Int(values[xy[1] * 120 + xy[0]]), 3, 200, 255]
            }
            #expect(info["pixels"] as? [[Int]] == want)
        }

        let folder = try scratchFolder()
        let path = folder.appendingPathComponent("a.gif").path
        let gif = try GIFWriter(path: path, width: 30, height: 20)
        var frame = RGBAImage(width: 30, height: 20, color: .white)
        frame.fill(RGBAPixel(0, 128, 0), x: 2, y: 3, width: 5, height: 4)
        try gif.append(frame, durationMilliseconds: 100)
        frame[20, 15] = RGBAPixel(255, 0, 0)
        try gif.append(frame, durationMilliseconds: 50)
        // More than 256 colours: the frame goes through a table of its most frequent ones.
        let third = patternImage(width: 30, height: 20)
        try gif.append(third)
        #expect(FileManager.default.fileExists(atPath: path) == false)
        try gif.finish()
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["a.gif"])
        let data = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        #expect(Array(data.prefix(6)) == Array("GIF89a".utf8))
        #expect(data.last == 0x3B)
        guard let info = try pillowCheck(path, probes: ["0:3,4", "0:0,0", "1:20,15", "1:3,4", "2:0,0", "2:29,19"]) else { return }
        #expect(info["format"] as? String == "GIF")
        #expect(info["size"] as? [Int] == [30, 20])
        #expect(info["frames"] as? Int == 3)
        let table = GIFPalette(third)
        #expect(!table.isExact)
        func mapped(_ i: Int) -> [Int] {
            let k = Int(table.indices[i])
            return table.colors[k * 3..<k * 3 + 3].map(Int.init) + [255]
        }
        let expected: [[Int]] = [[0, 128, 0, 255], [255, 255, 255, 255], [255, 0, 0, 255], [0, 128, 0, 255],
                                 mapped(0), mapped(20 * 30 - 1)]
        #expect(info["pixels"] as? [[Int]] == expected)
    }

    @Test func writerErrors() throws {
        let folder = try scratchFolder()
        let path = folder.appendingPathComponent("e.gif").path
        do {
            let gif = try GIFWriter(path: path, width: 4, height: 4)
            #expect(errorText { try gif.append(RGBAImage(width: 5, height: 4)) }
                == "\(path): GIF frame 5x4 does not match the canvas 4x4")
            #expect(errorText { try gif.finish() } == "\(path): a GIF needs at least one frame")
        }
        // A writer dropped unfinished leaves nothing behind.
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == [])
        #expect(errorText { try GIFWriter(path: path, width: 0, height: 4) }
            == "\(path): GIF canvas 0x4 (loop 0) outside 1...65535")
    }
}
