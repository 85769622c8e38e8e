// expand / expand_as: broadcast a tensor to a larger shape without copying, by giving the
// repeated dimensions stride 0.

extension CoreOperators {
    static func registerExpand(_ d: Dispatcher) {
        let expand = define(d, "expand(Tensor(a) self, int[] size) -> Tensor(a)",
                            doc: "Views size-1 dimensions repeated to the given sizes (-1 keeps a size).")
        d.register(expand, anyDType: { args in
            [.tensor(try ViewKernels.expand(try args.tensor(0), try args.ints(1)))]
        }, package: package)
        d.registerSamples(expand) { dtype in
            [[.tensor(ViewSamples.ramp([3, 1], dtype)), .ints([2, 3, 4])],
             [.tensor(ViewSamples.transposed([1, 2, 3], dtype)), .ints([2, -1, -1])]]
        }

        let expandAs = define(d, "expand_as(Tensor(a) self, Tensor other) -> Tensor(a)",
                              doc: "Expands self to other's shape.")
        d.registerComposite(expandAs, package: package) { args in
            let other = try args.tensor(1)
            return [.tensor(try ViewSupport.call(d, expand, [.tensor(try args.tensor(0)), .ints(other.shape)]))]
        }
        d.registerSamples(expandAs) { dtype in
            [[.tensor(ViewSamples.ramp([3, 1], dtype)), .tensor(ViewSamples.ramp([2, 3, 4], dtype))],
             [.tensor(ViewSamples.transposed([2, 3], dtype)), .tensor(ViewSamples.ramp([4, 2, 3], dtype))]]
        }
    }
}

extension ViewKernels {
    /// `expand`: `t` broadcast to `size`. Sizes are matched from the right; -1 keeps a
    /// dimension's size; a size-1 dimension may grow (stride 0); new leading dimensions are
    /// allowed.
    static func expand(_ t: Tensor, _ size: [Int]) throws -> Tensor {
        let rank = size.count
        guard rank >= t.rank else {
            throw EmberError(.shapeMismatch, op: "expand",
                "expand(\(describe(t)), size=\(size)): the number of sizes provided (\(rank)) must be greater or equal to the number of dimensions in the tensor (\(t.rank))")
        }
        var shape = [Int](repeating: 0, count: rank), strides = [Int](repeating: 0, count: rank)
        for i in Swift.stride(from: rank - 1, through: 0, by: -1) {
            let dim = i - (rank - t.rank)       // the matching dimension of t, if any
            var target = size[i]
            if dim < 0 {
                guard target >= 0 else {
                    throw EmberError(.shapeMismatch, op: "expand",
                        "The expanded size of the tensor (\(target)) isn't allowed in a leading, non-existing dimension \(i)")
                }
                shape[i] = target
                // PyTorch gives a new leading dimension the stride of a dimension outside the
                // next one (0 when expanding a 0-d tensor, which has no next one).
                strides[i] = i == rank - 1 ? 0 : shape[i + 1] * strides[i + 1]
                if target != 1 { strides[i] = 0 }
                continue
            }
            if target == -1 { target = t.shape[dim] }
            if target != t.shape[dim] {
                guard t.shape[dim] == 1 else {
                    throw EmberError(.shapeMismatch, op: "expand",
                        "The expanded size of the tensor (\(size[i])) must match the existing size (\(t.shape[dim])) at non-singleton dimension \(i).  Target sizes: \(size).  Tensor sizes: \(t.shape)")
                }
                guard target >= 0 else {
                    throw EmberError(.shapeMismatch, op: "expand", "Trying to create tensor with negative dimension \(target): \(size)")
                }
                shape[i] = target
                strides[i] = 0
            } else {
                shape[i] = target
                strides[i] = t.strides[dim]
            }
        }
        return ViewSupport.alias(t, shape: shape, strides: strides)
    }
}

extension Tensor {
    private static let expandOp = Dispatcher.shared.handle("expand")
    private static let expandAsOp = Dispatcher.shared.handle("expand_as")

    /// A view broadcast to `size`: size-1 dimensions repeat (stride 0), -1 keeps a size, and
    /// new leading dimensions may be added (`tensor.expand(2, -1, 4)`). Nothing is copied;
    /// writing through the result writes the shared elements.
    public func expand(_ size: [Int]) -> Tensor {
        Dispatcher.shared.callForTensor(Tensor.expandOp, [.tensor(self), .ints(size)])
    }

    /// A view broadcast to `size` (`tensor.expand(2, -1, 4)`).
    public func expand(_ size: Int...) -> Tensor { expand(size) }

    /// A view broadcast to `other`'s shape (`tensor.expand_as(other)`).
    public func expand(as other: Tensor) -> Tensor {
        Dispatcher.shared.callForTensor(Tensor.expandAsOp, [.tensor(self), .tensor(other)])
    }
}
