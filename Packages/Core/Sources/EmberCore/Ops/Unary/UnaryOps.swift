// Registration of Core's unary operators.
extension CoreOperators {
    static func registerUnaryOps(_ d: Dispatcher) {
    }
}
