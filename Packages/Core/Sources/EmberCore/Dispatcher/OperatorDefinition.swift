/// Everything the dispatcher knows about one operator besides its kernels.
public struct OperatorDefinition: Sendable {
    /// The operator's declared signature.
    public let schema: Schema
    /// How tensor arguments are cast to one dtype before dispatch.
    public let promotion: TypePromotion
    /// The package that defined the operator (provenance).
    public let package: String
    /// A one-line description for `ember ops list`.
    public let doc: String
    /// Sample inputs for the conformance suites, if declared.
    public var samples: SampleInputs?

    /// The argument whose dtype and device select the kernel.
    let dispatchIndex: Int?
    /// The argument positions the promotion rule casts.
    let promotedIndices: [Int]
    /// Position of a `dtype` argument (creation ops dispatch on it).
    let dtypeIndex: Int?
    /// Position of a `device` argument.
    let deviceIndex: Int?

    init(schema: Schema, promotion: TypePromotion, dispatchOn: String?, package: String, doc: String) throws {
        self.schema = schema
        self.promotion = promotion
        self.package = package
        self.doc = doc
        let names: [String]
        switch promotion {
        case .none: names = []
        case .common(let n), .commonIntToFloat(let n): names = n
        }
        promotedIndices = try names.map { name in
            guard let i = schema.index(of: name), schema.arguments[i].type.holdsTensors else {
                throw EmberError(.invalidSchema, op: schema.name, "promotion names '\(name)', which is not a tensor argument")
            }
            return i
        }
        if let dispatchOn {
            guard let i = schema.index(of: dispatchOn) else {
                throw EmberError(.invalidSchema, op: schema.name, "dispatchOn names unknown argument '\(dispatchOn)'")
            }
            dispatchIndex = i
        } else {
            dispatchIndex = promotedIndices.first ?? schema.arguments.firstIndex { $0.type.holdsTensors }
        }
        dtypeIndex = schema.arguments.firstIndex { $0.name == "dtype" && $0.type.unwrapped == .dtype }
        deviceIndex = schema.arguments.firstIndex { $0.name == "device" && $0.type.unwrapped == .device }
    }
}

/// Who registered what, for `ember ops list` and the registry's introspection.
public struct KernelInfo: Sendable, Hashable, CustomStringConvertible {
    /// The backend (device kind) or layer name.
    public let key: String
    /// The dtype, or `nil` for layers and composites.
    public let dtype: DType?
    /// The registering package.
    public let package: String
    /// Packages whose registrations this one replaced, oldest first.
    public let overrides: [String]

    public var description: String {
        (dtype.map { "\(key)/\($0)" } ?? key) + " by \(package)"
            + (overrides.isEmpty ? "" : " (overrides \(overrides.joined(separator: ", ")))")
    }
}

/// A snapshot of one operator's registrations.
public struct OperatorInfo: Sendable {
    /// The definition (schema, provenance, doc).
    public let definition: OperatorDefinition
    /// Backend kernels by device kind and dtype.
    public let kernels: [KernelInfo]
    /// Layer kernels registered for this operator specifically (e.g. its derivative).
    public let layers: [KernelInfo]
    /// The composite implementation, if the operator is written in terms of others.
    public let composite: KernelInfo?
    /// The schema, for convenience.
    public var schema: Schema { definition.schema }
    /// Whether a layer kernel for `layer` is registered for this operator.
    public func hasLayer(_ layer: String) -> Bool { layers.contains { $0.key == layer } }
}
