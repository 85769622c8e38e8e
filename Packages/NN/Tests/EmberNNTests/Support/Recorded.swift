import Testing
import EmberCore
import EmberAutograd
import EmberTestSupport
@testable import EmberNN

/// Replays a case recorded by make_conv_fixtures.py's `record`: inputs `<name>_in<i>`,
/// outputs `<name>_out<i>`, the output gradient `<name>_g`, input gradients `<name>_grad<i>`.
/// Runs in `dtype` (float64 tight, float32 with float32 tolerances).
func replayRecorded(_ fixture: Fixture, _ name: String, inputs: Int, dtype: DType = .float64,
                    sourceLocation: SourceLocation = #_sourceLocation, _ f: ([Tensor]) -> [Tensor]) throws {
    let (rtol, atol) = dtype == .float64 ? (1e-10, 1e-12) : (1e-4, 1e-4)
    let xs = try (0..<inputs).map { try fixture.tensor("\(name)_in\($0)").to(dtype) }
    for x in xs { x.requiresGrad = true }
    let ys = f(xs)
    for (i, y) in ys.enumerated() {
        let expected = try fixture.tensor("\(name)_out\(i)")
        if expected.dtype == .int64 {
            #expect(y.dtype == .int64 && y.doubleScalars == expected.doubleScalars, "\(name) indices", sourceLocation: sourceLocation)
        } else {
            #expect(y.dtype == dtype, sourceLocation: sourceLocation)
            expectClose(y, expected, rtol: rtol, atol: atol, "\(name) output \(i) (\(dtype))", sourceLocation: sourceLocation)
        }
    }
    try ys[0].backward(gradient: try fixture.tensor("\(name)_g").to(dtype))
    for (i, x) in xs.enumerated() where fixture["\(name)_grad\(i)"] != nil {
        expectClose(x.grad, try fixture.tensor("\(name)_grad\(i)"), rtol: rtol, atol: atol, "\(name) grad \(i) (\(dtype))",
                    sourceLocation: sourceLocation)
    }
}

/// The message of calling operator `name` with positional `args`, defaults filled from its schema.
func callMessage(_ name: String, _ args: [IValue]) -> String? {
    EmberNN.register()  // the test may run before any other has used EmberNN
    return errorText {
        let schema = Dispatcher.shared.definition(Dispatcher.shared.handle(name)).schema
        _ = try Dispatcher.shared.call(name, try schema.bind(positional: args))
    }
}
