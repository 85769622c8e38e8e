// Shared machinery of the indexing family: kernels written once per element size or per
// element type, untyped element access, strided copies, index checks and sample tensors.
// Everything lives in the `Indexing` namespace so that it cannot clash with other families.

/// Helpers shared by the indexing and copying operators.
enum Indexing {
    /// A data-movement kernel written once per element size: it runs with an unsigned integer
    /// type as wide as the elements and copies their bits without interpreting them.
    protocol BitwiseKernel: Sendable {
        /// Runs the kernel with elements moved as `T` (`UInt8`, `UInt16`, `UInt32` or `UInt64`).
        func run<T: BitwiseCopyable>(_ args: Arguments, _ type: T.Type) throws -> [IValue]
    }

    /// A kernel written once for every element type (it may look at values).
    protocol ElementKernel: Sendable {
        /// Runs the kernel with elements of type `T`.
        func run<T: TensorElement>(_ args: Arguments, _ type: T.Type) throws -> [IValue]
    }

    /// The elements of a tensor's storage, addressed by element index and read or written as
    /// the bits of `T` (raw loads and stores, so any element type of `T`'s size may be moved).
    struct Elements<T: BitwiseCopyable> {
        let base: UnsafeMutableRawPointer

        /// The elements of `t`, starting at its first element.
        init(_ t: Tensor) { base = t.dataPointer }
        init(base: UnsafeMutableRawPointer) { self.base = base }

        /// The elements starting `n` elements further on (`n` may be negative).
        func advanced(by n: Int) -> Elements { Elements(base: base + n &* MemoryLayout<T>.stride) }

        subscript(i: Int) -> T {
            get { base.load(fromByteOffset: i &* MemoryLayout<T>.stride, as: T.self) }
            nonmutating set { base.storeBytes(of: newValue, toByteOffset: i &* MemoryLayout<T>.stride, as: T.self) }
        }
    }

    /// Copies the elements of a strided source into a strided destination of the same
    /// `shape` (strides in elements, possibly negative or zero for the source).
    static func copy<T: BitwiseCopyable>(
        shape: [Int], to dst: Elements<T>, _ dstStrides: [Int], from src: Elements<T>, _ srcStrides: [Int]
    ) {
        StridedLoop(shape: shape, strides: [dstStrides, srcStrides]).forEachRow { off, n, st in
            let o = dst.advanced(by: off[0]), s = src.advanced(by: off[1]), so = st[0], ss = st[1]
            if so == 1 && ss == 1 {
                for i in 0..<n { o[i] = s[i] }
            } else {
                for i in 0..<n { o[i &* so] = s[i &* ss] }
            }
        }
    }

    /// A contiguous copy of `t` (same dtype), moving elements as `T`.
    static func contiguousCopy<T: BitwiseCopyable>(_ t: Tensor, _ type: T.Type) -> Tensor {
        let out = Tensor(empty: t.shape, dtype: t.dtype)
        copy(shape: t.shape, to: Elements<T>(out), out.strides, from: Elements<T>(t), t.strides)
        return out
    }

    /// `shape` and `strides` without dimension `dim`.
    static func removing(_ dim: Int, _ values: [Int]) -> [Int] {
        var v = values
        v.remove(at: dim)
        return v
    }

    // MARK: Indices

    /// `index` as int64 (PyTorch accepts int32 and int64 indices), or a thrown `invalidDType`.
    static func int64Index(_ index: Tensor, op: String, _ message: String) throws -> Tensor {
        switch index.dtype {
        case .int64: return index
        case .int32: return castTensor(index, to: .int64)
        default: throw EmberError(.invalidDType, op: op, message + " (got \(index.dtype))")
        }
    }

    /// Throws `indexOutOfRange` naming the first entry of the int64 `index` outside `0..<size`.
    static func checkRange(_ index: Tensor, size: Int, dim: Int, op: String) throws {
        var bad: Int64?
        let p = index.dataPointer.assumingMemoryBound(to: Int64.self)
        let limit = Int64(size)
        StridedLoop(shape: index.shape, strides: [index.strides]).forEachRow { off, n, st in
            guard bad == nil else { return }
            for i in 0..<n {
                let v = p[off[0] &+ i &* st[0]]
                if v < 0 || v >= limit { bad = v; return }
            }
        }
        if let bad {
            throw EmberError(.indexOutOfRange, op: op,
                "index \(bad) is out of bounds for dimension \(dim) with size \(size)")
        }
    }

    // MARK: Sample inputs

    /// A contiguous sample tensor of `dtype` holding `values` (non-zero values are `true`
    /// for bool).
    static func sample(_ values: [Double], _ shape: [Int], _ dtype: DType) -> Tensor {
        castTensor(Tensor(values, shape: shape), to: dtype)
    }

    /// A non-contiguous sample: the transpose of a `[shape[1], shape[0]]` tensor holding
    /// `values` (so the result has `shape` and strides `[1, shape[0]]`).
    static func transposedSample(_ values: [Double], _ shape: [Int], _ dtype: DType) -> Tensor {
        let base = sample(values, [shape[1], shape[0]], dtype)
        return Tensor(storage: base.storage, shape: shape, strides: [1, shape[0]], dtype: dtype)
    }

    /// An int64 index sample.
    static func indexSample(_ values: [Int64], _ shape: [Int]) -> Tensor { Tensor(values, shape: shape) }
}

extension CoreOperators {
    /// Registers a data-movement kernel for every dtype, specialised per element size.
    static func registerBitwise(_ d: Dispatcher, _ op: OperatorHandle, _ kernel: some Indexing.BitwiseKernel) {
        d.register(op, dtypes: [.bool, .uint8, .int8], package: package) { try kernel.run($0, UInt8.self) }
        d.register(op, dtypes: [.int16, .float16, .bfloat16], package: package) { try kernel.run($0, UInt16.self) }
        d.register(op, dtypes: [.int32, .float32], package: package) { try kernel.run($0, UInt32.self) }
        d.register(op, dtypes: [.int64, .float64], package: package) { try kernel.run($0, UInt64.self) }
    }

    /// Registers a kernel for every dtype, specialised per element type.
    static func registerEveryDType(_ d: Dispatcher, _ op: OperatorHandle, _ kernel: some Indexing.ElementKernel) {
        d.register(op, dtypes: [.bool], package: package) { try kernel.run($0, Bool.self) }
        d.register(op, dtypes: [.uint8], package: package) { try kernel.run($0, UInt8.self) }
        d.register(op, dtypes: [.int8], package: package) { try kernel.run($0, Int8.self) }
        d.register(op, dtypes: [.int16], package: package) { try kernel.run($0, Int16.self) }
        d.register(op, dtypes: [.int32], package: package) { try kernel.run($0, Int32.self) }
        d.register(op, dtypes: [.int64], package: package) { try kernel.run($0, Int64.self) }
        d.register(op, dtypes: [.float16], package: package) { try kernel.run($0, Float16.self) }
        d.register(op, dtypes: [.bfloat16], package: package) { try kernel.run($0, BFloat16.self) }
        d.register(op, dtypes: [.float32], package: package) { try kernel.run($0, Float.self) }
        d.register(op, dtypes: [.float64], package: package) { try kernel.run($0, Double.self) }
    }
}
