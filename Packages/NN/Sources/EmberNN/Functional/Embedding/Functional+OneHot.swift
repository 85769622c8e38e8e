import EmberCore

// one_hot(self, num_classes): int64 class indices of any shape to int64 one-hot vectors,
// [*self.shape, num_classes]; num_classes = -1 infers max + 1. PyTorch's errors.

enum OneHotOp {
    static let schema = "one_hot(Tensor self, int num_classes=-1) -> Tensor"

    static func register(_ d: Dispatcher) throws {
        let op = try d.define(schema, package: EmberNN.package, doc: "One-hot int64 vectors of class indices.")
        d.register(op, dtypes: [.int64], package: EmberNN.package, kernel: kernel)
        d.register(op, dtypes: DType.allCases.filter { $0 != .int64 }, package: EmberNN.package) { _ in
            throw EmberError(.invalidDType, op: "one_hot", "one_hot is only applicable to index tensor of type LongTensor.")
        }
        d.registerSamples(op) { dtype in
            guard dtype == .int64 else { return [] }
            let labels = Tensor([0, 3, 1, 1, 2, 0] as [Int64], shape: [2, 3])
            return [[.tensor(labels), .int(-1)], [.tensor(labels), .int(5)]]
        }
    }

    static let kernel: Kernel = { args in
        let labels = try args.tensor(0)
        var classes = try args.int(1)
        let values = labels.scalars(as: Int64.self)
        if classes == -1 {
            guard let top = values.max() else {
                throw EmberError(.invalidArgument, op: "one_hot", "Can not infer total number of classes from empty tensor.")
            }
            classes = Int(top) + 1
        }
        if values.contains(where: { $0 < 0 }) {
            throw EmberError(.invalidArgument, op: "one_hot", "Class values must be non-negative.")
        }
        if values.contains(where: { $0 >= classes }) {
            throw EmberError(.invalidArgument, op: "one_hot", "Class values must be smaller than num_classes.")
        }
        var out = [Int64](repeating: 0, count: values.count * classes)
        for (i, v) in values.enumerated() { out[i * classes + Int(v)] = 1 }
        return [.tensor(Tensor(out, shape: labels.shape + [classes]))]
    }
}

extension Functional {
    private static let oneHotOp = EmberNN.handle("one_hot")

    /// One-hot encodes the int64 class indices `tensor` (`F.one_hot`): an int64 tensor of
    /// shape [*tensor.shape, numClasses]; `numClasses` -1 uses the largest value + 1.
    public static func oneHot(_ tensor: Tensor, numClasses: Int = -1) -> Tensor {
        Dispatcher.shared.callForTensor(oneHotOp, [.tensor(tensor), .int(numClasses)])
    }
}
