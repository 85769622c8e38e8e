import EmberCore

/// The sizes of a 2-D pooling over the last two dimensions of a [*, H, W] input, seen as
/// `planes` independent H×W planes, with PyTorch's output-size rule.
struct PoolGeometry: Sendable {
    var planes, h, w: Int
    var kh, kw, sh, sw, ph, pw, dh, dw: Int
    var oh, ow: Int
    var plane: Int { h * w }
    var outPlane: Int { oh * ow }
    /// Whether every window is a 2×2 block at stride 2 inside the plane (no padding or
    /// dilation, no partial ceil-mode window): max pooling's fast path.
    var isHalving: Bool {
        kh == 2 && kw == 2 && sh == 2 && sw == 2 && ph == 0 && pw == 0 && dh == 1 && dw == 1 && 2 * oh <= h && 2 * ow <= w
    }

    /// The geometry of a window pooling of `shape` (3-D or 4-D) after PyTorch's checks.
    init(op: String, shape: [Int], kernel: [Int], stride: [Int], padding: [Int], dilation: [Int], ceilMode: Bool) throws {
        func two(_ v: [Int], _ name: String, fallback: [Int]? = nil) throws -> [Int] {
            if v.isEmpty, let fallback { return fallback }
            if v.count == 1 { return [v[0], v[0]] }
            guard v.count == 2 else {
                throw EmberError(.invalidArgument, op: op, "\(op): \(name) must either be a single int, or a tuple of two ints")
            }
            return v
        }
        let k = try two(kernel, "kernel_size")
        let s = try two(stride, "stride", fallback: k), p = try two(padding, "padding"), d = try two(dilation, "dilation")
        guard k.allSatisfy({ $0 > 0 }) else {
            throw EmberError(.invalidArgument, op: op, "kernel size should be greater than zero, but got kH: \(k[0]) kW: \(k[1])")
        }
        guard s.allSatisfy({ $0 > 0 }) else {
            throw EmberError(.invalidArgument, op: op, "stride should be greater than zero, but got dH: \(s[0]) dW: \(s[1])")
        }
        guard d.allSatisfy({ $0 > 0 }) else {
            throw EmberError(.invalidArgument, op: op, "dilation should be greater than zero, but got dilationH: \(d[0]) dilationW: \(d[1])")
        }
        guard (shape.count == 3 || shape.count == 4), !shape.dropFirst(shape.count - 3).contains(0) else {
            throw EmberError(.shapeMismatch, op: op, "non-empty 3D or 4D (batch mode) tensor expected for input")
        }
        for i in 0..<2 where p[i] > ((k[i] - 1) * d[i] + 1) / 2 {
            throw EmberError(.invalidArgument, op: op,
                "pad should be at most half of effective kernel size, but got pad=\(p[i]), kernel_size=\(k[i]) and dilation=\(d[i])")
        }
        planes = shape.dropLast(2).reduce(1, *)
        h = shape[shape.count - 2]; w = shape[shape.count - 1]
        kh = k[0]; kw = k[1]; sh = s[0]; sw = s[1]; ph = p[0]; pw = p[1]; dh = d[0]; dw = d[1]
        oh = PoolGeometry.outputSize(h, kh, sh, ph, dh, ceilMode)
        ow = PoolGeometry.outputSize(w, kw, sw, pw, dw, ceilMode)
        guard oh >= 1, ow >= 1 else {
            throw EmberError(.shapeMismatch, op: op,
                "Given input size: (\(shape[shape.count - 3])x\(h)x\(w)). Calculated output size: (\(shape[shape.count - 3])x\(oh)x\(ow)). Output size is too small")
        }
    }

    /// PyTorch's pooling output size: ⌊ or ⌈ (size + 2·pad − dilation·(k − 1) − 1) / stride ⌉ + 1,
    /// where ceil mode never starts a window in the right padding.
    static func outputSize(_ size: Int, _ k: Int, _ s: Int, _ p: Int, _ d: Int, _ ceil: Bool) -> Int {
        let numerator = size + 2 * p - d * (k - 1) - 1 + (ceil ? s - 1 : 0)
        var out = (numerator >= 0 ? numerator / s : -((-numerator + s - 1) / s)) + 1
        if ceil && (out - 1) * s >= size + p { out -= 1 }
        return out
    }

    /// The output shape for an input of `shape`.
    func outputShape(_ shape: [Int]) -> [Int] { Array(shape.dropLast(2)) + [oh, ow] }
}

/// The window of an adaptive pooling: [⌊i·in/out⌋, ⌈(i+1)·in/out⌉).
@inline(__always)
func adaptiveRange(_ i: Int, _ input: Int, _ output: Int) -> Range<Int> {
    (i * input / output) ..< (((i + 1) * input + output - 1) / output)
}
