import EmberAutograd
import EmberCore

// The two gradients of a convolution, chunk by chunk over Core's pool like the forward:
//   inputGrad:   image = col2im(Wᵀ · gout rows)
//   weightGrad:  W     = Σ_chunks gout rows · im2col(image)ᵀ
// and both at once (`gradients`), which shuffles each chunk's output gradient into rows
// once and runs one parallel pass instead of two. Weight-gradient partials are summed in
// chunk order: the same bits for any thread count, and for the separate and joint forms.

extension ConvCompute {
    /// The gradient on the image side of `gout` ([N, O, OH, OW]) through `weight`:
    /// [N, C, H, W] (the transposed convolution).
    static func inputGrad<T: FloatElement>(gout: Tensor, weight: Tensor, _ g: ConvGeometry, _: T.Type,
                                            budget: Int = columnBudget) -> Tensor {
        let go = gout.detach().contiguous(), wt = transposedWeight(weight, g)
        let image = Tensor.zeros(g.imageShape, dtype: T.dtype)
        forEachChunk(g, budget: budget) { n0, nb in
            foldPart(wt, outputRows(go, g, n0: n0, nb: nb, T.self), into: image, g, n0: n0, nb: nb, T.self)
        }
        return image
    }

    /// The gradient of the weight from `image` ([N, C, H, W]) and `gout` ([N, O, OH, OW]):
    /// [O, C/groups, kH, kW].
    static func weightGrad<T: FloatElement>(image: Tensor, gout: Tensor, _ g: ConvGeometry, _: T.Type,
                                             budget: Int = columnBudget) -> Tensor {
        let x = image.contiguous(), go = gout.detach().contiguous()
        let parts = chunks(g, budget: budget)
        var partials = [Tensor?](repeating: nil, count: parts.count)
        partials.withUnsafeMutableBufferPointer { slots in
            Parallel.forEach(parts.count) { i in
                let (n0, nb) = parts[i]
                slots[i] = weightPart(x, outputRows(go, g, n0: n0, nb: nb, T.self), g, n0: n0, nb: nb, T.self)
            }
        }
        return sum(partials, g, T.self)
    }

    /// Both gradients of a (non-transposed) convolution in one pass: (input, weight).
    static func gradients<T: FloatElement>(image: Tensor, weight: Tensor, gout: Tensor, _ g: ConvGeometry, _: T.Type,
                                            budget: Int = columnBudget) -> (Tensor, Tensor) {
        let x = image.contiguous(), go = gout.detach().contiguous(), wt = transposedWeight(weight, g)
        let imageGrad = Tensor.zeros(g.imageShape, dtype: T.dtype)
        let parts = chunks(g, budget: budget)
        var partials = [Tensor?](repeating: nil, count: parts.count)
        partials.withUnsafeMutableBufferPointer { slots in
            Parallel.forEach(parts.count) { i in
                let (n0, nb) = parts[i]
                let rows = outputRows(go, g, n0: n0, nb: nb, T.self)
                foldPart(wt, rows, into: imageGrad, g, n0: n0, nb: nb, T.self)
                slots[i] = weightPart(x, rows, g, n0: n0, nb: nb, T.self)
            }
        }
        return (imageGrad, sum(partials, g, T.self))
    }

    /// The weight as [groups, rows, O/groups] (a transposed view), detached: products on
    /// pool threads must not record autograd graphs.
    static func transposedWeight(_ weight: Tensor, _ g: ConvGeometry) -> Tensor {
        weight.detach().contiguous().reshape([g.groups, g.og, g.rows]).transpose(1, 2)
    }

    /// Adds chunk (n0, nb)'s image gradient, col2im of `wt` · `rows`, onto `image`.
    static func foldPart<T: FloatElement>(_ wt: Tensor, _ rows: Tensor, into image: Tensor, _ g: ConvGeometry,
                                          n0: Int, nb: Int, _: T.Type) {
        let cols = groupProduct(wt, rows)
        cols.withUnsafePointer(as: T.self) { src in
            image.withUnsafeMutablePointer(as: T.self) { PlaneLoops.fold(src, $0, g, n0: n0, nb: nb) }
        }
    }

    /// Chunk (n0, nb)'s weight gradient: `rows` · im2col(x)ᵀ, [groups, O/groups, rows].
    static func weightPart<T: FloatElement>(_ x: Tensor, _ rows: Tensor, _ g: ConvGeometry, n0: Int, nb: Int, _: T.Type) -> Tensor {
        let cols = Tensor(empty: [g.groups, g.rows, nb * g.outPlane], dtype: T.dtype)
        x.withUnsafePointer(as: T.self) { src in
            cols.withUnsafeMutablePointer(as: T.self) { PlaneLoops.unfold(src, $0, g, n0: n0, nb: nb) }
        }
        return groupProduct(rows, cols.transpose(1, 2))
    }

    /// The chunks' weight-gradient partials summed in chunk order, in the weight's shape.
    static func sum<T: FloatElement>(_ partials: [Tensor?], _ g: ConvGeometry, _: T.Type) -> Tensor {
        let total = partials.compactMap { $0 }.reduce(nil as Tensor?) { sum, part in sum.map { $0 + part } ?? part }
        return (total ?? Tensor.zeros([g.groups, g.og, g.rows], dtype: T.dtype)).reshape(g.weightShape)
    }
}
