/// The reduced QR decomposition of a tall matrix by Householder reflections, in float64:
/// what ``Init/orthogonal_(_:gain:generator:)`` needs (PyTorch calls `torch.linalg.qr`).
///
/// For an m×n matrix A with m ≥ n, `Q` is m×n with orthonormal columns and `R` n×n upper
/// triangular with A = QR. The factors are unique up to the signs of R's diagonal, which
/// callers normalise.
struct HouseholderQR {
    /// Q, row-major m×n.
    let q: [Double]
    /// R, row-major n×n.
    let r: [Double]
    let rows: Int, cols: Int

    /// Factors the row-major `rows`×`cols` matrix `a` (`rows >= cols`).
    init(_ a: [Double], rows m: Int, cols n: Int) {
        precondition(m >= n && a.count == m * n, "HouseholderQR: expected a tall \(m)x\(n) matrix")
        var work = a
        var reflectors: [[Double]] = []
        for k in 0..<n {
            // v = x - α e₁ with α = -sign(x₀)‖x‖ (no cancellation), normalised to ‖v‖ = 1.
            var v = (k..<m).map { work[$0 * n + k] }
            let norm = v.reduce(0) { $0 + $1 * $1 }.squareRoot()
            let alpha = v[0] >= 0 ? -norm : norm
            v[0] -= alpha
            let vNorm = v.reduce(0) { $0 + $1 * $1 }.squareRoot()
            if vNorm > 0 { v = v.map { $0 / vNorm } }
            HouseholderQR.reflect(&work, v, from: k, columns: k..<n, width: n)
            reflectors.append(v)
        }
        var q = [Double](repeating: 0, count: m * n)
        for j in 0..<n { q[j * n + j] = 1 }
        for k in stride(from: n - 1, through: 0, by: -1) {
            HouseholderQR.reflect(&q, reflectors[k], from: k, columns: 0..<n, width: n)
        }
        var r = [Double](repeating: 0, count: n * n)
        for i in 0..<n { for j in i..<n { r[i * n + j] = work[i * n + j] } }
        self.q = q
        self.r = r
        rows = m
        cols = n
    }

    /// Applies I - 2vvᵀ to rows `start...` of `matrix` (row-major, `width` columns) in `columns`.
    private static func reflect(_ matrix: inout [Double], _ v: [Double], from start: Int, columns: Range<Int>, width: Int) {
        for j in columns {
            var dot = 0.0
            for (i, vi) in v.enumerated() { dot += vi * matrix[(start + i) * width + j] }
            if dot == 0 { continue }
            for (i, vi) in v.enumerated() { matrix[(start + i) * width + j] -= 2 * vi * dot }
        }
    }
}
