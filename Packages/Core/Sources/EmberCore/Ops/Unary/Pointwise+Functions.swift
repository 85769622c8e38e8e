// The building blocks of Core's elementwise operators: an operator's math is a caseless
// enum conforming to one of the function protocols below (one static `apply` per element
// family), and the generic kernels here run it over tensors. Because the function is a
// type, each kernel specialises into a concrete loop per (function, element type).

/// A function of one floating-point value (`exp`, `sin`, `floor`...).
protocol FloatMap: Sendable {
    /// The function's value at `x`.
    static func apply<T: FloatElement>(_ x: T) -> T
}

/// A function of one integer that stays an integer (`neg`, `abs`, `sign`...). Overflow
/// wraps, as in PyTorch (`abs(Int8.min) == Int8.min`).
protocol IntegerMap: Sendable {
    /// The function's value at `x`.
    static func apply<T: IntegerNumericElement>(_ x: T) -> T
}

/// A function of two floating-point values (`mul`, `atan2`, `maximum`...).
protocol FloatZip: Sendable {
    /// The function's value at `(a, b)`.
    static func apply<T: FloatElement>(_ a: T, _ b: T) -> T
}

/// A function of two integers of one type; overflow wraps.
protocol IntegerZip: Sendable {
    /// Whether a zero `b` is an error (`ZeroDivisionError`), checked before the loop runs.
    static var rejectsZeroDivisor: Bool { get }
    /// The function's value at `(a, b)`.
    static func apply<T: IntegerNumericElement>(_ a: T, _ b: T) -> T
}

extension IntegerZip {
    static var rejectsZeroDivisor: Bool { false }
}

/// A predicate on two ordered values (`eq`, `lt`...).
protocol ComparisonPredicate: Sendable {
    /// Whether `(a, b)` satisfy the predicate (IEEE rules for NaN).
    static func test<T: Comparable>(_ a: T, _ b: T) -> Bool
}

/// Runs a ``FloatMap`` over `self` into a new tensor of the same dtype.
struct FloatMapKernel<F: FloatMap>: FloatKernel {
    func run<T: FloatElement>(_ args: Arguments, _ type: T.Type) throws -> [IValue] {
        let x = try args.tensor(0)
        if let (out, po, px) = Elementwise.parallelOperands(x, T.self, to: T.self) {
            Parallel.forEachRange(out.count, grain: Elementwise.grain) { r in
                for i in r { po[i] = F.apply(px[i]) }
            }
            return [.tensor(out)]
        }
        return [.tensor(Elementwise.map(x, T.self, to: T.self) { F.apply($0) })]
    }
}

/// Runs an ``IntegerMap`` over `self` into a new tensor of the same dtype.
struct IntegerMapKernel<F: IntegerMap>: IntegerKernel {
    func run<T: IntegerNumericElement>(_ args: Arguments, _ type: T.Type) throws -> [IValue] {
        [.tensor(Elementwise.map(try args.tensor(0), T.self, to: T.self) { F.apply($0) })]
    }
}

/// Runs a ``FloatMap`` over `self` in place.
struct FloatMapInPlaceKernel<F: FloatMap>: FloatKernel {
    func run<T: FloatElement>(_ args: Arguments, _ type: T.Type) throws -> [IValue] {
        let target = try args.tensor(0)
        Pointwise.update(target, T.self) { F.apply($0) }
        return [.tensor(target)]
    }
}

/// Runs an ``IntegerMap`` over `self` in place.
struct IntegerMapInPlaceKernel<F: IntegerMap>: IntegerKernel {
    func run<T: IntegerNumericElement>(_ args: Arguments, _ type: T.Type) throws -> [IValue] {
        let target = try args.tensor(0)
        Pointwise.update(target, T.self) { F.apply($0) }
        return [.tensor(target)]
    }
}

/// Runs a ``FloatZip`` over `self` and `other` (already promoted to one dtype), broadcasting.
struct FloatZipKernel<F: FloatZip>: FloatKernel {
    let name: String
    func run<T: FloatElement>(_ args: Arguments, _ type: T.Type) throws -> [IValue] {
        let a = try args.tensor(0), b = try args.tensor(1)
        if let (out, po, pa, pb, bIsScalar) = Elementwise.parallelOperands(a, b, T.self, T.self, to: T.self) {
            Parallel.forEachRange(out.count, grain: Elementwise.grain) { r in
                if bIsScalar {
                    let s = pb[0]
                    for i in r { po[i] = F.apply(pa[i], s) }
                } else {
                    for i in r { po[i] = F.apply(pa[i], pb[i]) }
                }
            }
            return [.tensor(out)]
        }
        return [.tensor(try Elementwise.zip(a, b, T.self, T.self, to: T.self, op: name) { F.apply($0, $1) })]
    }
}

