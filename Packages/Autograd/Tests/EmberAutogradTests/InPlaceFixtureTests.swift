import Foundation
import Testing
import EmberCore
@testable import EmberAutograd

/// PyTorch's results for in-place changes through views (Scripts/make_inplace_fixtures.py):
/// tensors, grad_fn names (`_fn`) and error messages (`_error`), float64.
private let fixture: (tensors: [String: (shape: [Int], data: [Double])], texts: [String: String]) = {
    let url = Bundle.module.url(forResource: "inplace", withExtension: "json", subdirectory: "Fixtures")!
    let json = try! JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
    var tensors: [String: (shape: [Int], data: [Double])] = [:], texts: [String: String] = [:]
    for (key, value) in json {
        if let text = value as? String { texts[key] = text; continue }
        let entry = value as! [String: Any]
        // The writer spells -0.0 as a string.
        let data = (entry["data"] as! [Any]).map { v in (v as? NSNumber)?.doubleValue ?? Double(v as! String)! }
        tensors[key] = (entry["shape"] as! [Int], data)
    }
    return (tensors, texts)
}()

private func values(_ key: String) -> [Double] { fixture.tensors[key]!.data }

/// A float64 leaf with the fixture's values and shape.
private func leafFrom(_ key: String) -> Tensor { leaf(values(key), fixture.tensors[key]!.shape) }

private func text(_ key: String) -> String { fixture.texts[key]! }

@Suite struct InPlaceFixtureTests {
    @Test func aViewSeesTheBaseChangedAfterIt() throws {
        let x = leafFrom("stale_x"), b = leafFrom("stale_b")
        let a = x.clone()
        let v = a.slice(dim: 0, start: 1)
        a.mul_(b)
        #expect(v.gradFn?.name == text("stale_v_fn"))
        try (v * v).sum().backward()
        #expect(close(doubles(x.grad), values("stale_x_grad"), tol: 1e-12))
        #expect(close(doubles(b.grad), values("stale_b_grad"), tol: 1e-12))
    }

    @Test func aSiblingViewSeesAnotherViewChanged() throws {
        let x = leafFrom("sibling_x")
        let a = x.clone()
        let v1 = a.slice(dim: 0, end: 2), v2 = a.slice(dim: 0, start: 1)
        v1.mul_(Tensor(wrapping: 3.0))
        #expect(a.gradFn?.name == text("sibling_a_fn"))
        #expect(v1.gradFn?.name == text("sibling_v1_fn"))
        #expect(v2.gradFn?.name == text("sibling_v2_fn"))
        #expect(close(doubles(a), values("sibling_a"), tol: 1e-12))
        try (v2 * v2).sum().backward()
        #expect(close(doubles(x.grad), values("sibling_x_grad"), tol: 1e-12))
    }

    @Test func aViewOfAViewStaysCurrent() throws {
        let x = leafFrom("nested_x"), c = leafFrom("nested_c")
        let a = x.clone()
        let column = a.t().select(dim: 0, index: 1)
        a.select(dim: 0, index: 0).mul_(c)
        #expect(column.gradFn?.name == text("nested_col_fn"))
        try (column * column.exp()).sum().backward()
        #expect(close(doubles(x.grad), values("nested_x_grad"), tol: 1e-12))
        #expect(close(doubles(c.grad), values("nested_c_grad"), tol: 1e-12))
    }

    @Test func copyIntoAViewOfABaseWithoutGrad() throws {
        let y = leafFrom("copy_y")
        let base = Tensor([0.0, 0, 0, 0], shape: [4])
        let v = base.slice(dim: 0, end: 2)
        v.copy_(y)
        #expect(base.gradFn?.name == text("copy_base_fn") && base.requiresGrad)
        #expect(v.gradFn?.name == text("copy_v_fn") && v.requiresGrad)
        #expect(close(doubles(base), values("copy_base"), tol: 1e-12))
        try (base * Tensor([1.0, 2, 3, 4], shape: [4])).sum().backward()
        #expect(close(doubles(y.grad), values("copy_y_grad"), tol: 1e-12))
    }

    @Test func mulIntoATransposedRowOfABaseWithoutGrad() throws {
        let y = leafFrom("mul_y")
        let base = Tensor([1.0, 2, 3, 4, 5, 6], shape: [2, 3])
        let v = base.t().select(dim: 0, index: 1)
        v.mul_(y)
        #expect(base.gradFn?.name == text("mul_base_fn"))
        #expect(v.gradFn?.name == text("mul_v_fn"))
        #expect(close(doubles(base), values("mul_base"), tol: 1e-12))
        try ((base * base).sum() + (v * v.sin()).sum()).backward()
        #expect(close(doubles(y.grad), values("mul_y_grad"), tol: 1e-12))
    }

    @Test func asStridedOfANonContiguousView() throws {
        let x = leafFrom("strided_x"), y = leafFrom("strided_y")
        let a = x.clone()
        let s = a.t().asStrided(size: [2], stride: [3], storageOffset: 1)
        s.mul_(y)
        #expect(a.gradFn?.name == text("strided_a_fn"))
        #expect(s.gradFn?.name == text("strided_s_fn"))
        #expect(close(doubles(a), values("strided_a"), tol: 1e-12))
        try (a * Tensor([1.0, 2, 3, 4, 5, 6], shape: [2, 3])).sum().backward()
        #expect(close(doubles(x.grad), values("strided_x_grad"), tol: 1e-12))
        #expect(close(doubles(y.grad), values("strided_y_grad"), tol: 1e-12))
    }

    @Test func asStridedOfANonContiguousBaseWithoutGrad() throws {
        let y = leafFrom("plain_strided_y")
        // A transposed layout that is not a view: the base itself is non-contiguous.
        let storage = Tensor([1.0, 2, 3, 4, 5, 6], shape: [6])
        let root = Tensor(storage: storage.storage, shape: [3, 2], strides: [1, 3], dtype: .float64)
        #expect(!root.isContiguous && !root.isView)
        let s = root.asStrided(size: [3], stride: [1], storageOffset: 3)  // the second row of storage
        s.mul_(y)
        #expect(close(doubles(root.t()), values("plain_strided_root"), tol: 1e-12))
        try (root * root).sum().backward()
        #expect(close(doubles(y.grad), values("plain_strided_y_grad"), tol: 1e-12))
    }

    @Test func errorsUsePyTorchWording() throws {
        let x = leaf([1, 2, 3, 4], [4])
        let y = leaf([5, 6], [2])
        #expect(message { _ = try Dispatcher.shared.call("mul_", [.tensor(x.slice(dim: 0, end: 2)), .tensor(y)]) }
                == text("leaf_view_error"))
        let a = x.clone()
        let v = noGrad { a.slice(dim: 0, end: 2) }
        #expect(message { _ = try Dispatcher.shared.call("mul_", [.tensor(v), .tensor(y)]) } == text("no_grad_view_error"))
    }
}
