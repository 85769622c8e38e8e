import EmberCore

extension EmberError.Code {
    /// An optimizer or scheduler state dictionary that does not fit the object it is loaded into.
    public static let invalidState = EmberError.Code("invalidState")
}

/// The errors of EmberOptim, worded as PyTorch's (`Invalid learning rate: -1.0`).
enum OptimError {
    /// A hyperparameter outside its range; `op` names the optimizer or scheduler.
    static func invalid(_ op: String, _ message: String) -> EmberError {
        EmberError(.invalidArgument, op: op, message)
    }

    /// PyTorch's `Invalid <name> value: <v>` unless `ok`.
    static func check(_ ok: Bool, _ op: String, _ message: @autoclosure () -> String) throws {
        if !ok { throw invalid(op, message()) }
    }

    static func missingOption(_ key: String) -> EmberError {
        EmberError(.invalidArgument, op: "param_group",
            "parameter group didn't specify a value of required optimization parameter \(key)")
    }

    static func wrongOptionType(_ key: String, _ expected: String, _ value: OptimValue) -> EmberError {
        EmberError(.invalidArgument, op: "param_group", "option '\(key)' should be \(expected), got \(value)")
    }

    /// A state dictionary that does not fit.
    static func state(_ op: String, _ message: String) -> EmberError {
        EmberError(.invalidState, op: op, message)
    }
}

/// `v` as Python prints a float in an error message (`-1.0`, `1e-08`).
func py(_ v: Double) -> String { OptimValue.format(v) }
