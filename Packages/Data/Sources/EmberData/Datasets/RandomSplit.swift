import EmberCore

// random_split: one random permutation of 0..<count (`randperm` with the given generator,
// `Generator.default` when none is given, as in PyTorch), cut into consecutive pieces. With the
// same seed the pieces hold PyTorch's indices.

/// Splits `dataset` at random into non-overlapping subsets of the given sizes
/// (`torch.utils.data.random_split(dataset, lengths, generator)`).
///
/// ```swift
/// let parts = try randomSplit(data, lengths: [120, 30], generator: Generator(seed: 42))
/// ```
/// - Throws: `EmberError.invalidArgument` when a length is negative or the lengths do not
///   add up to `dataset.count`.
public func randomSplit<D: Dataset>(
    _ dataset: D, lengths: [Int], generator: Generator? = nil
) throws -> [Subset<D>] {
    if let i = lengths.firstIndex(where: { $0 < 0 }) {
        throw EmberError(.invalidArgument, op: "random_split", "Length at index \(i) is negative")
    }
    guard lengths.reduce(0, +) == dataset.count else {
        throw EmberError(.invalidArgument, op: "random_split",
            "Sum of input lengths does not equal the length of the input dataset!")
    }
    let order = Tensor.randperm(dataset.count, generator: generator ?? DefaultGenerator.current).scalars(as: Int64.self).map { Int($0) }
    var start = 0
    return lengths.map { length in
        defer { start += length }
        return Subset(dataset, indices: Array(order[start..<start + length]))
    }
}

/// Splits `dataset` at random into subsets holding the given fractions of it, which must add
/// up to 1 (PyTorch's `random_split` with fractions).
///
/// Each subset first gets `floor(count × fraction)` samples; the samples left over go one
/// each to the subsets in turn, starting with the first.
///
/// ```swift
/// let parts = try randomSplit(data, fractions: [0.8, 0.2], generator: Generator(seed: 0))
/// ```
/// - Throws: `EmberError.invalidArgument` when the fractions do not add up to 1 or one of
///   them is outside [0, 1].
public func randomSplit<D: Dataset>(
    _ dataset: D, fractions: [Double], generator: Generator? = nil
) throws -> [Subset<D>] {
    try randomSplit(dataset, lengths: splitLengths(count: dataset.count, fractions: fractions), generator: generator)
}

/// The subset sizes for `fractions` of `count` samples, as PyTorch computes them.
func splitLengths(count: Int, fractions: [Double]) throws -> [Int] {
    let total = fractions.reduce(0, +)  // left to right, as Python's sum
    // math.isclose(total, 1) with its default relative tolerance, and total ≤ 1.
    guard abs(total - 1) <= 1e-9 * max(abs(total), 1), total <= 1 else {
        throw EmberError(.invalidArgument, op: "random_split",
            "fractions should add up to 1, but they add up to \(total)")
    }
    var lengths: [Int] = []
    for (i, fraction) in fractions.enumerated() {
        guard fraction >= 0 && fraction <= 1 else {
            throw EmberError(.invalidArgument, op: "random_split", "Fraction at index \(i) is not between 0 and 1")
        }
        lengths.append(Int((Double(count) * fraction).rounded(.down)))
    }
    let remainder = count - lengths.reduce(0, +)
    for i in 0..<max(remainder, 0) { lengths[i % lengths.count] += 1 }
    return lengths
}
