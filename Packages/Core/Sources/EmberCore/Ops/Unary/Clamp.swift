// clamp: limits each element to [min, max].
//
// Design: one schema, `clamp(Tensor self, Tensor? min=None, Tensor? max=None)`. PyTorch has
// two overloads (`clamp` with `Scalar?` bounds and `clamp.Tensor`); here a Swift number is
// passed as a wrapped 0-d tensor (`Tensor(wrapping:)`), which takes part in type promotion
// exactly like PyTorch's Scalar (`intTensor.clamp(min: 0.5)` is float32), and a tensor bound
// broadcasts with `self`. The result dtype is the promoted type of self and the bounds.
//
// NaN propagates from `self` and from either bound; a `min` above `max` gives `max`, since
// the result is `min(max(x, lo), hi)`.

extension Pointwise {
    /// `min(max(x, lo), hi)` with either bound optional, NaN-propagating.
    @inline(__always)
    static func clamp<T: NumericElement>(_ x: T, _ lo: T?, _ hi: T?) -> T {
        var r = x
        if let lo { r = r != r ? r : lo != lo ? lo : r < lo ? lo : r }
        if let hi { r = r != r ? r : hi != hi ? hi : hi < r ? hi : r }
        return r
    }
}

/// clamp for one element type; the in-place form clamps `self` directly when both bounds
/// are single values of self's dtype, and otherwise uses `fallback`.
struct ClampKernel: NumericKernel {
    let inPlace: Bool
    var fallback: Kernel?

    func run<T: NumericElement>(_ args: Arguments, _ type: T.Type) throws -> [IValue] {
        let x = try args.tensor(0), lo = try args.optionalTensor(1), hi = try args.optionalTensor(2)
        guard lo != nil || hi != nil else {
            throw EmberError(.invalidArgument, op: args.op, "torch.clamp: At least one of 'min' or 'max' must not be None")
        }
        if inPlace { return try runInPlace(args, x, lo, hi, T.self) }
        let name = args.op
        let out: Tensor
        switch (lo, hi) {
        case (let lo?, let hi?):
            out = try Elementwise.zip3(x, lo, hi, T.self, T.self, T.self, to: T.self, op: name) { Pointwise.clamp($0, $1, $2) }
        case (let lo?, nil):
            out = try Elementwise.zip(x, lo, T.self, T.self, to: T.self, op: name) { Pointwise.clamp($0, $1, nil) }
        case (nil, let hi?):
            out = try Elementwise.zip(x, hi, T.self, T.self, to: T.self, op: name) { Pointwise.clamp($0, nil, $1) }
        case (nil, nil):
            fatalError("unreachable")
        }
        return [.tensor(out)]
    }

    private func runInPlace<T: NumericElement>(
        _ args: Arguments, _ x: Tensor, _ lo: Tensor?, _ hi: Tensor?, _ type: T.Type
    ) throws -> [IValue] {
        let bounds = [lo, hi].compactMap { $0 }
        let simple = bounds.allSatisfy { $0.count == 1 && $0.rank <= x.rank }
            && TypePromotion.resultType([x] + bounds) == T.dtype
        guard simple else {
            guard let fallback else { throw EmberError(.invalidArgument, op: args.op, "no fallback for clamp_") }
            return try fallback(args)
        }
        let l = lo.map { castTensor($0, to: T.dtype).scalars(as: T.self)[0] }
        let h = hi.map { castTensor($0, to: T.dtype).scalars(as: T.self)[0] }
        Pointwise.update(x, T.self) { Pointwise.clamp($0, l, h) }
        return [.tensor(x)]
    }
}

extension CoreOperators {
    static func registerClamp(_ d: Dispatcher) {
        let op = define(d, "clamp(Tensor self, Tensor? min=None, Tensor? max=None) -> Tensor",
                        promotion: .common(["self", "min", "max"]),
                        doc: "Limits each element to [min, max]; bounds broadcast and promote.")
        d.register(op, numeric: ClampKernel(inPlace: false), package: package)
        d.register(op, dtypes: [.bool], package: package) { args in
            let kernel = try args.optionalTensor(1) == nil ? "clamp_max_scalar_cpu"
                : try args.optionalTensor(2) == nil ? "clamp_min_scalar_cpu" : "clamp_scalar_cpu"
            throw Pointwise.notImplemented(kernel, .bool, op: args.op)
        }
        let samples: SampleInputs = { dtype in
            guard dtype != .bool else { return [] }
            let bound: (Double) -> IValue = { v in
                .tensor(Tensor(wrapping: dtype.isFloatingPoint ? .double(v) : .int(Int64(v))))
            }
            let domain: PointwiseSamples.Domain = dtype.isFloatingPoint ? .real : .integers
            return PointwiseSamples.unary(domain, dtype, extra: [bound(-1), bound(1)]) + [
                [.tensor(PointwiseSamples.tensor(domain, [2, 3], dtype)),
                 .tensor(PointwiseSamples.tensor(dtype.isFloatingPoint ? .unit : domain, [3], dtype, seed: 3)), .none],
            ]
        }
        d.registerSamples(op, samples)
        let inPlace = define(d, "clamp_(Tensor(a!) self, Tensor? min=None, Tensor? max=None) -> Tensor(a!)",
                             dispatchOn: "self", doc: "In-place clamp.")
        var fast = ClampKernel(inPlace: true)
        fast.fallback = Pointwise.inPlaceFallback(d, op, name: "clamp_")
        Pointwise.registerInPlace(d, inPlace, computing: op, fast: Pointwise.numericKernels(fast))
        d.registerSamples(inPlace, samples)
    }
}

extension Tensor {
    private static let clampOp = Dispatcher.shared.handle("clamp")
    private static let clampInPlaceOp = Dispatcher.shared.handle("clamp_")

    private func clampArguments(_ min: Tensor?, _ max: Tensor?) -> [IValue] {
        [.tensor(self), min.map { .tensor($0) } ?? .none, max.map { .tensor($0) } ?? .none]
    }

    /// Each element limited to `[min, max]` (`torch.clamp`); give at least one bound. The
    /// bounds take part in type promotion like Swift numbers (`intTensor.clamp(min: 0.5)` is
    /// float32); NaN propagates, and `min > max` gives `max` everywhere.
    public func clamp(min: Scalar? = nil, max: Scalar? = nil) -> Tensor {
        clamp(min: min.map { Tensor(wrapping: $0) }, max: max.map { Tensor(wrapping: $0) })
    }

    /// Each element limited to `[min, max]` with tensor bounds that broadcast with self.
    public func clamp(min: Tensor?, max: Tensor?) -> Tensor {
        Dispatcher.shared.callForTensor(Tensor.clampOp, clampArguments(min, max))
    }

    /// Limits each element to `[min, max]` in place (`tensor.clamp_`).
    @discardableResult
    public func clamp_(min: Scalar? = nil, max: Scalar? = nil) -> Tensor {
        clamp_(min: min.map { Tensor(wrapping: $0) }, max: max.map { Tensor(wrapping: $0) })
    }

    /// Limits each element to tensor bounds in place; the bounds must broadcast to self's shape.
    @discardableResult
    public func clamp_(min: Tensor?, max: Tensor?) -> Tensor {
        Dispatcher.shared.callForTensor(Tensor.clampInPlaceOp, clampArguments(min, max))
    }
}
