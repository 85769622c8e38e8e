// multinomial: category indices drawn from each row of a (1-D or 2-D) tensor of
// non-negative weights. Matches PyTorch's CPU algorithms (measured on torch 2.13):
// - with replacement: per row, per sample, one float64 uniform u, and the first category
//   whose normalised cumulative weight is ≥ u;
// - without replacement: the exponential trick — q ~ Exp(1) of self's shape and dtype (one
//   float64 uniform per element, in memory order), then the k largest weight / q per row
//   (argmax when k = 1), largest first.

extension CoreOperators {
    static func registerMultinomial(_ d: Dispatcher) {
        let op = define(d, "multinomial(Tensor self, int num_samples, bool replacement=False, *, Generator? generator=None) -> Tensor",
                        doc: "Samples category indices from each row of non-negative weights.")
        d.register(op, anyDType: { args in
            let t = try args.tensor(0)
            switch t.dtype {
            case .float32: return [.tensor(try multinomial(t, Float.self, args))]
            case .float64: return [.tensor(try multinomial(t, Double.self, args))]
            case .float16, .bfloat16: return [.tensor(try multinomial(castTensor(t, to: .float32), Float.self, args))]
            default:
                throw EmberError(.invalidDType, op: "multinomial",
                    "multinomial only supports floating-point dtypes for input, got: \(t.dtype.atenName)")
            }
        }, package: package)
    }

    private static func multinomial<T: FloatElement>(_ t: Tensor, _ type: T.Type, _ args: Arguments) throws -> Tensor {
        let samples = try args.int(1), replacement = try args.bool(2), generator = try args.generator(3)
        guard samples > 0 else { throw EmberError(.invalidArgument, op: "multinomial", "cannot sample n_sample <= 0 samples") }
        guard t.rank == 1 || t.rank == 2 else { throw EmberError(.invalidArgument, op: "multinomial", "prob_dist must be 1 or 2 dim") }
        let rows = t.rank == 1 ? 1 : t.shape[0], categories = t.shape[t.rank - 1]
        guard replacement || samples <= categories else {
            throw EmberError(.invalidArgument, op: "multinomial",
                "cannot sample n_sample > prob_dist.size(-1) samples without replacement")
        }
        let weights = t.scalars(as: T.self)
        for r in 0..<rows {
            let row = weights[r * categories..<(r + 1) * categories]
            guard row.allSatisfy({ $0.isFinite && $0 >= 0 }) else {
                throw EmberError(.invalidArgument, op: "multinomial", "probability tensor contains either `inf`, `nan` or element < 0")
            }
            guard row.reduce(0.0, { $0 + $1.doubleValue }) > 0 else {
                throw EmberError(.invalidArgument, op: "multinomial", "invalid multinomial distribution (sum of probabilities <= 0)")
            }
        }
        let indices = replacement
            ? withReplacement(weights, rows: rows, categories: categories, samples: samples, generator)
            : try withoutReplacement(t, weights, T.self, rows: rows, categories: categories, samples: samples, generator)
        return Tensor(indices, shape: t.rank == 1 ? [samples] : [rows, samples])
    }

    private static func withReplacement<T: FloatElement>(
        _ weights: [T], rows: Int, categories: Int, samples: Int, _ g: Generator
    ) -> [Int64] {
        var out = [Int64](repeating: 0, count: rows * samples)
        var cumulative = [Double](repeating: 0, count: categories)
        g.withEngine { e in
            for r in 0..<rows {
                var total = 0.0
                for j in 0..<categories {
                    total += weights[r * categories + j].doubleValue
                    cumulative[j] = total
                }
                for j in 0..<categories { cumulative[j] /= total }
                for s in 0..<samples {
                    let u = e.uniformDouble()
                    var lo = 0, hi = categories  // first index with cumulative ≥ u
                    while lo < hi {
                        let mid = lo + (hi - lo) / 2
                        if cumulative[mid] < u { lo = mid + 1 } else { hi = mid }
                    }
                    out[r * samples + s] = Int64(min(lo, categories - 1))
                }
            }
        }
        return out
    }

    private static func withoutReplacement<T: FloatElement>(
        _ t: Tensor, _ weights: [T], _ type: T.Type, rows: Int, categories: Int, samples: Int, _ g: Generator
    ) throws -> [Int64] {
        let q = emptyPreservingLayout(t, dtype: T.dtype)
        try RandomFill.exponential(q, lambda: 1, g, op: "multinomial")
        let noise = q.scalars(as: T.self)
        var out: [Int64] = []
        out.reserveCapacity(rows * samples)
        for r in 0..<rows {
            let keys = (0..<categories).map { weights[r * categories + $0] / noise[r * categories + $0] }
            // Largest first; NaN counts as largest, as in topk; ties keep the lower index.
            let order = (0..<categories).sorted { a, b in
                let x = keys[a], y = keys[b]
                if x.isNaN || y.isNaN { return x.isNaN && !y.isNaN || (x.isNaN && y.isNaN && a < b) }
                return x != y ? x > y : a < b
            }
            out.append(contentsOf: order.prefix(samples).map { Int64($0) })
        }
        return out
    }
}

extension Tensor {
    private static let multinomialOp = Dispatcher.shared.handle("multinomial")

    /// Category indices sampled from each row of this tensor of weights
    /// (`torch.multinomial(input, num_samples, replacement)`).
    public func multinomial(numSamples: Int, replacement: Bool = false, generator: Generator? = nil) -> Tensor {
        Dispatcher.shared.callForTensor(
            Tensor.multinomialOp, [.tensor(self), .int(numSamples), .bool(replacement), generatorValue(generator)])
    }
}
