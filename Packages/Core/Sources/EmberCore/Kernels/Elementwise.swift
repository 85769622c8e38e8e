/// Typed elementwise loops that kernels build on: contiguous fast paths, scalar-broadcast
/// fast paths, and a general strided path. All are `@inlinable` so that they specialise in
/// the module that registers the kernel.
public enum Elementwise {
    /// The fewest elements one thread takes of a parallel loop (line maps, copies): about
    /// 10 µs of a memory-bound float32 loop, against about 1 µs to start a pool job.
    ///
    /// The closure-based loops below stay on the calling thread: run from the pool, a loop
    /// body calls its element closure indirectly per element (the optimiser specialises a
    /// closure argument only where the loop is inlined), measured 5× slower than serial.
    /// Kernels whose function is a type split large contiguous loops themselves (see
    /// `Elementwise+Parallel.swift`).
    public static let grain = 1 << 15

    /// `out[i] = f(x[i])` into a new contiguous tensor of `R`'s dtype with `x`'s shape.
    @inlinable
    public static func map<A: TensorElement, R: TensorElement>(
        _ x: Tensor, _ a: A.Type, to r: R.Type, _ f: (A) -> R
    ) -> Tensor {
        let out = Tensor(emptyLike: x, dtype: R.dtype)
        let po = out.dataPointer.assumingMemoryBound(to: R.self)
        let px = UnsafePointer(x.dataPointer.assumingMemoryBound(to: A.self))
        if x.isContiguous {
            for i in 0..<out.count { po[i] = f(px[i]) }
            return out
        }
        let loop = StridedLoop(shape: x.shape, strides: [out.strides, x.strides])
        loop.forEachRow { off, n, st in
            let o = po + off[0], s = px + off[1], ss = st[1]
            for i in 0..<n { o[i] = f(s[i * ss]) }
        }
        return out
    }

    /// `out[i] = f(a[i], b[i])` with broadcasting, into a new contiguous tensor.
    @inlinable
    public static func zip<A: TensorElement, B: TensorElement, R: TensorElement>(
        _ a: Tensor, _ b: Tensor, _ ta: A.Type, _ tb: B.Type, to r: R.Type, op: String, _ f: (A, B) -> R
    ) throws -> Tensor {
        let shape = a.shape == b.shape ? a.shape : try broadcastShapes(a.shape, b.shape, op: op)
        let out = a.shape == shape ? Tensor(emptyLike: a, dtype: R.dtype)
            : b.shape == shape ? Tensor(emptyLike: b, dtype: R.dtype) : Tensor(empty: shape, dtype: R.dtype)
        let po = out.dataPointer.assumingMemoryBound(to: R.self)
        let pa = UnsafePointer(a.dataPointer.assumingMemoryBound(to: A.self))
        let pb = UnsafePointer(b.dataPointer.assumingMemoryBound(to: B.self))
        let n = out.count
        if a.shape == shape && b.shape == shape && a.isContiguous && b.isContiguous {
            for i in 0..<n { po[i] = f(pa[i], pb[i]) }
            return out
        }
        if b.count == 1 && a.shape == shape && a.isContiguous {
            let s = pb[0]
            for i in 0..<n { po[i] = f(pa[i], s) }
            return out
        }
        if a.count == 1 && b.shape == shape && b.isContiguous {
            let s = pa[0]
            for i in 0..<n { po[i] = f(s, pb[i]) }
            return out
        }
        let loop = StridedLoop(shape: shape, strides: [out.strides, a.broadcastStrides(to: shape), b.broadcastStrides(to: shape)])
        loop.forEachRow { off, n, st in
            let o = po + off[0], x = pa + off[1], y = pb + off[2], sx = st[1], sy = st[2]
            for i in 0..<n { o[i] = f(x[i * sx], y[i * sy]) }
        }
        return out
    }

    /// `out[i] = f(a[i], b[i], c[i])` with broadcasting (for `where`, `addcmul`, `lerp`).
    @inlinable
    public static func zip3<A: TensorElement, B: TensorElement, C: TensorElement, R: TensorElement>(
        _ a: Tensor, _ b: Tensor, _ c: Tensor, _ ta: A.Type, _ tb: B.Type, _ tc: C.Type, to r: R.Type,
        op: String, _ f: (A, B, C) -> R
    ) throws -> Tensor {
        let shape = try broadcastShapes([a.shape, b.shape, c.shape], op: op)
        let out = Tensor(empty: shape, dtype: R.dtype)
        let po = out.dataPointer.assumingMemoryBound(to: R.self)
        let pa = UnsafePointer(a.dataPointer.assumingMemoryBound(to: A.self))
        let pb = UnsafePointer(b.dataPointer.assumingMemoryBound(to: B.self))
        let pc = UnsafePointer(c.dataPointer.assumingMemoryBound(to: C.self))
        let loop = StridedLoop(shape: shape, strides: [
            out.strides, a.broadcastStrides(to: shape), b.broadcastStrides(to: shape), c.broadcastStrides(to: shape),
        ])
        loop.forEachRow { off, n, st in
            let o = po + off[0], x = pa + off[1], y = pb + off[2], z = pc + off[3]
            let sx = st[1], sy = st[2], sz = st[3]
            for i in 0..<n { o[i] = f(x[i * sx], y[i * sy], z[i * sz]) }
        }
        return out
    }

    /// `target[i] = f(target[i], b[i])` in place; `b` must broadcast to `target`'s shape.
    /// Bumps the target's version.
    @inlinable
    public static func update<A: TensorElement, B: TensorElement>(
        _ target: Tensor, _ b: Tensor, _ ta: A.Type, _ tb: B.Type, op: String, _ f: (A, B) -> A
    ) throws {
        let shape = try broadcastShapes(target.shape, b.shape, op: op)
        guard shape == target.shape else {
            throw EmberError(.shapeMismatch, op: op,
                "output with shape \(target.shape) doesn't match the broadcast shape \(shape)")
        }
        let pt = target.dataPointer.assumingMemoryBound(to: A.self)
        let pb = UnsafePointer(b.dataPointer.assumingMemoryBound(to: B.self))
        let loop = StridedLoop(shape: shape, strides: [target.strides, b.broadcastStrides(to: shape)])
        loop.forEachRow { off, n, st in
            let o = pt + off[0], y = pb + off[1], so = st[0], sy = st[1]
            for i in 0..<n { o[i * so] = f(o[i * so], y[i * sy]) }
        }
        target.storage.bumpVersion()
    }

    /// `target[i] = f(target[i])` in place. Bumps the target's version.
    @inlinable
    public static func update<A: TensorElement>(_ target: Tensor, _ ta: A.Type, _ f: (A) -> A) {
        let pt = target.dataPointer.assumingMemoryBound(to: A.self)
        let loop = StridedLoop(shape: target.shape, strides: [target.strides])
        loop.forEachRow { off, n, st in
            let o = pt + off[0], so = st[0]
            for i in 0..<n { o[i * so] = f(o[i * so]) }
        }
        target.storage.bumpVersion()
    }
}
