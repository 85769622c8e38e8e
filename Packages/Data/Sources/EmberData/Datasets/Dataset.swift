/// A collection of samples addressed by index: Ember's `torch.utils.data.Dataset` (a
/// map-style dataset, with `__len__` and `__getitem__`).
///
/// A sample is whatever one index gives: a ``Tensor``, a tuple of tensors such as
/// `(features, label)`, a dictionary `[String: Tensor]`, or any other value. Reading a
/// sample may fail (a file that cannot be read, a malformed row), so ``sample(at:)`` throws;
/// the ``DataLoader`` reports such an error together with the index that raised it.
///
/// ```swift
/// struct Squares: Dataset {
///     var count: Int { 10 }
///     func sample(at index: Int) throws -> Tensor { Tensor(scalar: Float(index * index)) }
/// }
/// ```
///
/// Datasets are `Sendable` because a ``DataLoader`` with worker threads reads samples from
/// several threads at once; ``sample(at:)`` must be safe to call concurrently.
public protocol Dataset<Sample>: Sendable {
    /// The type of one sample.
    associatedtype Sample: Sendable

    /// The number of samples (`len(dataset)`); valid indices are `0..<count`.
    var count: Int { get }

    /// The sample at `index` (`dataset[index]`), for `index` in `0..<count`.
    /// - Throws: an error when the sample cannot be produced, or when `index` is out of range.
    func sample(at index: Int) throws -> Sample
}
