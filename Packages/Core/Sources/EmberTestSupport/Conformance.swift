import EmberCore

/// The registry-driven conformance suite (PyTorch's OpInfo idea): every operator that
/// declares sample inputs is run through the same checks, so a plugin's operator is covered
/// without extra tests. Each check returns human-readable failures; an empty list passes.
public enum Conformance {
    /// The operators of `dispatcher` that declare sample inputs.
    public static func operatorsWithSamples(in dispatcher: Dispatcher = .shared) -> [OperatorInfo] {
        dispatcher.operators.filter { $0.definition.samples != nil }
    }

    /// Runs every check on `op` for every dtype that has both a kernel and samples.
    public static func check(_ op: OperatorInfo, dispatcher: Dispatcher = .shared) -> [String] {
        guard let samples = op.definition.samples else { return [] }
        var failures: [String] = []
        let dtypes = Set(op.kernels.compactMap(\.dtype)).union(op.composite == nil ? [] : [.float32, .float64])
        for dtype in DType.allCases where dtypes.contains(dtype) {
            for (n, args) in samples(dtype).enumerated() {
                let where_ = "\(op.schema.name) sample \(n) (\(dtype))"
                failures += checkSample(op, args, label: where_, dispatcher: dispatcher)
            }
        }
        failures += checkPrecisionAgreement(op, samples, dispatcher: dispatcher)
        return failures
    }

    /// Runs one sample: it must not throw, must be deterministic, and must give the same
    /// values when every tensor input is re-laid out non-contiguously. Operators whose
    /// results are random (names containing "rand", "bernoulli", "multinomial", "normal",
    /// "dropout") are only run.
    static func checkSample(_ op: OperatorInfo, _ args: [IValue], label: String, dispatcher: Dispatcher) -> [String] {
        let first: [IValue]
        do { first = try dispatcher.call(op.schema.name, copyInputs(args, strided: false)) } catch {
            return ["\(label): threw \(error)"]
        }
        if isRandom(op.schema.name) || op.schema.name.hasSuffix("_") || readsStorage(op.schema.name) { return [] }
        var failures: [String] = []
        do {
            let again = try dispatcher.call(op.schema.name, copyInputs(args, strided: false))
            if !sameResults(first, again, tolerance: 0) { failures.append("\(label): not deterministic") }
            let strided = try dispatcher.call(op.schema.name, copyInputs(args, strided: true))
            if !sameResults(first, strided, tolerance: 0) {
                failures.append("\(label): non-contiguous inputs give different results\n  \(describe(first))\n  \(describe(strided))")
            }
        } catch {
            failures.append("\(label): non-contiguous inputs threw \(error)")
        }
        return failures
    }

    /// The float32 kernel and the float64 kernel must agree (float32 tolerance) on the
    /// float64 samples narrowed to float32.
    static func checkPrecisionAgreement(_ op: OperatorInfo, _ samples: SampleInputs, dispatcher: Dispatcher) -> [String] {
        let dtypes = Set(op.kernels.compactMap(\.dtype))
        guard dtypes.contains(.float32), dtypes.contains(.float64), !isRandom(op.schema.name), !readsStorage(op.schema.name),
              !op.schema.name.hasSuffix("_") else { return [] }
        var failures: [String] = []
        for (n, args) in samples(.float64).enumerated() {
            let narrowed = args.map { v -> IValue in
                if case .tensor(let t) = v, t.dtype == .float64 { return .tensor(t.to(.float32)) }
                if case .tensors(let ts) = v { return .tensors(ts.map { $0.dtype == .float64 ? $0.to(.float32) : $0 }) }
                return v
            }
            do {
                let wide = try dispatcher.call(op.schema.name, args)
                let single = try dispatcher.call(op.schema.name, narrowed)
                if !sameResults(wide, single, tolerance: 1e-3) {
                    failures.append("\(op.schema.name) sample \(n): float32 and float64 kernels disagree\n  \(describe(wide))\n  \(describe(single))")
                }
            } catch {
                failures.append("\(op.schema.name) sample \(n): threw \(error)")
            }
        }
        return failures
    }

    /// Operators defined on the storage rather than the values (`as_strided`), whose results
    /// legitimately change with the layout.
    static func readsStorage(_ name: String) -> Bool { name == "as_strided" }

    static func isRandom(_ name: String) -> Bool {
        ["rand", "bernoulli", "multinomial", "normal", "dropout", "uniform", "empty"].contains { name.contains($0) }
    }

    /// Copies tensor inputs so the sample itself is never modified; with `strided`, each
    /// copy is laid out with every stride doubled (same values, non-contiguous).
    static func copyInputs(_ args: [IValue], strided: Bool) -> [IValue] {
        args.map { v in
            switch v {
            case .tensor(let t): return .tensor(relayout(t, strided: strided))
            case .tensors(let ts): return .tensors(ts.map { relayout($0, strided: strided) })
            default: return v
            }
        }
    }

    /// A copy of `t` with the same values; strides doubled when `strided` (and rank > 0).
    public static func relayout(_ t: Tensor, strided: Bool) -> Tensor {
        let values = contiguousBytes(t)
        let spread = strided && t.rank > 0 && t.count > 1 ? 2 : 1
        let size = t.dtype.itemSize
        let storage = Storage(byteCount: max(t.count * spread * size, 1))
        let strides = Tensor.contiguousStrides(for: t.shape).map { $0 * spread }
        let copy = Tensor(storage: storage, shape: t.shape, strides: strides, storageOffset: 0, dtype: t.dtype)
        for i in 0..<t.count {
            (storage.data + i * spread * size).copyMemory(from: values + i * size, byteCount: size)
        }
        values.deallocate()
        copy.isWrappedNumber = t.isWrappedNumber
        return copy
    }

    /// The elements of `t` in row-major order as raw bytes (caller deallocates).
    static func contiguousBytes(_ t: Tensor) -> UnsafeMutableRawPointer {
        let size = t.dtype.itemSize
        let out = UnsafeMutableRawPointer.allocate(byteCount: max(t.count * size, 1), alignment: 16)
        var k = 0
        StridedLoop(shape: t.shape, strides: [t.strides]).forEachRow { off, n, st in
            for i in 0..<n {
                (out + k * size).copyMemory(from: t.dataPointer + (off[0] + i * st[0]) * size, byteCount: size)
                k += 1
            }
        }
        return out
    }

    static func sameResults(_ a: [IValue], _ b: [IValue], tolerance: Double) -> Bool {
        guard a.count == b.count else { return false }
        for (x, y) in zip(a, b) {
            switch (x, y) {
            case (.tensor(let s), .tensor(let t)):
                if !closeTensors(s, t, tolerance) { return false }
            case (.tensors(let s), .tensors(let t)):
                if s.count != t.count || zip(s, t).contains(where: { !closeTensors($0, $1, tolerance) }) { return false }
            default:
                if x.description != y.description { return false }
            }
        }
        return true
    }

    static func closeTensors(_ a: Tensor, _ b: Tensor, _ tolerance: Double) -> Bool {
        guard a.shape == b.shape else { return false }
        for (x, y) in zip(a.doubleScalars, b.doubleScalars) {
            if x.isNaN && y.isNaN { continue }
            if x == y { continue }
            if !(abs(x - y) <= tolerance * max(1, abs(x))) { return false }
        }
        return true
    }

    static func describe(_ results: [IValue]) -> String {
        results.map { v in
            if case .tensor(let t) = v { return "\(t.shape) \(t.dtype) \(t.doubleScalars.prefix(8))" }
            return v.description
        }.joined(separator: "; ")
    }
}
