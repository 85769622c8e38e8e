// Registration of Core's creation operators.
extension CoreOperators {
    static func registerCreationOps(_ d: Dispatcher) {
    }
}
