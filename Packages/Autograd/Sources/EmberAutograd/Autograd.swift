import EmberCore
import Synchronization

/// Reverse-mode automatic differentiation as a dispatcher layer (PyTorch's `torch.autograd`).
///
/// ``install(into:)`` registers the autograd layer kernels (one per operator with a
/// ``Derivative``, and a fallback for the rest) on the dispatcher. Setting
/// `requiresGrad` installs it on ``Dispatcher/shared`` automatically.
public enum Autograd {
    static let anomaly = Atomic<Bool>(false)
    static let registered = Mutex<Set<String>>([])
    static let installedShared: Void = { install(into: .shared) }()

    /// Installs autograd on `Dispatcher.shared` once (idempotent).
    public static func ensureInstalled() { _ = installedShared }

    /// Registers the layer: every derivative in Core's table, and the fallback.
    public static func install(into d: Dispatcher) {
        d.registerLayerFallback(.autograd, package: "EmberAutograd", kernel: fallbackKernel)
        if let copy = try? d.lookup("copy_") {
            d.registerLayer(.autograd, for: copy, package: "EmberAutograd", kernel: inPlaceKernel { old, values in
                guard case .tensor(let src) = values[1] else { return nil }
                return (src.dtype == old.dtype ? src : src.to(old.dtype)).expand(old.shape)
            })
            registered.withLock { _ = $0.insert("copy_") }
        }
        for name in overwritingInPlace {
            guard let op = try? d.lookup(name) else { continue }
            // The new values do not depend on the old ones: a zero gradient flows back.
            d.registerLayer(.autograd, for: op, package: "EmberAutograd",
                            kernel: inPlaceKernel { old, _ in old * Scalar.double(0) })
            registered.withLock { _ = $0.insert(name) }
        }
        for (name, derivative) in DerivativeTable.all() {
            guard let op = try? d.lookup(name), d.info(op).composite == nil else { continue }
            register(name, derivative, into: d)
        }
    }

    /// Registers `derivative` as the derivative of the operator `name` (and of its
    /// in-place form `name_`, if defined). Plugins call this for their own operators.
    public static func register(_ name: String, _ derivative: Derivative, into d: Dispatcher = .shared) {
        let op = d.handle(name)
        let backwardName = Node.backwardName(name)
        d.registerLayer(.autograd, for: op, package: "EmberAutograd",
                        kernel: differentiableKernel(derivative, backwardName: backwardName, isView: viewOperators.contains(name)))
        registered.withLock { _ = $0.insert(name) }
        if let inPlace = try? d.lookup(name + "_") {
            d.registerLayer(.autograd, for: inPlace, package: "EmberAutograd", kernel: inPlaceKernel(op, dispatcher: d))
            registered.withLock { _ = $0.insert(name + "_") }
        }
    }

    /// In-place fills (random or constant), whose result does not depend on the tensor's old values.
    static let overwritingInPlace = ["normal_", "uniform_", "exponential_", "random_", "bernoulli_", "fill_", "zero_"]

    /// Operators whose result may share the input's storage (a view).
    static let viewOperators: Set<String> = [
        "view", "reshape", "alias", "expand", "expand_as", "transpose", "t", "permute", "movedim", "select", "slice",
        "narrow", "squeeze", "unsqueeze", "flatten", "unflatten", "diagonal", "contiguous", "as_strided",
    ]

    /// The operators with a registered derivative.
    public static var differentiableOperators: Set<String> { registered.withLock { $0 } }

    /// Whether anomaly detection is on: backward checks every gradient for NaN and names the
    /// forward operator whose derivative produced it.
    public static var isAnomalyDetectionEnabled: Bool { anomaly.load(ordering: .relaxed) }

    /// Runs `body` with anomaly detection on (PyTorch's `detect_anomaly`).
    public static func detectAnomaly<R>(_ body: () throws -> R) rethrows -> R {
        let old = anomaly.exchange(true, ordering: .relaxed)
        defer { anomaly.store(old, ordering: .relaxed) }
        return try body()
    }

    /// A contiguous tensor of zeros.
    public static func zeros(_ shape: [Int], dtype: DType) -> Tensor {
        let t = Tensor(empty: shape, dtype: dtype)
        t.dataPointer.initializeMemory(as: UInt8.self, repeating: 0, count: t.count * dtype.itemSize)
        return t
    }

    /// A tensor of `value` with `shape` (a broadcast view of one element).
    public static func full(_ shape: [Int], _ value: Double, dtype: DType) -> Tensor {
        let one = Tensor(scalar: value).to(dtype)
        return one.reshape(Array(repeating: 1, count: shape.count)).expand(shape)
    }

    /// Sums `g` down to `shape` over broadcast dimensions (PyTorch's `sum_to_size`).
    public static func sumToSize(_ g: Tensor, _ shape: [Int]) throws -> Tensor {
        let lead = g.rank - shape.count
        guard lead >= 0 else { throw AutogradError.error("sum_to_size: \(g.shape) is not expandable to \(shape)") }
        var dims = Array(0..<lead)
        for (i, s) in shape.enumerated() where s == 1 && g.shape[lead + i] != 1 { dims.append(lead + i) }
        let r = dims.isEmpty ? g : g.sum(dims: dims, keepdim: true)
        return r.shape == shape ? r : r.reshape(shape)
    }
}