/// Runs an ``IntegerZip`` over `self` and `other`, broadcasting.
struct IntegerZipKernel<F: IntegerZip>: IntegerKernel {
    let name: String
    func run<T: IntegerNumericElement>(_ args: Arguments, _ type: T.Type) throws -> [IValue] {
        let a = try args.tensor(0), b = try args.tensor(1)
        if F.rejectsZeroDivisor { try Pointwise.checkNoZero(b, T.self, op: name) }
        return [.tensor(try Elementwise.zip(a, b, T.self, T.self, to: T.self, op: name) { F.apply($0, $1) })]
    }
}

/// `self = f(self, other)` for a ``FloatZip`` when the result dtype is self's; any other
/// combination (a wider `other`, half precision) goes to `fallback`.
struct FloatZipInPlaceKernel<F: FloatZip>: FloatKernel {
    let name: String
    let fallback: Kernel
    func run<T: FloatElement>(_ args: Arguments, _ type: T.Type) throws -> [IValue] {
        let a = try args.tensor(0), b = try args.tensor(1)
        guard Pointwise.keepsDType(a, b) else { return try fallback(args) }
        try Pointwise.update(a, b.to(T.dtype), T.self, op: name) { F.apply($0, $1) }
        return [.tensor(a)]
    }
}

/// `self = f(self, other)` for an ``IntegerZip`` when the result dtype is self's.
struct IntegerZipInPlaceKernel<F: IntegerZip>: IntegerKernel {
    let name: String
    let fallback: Kernel
    func run<T: IntegerNumericElement>(_ args: Arguments, _ type: T.Type) throws -> [IValue] {
        let a = try args.tensor(0), b = try args.tensor(1)
        guard Pointwise.keepsDType(a, b) else { return try fallback(args) }
        let other = b.to(T.dtype)
        if F.rejectsZeroDivisor { try Pointwise.checkNoZero(other, T.self, op: name) }
        try Pointwise.update(a, other, T.self, op: name) { F.apply($0, $1) }
        return [.tensor(a)]
    }
}

/// Compares `self` and `other` (promoted to one dtype) into a bool tensor.
struct ComparisonKernel<P: ComparisonPredicate>: NumericKernel {
    let name: String
    func run<T: NumericElement>(_ args: Arguments, _ type: T.Type) throws -> [IValue] {
        [.tensor(try Elementwise.zip(try args.tensor(0), try args.tensor(1), T.self, T.self, to: Bool.self, op: name) {
            P.test($0, $1)
        })]
    }
}

extension Pointwise {
    /// `target[i] = f(target[i], b[i])` (b already of target's dtype): plain loops when
    /// target is contiguous and `b` is one value or equally laid out, else the strided
    /// loop. Bumps target's version.
    @inline(__always)
    static func update<A: TensorElement>(_ target: Tensor, _ b: Tensor, _ type: A.Type, op: String, _ f: (A, A) -> A) throws {
        if target.isContiguous {
            let n = target.count
            let pt = target.dataPointer.assumingMemoryBound(to: A.self)
            let pb = UnsafePointer(b.dataPointer.assumingMemoryBound(to: A.self))
            if b.count == 1 && b.rank <= target.rank {
                let s = pb[0]
                for i in 0..<n { pt[i] = f(pt[i], s) }
                target.storage.bumpVersion()
                return
            }
            if b.shape == target.shape && b.isContiguous {
                for i in 0..<n { pt[i] = f(pt[i], pb[i]) }
                target.storage.bumpVersion()
                return
            }
        }
        try Elementwise.update(target, b, A.self, A.self, op: op, f)
    }

    /// `target[i] = f(target[i])`, with a plain loop for a contiguous target. Bumps the version.
    @inline(__always)
    static func update<A: TensorElement>(_ target: Tensor, _ type: A.Type, _ f: (A) -> A) {
        guard target.isContiguous else { return Elementwise.update(target, A.self, f) }
        let pt = target.dataPointer.assumingMemoryBound(to: A.self)
        for i in 0..<target.count { pt[i] = f(pt[i]) }
        target.storage.bumpVersion()
    }
}
