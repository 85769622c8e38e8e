import Synchronization

/// The operator registry and dispatcher: operators are declared once by schema; kernels
/// are registered per (backend, dtype), layers such as autograd per operator or as a
/// fallback; a call runs the layers present on its tensors, then the backend kernel.
///
/// Registration takes a lock and invalidates a frozen lookup table; calls read that table
/// without locking.
public final class Dispatcher: Sendable {
    /// The process-wide dispatcher, with Core's operators registered.
    public static let shared: Dispatcher = {
        let d = Dispatcher()
        CoreOperators.register(into: d)
        return d
    }()

    let state = Mutex(RegistryState())
    let published = Atomic<Unmanaged<KernelTable>?>(nil)

    /// Creates an empty dispatcher (tests use private ones; most code uses ``shared``).
    public init() {}

    // MARK: Declaring and registering

    /// Declares an operator. A second definition of a name throws, naming the package that
    /// defined it first.
    @discardableResult
    public func define(
        _ schema: String, promotion: TypePromotion = .none, dispatchOn: String? = nil,
        package: String, doc: String = ""
    ) throws -> OperatorHandle {
        let parsed = try Schema(schema)
        let definition = try OperatorDefinition(
            schema: parsed, promotion: promotion, dispatchOn: dispatchOn, package: package, doc: doc)
        return try mutate { try $0.define(definition) }
    }

    /// Registers `kernel` for `op` on `backend` for each of `dtypes`. A later registration
    /// for the same slot replaces the earlier one and records it as overridden.
    public func register(
        _ op: OperatorHandle, backend: Device.Kind = .cpu, dtypes: [DType], package: String,
        kernel: @escaping Kernel
    ) {
        mutate { $0.register(op, backend: backend, dtypes: dtypes, package: package, kernel: kernel) }
    }

    /// Registers a kernel that implements `op` in terms of other operators, for every dtype
    /// and device. Layers see the operators it calls, not `op` itself.
    public func registerComposite(_ op: OperatorHandle, package: String, kernel: @escaping Kernel) {
        mutate { $0.registerComposite(op, package: package, kernel: kernel) }
    }

    /// Registers `kernel` as `layer`'s implementation of `op` (autograd's derivative of it).
    public func registerLayer(_ layer: DispatchKeySet, for op: OperatorHandle, package: String, kernel: @escaping LayerKernel) {
        mutate { $0.registerLayer(layer, op: op, package: package, kernel: kernel) }
    }

    /// Registers `kernel` for `layer` on every operator without its own layer kernel.
    /// Without a fallback a layer falls through to the layers below it.
    public func registerLayerFallback(_ layer: DispatchKeySet, package: String, kernel: @escaping LayerKernel) {
        mutate { $0.registerFallback(layer, package: package, kernel: kernel) }
    }

    /// Declares sample inputs for `op`, used by the registry-driven conformance suites.
    public func registerSamples(_ op: OperatorHandle, _ samples: @escaping SampleInputs) {
        mutate { $0.definitions[op.index].samples = samples }
    }

    private func mutate<R>(_ body: (inout RegistryState) throws -> R) rethrows -> R {
        try state.withLock { s in
            let result = try body(&s)
            if let old = published.exchange(nil, ordering: .acquiringAndReleasing) {
                s.retired.append(old.takeUnretainedValue())  // readers may still hold it
                old.release()
            }
            return result
        }
    }

    // MARK: Looking up

    /// The handle for `name`, or a thrown `unknownOperator` error.
    public func lookup(_ name: String) throws -> OperatorHandle {
        // While registrations are still arriving the table is invalid; reading the registry
        // under its lock avoids rebuilding the whole table once per registration.
        let index = published.load(ordering: .acquiring) != nil
            ? currentTable().indexByName[name] : state.withLock { $0.indexByName[name] }
        guard let i = index else {
            throw EmberError(.unknownOperator, op: name, "unknown operator; see `ember ops list`")
        }
        return OperatorHandle(index: i)
    }

    /// The handle for an operator that must exist (Core and plugin APIs resolve their own
    /// operators once with this).
    public func handle(_ name: String) -> OperatorHandle {
        do { return try lookup(name) } catch { fatalError("\(error)") }
    }

    /// The backend kernel a call of `op` on `dtype` and `device` would run, read from the
    /// lock-free table (what every call does after its layers).
    @inlinable
    public func kernel(for op: OperatorHandle, dtype: DType, device: Device = .cpu) -> KernelHandle? {
        _kernel(op.index, device.kind, dtype)
    }

    @usableFromInline
    func _kernel(_ op: Int, _ kind: Device.Kind, _ dtype: DType) -> KernelHandle? {
        withTable { $0.kernel(op, kind, dtype) }
    }

    /// The definition of `op`.
    public func definition(_ op: OperatorHandle) -> OperatorDefinition {
        published.load(ordering: .acquiring) != nil
            ? currentTable().definitions[op.index] : state.withLock { $0.definitions[op.index] }
    }

    /// Runs `body` with the current table, without reference-count traffic on it.
    @inline(__always)
    func withTable<R>(_ body: (KernelTable) throws -> R) rethrows -> R {
        if let t = published.load(ordering: .acquiring) {
            return try t._withUnsafeGuaranteedRef(body)
        }
        return try body(rebuildTable())
    }

    @inline(__always)
    func currentTable() -> KernelTable {
        if let t = published.load(ordering: .acquiring) { return t.takeUnretainedValue() }
        return rebuildTable()
    }

    @inline(never)
    private func rebuildTable() -> KernelTable {
        state.withLock { s in
            if let t = published.load(ordering: .acquiring) { return t.takeUnretainedValue() }
            let table = KernelTable(s)
            published.store(Unmanaged.passRetained(table), ordering: .releasing)
            return table
        }
    }

    // MARK: Introspection

    /// Every operator with its kernels and provenance, sorted by name.
    public var operators: [OperatorInfo] {
        state.withLock { s in s.definitions.indices.map { s.info($0) } }.sorted { $0.schema.name < $1.schema.name }
    }

    /// The registrations of one operator.
    public func info(_ op: OperatorHandle) -> OperatorInfo { state.withLock { $0.info(op.index) } }
}
