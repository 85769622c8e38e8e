#if canImport(Glibc)
import Glibc
#endif

/// One figure the benchmark prints: `name value unit`.
struct Figure {
    let name: String
    let unit: String
    let measure: () -> Double
}

/// Seconds on the monotonic clock.
func now() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) * 1e-9
}

/// The median over `repetitions` of the mean time per call of `body`, called `iterations`
/// times per repetition after one warm-up call (the anchors' method).
func secondsPerCall(iterations: Int, repetitions: Int = 5, _ body: () -> Void) -> Double {
    body()
    var samples: [Double] = []
    for _ in 0..<repetitions {
        let start = now()
        for _ in 0..<iterations { body() }
        samples.append((now() - start) / Double(iterations))
    }
    samples.sort()
    return samples[samples.count / 2]
}

/// Keeps a value alive and opaque to the optimiser.
@inline(never)
func blackHole<T>(_ value: T) {
    withExtendedLifetime(value) {}
}
