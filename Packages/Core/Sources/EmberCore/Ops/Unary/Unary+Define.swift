// Declaring unary elementwise operators and their in-place forms in one call.

extension CoreOperators {
    /// Declares `name(Tensor self) -> Tensor` computing a floating function (integer and
    /// bool inputs are converted to float32 first, as in PyTorch) and its in-place form
    /// `name_`, which requires a floating `self`.
    @discardableResult
    static func defineFloatUnary<F: FloatMap>(
        _ d: Dispatcher, _ name: String, _ function: F.Type, samples domain: PointwiseSamples.Domain, doc: String
    ) -> OperatorHandle {
        let op = define(d, "\(name)(Tensor self) -> Tensor", promotion: .commonIntToFloat(["self"]), doc: doc)
        d.register(op, floating: FloatMapKernel<F>(), package: package)
        let samples: SampleInputs = { dtype in dtype.isFloatingPoint ? PointwiseSamples.unary(domain, dtype) : [] }
        d.registerSamples(op, samples)
        let inPlace = define(d, "\(name)_(Tensor(a!) self) -> Tensor(a!)", dispatchOn: "self", doc: "In-place \(name).")
        Pointwise.registerInPlace(d, inPlace, computing: op, fast: Pointwise.floatKernels(FloatMapInPlaceKernel<F>()))
        d.registerSamples(inPlace, samples)
        return op
    }

    /// Declares `name(Tensor self) -> Tensor` for floats and integers, keeping the dtype,
    /// and its in-place form `name_`. `bool` is the kernel for bool tensors, or `nil` for an
    /// operator that rejects them (the out-of-place kernel then throws `boolError`).
    @discardableResult
    static func defineNumericUnary<F: FloatMap & IntegerMap>(
        _ d: Dispatcher, _ name: String, _ function: F.Type, samples domain: PointwiseSamples.Domain,
        bool: Kernel? = nil, boolError: String = "", doc: String
    ) -> OperatorHandle {
        let op = define(d, "\(name)(Tensor self) -> Tensor", doc: doc)
        d.register(op, floating: FloatMapKernel<F>(), package: package)
        d.register(op, integer: IntegerMapKernel<F>(), package: package)
        let boolKernel: Kernel = bool ?? { _ in throw EmberError(.invalidDType, op: name, boolError) }
        d.register(op, dtypes: [.bool], package: package, kernel: boolKernel)
        let samples: SampleInputs = { dtype in
            if dtype == .bool { return bool == nil ? [] : PointwiseSamples.unary(.bools, dtype) }
            return PointwiseSamples.unary(dtype.isFloatingPoint ? domain : .integers, dtype)
        }
        d.registerSamples(op, samples)
        let inPlace = define(d, "\(name)_(Tensor(a!) self) -> Tensor(a!)", dispatchOn: "self", doc: "In-place \(name).")
        let fast = Pointwise.floatKernels(FloatMapInPlaceKernel<F>())
            .merging(Pointwise.integerKernels(IntegerMapInPlaceKernel<F>())) { a, _ in a }
        Pointwise.registerInPlace(d, inPlace, computing: op, fast: fast)
        d.registerSamples(inPlace) { dtype in dtype == .bool ? [] : samples(dtype) }
        return op
    }
}

extension Tensor {
    /// Calls a one-argument operator that cannot fail for a well-formed tensor.
    func callPointwise(_ op: OperatorHandle) -> Tensor {
        Dispatcher.shared.callForTensor(op, [.tensor(self)])
    }
}
