// Registration of Core's binary arithmetic operators.
extension CoreOperators {
    static func registerBinaryOps(_ d: Dispatcher) {
        registerAdd(d)
    }
}
