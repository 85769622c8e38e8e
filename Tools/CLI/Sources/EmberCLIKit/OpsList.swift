import ArgumentParser
import EmberCore
import Foundation

/// `ember ops list [--json]`: every operator with its schema, kernels and provenance.
struct OpsList: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List every registered operator with its schema, kernels and the packages that registered them."
    )

    @Flag(help: "Print a JSON array instead of text.")
    var json = false

    func run() throws { print(try render(Dispatcher.shared.operators)) }

    /// The listing of `operators` as text or JSON.
    func render(_ operators: [OperatorInfo]) throws -> String {
        json ? try OpsList.json(operators) : OpsList.text(operators)
    }

    /// One block per operator: schema, doc, provenance, then kernels grouped by device and
    /// registering package.
    static func text(_ operators: [OperatorInfo]) -> String {
        operators.map { info in
            var lines = [info.schema.description]
            if !info.definition.doc.isEmpty { lines.append("  \(info.definition.doc)") }
            lines.append("  defined by \(info.definition.package)")
            for group in kernelGroups(info.kernels) { lines.append("  \(group)") }
            for layer in info.layers { lines.append("  layer \(layer.key) by \(layer.package)\(overrides(layer))") }
            if let c = info.composite { lines.append("  composite by \(c.package)\(overrides(c))") }
            if info.kernels.isEmpty && info.composite == nil { lines.append("  no kernels") }
            return lines.joined(separator: "\n")
        }.joined(separator: "\n\n")
    }

    /// `cpu: float32, float64 by EmberCore`: one line per device and registering package.
    static func kernelGroups(_ kernels: [KernelInfo]) -> [String] {
        var groups: [(device: String, by: String, dtypes: [String])] = []
        for k in kernels {
            let by = "by \(k.package)\(overrides(k))"
            let dtype = k.dtype.map(\.description) ?? "any"
            if let i = groups.firstIndex(where: { $0.device == k.key && $0.by == by }) {
                groups[i].dtypes.append(dtype)
            } else {
                groups.append((k.key, by, [dtype]))
            }
        }
        return groups.map { "\($0.device): \($0.dtypes.joined(separator: ", ")) \($0.by)" }
    }

    private static func overrides(_ k: KernelInfo) -> String {
        k.overrides.isEmpty ? "" : " (overrides \(k.overrides.joined(separator: ", ")))"
    }

    // MARK: JSON

    struct Kernel: Encodable { let device: String; let dtype: String?; let package: String; let overrides: [String] }
    struct Layer: Encodable { let layer: String; let package: String; let overrides: [String] }
    struct Composite: Encodable { let package: String; let overrides: [String] }
    struct Operator: Encodable {
        let name, schema, package, doc: String
        let kernels: [Kernel]
        let layers: [Layer]
        let composite: Composite?

        func encode(to encoder: any Encoder) throws {
            enum Key: String, CodingKey { case name, schema, package, doc, kernels, layers, composite }
            var c = encoder.container(keyedBy: Key.self)
            try c.encode(name, forKey: .name)
            try c.encode(schema, forKey: .schema)
            try c.encode(package, forKey: .package)
            try c.encode(doc, forKey: .doc)
            try c.encode(kernels, forKey: .kernels)
            try c.encode(layers, forKey: .layers)
            try c.encode(composite, forKey: .composite)  // null when absent
        }
    }

    /// A JSON array of `{name, schema, package, doc, kernels, layers, composite}`.
    static func json(_ operators: [OperatorInfo]) throws -> String {
        let items = operators.map { info in
            Operator(
                name: info.schema.name, schema: info.schema.description, package: info.definition.package,
                doc: info.definition.doc,
                kernels: info.kernels.map {
                    Kernel(device: $0.key, dtype: $0.dtype?.description, package: $0.package, overrides: $0.overrides)
                },
                layers: info.layers.map { Layer(layer: $0.key, package: $0.package, overrides: $0.overrides) },
                composite: info.composite.map { Composite(package: $0.package, overrides: $0.overrides) })
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(items), as: UTF8.self)
    }
}
