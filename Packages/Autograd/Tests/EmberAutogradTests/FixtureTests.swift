import Foundation
import Testing
import EmberCore
@testable import EmberAutograd

/// Gradients computed by PyTorch (Scripts/make_autograd_fixtures.py), float32 and float64.
private let fixture: [String: (shape: [Int], data: [Double])] = {
    let url = Bundle.module.url(forResource: "autograd", withExtension: "json", subdirectory: "Fixtures")!
    let json = try! JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: [String: Any]]
    return json.mapValues { ($0["shape"] as! [Int], ($0["data"] as! [NSNumber]).map(\.doubleValue)) }
}()

private func leafFrom(_ key: String, _ dtype: DType) -> Tensor {
    let e = fixture[key]!
    let t = Tensor(e.data, shape: e.shape).to(dtype)
    t.requiresGrad = true
    return t
}

private func expected(_ key: String) -> [Double] { fixture[key]!.data }

@Suite struct FixtureTests {
    @Test(arguments: [DType.float32, .float64]) func classifierGradientsMatchPyTorch(dtype: DType) throws {
        let tag = dtype == .float32 ? "f32" : "f64", tol = dtype == .float32 ? 1e-5 : 1e-12
        let x = leafFrom("mlp_\(tag)_x", dtype), w1 = leafFrom("mlp_\(tag)_w1", dtype)
        let b1 = leafFrom("mlp_\(tag)_b1", dtype), w2 = leafFrom("mlp_\(tag)_w2", dtype)
        let target = Tensor([0, 1, 1, 0] as [Int64], shape: [4, 1])
        let logp = ((x.matmul(w1) + b1).relu().matmul(w2)).logSoftmax(dim: 1)
        let loss = logp.gather(dim: 1, index: target).mean().neg()
        try loss.backward()
        #expect(close(doubles(loss), expected("mlp_\(tag)_loss"), tol: tol))
        for (name, t) in [("x", x), ("w1", w1), ("b1", b1), ("w2", w2)] {
            #expect(t.grad?.dtype == dtype)
            #expect(close(doubles(t.grad), expected("mlp_\(tag)_\(name)_grad"), tol: tol), "\(name)")
        }
    }

    @Test(arguments: [DType.float32, .float64]) func broadcastMixtureMatchesPyTorch(dtype: DType) throws {
        let tag = dtype == .float32 ? "f32" : "f64", tol = dtype == .float32 ? 1e-5 : 1e-12
        let a = leafFrom("mix_\(tag)_a", dtype), b = leafFrom("mix_\(tag)_b", dtype)
        let q = (a / (b * b + Scalar.double(1))).pow(Scalar.double(2))
        let f = Tensor.where(a.gt(Tensor(wrapping: 0)), q, a.exp()).sum() + a.amax(dim: 1).sum() + (a * b).std()
        try f.backward()
        #expect(close(doubles(a.grad), expected("mix_\(tag)_a_grad"), tol: tol))
        #expect(close(doubles(b.grad), expected("mix_\(tag)_b_grad"), tol: tol))
    }

    @Test func secondDerivativeMatchesPyTorch() throws {
        let x = leafFrom("second_x", .float64)
        let y = (x.sin() * x.pow(Scalar.double(3))).sum()
        let g = try Autograd.grad(outputs: [y], inputs: [x], createGraph: true)[0]!
        let gg = try Autograd.grad(outputs: [g.sum()], inputs: [x])[0]!
        #expect(close(doubles(g), expected("second_g"), tol: 1e-12))
        #expect(close(doubles(gg), expected("second_gg"), tol: 1e-12))
    }
}
