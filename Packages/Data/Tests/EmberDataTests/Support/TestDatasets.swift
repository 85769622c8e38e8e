import EmberCore
import Synchronization

@testable import EmberData

/// A dataset whose sample is its index.
struct Indices: Dataset {
    let count: Int
    func sample(at index: Int) throws -> Int { index }
}

/// The batches of an index loader as arrays.
func indexBatches(_ loader: DataLoader<Tensor>) -> [[Int]] {
    loader.map { $0.scalars(as: Int64.self).map { Int($0) } }
}

/// The elements of an int64 tensor.
func ints(_ t: Tensor) -> [Int] { t.scalars(as: Int64.self).map { Int($0) } }

/// The elements of a float32 tensor.
func floats(_ t: Tensor) -> [Float] { t.scalars(as: Float.self) }

struct Failure: Error, CustomStringConvertible {
    let description: String
}

/// Fails at one index; counts the samples it was asked for.
struct Faulty: Dataset {
    let count: Int
    let failing: Int
    let loads = Counter()
    func sample(at index: Int) throws -> Tensor {
        loads.add()
        if index == failing { throw Failure(description: "bad record \(index)") }
        return Tensor(scalar: Int64(index))
    }
}

/// A thread-safe counter.
final class Counter: Sendable {
    private let value = Atomic<Int>(0)
    func add() { value.add(1, ordering: .relaxed) }
    var count: Int { value.load(ordering: .relaxed) }
}
