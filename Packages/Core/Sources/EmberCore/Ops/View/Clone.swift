// clone / contiguous: a contiguous copy of any tensor (any dtype), and the composite that
// copies only when the layout is not row-major already. `RawCopy` moves elements between
// layouts by their size in bytes, so one loop serves every dtype.

extension CoreOperators {
    static func registerClone(_ d: Dispatcher) {
        let clone = define(d, "clone(Tensor self) -> Tensor",
                           doc: "Copies the tensor into new contiguous storage.")
        d.register(clone, anyDType: { args in [.tensor(RawCopy.clone(try args.tensor(0)))] }, package: package)
        d.registerSamples(clone) { dtype in
            let column = ViewSamples.ramp([3, 1], dtype)
            return ViewSamples.both(dtype, []) + [[.tensor(ViewSupport.alias(column, shape: [3, 2], strides: [1, 0]))]]
        }

        let contiguous = define(d, "contiguous(Tensor(a) self) -> Tensor(a)",
                                doc: "Returns self when its layout is row-major, else a contiguous clone.")
        d.registerComposite(contiguous, package: package) { args in
            let t = try args.tensor(0)
            if t.isContiguous { return [.tensor(t)] }
            return [.tensor(try ViewSupport.call(d, clone, [.tensor(t)]))]
        }
        d.registerSamples(contiguous) { dtype in ViewSamples.both(dtype, []) }
    }
}

/// Copies elements between layouts of the same element size, whatever the dtype.
enum RawCopy {
    /// A contiguous copy of `t` with the same dtype and shape.
    static func clone(_ t: Tensor) -> Tensor {
        let out = Tensor(empty: t.shape, dtype: t.dtype)
        copy(from: t, strides: t.strides, into: out)
        return out
    }

    /// Copies `source` into every element of `target`, reading `source` with `strides`
    /// (which map `target`'s shape onto it, 0 along broadcast dimensions). Both must have
    /// the same element size, and `target` must not share memory with `source` unless the
    /// two address exactly the same elements in the same order.
    static func copy(from source: Tensor, strides: [Int], into target: Tensor) {
        precondition(source.dtype.itemSize == target.dtype.itemSize, "RawCopy: element sizes differ")
        let count = target.count
        if count == 0 { return }
        if target.isContiguous && source.shape == target.shape && source.isContiguous {
            let size = target.dtype.itemSize, pt = target.dataPointer, ps = UnsafeRawPointer(source.dataPointer)
            Parallel.forEachRange(count * size, grain: parallelBytes) { r in
                (pt + r.lowerBound).copyMemory(from: ps + r.lowerBound, byteCount: r.count)
            }
            return
        }
        let loop = StridedLoop(shape: target.shape, strides: [target.strides, strides])
        switch target.dtype.itemSize {
        case 1: split(loop, source, target, UInt8.self)
        case 2: split(loop, source, target, UInt16.self)
        case 4: split(loop, source, target, UInt32.self)
        default: split(loop, source, target, UInt64.self)
        }
    }

    /// The bytes above which a copy is split over the pool's threads.
    static let parallelBytes = 1 << 18

    /// Runs a strided copy, split along its outermost dimension over the pool's threads
    /// when it is large.
    private static func split<E: FixedWidthInteger>(_ loop: StridedLoop, _ source: Tensor, _ target: Tensor, _ type: E.Type) {
        let pt = target.dataPointer.assumingMemoryBound(to: E.self)
        let ps = UnsafePointer(source.dataPointer.assumingMemoryBound(to: E.self))
        guard loop.shape.count >= 2, loop.count * MemoryLayout<E>.size >= 2 * parallelBytes else {
            return run(loop, pt, ps)
        }
        let outer = loop.shape[0], inner = loop.count / outer
        Parallel.forEachRange(outer, grain: Swift.max(1, parallelBytes / (inner * MemoryLayout<E>.size))) { r in
            var shape = loop.shape
            shape[0] = r.count
            let part = StridedLoop(shape: shape, strides: loop.strides)
            run(part, pt + r.lowerBound * loop.strides[0][0], ps + r.lowerBound * loop.strides[1][0])
        }
    }

    private static func run<E: FixedWidthInteger>(_ loop: StridedLoop, _ pt: UnsafeMutablePointer<E>, _ ps: UnsafePointer<E>) {
        loop.forEachRow { off, n, st in
            let o = pt + off[0], s = ps + off[1], so = st[0], ss = st[1]
            if so == 1 && ss == 1 {
                for i in 0..<n { o[i] = s[i] }
            } else if so == 1 && ss == 0 {
                let v = s[0]
                for i in 0..<n { o[i] = v }
            } else {
                for i in 0..<n { o[i * so] = s[i * ss] }
            }
        }
    }
}

extension Tensor {
    private static let cloneOp = Dispatcher.shared.handle("clone")
    private static let contiguousOp = Dispatcher.shared.handle("contiguous")

    /// A copy of this tensor in new contiguous (row-major) storage, same dtype and shape
    /// (`tensor.clone()`). Writing to the copy never affects this tensor.
    ///
    /// - Complexity: O(count).
    public func clone() -> Tensor {
        Dispatcher.shared.callForTensor(Tensor.cloneOp, [.tensor(self)])
    }

    /// This tensor itself when its layout is row-major, otherwise a contiguous clone
    /// (`tensor.contiguous()`).
    public func contiguous() -> Tensor {
        Dispatcher.shared.callForTensor(Tensor.contiguousOp, [.tensor(self)])
    }
}
