/// One 8-bit RGBA pixel, straight (not premultiplied) alpha.
public struct RGBAPixel: Sendable, Hashable, CustomStringConvertible {
    /// Red, 0...255.
    public var r: UInt8
    /// Green, 0...255.
    public var g: UInt8
    /// Blue, 0...255.
    public var b: UInt8
    /// Opacity, 0 (transparent) ... 255 (opaque).
    public var a: UInt8

    /// A pixel from its four channels (opaque unless `a` says otherwise).
    @inlinable public init(_ r: UInt8, _ g: UInt8, _ b: UInt8, _ a: UInt8 = 255) {
        self.r = r
        self.g = g
        self.b = b
        self.a = a
    }

    /// Opaque white.
    public static let white = RGBAPixel(255, 255, 255)
    /// Opaque black.
    public static let black = RGBAPixel(0, 0, 0)
    /// Fully transparent black.
    public static let transparent = RGBAPixel(0, 0, 0, 0)

    /// `rgba(r, g, b, a)`.
    public var description: String { "rgba(\(r), \(g), \(b), \(a))" }

    /// `self` painted over `background` with `coverage` (0...1) times its own alpha,
    /// Porter-Duff source-over with straight alpha, rounded to the nearest 8-bit value.
    @inlinable public func composited(over background: RGBAPixel, coverage: Double = 1) -> RGBAPixel {
        let sa = Double(a) / 255 * Swift.min(Swift.max(coverage, 0), 1)
        if sa >= 1 { return self }
        if sa <= 0 { return background }
        let da = Double(background.a) / 255
        let oa = sa + da * (1 - sa)
        func channel(_ s: UInt8, _ d: UInt8) -> UInt8 {
            let v = (Double(s) * sa + Double(d) * da * (1 - sa)) / oa
            return UInt8(Swift.min(Swift.max(v.rounded(), 0), 255))
        }
        return RGBAPixel(channel(r, background.r), channel(g, background.g), channel(b, background.b),
                         UInt8((oa * 255).rounded()))
    }
}
