import EmberCore

extension PixelBuffer {
    /// The pixels of a contiguous-or-not uint8 tensor of shape `[H, W, C]` with `C` of 1, 2,
    /// 3 or 4 (the layout `torchvision.io.decode_png` and `numpy.asarray(pil_image)` use).
    /// Throws ``ImageError/Reason/invalidArgument`` for another dtype or shape.
    public init(_ tensor: Tensor) throws {
        guard tensor.dtype == .uint8 else {
            throw ImageError(.invalidArgument, file: "<tensor>",
                "image tensors must be uint8 of shape [H, W, C], got \(tensor.dtype)")
        }
        guard tensor.shape.count == 3, let layout = PixelLayout(rawValue: tensor.shape[2]) else {
            throw ImageError(.invalidArgument, file: "<tensor>",
                "image tensors must have shape [H, W, C] with C in 1...4, got \(tensor.shape)")
        }
        self.init(unchecked: tensor.shape[1], tensor.shape[0], layout, tensor.scalars(as: UInt8.self))
    }

    /// A new contiguous uint8 tensor of shape `[height, width, channels]`.
    public var tensor: Tensor {
        Tensor(bytes, shape: [height, width, layout.channels])
    }
}

extension RGBAImage {
    /// An image from a uint8 tensor `[H, W, C]`: gray and RGB become opaque RGBA
    /// (see ``PixelBuffer/converted(to:)``).
    public init(_ tensor: Tensor) throws {
        self = try PixelBuffer(tensor).rgbaImage
    }

    /// A uint8 tensor `[height, width, C]` of the pixels in `layout` (RGBA by default).
    public func tensor(layout: PixelLayout = .rgba) -> Tensor {
        PixelBuffer(self).converted(to: layout).tensor
    }
}
