import ArgumentParser

/// `ember`: Ember's command-line tool.
///
/// Errors (an unknown operator, a bad argument, a shape mismatch reported by a kernel, a file
/// that cannot be read) print `Error: <message>` to standard error and exit with status 1.
public struct Ember: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "ember",
        abstract: "Ember's command-line tool.",
        subcommands: [Ops.self, Inspect.self, Convert.self]
    )

    /// Creates the root command (ArgumentParser's requirement).
    public init() {}
}

/// `ember ops`: the operator registry.
struct Ops: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List and run registered operators.",
        subcommands: [OpsList.self, OpsRun.self]
    )
}
