import EmberCore
import EmberImage
import Foundation
import Testing

@Suite struct PNGRoundTripTests {
    @Test(arguments: PixelLayout.allCases)
    func writeThenReadKeepsEveryByte(layout: PixelLayout) throws {
        let pixels = PixelBuffer(patternImage(width: 13, height: 7)).converted(to: layout)
        let folder = try scratchFolder()
        let path = folder.appendingPathComponent("p.png").path
        try PNG.write(pixels, to: path)
        let back = try PNG.read(path)
        #expect(back == pixels)
        #expect(back.layout == layout)
        // Nothing but the file itself is left in the folder (the temporary was renamed).
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["p.png"])
    }

    @Test func encodeDecodeInMemory() throws {
        let image = patternImage(width: 31, height: 2)
        let bytes = try PNG.encode(PixelBuffer(image))
        #expect(Array(bytes.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        #expect(try PNG.decode(bytes).rgbaImage == image)
    }

    @Test func rgbaImageFileRoundTripAndOverwrite() throws {
        let path = try scratchFolder().appendingPathComponent("i.png").path
        try RGBAImage(width: 3, height: 3, color: .black).writePNG(to: path)
        let image = patternImage(width: 6, height: 4)
        try image.writePNG(to: path)
        #expect(try RGBAImage(contentsOfPNG: path) == image)
    }

    @Test func grayFromColorUsesPillowsLuma() throws {
        var image = RGBAImage(width: 3, height: 1, color: .white)
        image[0, 0] = RGBAPixel(255, 0, 0)
        image[1, 0] = RGBAPixel(0, 255, 0)
        image[2, 0] = RGBAPixel(10, 20, 200, 7)
        // Pillow: Image.new("RGB", (1, 1), c).convert("L") gives 76, 150, 38.
        let gray = PixelBuffer(image).converted(to: .gray)
        #expect(gray.bytes == [76, 150, 38])
        #expect(PixelBuffer(image).converted(to: .grayAlpha).bytes == [76, 255, 150, 255, 38, 7])
    }

    @Test func tensorRoundTrip() throws {
        let image = patternImage(width: 4, height: 3)
        let t = image.tensor()
        #expect(t.shape == [3, 4, 4])
        #expect(t.dtype == .uint8)
        #expect(try RGBAImage(t) == image)
        let rgb = image.tensor(layout: .rgb)
        #expect(rgb.shape == [3, 4, 3])
        #expect(rgb.scalars(as: UInt8.self)[3..<6] == [image[1, 0].r, image[1, 0].g, image[1, 0].b][...])
        #expect(try RGBAImage(rgb)[2, 1] == RGBAPixel(image[2, 1].r, image[2, 1].g, image[2, 1].b, 255))
        let path = try scratchFolder().appendingPathComponent("t.png").path
        try PNG.write(tensor: rgb, to: path)
        #expect(try PNG.readTensor(path).scalars(as: UInt8.self) == rgb.scalars(as: UInt8.self))
        #expect(try PNG.readTensor(path, layout: .gray).shape == [3, 4, 1])
    }

    @Test func tensorOfWrongShapeOrDTypeThrows() {
        #expect(errorText { try RGBAImage(Tensor([Float](repeating: 0, count: 12), shape: [2, 2, 3])) }
            == "<tensor>: image tensors must be uint8 of shape [H, W, C], got float32")
        #expect(errorText { try RGBAImage(Tensor([UInt8](repeating: 0, count: 20), shape: [2, 2, 5])) }
            == "<tensor>: image tensors must have shape [H, W, C] with C in 1...4, got [2, 2, 5]")
    }

    @Test func independentDecoderReadsOurPNG() throws {
        let image = patternImage(width: 9, height: 5)
        let folder = try scratchFolder()
        for layout in PixelLayout.allCases {
            let path = folder.appendingPathComponent("\(layout).png").path
            try image.writePNG(to: path, layout: layout)
            guard let info = try pillowCheck(path, probes: ["0:0,0", "0:8,4", "0:3,2"]) else { return }
            #expect(info["format"] as? String == "PNG")
            #expect(info["size"] as? [Int] == [9, 5])
            #expect(info["mode"] as? String == layout.description)
            let expected = PixelBuffer(image).converted(to: layout).rgbaImage
            let pixels = (info["pixels"] as? [[Int]]) ?? []
            #expect(pixels == [(0, 0), (8, 4), (3, 2)].map { p in
                let c = expected[p.0, p.1]
                return [Int(c.r), Int(c.g), Int(c.b), Int(c.a)]
            })
        }
    }
}
