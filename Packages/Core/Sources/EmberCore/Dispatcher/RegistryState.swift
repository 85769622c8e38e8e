/// The registry's mutable state, guarded by the dispatcher's lock.
struct RegistryState: Sendable {
    struct Slot: Hashable { let kind: Device.Kind; let dtype: DType }

    var definitions: [OperatorDefinition] = []
    var indexByName: [String: Int] = [:]
    // Closures are always wrapped in KernelSlot/LayerSlot: a closure stored directly in a
    // generic container is kept at maximal abstraction and comes back wrapped in thunks.
    var kernels: [Int: [Slot: KernelBox]] = [:]
    /// Every kernel ever registered: handles stay valid after an override.
    var allBoxes: [KernelBox] = []
    var kernelInfo: [String: [Slot: KernelInfo]] = [:]
    var composites: [Int: (slot: KernelSlot, info: KernelInfo)] = [:]
    var layerKernels: [Int: [UInt32: (slot: LayerSlot, info: KernelInfo)]] = [:]
    var fallbacks: [UInt32: (slot: LayerSlot, info: KernelInfo)] = [:]
    var backends: [Device.Kind] = [.cpu]
    var retired: [KernelTable] = []

    mutating func define(_ definition: OperatorDefinition) throws -> OperatorHandle {
        let name = definition.schema.name
        if let existing = indexByName[name] {
            let first = definitions[existing]
            throw EmberError(.duplicateOperator, op: name,
                "operator '\(name)' is already defined by \(first.package) as \(first.schema)")
        }
        indexByName[name] = definitions.count
        definitions.append(definition)
        return OperatorHandle(index: definitions.count - 1)
    }

    mutating func register(_ op: OperatorHandle, backend: Device.Kind, dtypes: [DType], package: String, kernel: @escaping Kernel) {
        if !backends.contains(backend) { backends.append(backend) }
        let name = definitions[op.index].schema.name
        let box = KernelBox(kernel)
        allBoxes.append(box)
        for dtype in dtypes {
            let slot = Slot(kind: backend, dtype: dtype)
            let previous = kernelInfo[name]?[slot]
            let overrides = previous.map { $0.overrides + [$0.package] } ?? []
            kernels[op.index, default: [:]][slot] = box
            kernelInfo[name, default: [:]][slot] = KernelInfo(
                key: backend.name, dtype: dtype, package: package, overrides: overrides)
        }
    }

    mutating func registerComposite(_ op: OperatorHandle, package: String, kernel: @escaping Kernel) {
        let overrides = composites[op.index].map { $0.info.overrides + [$0.info.package] } ?? []
        composites[op.index] = (KernelSlot(kernel: kernel), KernelInfo(key: "composite", dtype: nil, package: package, overrides: overrides))
    }

    mutating func registerLayer(_ layer: DispatchKeySet, op: OperatorHandle, package: String, kernel: @escaping LayerKernel) {
        let previous = layerKernels[op.index]?[layer.rawValue]?.info
        let overrides = previous.map { $0.overrides + [$0.package] } ?? []
        layerKernels[op.index, default: [:]][layer.rawValue] =
            (LayerSlot(kernel: kernel), KernelInfo(key: layer.layerName, dtype: nil, package: package, overrides: overrides))
    }

    mutating func registerFallback(_ layer: DispatchKeySet, package: String, kernel: @escaping LayerKernel) {
        let overrides = fallbacks[layer.rawValue].map { $0.info.overrides + [$0.info.package] } ?? []
        fallbacks[layer.rawValue] = (LayerSlot(kernel: kernel), KernelInfo(key: layer.layerName, dtype: nil, package: package, overrides: overrides))
    }

    func info(_ index: Int) -> OperatorInfo {
        let d = definitions[index]
        let kernels = (kernelInfo[d.schema.name] ?? [:]).values.sorted {
            ($0.key, $0.dtype?.rawValue ?? 0) < ($1.key, $1.dtype?.rawValue ?? 0)
        }
        let layers = (layerKernels[index] ?? [:]).sorted { $0.key < $1.key }.map(\.value.info)
        return OperatorInfo(definition: d, kernels: kernels, layers: layers, composite: composites[index]?.info)
    }
}

