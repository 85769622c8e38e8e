import EmberCore

// The geometry of a 2-D convolution seen from the im2col side: an "image" [N, C, H, W] is
// unfolded into columns and multiplied by a weight [O, C/groups, kH, kW] to give the "output"
// [N, O, OH, OW]. A transposed convolution is the same geometry read backwards: its input is
// the output side and its result the image side (the weight [Cin, Cout/groups, kH, kW] has
// the same layout). 1-D convolutions are 2-D ones with H = kH = 1.

/// The hyper-parameters of a convolution, one entry per spatial dimension.
struct ConvParams: Sendable {
    var stride: [Int]
    var padding: [Int]
    var dilation: [Int]
    var transposed: Bool
    var outputPadding: [Int]
    var groups: Int

    /// The parameters as 2-D ones (a 1-D convolution gets a leading unit dimension).
    var as2d: ConvParams {
        guard stride.count == 1 else { return self }
        return ConvParams(stride: [1] + stride, padding: [0] + padding, dilation: [1] + dilation,
                          transposed: transposed, outputPadding: [0] + outputPadding, groups: groups)
    }

    /// Reads `count`-element lists: a single value repeats (PyTorch's `int[2] stride=1`).
    static func list(_ values: [Int], _ count: Int, _ name: String, op: String) throws -> [Int] {
        if values.count == count { return values }
        if values.count == 1 { return Array(repeating: values[0], count: count) }
        throw EmberError(.invalidArgument, op: op,
            "expected \(name) to be a single integer value or a list of \(count) values to match the convolution dimensions, but got \(name)=\(values)")
    }

    /// Checks the values PyTorch rejects before looking at shapes.
    func validate(op: String) throws {
        if stride.contains(where: { $0 <= 0 }) { throw EmberError(.invalidArgument, op: op, "non-positive stride is not supported") }
        if padding.contains(where: { $0 < 0 }) { throw EmberError(.invalidArgument, op: op, "negative padding is not supported") }
        if outputPadding.contains(where: { $0 < 0 }) { throw EmberError(.invalidArgument, op: op, "negative output_padding is not supported") }
        if dilation.contains(where: { $0 <= 0 }) {
            throw EmberError(.invalidArgument, op: op, "dilation should be greater than zero, but got \(dilation)")
        }
        if groups <= 0 { throw EmberError(.invalidArgument, op: op, "non-positive groups is not supported") }
    }
}

/// The sizes of one 2-D convolution on the im2col side.
struct ConvGeometry: Sendable {
    var n, c, h, w: Int          // image side
    var o, oh, ow: Int           // output side
    var kh, kw: Int
    var sh, sw, ph, pw, dh, dw: Int
    var groups: Int

    /// Channels per group on the image side, and the rows of one group's columns.
    var cg: Int { c / groups }
    var og: Int { o / groups }
    var rows: Int { cg * kh * kw }
    var plane: Int { h * w }
    var outPlane: Int { oh * ow }
    var imageShape: [Int] { [n, c, h, w] }
    var outputShape: [Int] { [n, o, oh, ow] }
    var weightShape: [Int] { [o, cg, kh, kw] }

    /// The geometry of a (transposed) convolution of a 4-D `input` with a 4-D `weight`.
    init(input: [Int], weight: [Int], _ p: ConvParams) {
        kh = weight[2]; kw = weight[3]
        sh = p.stride[0]; sw = p.stride[1]; ph = p.padding[0]; pw = p.padding[1]
        dh = p.dilation[0]; dw = p.dilation[1]
        groups = p.groups
        n = input[0]
        o = weight[0]
        if p.transposed {
            oh = input[2]; ow = input[3]
            c = weight[1] * p.groups
            h = (oh - 1) * sh - 2 * ph + dh * (kh - 1) + p.outputPadding[0] + 1
            w = (ow - 1) * sw - 2 * pw + dw * (kw - 1) + p.outputPadding[1] + 1
        } else {
            c = input[1]; h = input[2]; w = input[3]
            oh = ConvGeometry.outputSize(h, kh, sh, ph, dh)
            ow = ConvGeometry.outputSize(w, kw, sw, pw, dw)
        }
    }

    /// ⌊(size + 2·pad − dilation·(kernel − 1) − 1) / stride⌋ + 1.
    static func outputSize(_ size: Int, _ kernel: Int, _ stride: Int, _ pad: Int, _ dilation: Int) -> Int {
        let span = size + 2 * pad - dilation * (kernel - 1) - 1
        return span < 0 ? 0 : span / stride + 1
    }
}
