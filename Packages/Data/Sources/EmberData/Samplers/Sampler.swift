import EmberCore

/// A sequence of dataset indices (or of batches of indices) that a ``DataLoader`` reads in
/// order: Ember's `torch.utils.data.Sampler`.
///
/// Each iteration (`makeIterator()`) is a new pass; random samplers draw new numbers from
/// their generator for every pass, as PyTorch's do. A ``BatchSampler`` is a
/// `Sampler<[Int]>`.
public protocol Sampler<Element>: Sequence, Sendable {
    /// The number of elements one pass yields (`len(sampler)`).
    var count: Int { get }
}

extension Sampler {
    /// ``count``: the exact number of elements a pass yields.
    public var underestimatedCount: Int { count }
}

/// The indices `0..<count` in order (`torch.utils.data.SequentialSampler`).
public struct SequentialSampler: Sampler {
    /// The number of indices.
    public let count: Int

    /// The indices of a dataset of `count` samples.
    public init(count: Int) {
        precondition(count >= 0, "SequentialSampler: count must be non-negative, but got \(count)")
        self.count = count
    }

    /// The indices of `dataset`.
    public init(_ dataset: some Dataset) { self.init(count: dataset.count) }

    /// `0, 1, ..., count - 1`.
    public func makeIterator() -> Range<Int>.Iterator { (0..<count).makeIterator() }
}

/// Draws the values of one pass lazily, in chunks, on first use: PyTorch's samplers are
/// Python generators, so their random draws happen when the first index is requested and,
/// for the next chunk, when the previous one is used up.
public struct SamplerIterator: IteratorProtocol {
    private var buffer: [Int] = []
    private var position = 0
    private var chunk = 0
    private let chunks: Int
    private let draw: (Int) -> [Int]

    /// An iterator over `chunks` chunks, chunk `k` being `draw(k)`.
    init(chunks: Int, draw: @escaping (Int) -> [Int]) {
        self.chunks = chunks
        self.draw = draw
    }

    /// The next value, drawing the next chunk when the current one is used up.
    public mutating func next() -> Int? {
        while position == buffer.count {
            guard chunk < chunks else { return nil }
            buffer = draw(chunk)
            chunk += 1
            position = 0
        }
        defer { position += 1 }
        return buffer[position]
    }
}

extension Tensor {
    /// The elements of an int64 tensor as `Int`s.
    var indexValues: [Int] { scalars(as: Int64.self).map { Int($0) } }
}