extension DispatchKeySet {
    /// The name of a single layer (`autograd`, `user0`).
    var layerName: String { String(description.dropFirst().dropLast()) }
}

/// A frozen snapshot of the registry, read without locks by calls. The per-operator facts
/// a call needs are kept in flat arrays of plain values, so a call copies no reference.
final class KernelTable: Sendable {
    static let dtypeCount = DType.allCases.count

    let definitions: [OperatorDefinition]
    let indexByName: [String: Int]
    let names: [String]
    let promoted: [[Int]]
    let promotesToFloat: [Bool]
    let dispatchIndex: [Int]
    let dtypeIndex: [Int]
    let deviceIndex: [Int]
    /// Backend slot per device kind id (-1: no kernels for that kind).
    let slotByKind: [Int]
    let backendCount: Int
    // Closures sit in structs: a closure stored directly in a generic container is kept at
    // maximal abstraction, and reading it back allocates a reabstraction thunk per call.
    let kernels: [KernelHandle?]
    let composite: [KernelSlot?]
    /// Layer kernels by operator and layer bit (`op * layerBitCount + bit`).
    let layers: [LayerSlot?]
    /// Fallback layer kernels by layer bit.
    let fallbacks: [LayerSlot?]
    /// The layer bits a table has room for (``DispatchKeySet`` uses bits 0 to 15).
    static let layerBitCount = 16

    init(_ s: RegistryState) {
        definitions = s.definitions
        indexByName = s.indexByName
        names = s.definitions.map(\.schema.name)
        promoted = s.definitions.map(\.promotedIndices)
        promotesToFloat = s.definitions.map {
            if case .commonIntToFloat = $0.promotion { return true }
            return false
        }
        dispatchIndex = s.definitions.map { $0.dispatchIndex ?? -1 }
        dtypeIndex = s.definitions.map { $0.dtypeIndex ?? -1 }
        deviceIndex = s.definitions.map { $0.deviceIndex ?? -1 }
        backendCount = s.backends.count
        var slots = [Int](repeating: -1, count: (s.backends.map(\.id).max() ?? 0) + 1)
        for (slot, kind) in s.backends.enumerated() { slots[kind.id] = slot }
        slotByKind = slots
        let perOp = s.backends.count * KernelTable.dtypeCount
        var kernels = [KernelHandle?](repeating: nil, count: s.definitions.count * perOp)
        for (op, registered) in s.kernels {
            for (slot, kernel) in registered {
                kernels[op * perOp + slots[slot.kind.id] * KernelTable.dtypeCount + Int(slot.dtype.rawValue)] =
                    KernelHandle(kernel)
            }
        }
        self.kernels = kernels
        composite = s.definitions.indices.map { s.composites[$0]?.slot }
        var layers = [LayerSlot?](repeating: nil, count: s.definitions.count * KernelTable.layerBitCount)
        for (op, registered) in s.layerKernels {
            for (raw, entry) in registered { layers[op * KernelTable.layerBitCount + raw.trailingZeroBitCount] = entry.slot }
        }
        self.layers = layers
        var fallbacks = [LayerSlot?](repeating: nil, count: KernelTable.layerBitCount)
        for (raw, entry) in s.fallbacks { fallbacks[raw.trailingZeroBitCount] = entry.slot }
        self.fallbacks = fallbacks
    }

    @inline(__always)
    func kernel(_ op: Int, _ kind: Device.Kind, _ dtype: DType) -> KernelHandle? {
        guard kind.id < slotByKind.count else { return nil }
        let slot = slotByKind[kind.id]
        guard slot >= 0 else { return nil }
        return kernels[(op * backendCount + slot) * KernelTable.dtypeCount + Int(dtype.rawValue)]
    }

    @inline(__always)
    func layerKernel(_ op: Int, _ layer: DispatchKeySet) -> LayerKernel? {
        let bit = layer.rawValue.trailingZeroBitCount
        return (layers[op * KernelTable.layerBitCount + bit] ?? fallbacks[bit])?.kernel
    }
}

/// A table entry holding a backend or composite kernel.
struct KernelSlot: Sendable {
    let kernel: Kernel
}

/// A table entry holding a layer kernel.
struct LayerSlot: Sendable {
    let kernel: LayerKernel
}
