import EmberCore
@testable import EmberAutograd

/// A float64 leaf requiring grad.
func leaf(_ values: [Double], _ shape: [Int]) -> Tensor {
    let t = Tensor(values, shape: shape)
    t.requiresGrad = true
    return t
}

/// Row-major doubles of a tensor.
func doubles(_ t: Tensor?) -> [Double] {
    guard let t else { return [] }
    return Autograd.flatDoubles(t)
}

/// Whether two arrays agree elementwise within `tol`.
func close(_ a: [Double], _ b: [Double], tol: Double = 1e-6) -> Bool {
    a.count == b.count && zip(a, b).allSatisfy { Swift.abs($0 - $1) <= tol * (1 + Swift.abs($1)) }
}

/// The message of a thrown EmberError.
func message(_ body: () throws -> Void) -> String? {
    do { try body(); return nil } catch let e as EmberError { return e.message } catch { return "\(error)" }
}

/// A non-contiguous float64 leaf: the transpose of a [cols, rows] tensor.
func transposedLeaf(_ values: [Double], rows: Int, cols: Int) -> Tensor {
    let base = Tensor(values, shape: [cols, rows])
    let t = base.transpose(0, 1)
    t.requiresGrad = true
    return t
}
