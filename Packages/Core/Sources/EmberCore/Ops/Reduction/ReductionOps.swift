// Registration of Core's reduction operators.
extension CoreOperators {
    static func registerReductionOps(_ d: Dispatcher) {
    }
}
