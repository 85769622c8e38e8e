import EmberCore

/// The generator that EmberData's random draws use when given none: `Generator.default`,
/// unless a task-local override is bound (tests bind one, so that checking PyTorch's
/// default-generator behaviour does not race with other code using the global generator).
enum DefaultGenerator {
    @TaskLocal static var override: Generator?

    /// The override if bound, else `Generator.default`.
    static var current: Generator { override ?? .default }
}

/// A non-negative int64 drawn like `torch.empty((), dtype=torch.int64).random_(generator=g)`:
/// PyTorch's way of deriving a seed from a generator.
func drawSeed(from generator: Generator) -> Int64 {
    Tensor(empty: [], dtype: .int64).random_(generator: generator).item(as: Int64.self)
}
