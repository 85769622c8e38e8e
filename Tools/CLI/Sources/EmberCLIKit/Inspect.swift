import ArgumentParser
import EmberCore
import Foundation

/// `ember inspect FILE`: each tensor's name, dtype, shape, and min/max/mean, then a
/// `.safetensors` file's metadata; an Ember checkpoint also gets a line with its epoch and
/// sections.
struct Inspect: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show each tensor in a file (.npy, .npz, .safetensors): name, dtype, shape, min, max and mean, and any metadata."
    )

    @Argument(help: "The tensor file.")
    var file: String

    func run() throws { print(try Inspect.describe(file)) }

    /// The report for the file at `path`: a title line, then one aligned row per tensor, then
    /// (for a `.safetensors` file with metadata) a `metadata:` line and one row per key.
    static func describe(_ path: String) throws -> String {
        let (tensors, metadata) = try TensorFiles.read(path)
        let rows = tensors.map { name, t in [name, t.dtype.description, "\(t.shape)", Summary(t).description] }
        let title = "\(path): \(tensors.count) tensor\(tensors.count == 1 ? "" : "s")"
        var lines = [title]
        if let summary = checkpointSummary(tensors, metadata) { lines.append("  " + summary) }
        lines += aligned(rows)
        if let metadata, !metadata.isEmpty {
            let keys = metadata.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
            lines += ["metadata:"] + aligned(keys.map { [$0, metadata[$0]!.debugDescription] })
        }
        return lines.joined(separator: "\n")
    }

    /// For an Ember checkpoint (metadata `ember.checkpoint`), its epoch and sections:
    /// `checkpoint (format 1): epoch 3; sections model (4 tensors), optimizer (16 tensors)`.
    static func checkpointSummary(_ tensors: NamedTensors, _ metadata: [String: String]?) -> String? {
        guard let metadata, let version = metadata[Checkpoint.formatKey] else { return nil }
        do {
            let checkpoint = try Checkpoint(SafeTensorsFile(tensors: tensors, metadata: metadata))
            let sections = checkpoint.sectionNames.map { name in
                let count = checkpoint[section: name]?.tensors.count ?? 0
                return "\(name) (\(count) tensor\(count == 1 ? "" : "s"))"
            }
            return "checkpoint (format \(version)): epoch \(checkpoint.epoch.map(String.init) ?? "none"); "
                + "sections \(sections.isEmpty ? "none" : sections.joined(separator: ", "))"
        } catch {
            return "checkpoint (format \(version)): unreadable: \((error as? CheckpointError)?.message ?? "\(error)")"
        }
    }

    /// Rows indented by two spaces, every column but the last padded to its widest cell.
    private static func aligned(_ rows: [[String]]) -> [String] {
        guard let columns = rows.first?.count else { return [] }
        var widths = [Int](repeating: 0, count: columns - 1)
        for row in rows { for i in widths.indices { widths[i] = max(widths[i], row[i].count) } }
        return rows.map { row in
            "  " + (widths.indices.map { row[$0].padding(toLength: widths[$0], withPad: " ", startingAt: 0) } + [row[columns - 1]])
                .joined(separator: "  ")
        }
    }
}

/// The minimum, maximum and mean of a tensor's elements, computed in float64. NaN
/// propagates, as in `torch.min`/`max`/`mean`.
struct Summary: CustomStringConvertible {
    let min: Double, max: Double, mean: Double
    let count: Int
    /// The exact extremes of an integer or bool tensor (float64 rounds large int64 values).
    let integerRange: ClosedRange<Int64>?

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
        let integers = tensor.dtype.isFloatingPoint || values.isEmpty ? nil : tensor.to(.int64).scalars(as: Int64.self)
        integerRange = integers.map { $0.min()!...$0.max()! }
    }

    var description: String {
        guard count > 0 else { return "(empty)" }
        let (lo, hi) = integerRange.map { ("\($0.lowerBound)", "\($0.upperBound)") } ?? (Summary.format(min), Summary.format(max))
        return "min=\(lo)  max=\(hi)  mean=\(Summary.format(mean))"
    }

    /// Six significant digits, like `%g`: `0.1`, `3.4e+38`, `nan`, `-inf`.
    static func format(_ v: Double) -> String { v.isNaN ? "nan" : String(format: "%.6g", v) }
}
