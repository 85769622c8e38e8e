import EmberCore

/// A set of parameters optimized with shared hyperparameters (a PyTorch `param_group`).
///
/// Options a group leaves out take the optimizer's defaults when the group is added:
/// ```swift
/// let opt = try SGD([ParamGroup(params: [w1]), ParamGroup(params: [w2], options: ["lr": 0.1])],
///                   lr: 0.01, momentum: 0.9)
/// ```
public struct ParamGroup: Sendable {
    /// The tensors this group updates.
    public var params: [Tensor]
    /// The hyperparameters (`lr`, `momentum`, `betas`, ...), keyed by PyTorch's names.
    public var options: [String: OptimValue]

    /// A group of `params` with the given options (the rest come from the optimizer's defaults).
    public init(params: [Tensor], options: [String: OptimValue] = [:]) {
        self.params = params
        self.options = options
    }

    /// The option named `key`.
    public subscript(key: String) -> OptimValue? {
        get { options[key] }
        set { options[key] = newValue }
    }

    /// The learning rate (`group["lr"]`); schedulers set it.
    public var lr: Double {
        get { options["lr"]?.doubleValue ?? 0 }
        set { options["lr"] = .double(newValue) }
    }

    /// The number option `key`, or an error naming it.
    public func double(_ key: String) throws -> Double {
        guard let v = options[key] else { throw OptimError.missingOption(key) }
        guard let d = v.doubleValue else { throw OptimError.wrongOptionType(key, "a number", v) }
        return d
    }

    /// The flag option `key`, or an error naming it.
    public func bool(_ key: String) throws -> Bool {
        guard let v = options[key] else { throw OptimError.missingOption(key) }
        guard let b = v.boolValue else { throw OptimError.wrongOptionType(key, "a flag", v) }
        return b
    }

    /// The pair option `key` (`betas`), or an error naming it.
    public func pair(_ key: String) throws -> (Double, Double) {
        guard let v = options[key] else { throw OptimError.missingOption(key) }
        guard let p = v.pairValue else { throw OptimError.wrongOptionType(key, "a pair", v) }
        return p
    }
}
