// EmberNN's layers in the shared ``LayerRegistry``. Each family of layers lists its
// builders in a `static let` of its own (in a `LayerRegistry+<Family>.swift` file) and
// adds ONE line here; ``LayerRegistry/shared`` registers them all on first use.

extension LayerRegistry {
    /// One name and builder.
    public typealias Registration = (name: String, builder: Builder)

    /// Every EmberNN layer family's registrations, in order.
    static let packageLayers: [[Registration]] = [
        basicLayers,
        activationLayers,
        embeddingLayers,
        convLayers,
        poolingLayers,
        normalizationLayers,
    ]

    /// Linear, Identity, Flatten, Unflatten, Bilinear.
    static let basicLayers: [Registration] = [
        ("Identity", { args in args.ignoreRest(); return Identity() }),
        ("Linear", { args in
            Linear(try args.int("in_features"), try args.int("out_features"), bias: try args.bool("bias", default: true),
                   dtype: try args.dtype())
        }),
        ("Bilinear", { args in
            Bilinear(try args.int("in1_features"), try args.int("in2_features"), try args.int("out_features"),
                     bias: try args.bool("bias", default: true), dtype: try args.dtype())
        }),
        ("Flatten", { args in Flatten(startDim: try args.int("start_dim", default: 1), endDim: try args.int("end_dim", default: -1)) }),
        ("Unflatten", { args in Unflatten(dim: try args.int("dim"), sizes: try args.ints("unflattened_size")) }),
    ]

    /// Embedding.
    static let embeddingLayers: [Registration] = [
        ("Embedding", { args in
            Embedding(try args.int("num_embeddings"), try args.int("embedding_dim"),
                      paddingIdx: try args.optionalInt("padding_idx"), maxNorm: try args.optionalDouble("max_norm"),
                      normType: try args.double("norm_type", default: 2),
                      scaleGradByFreq: try args.bool("scale_grad_by_freq", default: false),
                      sparse: try args.bool("sparse", default: false), dtype: try args.dtype())
        }),
    ]
}
