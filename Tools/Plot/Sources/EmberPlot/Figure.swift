import EmberImage

/// A figure of one ``Axes``, rendered to an `RGBAImage` (`plt.subplots()`).
///
/// ```swift
/// let fig = Figure(inches: (12, 7))            // 1200 × 700 at 100 dpi
/// fig.axes.scatter(x, y, color: "purple")
/// try fig.savePNG("plot.png")
/// ```
public final class Figure {
    /// Width in pixels.
    public let width: Int
    /// Height in pixels.
    public let height: Int
    /// Pixels per inch: font sizes and line widths in points scale with it.
    public let dpi: Double
    /// The figure's axes.
    public let axes: Axes
    /// The colour behind everything (white).
    public var facecolor: Color = .white

    /// A figure of `width × height` pixels (matplotlib's default is 640 × 480 at 100 dpi).
    public init(width: Int = 640, height: Int = 480, dpi: Double = 100) {
        precondition(width > 0 && height > 0 && dpi > 0, "Figure: size \(width)x\(height) at \(dpi) dpi")
        self.width = width
        self.height = height
        self.dpi = dpi
        axes = Axes(dpi: dpi)
    }

    /// A figure of `inches` (matplotlib's `figsize`) at `dpi`.
    public convenience init(inches: (Double, Double), dpi: Double = 100) {
        self.init(width: Int((inches.0 * dpi).rounded()), height: Int((inches.1 * dpi).rounded()), dpi: dpi)
    }

    /// Draws the figure (`fig.canvas.draw()`), opaque RGBA.
    public func render() -> RGBAImage {
        var image = RGBAImage(width: width, height: height, color: facecolor.pixel)
        axes.draw(into: &image)
        return image
    }

    /// Renders and writes the figure as an RGB PNG file (`fig.savefig`), atomically.
    public func savePNG(_ path: String) throws {
        try render().writePNG(to: path, layout: .rgb)
    }
}

/// An animated GIF made of rendered figures, one frame each (the seed's
/// `images[0].save(path, save_all=True, append_images=..., duration=100, loop=0)`).
///
/// Frames go to disk as they come; ``finish()`` completes the file.
public final class Animation {
    private let writer: GIFWriter
    /// Milliseconds each frame shows.
    public let durationMilliseconds: Int

    /// Starts `path` for frames of `width × height` pixels.
    public init(path: String, width: Int, height: Int, durationMilliseconds: Int = 100, loopCount: Int = 0) throws {
        writer = try GIFWriter(path: path, width: width, height: height, loopCount: loopCount)
        self.durationMilliseconds = durationMilliseconds
    }

    /// Starts `path` for frames the size of `figure`.
    public convenience init(path: String, figure: Figure, durationMilliseconds: Int = 100, loopCount: Int = 0) throws {
        try self.init(path: path, width: figure.width, height: figure.height,
                      durationMilliseconds: durationMilliseconds, loopCount: loopCount)
    }

    /// Frames added so far.
    public var frameCount: Int { writer.frameCount }

    /// Renders `figure` and adds it as the next frame.
    public func append(_ figure: Figure) throws { try append(figure.render()) }

    /// Adds an image as the next frame.
    public func append(_ image: RGBAImage) throws {
        try writer.append(image, durationMilliseconds: durationMilliseconds)
    }

    /// Completes the GIF file (written under a temporary name until now).
    public func finish() throws { try writer.finish() }
}
