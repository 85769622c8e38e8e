/// An error raised while a ``DataLoader`` loaded a batch: what it was doing (reading which
/// sample, collating which batch), in which worker, and the error it caught.
///
/// ```swift
/// do { while let batch = try iterator.nextBatch() { ... } }
/// catch let error as DataLoaderError { print(error.index, error.underlying) }
/// ```
public struct DataLoaderError: Error, CustomStringConvertible {
    /// What the loader was doing when the error was raised.
    public enum Stage: Sendable, Equatable {
        /// Reading the sample at this index of a map-style dataset.
        case sample(index: Int)
        /// Collating the samples at these indices into a batch (for an iterable dataset, their
        /// positions in the failing worker's stream).
        case collate(indices: [Int])
        /// Opening an iterable dataset's stream (in the worker that failed).
        case openStream
        /// Reading the sample at this position of an iterable dataset's stream (counted
        /// from 0 in the stream of the worker that failed).
        case stream(position: Int)
    }

    /// What the loader was doing.
    public let stage: Stage
    /// The worker thread (`0..<numWorkers`) that raised it; `nil` when loading ran on the
    /// iterating thread (`numWorkers == 0`).
    public let worker: Int?
    /// The error the dataset or the collate function threw.
    public let underlying: any Error

    /// Creates an error.
    public init(_ stage: Stage, worker: Int?, underlying: any Error) {
        self.stage = stage
        self.worker = worker
        self.underlying = underlying
    }

    /// The index of the sample that failed to load, for map-style datasets.
    public var index: Int? {
        if case .sample(let index) = stage { return index }
        return nil
    }

    /// `DataLoader: loading sample 7 failed in worker 1: <the underlying error>`.
    public var description: String {
        let action: String
        switch stage {
        case .sample(let index): action = "loading sample \(index)"
        case .collate(let indices): action = "collating samples \(indices)"
        case .openStream: action = "opening the dataset's stream"
        case .stream(let position): action = "reading sample \(position) of the dataset's stream"
        }
        let place = worker.map { " in worker \($0)" } ?? ""
        return "DataLoader: \(action) failed\(place): \(underlying)"
    }
}
