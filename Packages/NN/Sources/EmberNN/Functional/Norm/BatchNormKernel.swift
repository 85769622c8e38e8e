import EmberCore

// native_batch_norm's CPU kernel: per-channel statistics over every dimension but 1 (two
// passes: mean, then the biased variance), the normalised and scaled output, and in training
// the in-place running-statistics update with the unbiased variance, as PyTorch does:
//   running_mean ← (1 − momentum)·running_mean + momentum·mean
//   running_var  ← (1 − momentum)·running_var  + momentum·var·M/(M − 1)
// The second and third results are the mean and 1/√(var + eps) used (the running ones in
// evaluation mode), which the derivative reads.

struct BatchNormKernel: FloatKernel {
    func run<T: FloatElement>(_ args: Arguments, _ type: T.Type) throws -> [IValue] {
        let op = args.op
        let input = try args.tensor(0)
        guard input.rank >= 2 else {
            throw EmberError(.shapeMismatch, op: op, "expected an input with at least 2 dimensions [N, C, *], got \(input.shape)")
        }
        let channels = input.shape[1]
        let named = ["weight", "bias", "running_mean", "running_var"]
        var vectors: [Tensor?] = []
        for (i, name) in named.enumerated() {
            let t = try args.optionalTensor(i + 1)
            if let t {
                guard t.count == channels, t.rank == 1 else {
                    throw EmberError(.shapeMismatch, op: op, "\(name) should contain \(channels) elements not \(t.count)")
                }
                guard t.dtype == input.dtype else {
                    throw EmberError(.invalidDType, op: op, "expected \(name) to have dtype \(input.dtype), but got \(t.dtype)")
                }
            }
            vectors.append(t)
        }
        let training = try args.bool(5), momentum = try args.double(6), eps = try args.double(7)
        let (runningMean, runningVar) = (vectors[2], vectors[3])
        guard (runningMean == nil) == (runningVar == nil) else {
            throw EmberError(.invalidArgument, op: op, "running_mean and running_var must both be given or both be None")
        }
        if !training && runningMean == nil {
            throw EmberError(.invalidArgument, op: op, "running_mean must be defined in evaluation mode")
        }
        let x = input.contiguous()
        let n = input.shape[0], inner = input.shape.dropFirst(2).reduce(1, *), m = n * inner
        var mean = [T](repeating: 0, count: channels), variance = mean, invstd = mean
        if training {
            x.withUnsafePointer(as: T.self) { p in
                BatchNormLoops.statistics(p, n: n, c: channels, inner: inner, mean: &mean, variance: &variance)
            }
            invstd = variance.map { 1 / ($0 + T(eps)).squareRoot() }
            if let runningMean, let runningVar {
                BatchNormLoops.updateRunning(runningMean, runningVar, mean: mean, variance: variance, momentum: T(momentum), count: m)
            }
        } else if let runningMean, let runningVar {
            mean = BatchNormLoops.read(runningMean, T.self)
            invstd = BatchNormLoops.read(runningVar, T.self).map { 1 / ($0 + T(eps)).squareRoot() }
        }
        let scale = vectors[0].map { BatchNormLoops.read($0, T.self) }, shift = vectors[1].map { BatchNormLoops.read($0, T.self) }
        let out = Tensor(empty: input.shape, dtype: T.dtype)
        x.withUnsafePointer(as: T.self) { src in
            out.withUnsafeMutablePointer(as: T.self) { dst in
                BatchNormLoops.normalize(src, dst, n: n, c: channels, inner: inner, mean: mean, invstd: invstd, weight: scale, bias: shift)
            }
        }
        return [.tensor(out), .tensor(Tensor(mean, shape: [channels])), .tensor(Tensor(invstd, shape: [channels]))]
    }
}

enum BatchNormLoops {
    /// Per-channel mean and biased variance of a contiguous [n, c, inner] block.
    @_specialize(where T == Float)
    @_specialize(where T == Double)
    static func statistics<T: FloatElement>(_ p: UnsafePointer<T>, n: Int, c: Int, inner: Int,
                                            mean: inout [T], variance: inout [T]) {
        let count = T(Swift.max(n * inner, 1))
        for ch in 0..<c {
            var sum: T = 0
            for i in 0..<n { let row = p + (i * c + ch) * inner; for k in 0..<inner { sum += row[k] } }
            let mu = sum / count
            var squares: T = 0
            for i in 0..<n { let row = p + (i * c + ch) * inner; for k in 0..<inner { let d = row[k] - mu; squares += d * d } }
            mean[ch] = mu
            variance[ch] = squares / count
        }
    }

    /// y = (x − mean)·invstd·weight + bias per channel.
    @_specialize(where T == Float)
    @_specialize(where T == Double)
    static func normalize<T: FloatElement>(_ src: UnsafePointer<T>, _ dst: UnsafeMutablePointer<T>, n: Int, c: Int, inner: Int,
                                           mean: [T], invstd: [T], weight: [T]?, bias: [T]?) {
        for ch in 0..<c {
            let a = invstd[ch] * (weight?[ch] ?? 1)
            let b = (bias?[ch] ?? 0) - mean[ch] * a
            for i in 0..<n {
                let s = src + (i * c + ch) * inner, d = dst + (i * c + ch) * inner
                for k in 0..<inner { d[k] = s[k] * a + b }
            }
        }
    }

    /// The values of a 1-D tensor of element type T (any stride).
    static func read<T: FloatElement>(_ t: Tensor, _: T.Type) -> [T] {
        t.withUnsafePointer(as: T.self) { p in (0..<t.count).map { p[$0 * t.strides[0]] } }
    }

    /// The running-statistics update, in place (bumping the tensors' versions).
    static func updateRunning<T: FloatElement>(_ runningMean: Tensor, _ runningVar: Tensor, mean: [T], variance: [T],
                                               momentum: T, count: Int) {
        let correction = count > 1 ? T(count) / T(count - 1) : T.infinity
        runningMean.withUnsafeMutablePointer(as: T.self) { p in
            for c in mean.indices { p[c * runningMean.strides[0]] = (1 - momentum) * p[c * runningMean.strides[0]] + momentum * mean[c] }
        }
        runningVar.withUnsafeMutablePointer(as: T.self) { p in
            for c in variance.indices {
                p[c * runningVar.strides[0]] = (1 - momentum) * p[c * runningVar.strides[0]] + momentum * variance[c] * correction
            }
        }
        runningMean.storage.bumpVersion()
        runningVar.storage.bumpVersion()
    }
}
