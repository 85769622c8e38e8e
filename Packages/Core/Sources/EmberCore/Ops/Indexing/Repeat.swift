// repeat: tiles a tensor. With `repeats` longer than the rank, the tensor is first viewed
// with leading size-1 dimensions. The output is read as a [r0, s0, r1, s1, ...] view whose
// source strides are 0 along each repeat dimension, so one strided copy does the work.

extension CoreOperators {
    static func registerRepeat(_ d: Dispatcher) {
        let op = define(d, "repeat(Tensor self, int[] repeats) -> Tensor",
                        doc: "Tiles a tensor the given number of times along each dimension.")
        registerBitwise(d, op, RepeatKernel())
        d.registerSamples(op) { dtype in [
            [.tensor(Indexing.sample([1, 2, 3, 4, 5, 6], [2, 3], dtype)), .ints([2, 1])],
            [.tensor(Indexing.transposedSample([1, 2, 3, 4, 5, 6], [2, 3], dtype)), .ints([2, 1, 3])],
            [.tensor(Indexing.sample([7], [], dtype)), .ints([3])],
        ] }
    }
}

/// `repeat` for elements of `T`'s size.
struct RepeatKernel: Indexing.BitwiseKernel {
    func run<T: BitwiseCopyable>(_ args: Arguments, _ type: T.Type) throws -> [IValue] {
        let x = try args.tensor(0)
        let repeats = try args.ints(1)
        guard repeats.count >= x.rank else {
            throw EmberError(.invalidArgument, op: "repeat",
                "Number of dimensions of repeat dims can not be smaller than number of dimensions of tensor")
        }
        let pad = repeats.count - x.rank
        let padded = [Int](repeating: 1, count: pad) + x.shape
        let paddedStrides = [Int](repeating: 0, count: pad) + x.strides
        let shape = zip(padded, repeats).map { $0 * $1 }
        if let negative = shape.first(where: { $0 < 0 }) {
            throw EmberError(.invalidArgument, op: "repeat",
                "Trying to create tensor with negative dimension \(negative): \(shape)")
        }
        let out = Tensor(empty: shape, dtype: x.dtype)
        var tiledShape: [Int] = [], dstStrides: [Int] = [], srcStrides: [Int] = []
        for d in shape.indices {
            // Output index k * padded[d] + j: k steps over tiles, j within one tile.
            tiledShape += [repeats[d], padded[d]]
            dstStrides += [padded[d] * out.strides[d], out.strides[d]]
            srcStrides += [0, paddedStrides[d]]
        }
        Indexing.copy(shape: tiledShape, to: Indexing.Elements<T>(out), dstStrides,
                      from: Indexing.Elements<T>(x), srcStrides)
        return [.tensor(out)]
    }
}

extension Tensor {
    private static let repeatOp = Dispatcher.shared.handle("repeat")

    /// This tensor tiled `repeats[d]` times along each dimension (`tensor.repeat`). With more
    /// repeats than dimensions, leading size-1 dimensions are added first.
    ///
    /// - Complexity: O(elements of the result).
    public func `repeat`(_ repeats: [Int]) -> Tensor {
        Dispatcher.shared.callForTensor(Tensor.repeatOp, [.tensor(self), .ints(repeats)])
    }

    /// This tensor tiled `repeats[d]` times along each dimension (`tensor.repeat(2, 1)`).
    public func `repeat`(_ repeats: Int...) -> Tensor { self.repeat(repeats) }
}
