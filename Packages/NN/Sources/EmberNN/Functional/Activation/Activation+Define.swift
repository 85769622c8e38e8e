import EmberAutograd
import EmberCore

// The machinery shared by the pointwise activation operators: an element function with its
// scalar arguments read once per call, a kernel mapping it over a tensor (out of place and
// in place), and one call that declares an operator, its in-place form, derivative and samples.

/// An activation's element function, built from the call's non-tensor arguments.
protocol ActivationFunction: Sendable {
    /// Reads the scalar arguments (schema positions after `self`) and checks them.
    init(_ args: Arguments) throws
    /// The function at one element.
    func apply<T: FloatElement>(_ x: T) -> T
}

/// Maps an ``ActivationFunction`` over `self` into a new tensor.
struct ActivationKernel<F: ActivationFunction>: FloatKernel {
    func run<T: FloatElement>(_ args: Arguments, _ type: T.Type) throws -> [IValue] {
        let f = try F(args)
        return [.tensor(Elementwise.map(try args.tensor(0), T.self, to: T.self) { f.apply($0) })]
    }
}

/// Replaces each element of `self` by the function's value (the `name_` form).
struct ActivationInPlaceKernel<F: ActivationFunction>: FloatKernel {
    func run<T: FloatElement>(_ args: Arguments, _ type: T.Type) throws -> [IValue] {
        let f = try F(args)
        let target = try args.tensor(0)
        Elementwise.update(target, T.self) { f.apply($0) }
        return [.tensor(target)]
    }
}

enum ActivationOps {
    /// Sample inputs away from every kink (0, ±1, ±3, 6) so finite differences are smooth.
    static let sampleValues: [Double] = [-3.7, -2.2, -0.6, 0.35, 1.4, 2.6, 3.9, 6.5]

    /// Declares `name(Tensor self, params) -> Tensor` and (where ATen has one) its in-place
    /// form `name_`, computing `F`, with `derivative` and samples of ``sampleValues``
    /// followed by each of `extra`.
    static func define<F: ActivationFunction>(
        _ d: Dispatcher, _ name: String, params: String = "", _ function: F.Type, doc: String,
        extra: [[IValue]] = [[]], inPlace hasInPlace: Bool = true, derivative: Derivative
    ) throws {
        let rest = params.isEmpty ? "" : ", " + params
        let op = try d.define("\(name)(Tensor self\(rest)) -> Tensor", package: EmberNN.package, doc: doc)
        d.register(op, floating: ActivationKernel<F>(), package: EmberNN.package)
        let samples: SampleInputs = { dtype in
            guard dtype.isFloatingPoint else { return [] }
            let x = SampleData.tensor(sampleValues, [2, 4], dtype)
            return extra.map { [.tensor(x)] + $0 }
        }
        d.registerSamples(op, samples)
        if hasInPlace {
            let inPlace = try d.define("\(name)_(Tensor(a!) self\(rest)) -> Tensor(a!)", package: EmberNN.package,
                                       doc: "In-place \(name).")
            d.register(inPlace, floating: ActivationInPlaceKernel<F>(), package: EmberNN.package)
            d.registerSamples(inPlace, samples)
        }
        Autograd.register(name, derivative, into: d)
    }

    /// A 0-d tensor of `value` that does not promote a tensor's dtype (a wrapped number).
    static func number(_ value: Double) -> Tensor { Tensor(wrapping: .double(value)) }

    /// A derivative reading the input `x`: `[f(grad, x)]`.
    static func onInput(_ f: @escaping @Sendable (Tensor, Tensor, Arguments) throws -> Tensor) -> Derivative {
        Derivative(saves: [0]) { c in [try f(c.grad(), try c.input(0), c.args)] }
    }
}
