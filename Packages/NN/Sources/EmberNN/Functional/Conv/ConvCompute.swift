import EmberAutograd
import EmberCore

// The three products of a 2-D convolution, each an im2col/col2im pass around one GEMM per
// group (mm for one group, bmm over groups), over chunks of the batch so the columns stay
// bounded; the chunks run in parallel on Core's pool. The GEMMs go through the dispatcher, so a faster mm/bmm (Plugins/BLAS) speeds
// them up. All tensors here are 4-D and of element type T.
//   forward:      out   = W ⋆ image            (+ bias)
//   inputGrad:    image = Wᵀ ⋆ gout            (col2im of Wᵀ · gout columns)
//   weightGrad:   W     = gout · columns(image)ᵀ

enum ConvCompute {
    /// The most elements one chunk of columns may hold (at least one image per chunk):
    /// 128K elements (512 KB of float32) stay in a core's L2 cache between the im2col pass
    /// that writes them and the GEMM that reads them; the LeNet-5 training step measured
    /// 15-20% faster than with whole-batch columns, which stream through memory twice.
    static let columnBudget = 1 << 17

    /// The chunks of the batch, as (first image, image count), each with at most `budget`
    /// column elements (at least one image).
    static func chunks(_ g: ConvGeometry, budget: Int) -> [(Int, Int)] {
        let size = Swift.max(1, Swift.min(g.n, budget / Swift.max(1, g.c * g.kh * g.kw * g.outPlane)))
        return Swift.stride(from: 0, to: g.n, by: size).map { ($0, Swift.min(size, g.n - $0)) }
    }

    /// One GEMM per group: [groups, m, k] × [groups, k, n] → [groups, m, n] (contiguous).
    static func groupProduct(_ a: Tensor, _ b: Tensor) -> Tensor {
        if a.shape[0] == 1 {
            return a.reshape([a.shape[1], a.shape[2]]).mm(b.reshape([b.shape[1], b.shape[2]])).contiguous()
        }
        return a.bmm(b).contiguous()
    }

    /// The convolution of `image` ([N, C, H, W]) with `weight` ([O, C/groups, kH, kW]) plus
    /// `bias` ([O]): [N, O, OH, OW].
    static func forward<T: FloatElement>(image: Tensor, weight: Tensor, bias: Tensor?, _ g: ConvGeometry, _: T.Type,
                                          budget: Int = columnBudget) -> Tensor {
        let x = image.contiguous(), b = bias?.contiguous()
        let w = weight.detach().contiguous().reshape([g.groups, g.og, g.rows])
        let out = Tensor(empty: g.outputShape, dtype: T.dtype)
        forEachChunk(g, budget: budget) { n0, nb in
            let cols = Tensor(empty: [g.groups, g.rows, nb * g.outPlane], dtype: T.dtype)
            x.withUnsafePointer(as: T.self) { src in
                cols.withUnsafeMutablePointer(as: T.self) { PlaneLoops.unfold(src, $0, g, n0: n0, nb: nb) }
            }
            let product = groupProduct(w, cols)
            product.withUnsafePointer(as: T.self) { src in
                out.withUnsafeMutablePointer(as: T.self) { dst in
                    if let b {
                        b.withUnsafePointer(as: T.self) { Im2Col.batchFirst(src, dst, bias: $0, o: g.o, l: g.outPlane, n0: n0, nb: nb) }
                    } else {
                        Im2Col.batchFirst(src, dst, bias: nil, o: g.o, l: g.outPlane, n0: n0, nb: nb)
                    }
                }
            }
        }
        return out
    }

    /// Runs `body(n0, nb)` for every chunk of the batch, chunks spread over Core's pool
    /// (PyTorch's CPU convolutions split the batch the same way). Each chunk is an
    /// im2col/col2im pass and its own products, which run single-threaded inside a pool
    /// task; chunks write disjoint images. Tensors the bodies multiply must not require
    /// gradients (pool threads record autograd graphs like any thread): callers detach.
    static func forEachChunk(_ g: ConvGeometry, budget: Int, _ body: (Int, Int) -> Void) {
        let parts = chunks(g, budget: budget)
        Parallel.forEach(parts.count) { i in body(parts[i].0, parts[i].1) }
    }

    /// The output side of chunk (n0, nb) of `gout` ([N, O, OH, OW], contiguous) as
    /// [groups, O/groups, nb·OH·OW].
    static func outputRows<T: FloatElement>(_ gout: Tensor, _ g: ConvGeometry, n0: Int, nb: Int, _: T.Type) -> Tensor {
        let rows = Tensor(empty: [g.groups, g.og, nb * g.outPlane], dtype: T.dtype)
        gout.withUnsafePointer(as: T.self) { src in
            rows.withUnsafeMutablePointer(as: T.self) { Im2Col.channelsFirst(src, $0, o: g.o, l: g.outPlane, n0: n0, nb: nb) }
        }
        return rows
    }

    /// `bias` added per channel to a [N, C, H, W] result computed in place.
    static func addBias<T: FloatElement>(_ out: Tensor, _ bias: Tensor, _: T.Type) {
        let b = bias.contiguous()
        out.withUnsafeMutablePointer(as: T.self) { dst in
            b.withUnsafePointer(as: T.self) { Im2Col.addBias(dst, $0, n: out.shape[0], c: out.shape[1], l: out.shape[2] * out.shape[3]) }
        }
    }
}
