import ArgumentParser
import EmberCore
import Foundation

/// `ember inspect FILE`: each tensor's name, dtype, shape, and min/max/mean.
struct Inspect: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show each tensor in a file (.npy, .npz): name, dtype, shape, min, max and mean."
    )

    @Argument(help: "The tensor file.")
    var file: String

    func run() throws { print(try Inspect.describe(file)) }

    /// The report for the file at `path`: a title line, then one aligned row per tensor.
    static func describe(_ path: String) throws -> String {
        let tensors = try TensorFiles.load(path)
        let rows = tensors.map { name, t in [name, t.dtype.description, "\(t.shape)", Summary(t).description] }
        var widths = [Int](repeating: 0, count: 3)
        for row in rows { for i in 0..<3 { widths[i] = max(widths[i], row[i].count) } }
        let lines = rows.map { row in
            "  " + (0..<3).map { row[$0].padding(toLength: widths[$0], withPad: " ", startingAt: 0) }.joined(separator: "  ")
                + "  " + row[3]
        }
        let title = "\(path): \(tensors.count) tensor\(tensors.count == 1 ? "" : "s")"
        return ([title] + lines).joined(separator: "\n")
    }
}

/// The minimum, maximum and mean of a tensor's elements, computed in float64. NaN
/// propagates, as in `torch.min`/`max`/`mean`.
struct Summary: CustomStringConvertible {
    let min: Double, max: Double, mean: Double
    let count: Int
    let isIntegral: Bool

    init(_ tensor: Tensor) {
        let values = tensor.doubleScalars
        var lo = Double.infinity, hi = -Double.infinity, sum = 0.0
        var sawNaN = false
        for v in values {
            if v.isNaN { sawNaN = true }
            lo = Swift.min(lo, v)
            hi = Swift.max(hi, v)
            sum += v
        }
        min = sawNaN ? .nan : lo
        max = sawNaN ? .nan : hi
        mean = sum / Double(values.count)
        count = values.count
        isIntegral = !tensor.dtype.isFloatingPoint
    }

    var description: String {
        guard count > 0 else { return "(empty)" }
        let f = isIntegral ? { String(Int64($0)) } : Summary.format
        return "min=\(f(min))  max=\(f(max))  mean=\(Summary.format(mean))"
    }

    /// Six significant digits, like `%g`: `0.1`, `3.4e+38`, `nan`, `-inf`.
    static func format(_ v: Double) -> String { v.isNaN ? "nan" : String(format: "%.6g", v) }
}
