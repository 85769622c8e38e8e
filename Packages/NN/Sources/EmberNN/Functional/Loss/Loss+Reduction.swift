import EmberAutograd
import EmberCore

/// How a loss reduces its per-element values (PyTorch's `reduction=` string; ATen's `int
/// reduction`: 0 none, 1 mean, 2 sum).
public enum Reduction: Int, Sendable, CustomStringConvertible {
    /// No reduction: the per-element losses.
    case none = 0
    /// The mean of the per-element losses (weighted losses divide by the total weight).
    case mean = 1
    /// The sum of the per-element losses.
    case sum = 2
    /// The sum divided by the batch size (the first dimension); only for `kl_div`.
    case batchMean = 3

    /// PyTorch's name: `none`, `mean`, `sum`, `batchmean`.
    public var description: String {
        switch self {
        case .none: "none"
        case .mean: "mean"
        case .sum: "sum"
        case .batchMean: "batchmean"
        }
    }

    /// The value of ATen's `int reduction` argument; `batchMean` is not one (it stops).
    var aten: IValue {
        precondition(self != .batchMean, "batchmean is not a valid value for reduction")
        return .int(rawValue)
    }
}

/// Helpers shared by the loss operators' kernels and derivatives.
enum LossSupport {
    /// The `int reduction` argument at `i`, checked to be 0, 1 or 2.
    static func reduction(_ args: Arguments, _ i: Int) throws -> Int {
        let r = try args.int(i)
        guard (0...2).contains(r) else {
            throw EmberError(.invalidArgument, op: args.op, "\(r) is not a valid value for reduction")
        }
        return r
    }

    /// Reduces per-element losses: none (as is), mean or sum. The mean of no elements is NaN.
    static func reduce(_ t: Tensor, _ reduction: Int) -> Tensor {
        switch reduction {
        case 0: t
        case 1: t.mean()
        default: t.sum()
        }
    }

    /// The gradient of the reduction's output `g` with respect to the per-element losses of
    /// `shape`: `g` itself (none), `g / numel` (mean) or `g` (sum), expanded to `shape`.
    static func unreduce(_ g: Tensor, _ reduction: Int, shape: [Int]) -> Tensor {
        switch reduction {
        case 0: return g
        case 1:
            let n = shape.reduce(1, *)
            return (g * Scalar.double(1 / Double(n))).expand(shape)
        default: return g.expand(shape)
        }
    }

    /// Casts `t` to the dtype of `like` unless it has it already.
    static func matching(_ t: Tensor, _ like: Tensor) -> Tensor { t.dtype == like.dtype ? t : t.to(like.dtype) }
}

/// Calls `op` on the shared dispatcher and returns its first result, rethrowing its error
/// (composites and derivatives throw where the Swift API would trap).
func firstTensor(_ op: OperatorHandle, _ args: [IValue]) throws -> Tensor {
    guard let t = try Dispatcher.shared.call(op, args).first?.tensorValue else {
        throw EmberError(.invalidArgument, op: "EmberNN", "operator returned no tensor")
    }
    return t
}
