import ArgumentParser
import EmberCore

/// `ember ops run OP [--arg NAME=VALUE]... INPUT... -o OUTPUT [-o ...]`: runs any registered
/// operator on tensor files.
struct OpsRun: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a registered operator on tensor files.",
        discussion: """
            Inputs fill the schema's tensor arguments in order (Tensor, Tensor?, and a Tensor[] \
            that takes all remaining inputs). --arg NAME=VALUE sets any argument by name; VALUE is \
            a JSON literal: 1, 0.5, true, [0,1], null, "mean". Give one -o per tensor result.
            Example: ember ops run add a.npy b.npy --arg alpha=2 -o out.npy
            """
    )

    @Argument(help: "The operator's name, as `ember ops list` shows it.")
    var op: String

    @Argument(help: "Input tensors: .npy files, or .npz files holding one array.")
    var inputs: [String] = []

    @Option(name: .customLong("arg"), help: ArgumentHelp("An argument by name.", valueName: "name=value"))
    var arguments: [String] = []

    @Option(name: [.customShort("o"), .customLong("output")], help: "A .npy file for each tensor result, in order.")
    var outputs: [String] = []

    func run() throws { print(try execute()) }

    /// Runs the operator, writes its tensor results, and returns one line per result.
    func execute(dispatcher: Dispatcher = .shared) throws -> String {
        let handle = try dispatcher.lookup(op)
        let schema = dispatcher.definition(handle).schema
        for path in outputs where !path.lowercased().hasSuffix(".npy") {
            throw EmberError(.invalidArgument, "\(path): outputs are written as .npy files; name them *.npy")
        }
        if let expected = OpsRun.tensorResultCount(schema), expected != outputs.count {
            throw outputMismatch(expected: expected)
        }
        var named = try OpsRun.parse(arguments, schema: schema)
        try assignInputs(schema, &named)
        let results = try dispatcher.call(handle, try schema.bind(positional: [], named: named))
        var tensors: [Tensor] = []
        var report: [String] = []
        for (i, r) in results.enumerated() {
            switch r {
            case .tensor(let t): tensors.append(t)
            case .tensors(let ts): tensors += ts
            default: report.append("result \(i): \(r)")
            }
        }
        guard tensors.count == outputs.count else { throw outputMismatch(expected: tensors.count) }
        for (t, path) in zip(tensors, outputs) {
            try NumPy.save(t, to: path)
            report.append("\(path): \(t.dtype) \(t.shape)")
        }
        return report.joined(separator: "\n")
    }

    /// The number of tensors the schema returns, when fixed (no `Tensor[]` result).
    static func tensorResultCount(_ schema: Schema) -> Int? {
        if schema.results.contains(where: { $0.type.unwrapped == .list(.tensor) }) { return nil }
        return schema.results.filter { $0.type.unwrapped == .tensor }.count
    }

    private func outputMismatch(expected: Int) -> EmberError {
        EmberError(.invalidArgument, op: op,
            "returns \(expected) tensor\(expected == 1 ? "" : "s"); give one -o per tensor result (got \(outputs.count))")
    }

    /// `NAME=VALUE` pairs converted against the schema's argument types.
    static func parse(_ pairs: [String], schema: Schema) throws -> [String: IValue] {
        var named: [String: IValue] = [:]
        for pair in pairs {
            guard let eq = pair.firstIndex(of: "="), eq != pair.startIndex else {
                throw EmberError(.invalidArgument, op: schema.name, "--arg expects NAME=VALUE, got '\(pair)'")
            }
            let name = String(pair[..<eq]), text = String(pair[pair.index(after: eq)...])
            guard let i = schema.index(of: name) else {
                throw EmberError(.invalidArgument, op: schema.name, "got an unexpected keyword argument '\(name)'; schema: \(schema)")
            }
            guard named[name] == nil else {
                throw EmberError(.invalidArgument, op: schema.name, "got multiple values for argument '\(name)'")
            }
            do {
                named[name] = try IValue(literal: text, for: schema.arguments[i].type)
            } catch let error as EmberError {
                throw EmberError(.invalidArgument, op: schema.name, "argument '\(name)': \(error.message)")
            }
        }
        return named
    }

    /// Fills the tensor arguments not given by `--arg` from the input files, in order.
    private func assignInputs(_ schema: Schema, _ named: inout [String: IValue]) throws {
        var remaining = inputs[...]
        for a in schema.arguments where a.type.holdsTensors && named[a.name] == nil {
            if a.type.unwrapped == .list(.tensor) {
                named[a.name] = .tensors(try remaining.map(TensorFiles.loadOne))
                remaining = []
            } else if let path = remaining.popFirst() {
                named[a.name] = .tensor(try TensorFiles.loadOne(path))
            } else if case .optional = a.type {
                continue
            } else {
                throw EmberError(.invalidArgument, op: schema.name,
                    "missing an input file for argument '\(a.name)' (\(a.type)); schema: \(schema)")
            }
        }
        guard remaining.isEmpty else {
            throw EmberError(.invalidArgument, op: schema.name,
                "takes \(inputs.count - remaining.count) tensor inputs, but \(inputs.count) files were given; schema: \(schema)")
        }
    }
}
