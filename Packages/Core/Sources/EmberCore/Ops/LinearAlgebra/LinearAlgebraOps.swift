// Registration of Core's linear-algebra operators: the matrix products (reference kernels:
// a BLAS plugin may register faster float32/float64 kernels over them).
extension CoreOperators {
    static func registerLinearAlgebraOps(_ d: Dispatcher) {
        registerMm(d)
        registerBmm(d)
        registerMatmul(d)
        registerVectorProducts(d)
    }
}
