/// Converts one element type to another with PyTorch's casting rules.
@inlinable
public func convertElement<A: TensorElement, B: TensorElement>(_ a: A, to: B.Type) -> B {
    if A.dtype.isFloatingPoint || B.dtype.isFloatingPoint {
        return B(doubleValue: a.doubleValue)
    }
    return B(int64Value: a.int64Value)
}

/// A contiguous copy of `t` converted to `dtype` (the kernel behind `_to_copy`).
public func castTensor(_ t: Tensor, to dtype: DType) -> Tensor {
    switch t.dtype {
    case .bool: return cast(t, Bool.self, to: dtype)
    case .uint8: return cast(t, UInt8.self, to: dtype)
    case .int8: return cast(t, Int8.self, to: dtype)
    case .int16: return cast(t, Int16.self, to: dtype)
    case .int32: return cast(t, Int32.self, to: dtype)
    case .int64: return cast(t, Int64.self, to: dtype)
    case .float16: return cast(t, Float16.self, to: dtype)
    case .bfloat16: return cast(t, BFloat16.self, to: dtype)
    case .float32: return cast(t, Float.self, to: dtype)
    case .float64: return cast(t, Double.self, to: dtype)
    }
}

@usableFromInline
func cast<A: TensorElement>(_ t: Tensor, _ a: A.Type, to dtype: DType) -> Tensor {
    switch dtype {
    case .bool: return Elementwise.map(t, A.self, to: Bool.self) { convertElement($0, to: Bool.self) }
    case .uint8: return Elementwise.map(t, A.self, to: UInt8.self) { convertElement($0, to: UInt8.self) }
    case .int8: return Elementwise.map(t, A.self, to: Int8.self) { convertElement($0, to: Int8.self) }
    case .int16: return Elementwise.map(t, A.self, to: Int16.self) { convertElement($0, to: Int16.self) }
    case .int32: return Elementwise.map(t, A.self, to: Int32.self) { convertElement($0, to: Int32.self) }
    case .int64: return Elementwise.map(t, A.self, to: Int64.self) { convertElement($0, to: Int64.self) }
    case .float16: return Elementwise.map(t, A.self, to: Float16.self) { convertElement($0, to: Float16.self) }
    case .bfloat16: return Elementwise.map(t, A.self, to: BFloat16.self) { convertElement($0, to: BFloat16.self) }
    case .float32: return Elementwise.map(t, A.self, to: Float.self) { convertElement($0, to: Float.self) }
    case .float64: return Elementwise.map(t, A.self, to: Double.self) { convertElement($0, to: Double.self) }
    }
}
