/// A stream of samples without random access: Ember's `torch.utils.data.IterableDataset`.
///
/// Each iteration asks for a new ``Stream`` with ``makeStream()``. With worker threads, every
/// worker makes its own stream, so a dataset that should not repeat itself splits the work
/// using ``WorkerInfo/current``, as PyTorch's `get_worker_info()` does:
///
/// ```swift
/// struct Numbers: IterableDataset {
///     let n: Int
///     func makeStream() -> some SampleStream<Int> {
///         let w = WorkerInfo.current
///         return SequenceStream(stride(from: w?.id ?? 0, to: n, by: w?.numWorkers ?? 1))
///     }
/// }
/// ```
public protocol IterableDataset<Sample>: Sendable {
    /// The type of one sample.
    associatedtype Sample: Sendable
    /// The stream one iteration reads.
    associatedtype Stream: SampleStream<Sample>

    /// A new stream over the samples (`iter(dataset)`); called once per iteration and worker.
    /// - Throws: an error when the stream cannot be opened.
    func makeStream() throws -> Stream

    /// The number of samples an iteration yields, when known (`len(dataset)`); `nil` by default.
    /// ``DataLoader/count`` derives the number of batches from it.
    var expectedCount: Int? { get }
}

extension IterableDataset {
    /// Unknown by default.
    public var expectedCount: Int? { nil }
}

/// An iterator whose next sample may fail to load: the stream behind an ``IterableDataset``.
public protocol SampleStream<Sample> {
    /// The type of one sample.
    associatedtype Sample

    /// The next sample, or `nil` at the end of the stream.
    /// - Throws: an error when the next sample cannot be produced.
    mutating func next() throws -> Sample?
}

/// A ``SampleStream`` over a Swift iterator, which never fails.
public struct SequenceStream<Base: IteratorProtocol>: SampleStream {
    private var base: Base

    /// A stream over `iterator`.
    public init(iterator: Base) { base = iterator }

    /// A stream over the elements of `sequence`.
    public init<S: Sequence>(_ sequence: S) where S.Iterator == Base { base = sequence.makeIterator() }

    /// The base iterator's next element.
    public mutating func next() -> Base.Element? { base.next() }
}

/// An ``IterableDataset`` over a Swift sequence: every iteration (and every worker) reads
/// the whole sequence.
public struct SequenceDataset<Base: Sequence & Sendable>: IterableDataset where Base.Element: Sendable {
    /// The sequence read by each iteration.
    public let base: Base

    /// A dataset reading `base`.
    public init(_ base: Base) { self.base = base }

    /// A stream over the sequence.
    public func makeStream() -> SequenceStream<Base.Iterator> { SequenceStream(base) }

    /// The number of elements when the sequence is a collection, else `nil`.
    public var expectedCount: Int? { (base as? any Collection)?.count }
}
