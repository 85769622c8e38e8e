import EmberImage
import Foundation
import Testing

/// PNG files written by Pillow (and 16-bit ones assembled by make_png_fixtures.py), checked
/// against the pixels Pillow decodes from them.
@Suite struct PNGFixtureTests {
    static let names = ["rgba.png", "rgb.png", "gray.png", "gray_alpha.png", "palette.png",
                        "palette_alpha.png", "gray_1bit.png", "gray16.png", "rgb16.png", "rgba16.png"]

    @Test(arguments: names)
    func readsLikePillow(name: String) throws {
        let truth = try #require((try fixtureJSON("pngs.json") as? [String: Any])?[name] as? [String: Any])
        let pixels = try PNG.read(fixtures.appendingPathComponent(name).path)
        #expect(pixels.width == truth["width"] as? Int)
        #expect(pixels.height == truth["height"] as? Int)
        #expect(pixels.layout.description == truth["layout"] as? String)
        #expect(pixels.rgbaImage.pixels.map(Int.init) == truth["rgba"] as? [Int])
    }

    @Test func everyFixtureIsListed() throws {
        let truth = try #require(try fixtureJSON("pngs.json") as? [String: Any])
        #expect(Set(truth.keys) == Set(Self.names))
    }
}
