/// NumPy's dtype descriptors (`'<f4'`, `'|b1'`, `'>i8'`) for Ember's dtypes.
extension NumPy {
    /// The byte order of the elements in a file.
    enum ByteOrder { case little, big }

    /// The descriptor NumPy writes for `dtype` in little-endian order; `nil` for bfloat16,
    /// which NumPy has no dtype for.
    static func descriptor(for dtype: DType) -> String? {
        switch dtype {
        case .bool: return "|b1"
        case .uint8: return "|u1"
        case .int8: return "|i1"
        case .int16: return "<i2"
        case .int32: return "<i4"
        case .int64: return "<i8"
        case .float16: return "<f2"
        case .float32: return "<f4"
        case .float64: return "<f8"
        case .bfloat16: return nil
        }
    }

    /// The dtype and byte order a descriptor names, or a message saying why Ember cannot
    /// hold it.
    static func dtype(forDescriptor descr: String) -> Result<(DType, ByteOrder), DescriptorError> {
        var body = Substring(descr)
        var order = ByteOrder.little  // '=' and '|' mean native; Ember runs on little-endian hosts
        if let first = body.first, "<>=|".contains(first) {
            if first == ">" { order = .big }
            body = body.dropFirst()
        }
        let kind = body.first
        let size = Int(body.dropFirst())
        switch (kind, size) {
        case ("b", 1): return .success((.bool, .little))
        case ("u", 1): return .success((.uint8, .little))
        case ("i", 1): return .success((.int8, .little))
        case ("i", 2): return .success((.int16, order))
        case ("i", 4): return .success((.int32, order))
        case ("i", 8): return .success((.int64, order))
        case ("f", 2): return .success((.float16, order))
        case ("f", 4): return .success((.float32, order))
        case ("f", 8): return .success((.float64, order))
        default: return .failure(DescriptorError(message: unsupportedMessage(descr, kind: kind, size: size)))
        }
    }

    /// Why a descriptor is not supported.
    struct DescriptorError: Error { let message: String }

    private static func unsupportedMessage(_ descr: String, kind: Character?, size: Int?) -> String {
        let name: String
        switch kind {
        case "O": return "object arrays (dtype '\(descr)') hold pickled Python objects and are not supported"
        case "c": name = "complex\((size ?? 0) * 8)"
        case "u": name = "uint\((size ?? 0) * 8)"
        case "f": name = "float\((size ?? 0) * 8)"
        case "i": name = "int\((size ?? 0) * 8)"
        case "U": name = "unicode string"
        case "S", "a": name = "byte string"
        case "V": name = "void/structured"
        case "M": name = "datetime64"
        case "m": name = "timedelta64"
        default: name = "unknown"
        }
        return "unsupported dtype '\(descr)' (\(name)); Ember reads bool, uint8, int8, int16, int32, int64, "
            + "float16, float32 and float64"
    }
}
