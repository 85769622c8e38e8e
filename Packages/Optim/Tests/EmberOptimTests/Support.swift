import EmberAutograd
import EmberCore
@testable import EmberOptim
import Foundation

/// The fixture written by Scripts/make_optim_fixtures.py.
nonisolated(unsafe) let fixture: [String: Any] = {
    let url = Bundle.module.url(forResource: "optim", withExtension: "json", subdirectory: "Fixtures")!
    return try! JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
}()

/// Numbers of a JSON array.
func numbers(_ v: Any?) -> [Double] { (v as! [Any]).map { ($0 as! NSNumber).doubleValue } }

/// Row-major doubles of a tensor.
func doubles(_ t: Tensor) -> [Double] { noGrad { t.to(.float64).contiguous().scalars(as: Double.self) } }

/// Whether `a` and `b` agree within `tol` (absolute plus relative).
func close(_ a: [Double], _ b: [Double], tol: Double) -> Bool {
    a.count == b.count && zip(a, b).allSatisfy { Swift.abs($0 - $1) <= tol * (1 + Swift.abs($1)) }
}

/// The largest elementwise difference, for failure messages.
func maxDiff(_ a: [Double], _ b: [Double]) -> Double {
    zip(a, b).map { Swift.abs($0 - $1) }.max() ?? (a.count == b.count ? 0 : .infinity)
}

/// The message of a thrown EmberError.
func message(_ body: () throws -> Void) -> String? {
    do { try body(); return nil } catch let e as EmberError { return e.message } catch { return "\(error)" }
}

/// The fixture's MLP: `tanh(x W1 + b1) W2 + b2`, mean squared error against `y`.
struct MLP {
    let x: Tensor, y: Tensor
    let params: [Tensor]

    /// The fixture's initial weights in `dtype`; `strided` gives non-contiguous parameters.
    init(dtype: DType = .float64, strided: Bool = false) {
        x = Tensor(numbers(fixture["x"]), shape: [8, 3]).to(dtype)
        y = Tensor(numbers(fixture["y"]), shape: [8, 2]).to(dtype)
        let shapes = (fixture["shapes"] as! [[Int]])
        params = zip(fixture["init"] as! [Any], shapes).map { values, shape in
            let v = numbers(values)
            let p = strided ? MLP.stridedCopy(v, shape) : Tensor(v, shape: shape)
            let t = p.dtype == dtype ? p : MLP.cast(p, dtype, strided: strided)
            t.requiresGrad = true
            return t
        }
    }

    /// A non-contiguous tensor with `values`: a transpose for matrices, every other element for vectors.
    static func stridedCopy(_ v: [Double], _ shape: [Int]) -> Tensor {
        if shape.count == 2 {
            return Tensor(v, shape: shape).transpose(0, 1).contiguous().transpose(0, 1)
        }
        let spread: [Double] = v.flatMap { [$0, 0.0] }
        return Tensor(spread, shape: [spread.count]).slice(dim: 0, step: 2)
    }

    static func cast(_ t: Tensor, _ dtype: DType, strided: Bool) -> Tensor {
        strided ? stridedCopy(doubles(t), t.shape).to(dtype) : t.to(dtype)
    }

    /// The loss at the current parameters.
    func loss() -> Tensor {
        let h = (x.matmul(params[0]) + params[1]).tanh()
        return (h.matmul(params[2]) + params[3] - y).square().mean()
    }

    /// Zeroes the gradients, computes the loss and backpropagates; returns the loss.
    @discardableResult
    func backward(_ opt: Optimizer, setToNone: Bool = true) throws -> Double {
        opt.zeroGrad(setToNone: setToNone)
        let l = loss()
        try l.backward()
        return l.item().doubleValue
    }

    /// The parameters, concatenated.
    var flat: [Double] { params.flatMap(doubles) }
}

/// The optimizer named `name` (PyTorch's class name) over `groups`, with PyTorch's defaults.
func makeOptimizer(_ name: String, _ groups: [ParamGroup]) throws -> Optimizer {
    switch name {
    case "SGD": return try SGD(groups: groups)
    case "Adam": return try Adam(groups: groups)
    case "AdamW": return try AdamW(groups: groups)
    case "RMSprop": return try RMSprop(groups: groups)
    case "Adagrad": return try Adagrad(groups: groups)
    case "Adadelta": return try Adadelta(groups: groups)
    case "Adamax": return try Adamax(groups: groups)
    case "NAdam": return try NAdam(groups: groups)
    case "RAdam": return try RAdam(groups: groups)
    default: fatalError("unknown optimizer \(name)")
    }
}

/// One optimizer case of the fixture.
struct OptimCase: CustomStringConvertible {
    let opt: String, options: [String: OptimValue], dtype: DType
    let trajectory: [[Double]]

    init(_ d: [String: Any]) {
        opt = d["opt"] as! String
        options = (d["options"] as! [String: String]).mapValues { OptimValue(parsing: $0)! }
        dtype = DType(name: d["dtype"] as! String)!
        trajectory = (d["traj"] as! [Any]).map(numbers)
    }

    var description: String { "\(opt) \(options.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }) \(dtype)" }

    /// An optimizer over `mlp`'s parameters with this case's options.
    func make(_ mlp: MLP) throws -> Optimizer {
        try makeOptimizer(opt, [ParamGroup(params: mlp.params, options: options)])
    }
}

/// Every optimizer case of the fixture.
let optimCases: [OptimCase] = (fixture["optim"] as! [[String: Any]]).map(OptimCase.init)
