// Registration of Core's view operators.
extension CoreOperators {
    static func registerViewOps(_ d: Dispatcher) {
    }
}
