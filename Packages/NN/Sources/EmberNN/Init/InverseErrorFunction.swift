import EmberCore

/// The inverse error function in float64, for ``Init/truncNormal_(_:mean:std:a:b:generator:)``.
enum InverseErrorFunction {
    /// `erfinv(y)` for `y` in [-1, 1] (±inf at ±1, NaN outside): Giles' single-precision
    /// approximation refined by two Newton steps on `erf(x) - y`, accurate to a few ulps.
    static func erfinv(_ y: Double) -> Double {
        if y.isNaN || Swift.abs(y) > 1 { return .nan }
        if Swift.abs(y) == 1 { return y * .infinity }
        var x = initialGuess(y)
        for _ in 0..<2 {
            let err = Double.erf(x) - y
            x -= err / (1.1283791670955126 * Double.exp(-x * x))  // d erf/dx = 2/√π · e^(-x²)
        }
        return x
    }

    /// M. Giles, "Approximating the erfinv function" (2010), the single-precision branch.
    private static func initialGuess(_ y: Double) -> Double {
        var w = -Double.log((1 - y) * (1 + y))
        var p: Double
        if w < 5 {
            w -= 2.5
            p = 2.81022636e-08
            for c in [3.43273939e-07, -3.5233877e-06, -4.39150654e-06, 0.00021858087, -0.00125372503,
                      -0.00417768164, 0.246640727, 1.50140941] { p = c + p * w }
        } else {
            w = w.squareRoot() - 3
            p = -0.000200214257
            for c in [0.000100950558, 0.00134934322, -0.00367342844, 0.00573950773, -0.0076224613,
                      0.00943887047, 1.00167406, 2.83297682] { p = c + p * w }
        }
        return p * y
    }
}
