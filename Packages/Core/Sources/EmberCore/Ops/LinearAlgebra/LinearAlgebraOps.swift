// Registration of Core's linearAlgebra operators.
extension CoreOperators {
    static func registerLinearAlgebraOps(_ d: Dispatcher) {
    }
}
