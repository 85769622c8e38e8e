// Registration of Core's copying operators.
extension CoreOperators {
    static func registerCopyOps(_ d: Dispatcher) {
        registerToCopy(d)
    }
}
