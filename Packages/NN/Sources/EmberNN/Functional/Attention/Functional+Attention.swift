import EmberCore

/// The weights of a multi-head attention (`F.multi_head_attention_forward`'s parameters).
public struct AttentionWeights {
    /// The packed [3E, E] input projection, or `nil` when q/k/v have their own.
    public var inProjWeight: Tensor?
    /// Separate projections when key or value dimensions differ from E: [E, E], [E, kdim], [E, vdim].
    public var qProjWeight: Tensor?, kProjWeight: Tensor?, vProjWeight: Tensor?
    /// The packed [3E] input bias.
    public var inProjBias: Tensor?
    /// Biases appended to the keys and values as one extra position, [1, 1, E].
    public var biasK: Tensor?, biasV: Tensor?
    /// The output projection [E, E] and its bias.
    public var outProjWeight: Tensor, outProjBias: Tensor?

    /// Collects the weights (argument names as PyTorch's).
    public init(inProjWeight: Tensor?, qProjWeight: Tensor? = nil, kProjWeight: Tensor? = nil, vProjWeight: Tensor? = nil,
                inProjBias: Tensor?, biasK: Tensor? = nil, biasV: Tensor? = nil, outProjWeight: Tensor, outProjBias: Tensor?) {
        self.inProjWeight = inProjWeight
        self.qProjWeight = qProjWeight
        self.kProjWeight = kProjWeight
        self.vProjWeight = vProjWeight
        self.inProjBias = inProjBias
        self.biasK = biasK
        self.biasV = biasV
        self.outProjWeight = outProjWeight
        self.outProjBias = outProjBias
    }
}

extension Functional {
    /// Multi-head attention over sequence-first inputs (`F.multi_head_attention_forward`):
    /// query [L, N, E] (or unbatched [L, E]), key [S, N, kdim], value [S, N, vdim].
    ///
    /// `keyPaddingMask` [N, S] and `attnMask` [L, S] or [N·heads, L, S] are boolean (true =
    /// not attended) or float (added to the scores). Returns the output [L, N, E] and, when
    /// `needWeights`, the attention weights [N, L, S] averaged over heads (or
    /// [N, heads, L, S] unless `averageAttnWeights`).
    public static func multiHeadAttention(
        query: Tensor, key: Tensor, value: Tensor, numHeads: Int, weights w: AttentionWeights,
        addZeroAttn: Bool = false, dropout p: Double = 0, training: Bool = true,
        keyPaddingMask: Tensor? = nil, needWeights: Bool = true, attnMask: Tensor? = nil, averageAttnWeights: Bool = true
    ) -> (output: Tensor, weights: Tensor?) {
        let batched = query.rank == 3
        precondition(query.rank == 3 || query.rank == 2,
                     "query should be unbatched 2D or batched 3D tensor but received \(query.rank)-D query tensor")
        precondition(key.rank == query.rank && value.rank == query.rank,
                     "For \(batched ? "batched (3-D)" : "unbatched (2-D)") `query`, expected `key` and `value` to be \(query.rank)-D but found \(key.rank)-D and \(value.rank)-D tensors respectively")
        let q0 = batched ? query : query.unsqueeze(1), k0 = batched ? key : key.unsqueeze(1), v0 = batched ? value : value.unsqueeze(1)
        let kpm = keyPaddingMask.map { batched ? $0 : $0.unsqueeze(0) }
        let (tgt, bsz, embed) = (q0.shape[0], q0.shape[1], q0.shape[2])
        precondition(embed == w.outProjWeight.shape[0], "was expecting embedding dimension of \(w.outProjWeight.shape[0]), but got \(embed)")
        precondition(embed % numHeads == 0, "embed_dim \(embed) not divisible by num_heads \(numHeads)")
        let headDim = embed / numHeads
        var (q, k, v) = inProjection(q0, k0, v0, w, sameInput: query === key && key === value)
        var mask = attnMask.map { canonical($0, like: q) }
        var padding = kpm.map { canonical($0, like: q) }
        if let m = mask {
            let srcLen = k.shape[0]
            if m.rank == 2 {
                precondition(m.shape == [tgt, srcLen], "The shape of the 2D attn_mask is \(m.shape), but should be \([tgt, srcLen]).")
                mask = m.unsqueeze(0)
            } else {
                precondition(m.shape == [bsz * numHeads, tgt, srcLen],
                             "The shape of the 3D attn_mask is \(m.shape), but should be \([bsz * numHeads, tgt, srcLen]).")
            }
        }
        if let bk = w.biasK, let bv = w.biasV {
            k = Tensor.cat([k, bk.expand([1, bsz, embed])], dim: 0)
            v = Tensor.cat([v, bv.expand([1, bsz, embed])], dim: 0)
            mask = mask.map { padLast($0) }
            padding = padding.map { padLast($0) }
        }
        q = q.reshape([tgt, bsz * numHeads, headDim]).transpose(0, 1)
        k = k.reshape([k.shape[0], bsz * numHeads, headDim]).transpose(0, 1)
        v = v.reshape([v.shape[0], bsz * numHeads, headDim]).transpose(0, 1)
        if addZeroAttn {
            k = Tensor.cat([k, Tensor.zeros([bsz * numHeads, 1, headDim], dtype: k.dtype)], dim: 1)
            v = Tensor.cat([v, Tensor.zeros([bsz * numHeads, 1, headDim], dtype: v.dtype)], dim: 1)
            mask = mask.map { padLast($0) }
            padding = padding.map { padLast($0) }
        }
        let srcLen = k.shape[1]
        if let pm = padding {
            precondition(pm.shape == [bsz, srcLen], "expecting key_padding_mask shape of \([bsz, srcLen]), but got \(pm.shape)")
            let expanded = pm.reshape([bsz, 1, 1, srcLen]).expand([bsz, numHeads, 1, srcLen]).reshape([bsz * numHeads, 1, srcLen])
            mask = mask.map { $0 + expanded } ?? expanded
        }
        let scaled = q * Scalar.double((1 / Double(headDim)).squareRoot())
        var scores = scaled.bmm(k.transpose(1, 2))
        if let mask { scores = scores + mask }
        var attention = scores.softmax(dim: -1)
        if p > 0 && training { attention = dropout(attention, p: p, training: true) }
        var out = attention.bmm(v).transpose(0, 1).contiguous().reshape([tgt * bsz, embed])
        out = linear(out, weight: w.outProjWeight, bias: w.outProjBias).reshape([tgt, bsz, embed])
        var weights: Tensor?
        if needWeights {
            var a = attention.reshape([bsz, numHeads, tgt, srcLen])
            if averageAttnWeights { a = a.mean(dim: 1) }
            weights = batched ? a : a.squeeze(dim: 0)
        }
        return (batched ? out : out.squeeze(dim: 1), weights)
    }

