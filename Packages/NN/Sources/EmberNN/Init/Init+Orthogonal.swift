import EmberAutograd
import EmberCore

extension Init {
    /// Fills `tensor` (2 or more dims, flattened to rows × rest) with a (semi-)orthogonal
    /// matrix times `gain` (`orthogonal_`), as PyTorch builds it: a standard normal draw of
    /// [rows, cols], transposed when wide, its QR decomposition, Q's columns multiplied by
    /// the signs of R's diagonal, transposed back.
    @discardableResult
    public static func orthogonal_(_ tensor: Tensor, gain: Double = 1, generator: Generator? = nil) -> Tensor {
        precondition(tensor.rank >= 2, "Only tensors with 2 or more dimensions are supported")
        if tensor.count == 0 { return tensor }
        let rows = tensor.shape[0], cols = tensor.count / rows
        let draws = noGrad { Tensor(empty: [rows, cols], dtype: tensor.dtype).normal_(generator: generator).doubleScalars }
        let wide = rows < cols
        let (m, n) = wide ? (cols, rows) : (rows, cols)
        let a = wide ? transpose(draws, rows: rows, cols: cols) : draws
        let qr = HouseholderQR(a, rows: m, cols: n)
        var q = qr.q
        for j in 0..<n {
            let d = qr.r[j * n + j]
            let sign: Double = d > 0 ? 1 : d < 0 ? -1 : 0
            for i in 0..<m { q[i * n + j] *= sign * gain }
        }
        let result = wide ? transpose(q, rows: m, cols: n) : q
        return noGrad { tensor.copy_(Tensor(result, shape: tensor.shape).to(tensor.dtype)) }
    }

    /// The transpose of a row-major `rows`×`cols` matrix.
    private static func transpose(_ a: [Double], rows: Int, cols: Int) -> [Double] {
        var t = [Double](repeating: 0, count: a.count)
        for i in 0..<rows { for j in 0..<cols { t[j * rows + i] = a[i * cols + j] } }
        return t
    }
}
