/// Creating tensors from Swift values and reading them back.
extension Tensor {
    /// A contiguous tensor holding `values` with `shape` (their counts must agree).
    public convenience init<T: TensorElement>(_ values: [T], shape: [Int]) {
        let count = shape.reduce(1, *)
        precondition(count == values.count,
            "tensor: shape \(shape) holds \(count) elements but \(values.count) were given")
        self.init(empty: shape, dtype: T.dtype)
        values.withUnsafeBufferPointer { src in
            let dst = dataPointer.assumingMemoryBound(to: T.self)
            for i in 0..<count { dst[i] = src[i] }
        }
    }

    /// A tensor from nested Swift arrays or a scalar, like `torch.tensor`: integers give
    /// int64, bools give bool, and `Double` literals give the default float type (float32)
    /// unless `dtype` says otherwise.
    public convenience init(_ data: some TensorLiteral, dtype: DType? = nil) {
        var shape: [Int] = []
        data._collectShape(&shape, depth: 0)
        var values: [Double] = []
        var ints: [Int64] = []
        let isInteger = data._collect(doubles: &values, ints: &ints, shape: shape, depth: 0)
        let target = dtype ?? type(of: data)._literalDType
        if isInteger, !target.isFloatingPoint {
            let t = Tensor(ints, shape: shape)
            self.init(converting: t, to: target)
        } else {
            let t = Tensor(values, shape: shape)
            self.init(converting: t, to: target)
        }
    }

    private convenience init(converting t: Tensor, to dtype: DType) {
        let c = castTensor(t, to: dtype)
        self.init(storage: c.storage, shape: c.shape, strides: c.strides, storageOffset: 0, dtype: dtype)
    }

    /// A 0-d tensor holding `scalar` that takes part in type promotion like a Swift number
    /// (it never widens a tensor's dtype within its category).
    public convenience init(wrapping scalar: Scalar) {
        switch scalar {
        case .bool(let b): self.init([b], shape: [])
        case .int(let i): self.init([i], shape: [])
        case .double(let d): self.init([d], shape: [])
        }
        isWrappedNumber = true
    }

    /// A 0-d tensor holding `value` (`torch.tensor(3.5)`).
    public convenience init<T: TensorElement>(scalar value: T) {
        self.init([value], shape: [])
    }

    /// The elements in row-major order, as `T` (which must match ``dtype``).
    public func scalars<T: TensorElement>(as type: T.Type) -> [T] {
        precondition(T.dtype == dtype, "scalars(as:): tensor is \(dtype), asked for \(T.dtype)")
        let p = UnsafePointer(dataPointer.assumingMemoryBound(to: T.self))
        var result: [T] = []
        result.reserveCapacity(count)
        StridedLoop(shape: shape, strides: [strides]).forEachRow { off, n, st in
            for i in 0..<n { result.append(p[off[0] + i * st[0]]) }
        }
        return result
    }

    /// The elements converted to doubles, in row-major order.
    public var doubleScalars: [Double] { to(.float64).scalars(as: Double.self) }

    /// The value of a one-element tensor (`tensor.item()`), as a ``Scalar``.
    public func item() -> Scalar {
        precondition(count == 1, "item: a Tensor with \(count) elements cannot be converted to Scalar")
        switch dtype {
        case .bool: return .bool(to(.bool).scalars(as: Bool.self)[0])
        case .uint8, .int8, .int16, .int32, .int64: return .int(to(.int64).scalars(as: Int64.self)[0])
        default: return .double(to(.float64).scalars(as: Double.self)[0])
        }
    }

    /// The value of a one-element tensor converted to `T` (`Float(t.item())`).
    public func item<T: TensorElement>(as type: T.Type) -> T {
        precondition(count == 1, "item: a Tensor with \(count) elements cannot be converted to Scalar")
        return to(T.dtype).scalars(as: T.self)[0]
    }
}

/// Swift values that `Tensor(_:)` accepts: scalars and arbitrarily nested arrays of them.
public protocol TensorLiteral {
    /// The dtype a literal of this type gets by default.
    static var _literalDType: DType { get }
    /// Appends this level's size to `shape` and descends into the first element.
    func _collectShape(_ shape: inout [Int], depth: Int)
    /// Appends elements in row-major order; returns whether they are integers or bools.
    func _collect(doubles: inout [Double], ints: inout [Int64], shape: [Int], depth: Int) -> Bool
}

extension TensorLiteral where Self: TensorElement {
    public func _collectShape(_ shape: inout [Int], depth: Int) {}
    public func _collect(doubles: inout [Double], ints: inout [Int64], shape: [Int], depth: Int) -> Bool {
        doubles.append(doubleValue)
        ints.append(int64Value)
        return !Self.dtype.isFloatingPoint
    }
}

extension Int: TensorLiteral {
    public static var _literalDType: DType { .int64 }
    public func _collectShape(_ shape: inout [Int], depth: Int) {}
    public func _collect(doubles: inout [Double], ints: inout [Int64], shape: [Int], depth: Int) -> Bool {
        doubles.append(Double(self))
        ints.append(Int64(self))
        return true
    }
}
extension Int64: TensorLiteral { public static var _literalDType: DType { .int64 } }
extension Int32: TensorLiteral { public static var _literalDType: DType { .int32 } }
extension UInt8: TensorLiteral { public static var _literalDType: DType { .uint8 } }
extension Bool: TensorLiteral { public static var _literalDType: DType { .bool } }
extension Float: TensorLiteral { public static var _literalDType: DType { .float32 } }
extension Double: TensorLiteral { public static var _literalDType: DType { .defaultFloat } }

extension Array: TensorLiteral where Element: TensorLiteral {
    public static var _literalDType: DType { Element._literalDType }
    public func _collectShape(_ shape: inout [Int], depth: Int) {
        shape.append(count)
        first?._collectShape(&shape, depth: depth + 1)
    }
    public func _collect(doubles: inout [Double], ints: inout [Int64], shape: [Int], depth: Int) -> Bool {
        precondition(depth < shape.count && count == shape[depth],
            "tensor: expected sequence of length \(depth < shape.count ? shape[depth] : 0) at dim \(depth) (got \(count))")
        var integer = true
        for e in self where !e._collect(doubles: &doubles, ints: &ints, shape: shape, depth: depth + 1) { integer = false }
        return integer && !Element._literalDType.isFloatingPoint
    }
}