    /// q, k and v projected by the packed or separate input weights.
    private static func inProjection(_ q: Tensor, _ k: Tensor, _ v: Tensor, _ w: AttentionWeights, sameInput: Bool)
        -> (Tensor, Tensor, Tensor)
    {
        let e = q.shape[2]
        let biases = w.inProjBias.map { $0.chunk(3, dim: 0) }
        if let packed = w.inProjWeight {
            if sameInput {
                let all = linear(q, weight: packed, bias: w.inProjBias).chunk(3, dim: -1)
                return (all[0], all[1], all[2])
            }
            let ws = packed.chunk(3, dim: 0)
            return (linear(q, weight: ws[0], bias: biases?[0]), linear(k, weight: ws[1], bias: biases?[1]),
                    linear(v, weight: ws[2], bias: biases?[2]))
        }
        guard let wq = w.qProjWeight, let wk = w.kProjWeight, let wv = w.vProjWeight else {
            preconditionFailure("multi_head_attention: use_separate_proj_weight needs q_proj_weight, k_proj_weight and v_proj_weight (embed_dim \(e))")
        }
        return (linear(q, weight: wq, bias: biases?[0]), linear(k, weight: wk, bias: biases?[1]), linear(v, weight: wv, bias: biases?[2]))
    }

    /// A boolean mask as a float one (−∞ where true, 0 elsewhere) in `like`'s dtype; a float
    /// mask as is.
    private static func canonical(_ mask: Tensor, like: Tensor) -> Tensor {
        if mask.dtype == .bool {
            return Tensor.zeros(mask.shape, dtype: like.dtype).maskedFill(mask, .double(-Double.infinity))
        }
        precondition(mask.dtype.isFloatingPoint, "only bool and floating types of masks are supported, got \(mask.dtype)")
        return mask.dtype == like.dtype ? mask : mask.to(like.dtype)
    }

    /// `mask` with one zero column appended on its last dimension (`F.pad(mask, (0, 1))`).
    private static func padLast(_ mask: Tensor) -> Tensor {
        var shape = mask.shape
        shape[shape.count - 1] = 1
        return Tensor.cat([mask, Tensor.zeros(shape, dtype: mask.dtype)], dim: -1)
    }
}
