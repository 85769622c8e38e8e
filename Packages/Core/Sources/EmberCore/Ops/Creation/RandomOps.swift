// Registration of Core's random operators.
extension CoreOperators {
    static func registerRandomOps(_ d: Dispatcher) {
    }
}
