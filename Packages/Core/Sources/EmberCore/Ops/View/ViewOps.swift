// Registration of Core's view operators (which share storage with their input and move no
// data), plus clone / contiguous / copy_, which the views' composites and subscripts use.
// Operators that others build on are registered first: composites resolve their handles here.
extension CoreOperators {
    static func registerViewOps(_ d: Dispatcher) {
        registerClone(d)
        registerCopyInPlace(d)
        registerView(d)
        registerPermute(d)
        registerSqueeze(d)
        registerExpand(d)
        registerSlice(d)
        registerSplit(d)
        registerDiagonal(d)
    }
}
