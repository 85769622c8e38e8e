// Registration of Core's comparison operators.
extension CoreOperators {
    static func registerComparisonOps(_ d: Dispatcher) {
        registerRelationalOps(d)
        registerMinMax(d)
    }
}
