// Declaring binary elementwise operators and their in-place forms in one call.

extension CoreOperators {
    /// Declares `name(Tensor self, Tensor other) -> Tensor` with PyTorch's type promotion
    /// and broadcasting, running `F` on floats and integers, and (unless `inPlace` is false) its in-place form `name_`.
    /// Bool tensors run `bool`, or throw `"<boolKernelName>" not implemented for 'Bool'`.
    @discardableResult
    static func defineBinary<F: FloatZip & IntegerZip>(
        _ d: Dispatcher, _ name: String, _ function: F.Type, bool: Kernel?, boolKernelName: String = "",
        samples: (PointwiseSamples.Domain, PointwiseSamples.Domain) = (.real, .real), inPlace hasInPlace: Bool = true,
        doc: String
    ) -> OperatorHandle {
        let op = define(d, "\(name)(Tensor self, Tensor other) -> Tensor", promotion: .common(["self", "other"]), doc: doc)
        d.register(op, floating: FloatZipKernel<F>(name: name), package: package)
        d.register(op, integer: IntegerZipKernel<F>(name: name), package: package)
        if let bool {
            d.register(op, dtypes: [.bool], package: package, kernel: bool)
        } else {
            Pointwise.registerUnsupported(d, op, [.bool], kernelName: boolKernelName)
        }
        let sampleInputs = binarySamples(samples, bool: bool != nil)
        d.registerSamples(op, sampleInputs)
        guard hasInPlace else { return op }

        let inPlaceName = name + "_"
        let inPlace = define(d, "\(inPlaceName)(Tensor(a!) self, Tensor other) -> Tensor(a!)",
                             dispatchOn: "self", doc: "In-place \(name).")
        let fallback = Pointwise.inPlaceFallback(d, op, name: inPlaceName)
        let fast = Pointwise.floatKernels(FloatZipInPlaceKernel<F>(name: inPlaceName, fallback: fallback))
            .merging(Pointwise.integerKernels(IntegerZipInPlaceKernel<F>(name: inPlaceName, fallback: fallback))) { a, _ in a }
        Pointwise.registerInPlace(d, inPlace, computing: op, fast: fast)
        d.registerSamples(inPlace, sampleInputs)
        return op
    }

    /// Declares `name_(Tensor(a!) self, Tensor other) -> Tensor(a!)` computed through `op`
    /// for every dtype (comparison and logical operators, whose results are cast back).
    static func defineInPlaceThroughFallback(_ d: Dispatcher, _ op: OperatorHandle, samples: SampleInputs?) {
        let name = d.info(op).schema.name + "_"
        let inPlace = define(d, "\(name)(Tensor(a!) self, Tensor other) -> Tensor(a!)",
                             dispatchOn: "self", doc: "In-place \(d.info(op).schema.name), keeping self's dtype.")
        Pointwise.registerInPlace(d, inPlace, computing: op, fast: [:])
        if let samples { d.registerSamples(inPlace, samples) }
    }

    /// Samples for a binary operator: `domains` for floats, small integers for integer
    /// dtypes, and bools when the operator takes them.
    static func binarySamples(
        _ domains: (PointwiseSamples.Domain, PointwiseSamples.Domain), bool: Bool
    ) -> SampleInputs {
        return { dtype in
            if dtype == .bool { return bool ? PointwiseSamples.binary(.bools, .bools, dtype) : [] }
            if dtype.isFloatingPoint { return PointwiseSamples.binary(domains.0, domains.1, dtype) }
            return PointwiseSamples.binary(.integers, .integers, dtype)
        }
    }
}

extension Tensor {
    /// Calls a two-tensor operator from the Swift API.
    func callPointwise(_ op: OperatorHandle, _ other: Tensor) -> Tensor {
        Dispatcher.shared.callForTensor(op, [.tensor(self), .tensor(other)])
    }
}
