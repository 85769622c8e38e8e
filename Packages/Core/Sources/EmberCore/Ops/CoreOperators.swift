/// Registers every Core operator with a dispatcher. Each family lives in its own folder
/// under `Ops/`, with its schema, kernels and Swift API in one file per operator family.
enum CoreOperators {
    /// The provenance Core's registrations carry.
    static let package = "EmberCore"

    static func register(into d: Dispatcher) {
        registerCopyOps(d)
        registerViewOps(d)
        registerCreationOps(d)
        registerRandomOps(d)
        registerUnaryOps(d)
        registerBinaryOps(d)
        registerComparisonOps(d)
        registerReductionOps(d)
        registerLinearAlgebraOps(d)
        registerIndexingOps(d)
    }

    /// Defines an operator that Core's own code knows to be well-formed.
    @discardableResult
    static func define(
        _ d: Dispatcher, _ schema: String, promotion: TypePromotion = .none, dispatchOn: String? = nil, doc: String
    ) -> OperatorHandle {
        do {
            return try d.define(schema, promotion: promotion, dispatchOn: dispatchOn, package: package, doc: doc)
        } catch {
            fatalError("EmberCore: \(error)")
        }
    }
}

extension Dispatcher {
    /// Calls `op` from Swift API code, where a failure is a programmer error: traps with
    /// the operator's message (shapes and dtypes) instead of throwing.
    @inlinable
    public func callForTensor(_ op: OperatorHandle, _ args: [IValue]) -> Tensor {
        do {
            let results = try call(op, args)
            if case .tensor(let t) = results.first { return t }
            fatalError("operator \(definition(op).schema.name) returned no tensor")
        } catch {
            fatalError("\(error)")
        }
    }

    /// Calls `op` and returns all results, trapping with the operator's message on failure.
    @inlinable
    public func callForResults(_ op: OperatorHandle, _ args: [IValue]) -> [IValue] {
        do { return try call(op, args) } catch { fatalError("\(error)") }
    }
}

extension Array where Element == IValue {
    /// The tensors among results, in order (for multi-result Swift APIs).
    @inlinable public var tensors: [Tensor] { compactMap(\.tensorValue) }
}
