// Saving and restoring a generator in PyTorch's byte layout, so that a state taken with
// `torch.get_rng_state()` can be loaded into Ember and back.
//
// Layout (little-endian, 5056 bytes; the legacy layout stops at 5048):
//   0 initial seed u64 · 8 left i32 · 12 seeded i32 · 16 next u64 · 24 table 624 × u64
//   5016 normal_x f64 · 5024 normal_y f64 (the cached normal) · 5032 normal_rho f64
//   5040 normal_is_valid i32 · 5048 cached float normal f32 · 5052 its validity u8

extension Generator {
    /// The size of PyTorch's CPU generator state in bytes.
    public static let stateByteCount = 5056
    static let legacyStateByteCount = 5048

    /// The generator's state in PyTorch's layout (`generator.get_state()` as bytes).
    public var state: [UInt8] {
        engine.withLock { $0.serialized() }
    }

    /// The state as a uint8 tensor, like `torch.Generator.get_state()`.
    public func getState() -> Tensor {
        Tensor(state, shape: [Generator.stateByteCount])
    }

    /// Restores a state in PyTorch's layout (5056 bytes, or the legacy 5048).
    public func setState(_ bytes: [UInt8]) throws {
        let restored = try RandomEngine(serialized: bytes)
        engine.withLock { $0 = restored }
    }

    /// Restores a state held in a uint8 tensor (`generator.set_state(t)`).
    public func setState(_ state: Tensor) throws {
        guard state.dtype == .uint8 else {
            throw EmberError(.invalidArgument, op: "set_state",
                "expected a torch.ByteTensor (uint8), but got \(state.dtype)")
        }
        try setState(state.scalars(as: UInt8.self))
    }
}

extension RandomEngine {
    func serialized() -> [UInt8] {
        var out = [UInt8](repeating: 0, count: Generator.stateByteCount)
        func put<T: FixedWidthInteger>(_ v: T, at offset: Int) {
            withUnsafeBytes(of: v.littleEndian) { for (i, b) in $0.enumerated() { out[offset + i] = b } }
        }
        put(initialSeed, at: 0)
        put(Int32(left), at: 8)
        put(Int32(1), at: 12)
        put(UInt64(next), at: 16)
        for i in 0..<RandomEngine.n { put(UInt64(table[i]), at: 24 + 8 * i) }
        if let y = cachedNormal {
            put(y.bitPattern, at: 5024)
            put(Int32(1), at: 5040)
        }
        if let f = cachedFloatNormal {
            put(f.bitPattern, at: 5048)
            out[5052] = 1
        }
        return out
    }

    init(serialized bytes: [UInt8]) throws {
        guard bytes.count == Generator.stateByteCount || bytes.count == Generator.legacyStateByteCount else {
            throw EmberError(.invalidArgument, op: "set_state",
                "Expected either a THGeneratorState of size \(Generator.legacyStateByteCount) or a "
                + "CPUGeneratorImplState of size \(Generator.stateByteCount) but found the input RNG state size to be \(bytes.count)")
        }
        func get<T: FixedWidthInteger>(_ type: T.Type, at offset: Int) -> T {
            var v = T.zero
            for i in 0..<MemoryLayout<T>.size { v |= T(truncatingIfNeeded: bytes[offset + i]) << (8 * i) }
            return v
        }
        let left = Int(get(Int32.self, at: 8)), next = Int(get(UInt64.self, at: 16))
        guard (1...RandomEngine.n).contains(left), (0...RandomEngine.n).contains(next) else {
            throw EmberError(.invalidArgument, op: "set_state",
                "corrupted mt19937 state: left = \(left), next = \(next)")
        }
        self.init(seed: get(UInt64.self, at: 0))
        for i in 0..<RandomEngine.n { table[i] = UInt32(truncatingIfNeeded: get(UInt64.self, at: 24 + 8 * i)) }
        self.left = left
        self.next = next
        if get(Int32.self, at: 5040) != 0 { cachedNormal = Double(bitPattern: get(UInt64.self, at: 5024)) }
        if bytes.count == Generator.stateByteCount, bytes[5052] != 0 {
            cachedFloatNormal = Float(bitPattern: get(UInt32.self, at: 5048))
        }
    }
}
