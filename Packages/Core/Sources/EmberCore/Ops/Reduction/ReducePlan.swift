/// How a reduction over a set of dims of a strided tensor maps onto loops: the output
/// shape (with or without `keepdim`), the kept dims that enumerate the outputs, and the
/// reduced dims that each output folds. Both sets are coalesced: adjacent dims laid out back
/// to back merge, so a reduction over the trailing dims of a contiguous tensor becomes one
/// contiguous run per output.
///
/// The loops live in `ReducePlan+Loops.swift`; operators only write the per-row function.
public struct ReducePlan: Sendable {
    /// The result's shape: the input's with reduced dims removed, or kept as 1 when `keepdim`.
    public let outputShape: [Int]
    /// The number of outputs.
    public let outputCount: Int
    /// The number of input elements each output folds (0 when a reduced dim is empty).
    public let reducedCount: Int
    /// The reduced dims, normalised and sorted, in the input's numbering.
    public let dims: [Int]
    /// The coalesced kept dims (outer to inner) and their input strides.
    @usableFromInline let keptShape: [Int], keptStrides: [Int]
    /// The coalesced reduced dims (outer to inner) and their input strides. With `ordered`,
    /// in logical order, so that a position within a row is the row-major index over the
    /// reduced dims; otherwise sorted by decreasing stride first, so that a reduction over
    /// all dims of a transposed tensor is still one contiguous run.
    @usableFromInline let reducedShape: [Int], reducedStrides: [Int]

    /// Plans a reduction of a tensor of `shape`/`strides` over `dims` (already normalised,
    /// sorted and unique). `ordered` keeps the reduced elements in logical order (for
    /// reductions that report positions); otherwise they are visited in memory order.
    public init(shape: [Int], strides: [Int], dims: [Int], keepdim: Bool, ordered: Bool = false) {
        var out: [Int] = [], keptS: [Int] = [], keptT: [Int] = [], redS: [Int] = [], redT: [Int] = []
        for d in shape.indices {
            if dims.contains(d) {
                if keepdim { out.append(1) }
                redS.append(shape[d]); redT.append(strides[d])
            } else {
                out.append(shape[d])
                keptS.append(shape[d]); keptT.append(strides[d])
            }
        }
        self.dims = dims
        outputShape = out
        outputCount = out.reduce(1, *)
        reducedCount = redS.reduce(1, *)
        (keptShape, keptStrides) = ReducePlan.coalesce(keptS, keptT)
        if reducedCount == 0 {
            (reducedShape, reducedStrides) = ([0], [0])
        } else if ordered {
            (reducedShape, reducedStrides) = ReducePlan.coalesce(redS, redT)
        } else {
            let order = redS.indices.sorted { (abs(redT[$0]), $1) > (abs(redT[$1]), $0) }
            (reducedShape, reducedStrides) = ReducePlan.coalesce(order.map { redS[$0] }, order.map { redT[$0] })
        }
    }

    /// Plans a reduction of `x` over `dims` as the operators receive them: `nil` (and, when
    /// `emptyMeansAll`, `[]`) means every dim; negative dims count from the end. Throws
    /// PyTorch's messages for a dim out of range or repeated. `ordered` as in
    /// ``init(shape:strides:dims:keepdim:ordered:)``.
    public init(
        _ x: Tensor, dims: [Int]?, keepdim: Bool, emptyMeansAll: Bool = true, ordered: Bool = false, op: String
    ) throws {
        let normalized = try ReducePlan.normalize(dims, rank: x.rank, emptyMeansAll: emptyMeansAll, op: op)
        self.init(shape: x.shape, strides: x.strides, dims: normalized, keepdim: keepdim, ordered: ordered)
    }

    /// Normalises a dim list: wraps negative dims, rejects out-of-range and repeated dims,
    /// sorts. `nil` (and `[]` when `emptyMeansAll`) is every dim. A 0-d tensor accepts 0 and
    /// -1 and reduces nothing.
    public static func normalize(_ dims: [Int]?, rank: Int, emptyMeansAll: Bool = true, op: String) throws -> [Int] {
        guard let dims, !(dims.isEmpty && emptyMeansAll) else { return Array(0..<rank) }
        var seen: [Int] = []
        for d in dims {
            let n = try checkedDim(d, rank: rank, op: op)
            if seen.contains(n) {
                throw EmberError(.invalidDimension, op: op, "dim \(n) appears multiple times in the list of dims")
            }
            seen.append(n)
        }
        return seen.filter { $0 < rank }.sorted()
    }

    /// Merges adjacent dims whose layout is back to back and drops size-1 dims.
    @usableFromInline
    static func coalesce(_ shape: [Int], _ strides: [Int]) -> ([Int], [Int]) {
        var s: [Int] = [], t: [Int] = []
        for d in shape.indices where shape[d] != 1 {
            if let last = t.last, last == strides[d] * shape[d] {
                s[s.count - 1] *= shape[d]
                t[t.count - 1] = strides[d]
            } else {
                s.append(shape[d]); t.append(strides[d])
            }
        }
        return (s, t)
    }

    /// The first reduced dim of size 0, if any (reductions without an identity reject it).
    public func emptyReducedDim(in shape: [Int]) -> Int? {
        dims.first { shape[$0] == 0 }
    }

    /// Whether each output's elements form one run of constant stride (otherwise the loops
    /// gather the input into a contiguous buffer first).
    @inlinable public var hasSingleRun: Bool { reducedShape.count <= 1 }

    /// The row length and stride of a single-run plan.
    @inlinable var run: (n: Int, stride: Int) {
        (reducedShape.first ?? 1, reducedStrides.first ?? 0)
    }
}
