/// The dtype names of the safetensors header, and the order in which writers lay tensors out.
extension SafeTensors {
    /// The header's name for `dtype` (`F32`, `BF16`, `BOOL`, ...).
    public static func dtypeName(_ dtype: DType) -> String {
        switch dtype {
        case .bool: return "BOOL"
        case .uint8: return "U8"
        case .int8: return "I8"
        case .int16: return "I16"
        case .int32: return "I32"
        case .int64: return "I64"
        case .float16: return "F16"
        case .bfloat16: return "BF16"
        case .float32: return "F32"
        case .float64: return "F64"
        }
    }

    /// The Ember dtype a header name stands for, or `nil` for names Ember lacks (`U16`,
    /// `F8_E4M3`, `C64`, ...) and for names that are no dtype at all.
    public static func dtype(named name: String) -> DType? {
        DType.allCases.first { dtypeName($0) == name }
    }

    /// The header names Ember reads and writes, for error messages.
    static let supportedDTypeNames = "F64, F32, F16, BF16, I64, I32, I16, I8, U8 and BOOL"

    /// The place of `dtype` in the safetensors crate's `Dtype` enumeration (`BOOL` < `U8` <
    /// `I8` < `I16` < `F16` < `BF16` < `I32` < `F32` < `F64` < `I64`). Writers put tensors of
    /// later dtypes first, so that every tensor starts at a multiple of its element size.
    static func layoutRank(_ dtype: DType) -> Int {
        switch dtype {
        case .bool: return 0
        case .uint8: return 1
        case .int8: return 2
        case .int16: return 3
        case .float16: return 4
        case .bfloat16: return 5
        case .int32: return 6
        case .float32: return 7
        case .float64: return 8
        case .int64: return 9
        }
    }

    /// Whether `a` comes before `b` in the data section: higher ``layoutRank(_:)`` first,
    /// then by name, compared byte by byte in UTF-8 (as Rust compares strings).
    static func precedesInLayout(_ a: (name: String, dtype: DType), _ b: (name: String, dtype: DType)) -> Bool {
        let (ra, rb) = (layoutRank(a.dtype), layoutRank(b.dtype))
        if ra != rb { return ra > rb }
        return a.name.utf8.lexicographicallyPrecedes(b.name.utf8)
    }
}
