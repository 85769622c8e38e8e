// Registration of Core's indexing operators.
extension CoreOperators {
    static func registerIndexingOps(_ d: Dispatcher) {
    }
}
