// Registration of Core's unary operators.
extension CoreOperators {
    static func registerUnaryOps(_ d: Dispatcher) {
        registerExponentialOps(d)
        registerTrigonometricOps(d)
        registerArithmeticUnaryOps(d)
        registerRoundingOps(d)
        registerClamp(d)
        registerPredicateOps(d)
    }
}
