import EmberCore

/// How a convolution layer pads its input (`padding_mode`): with zeros (inside the
/// convolution), or beforehand by reflecting, replicating or wrapping around the edges.
public enum PaddingMode: String, Sendable {
    /// Zeros (the default).
    case zeros
    /// Mirror images without repeating the edge: [a b c] → b [a b c] b.
    case reflect
    /// Copies of the edge: [a b c] → a [a b c] c.
    case replicate
    /// The other end: [a b c] → c [a b c] a.
    case circular

    /// The source position of each element of a dimension of `size` padded by `left` and
    /// `right` (PyTorch's rules and limits for F.pad).
    func sourceIndices(size: Int, left: Int, right: Int) -> [Int64] {
        switch self {
        case .reflect:
            precondition(left < size && right < size,
                         "Padding size should be less than the corresponding input dimension, but got: padding (\(left), \(right)) for a dimension of size \(size)")
        case .circular:
            precondition(left <= size && right <= size, "Padding value causes wrapping around more than once.")
        case .replicate, .zeros:
            precondition(size > 0, "padding a dimension of size 0")
        }
        return (-left ..< size + right).map { i -> Int64 in
            switch self {
            case .reflect: return Int64(i < 0 ? -i : i >= size ? 2 * (size - 1) - i : i)
            case .circular: return Int64((i % size + size) % size)
            case .replicate, .zeros: return Int64(Swift.min(Swift.max(i, 0), size - 1))
            }
        }
    }

    /// `input` padded on its last `pads.count` dimensions by (left, right) each, by gathering
    /// source positions (differentiable: the gradient adds back at the sources).
    func pad(_ input: Tensor, _ pads: [(left: Int, right: Int)]) -> Tensor {
        var x = input
        for (d, p) in pads.enumerated() where p.left > 0 || p.right > 0 {
            let dim = x.rank - pads.count + d
            let index = Tensor(sourceIndices(size: x.shape[dim], left: p.left, right: p.right), shape: [x.shape[dim] + p.left + p.right])
            x = x.indexSelect(dim: dim, index: index)
        }
        return x
    }
}

extension ConvNd {
    /// The input padded by ``paddingMode`` (explicit sizes on both sides, or "same"'s split
    /// with the extra on the right), ready for a convolution without padding.
    func padded(_ input: Tensor) -> Tensor {
        let pads: [(left: Int, right: Int)]
        switch padding {
        case .explicit(let p): pads = p.map { ($0, $0) }
        case .valid: pads = kernelSize.map { _ in (0, 0) }
        case .same:
            pads = zip(kernelSize, dilation).map { k, d in
                let total = d * (k - 1)
                return (total / 2, total - total / 2)
            }
        }
        return paddingMode.pad(input, pads)
    }
}
