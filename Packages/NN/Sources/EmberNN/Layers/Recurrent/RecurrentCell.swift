import EmberCore

/// One layer in one direction of a recurrent network: the input projection of every step at
/// once, then the recurrence step by step (PyTorch's gate order and formulas).
struct RecurrentCell {
    let mode: RNNBase.Mode
    let weightIH: Tensor, weightHH: Tensor
    let biasIH: Tensor?, biasHH: Tensor?

    init(mode: RNNBase.Mode, weights: [String: Tensor], suffix: String) {
        self.mode = mode
        weightIH = weights["weight_ih" + suffix]!
        weightHH = weights["weight_hh" + suffix]!
        biasIH = weights["bias_ih" + suffix]
        biasHH = weights["bias_hh" + suffix]
    }

    /// Runs over `input` [seq, batch, features] from `initial` (h, and c for LSTM, each
    /// [batch, hidden]); `reverse` walks the sequence backwards. Returns the hidden state of
    /// every step [seq, batch, hidden] (in sequence order) and the final states.
    func run(_ input: Tensor, initial: [Tensor], reverse: Bool) -> (output: Tensor, final: [Tensor]) {
        let steps = input.shape[0]
        let projected = Functional.linear(input, weight: weightIH, bias: biasIH)
        var h = initial[0]
        var c = initial.count > 1 ? initial[1] : nil
        var outputs = [Tensor]()
        outputs.reserveCapacity(steps)
        for step in 0..<steps {
            let t = reverse ? steps - 1 - step : step
            let gi = projected.select(dim: 0, index: t)
            let gh = Functional.linear(h, weight: weightHH, bias: biasHH)
            switch mode {
            case .rnnTanh: h = (gi + gh).tanh()
            case .rnnReLU: h = (gi + gh).relu()
            case .lstm: (h, c) = lstmStep(gi + gh, c!)
            case .gru: h = gruStep(gi, gh, h)
            }
            outputs.append(h)
        }
        if reverse { outputs.reverse() }
        let output = steps == 0
            ? Tensor.zeros([0, input.shape[1], weightHH.shape[1]], dtype: input.dtype)
            : Tensor.stack(outputs, dim: 0)
        return (output, c.map { [h, $0] } ?? [h])
    }

    /// i, f, g, o = σ, σ, tanh, σ of the gate blocks; c' = f·c + i·g; h' = o·tanh(c').
    private func lstmStep(_ gates: Tensor, _ c: Tensor) -> (Tensor, Tensor) {
        let g = gates.chunk(4, dim: 1)
        let i = g[0].sigmoid(), f = g[1].sigmoid(), cell = g[2].tanh(), o = g[3].sigmoid()
        let c2 = f * c + i * cell
        return (o * c2.tanh(), c2)
    }

    /// r = σ(x_r + h_r), z = σ(x_z + h_z), n = tanh(x_n + r·h_n) (h_n includes b_hn);
    /// h' = n + z·(h − n).
    private func gruStep(_ gi: Tensor, _ gh: Tensor, _ h: Tensor) -> Tensor {
        let i = gi.chunk(3, dim: 1), hh = gh.chunk(3, dim: 1)
        let r = (i[0] + hh[0]).sigmoid(), z = (i[1] + hh[1]).sigmoid()
        let n = (i[2] + r * hh[2]).tanh()
        return n + z * (h - n)
    }
}
