// Registration of Core's binary arithmetic, logical and bitwise operators.
extension CoreOperators {
    static func registerBinaryOps(_ d: Dispatcher) {
        registerAdd(d)
        registerArithmeticBinaryOps(d)
        registerDiv(d)
        registerPow(d)
        registerLogicalOps(d)
        registerBitwiseOps(d)
        registerThresholdBackward(d)
    }
}
