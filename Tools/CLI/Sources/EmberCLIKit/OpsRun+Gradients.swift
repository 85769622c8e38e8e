import EmberAutograd
import EmberCore
import Foundation

// `ember ops run ... --grad-output G.npy --grads-dir DIR`: the vector-Jacobian product of the
// operator for each floating tensor input, written as DIR/<schema argument name>.npy
// (`DIR/<name>_<k>.npy` for the k-th tensor of a list argument).

extension OpsRun {
    /// Makes the floating tensor inputs leaves that require grad when gradients are asked
    /// for; returns them with the file names their gradients get.
    func gradientInputs(_ schema: Schema, _ named: inout [String: IValue]) throws -> [(String, Tensor)] {
        guard !gradOutputs.isEmpty || gradsDirectory != nil else { return [] }
        guard gradsDirectory != nil, !gradOutputs.isEmpty else {
            throw EmberError(.invalidArgument, op: op, "--grad-output and --grads-dir go together")
        }
        Autograd.ensureInstalled()
        var leaves: [(String, Tensor)] = []
        for a in schema.arguments {
            switch named[a.name] {
            case .tensor(let t)? where t.dtype.isFloatingPoint:
                let leaf = try t.detach().requiresGrad_()
                named[a.name] = .tensor(leaf)
                leaves.append((a.name, leaf))
            case .tensors(let ts)?:
                let list = try ts.map { $0.dtype.isFloatingPoint ? try $0.detach().requiresGrad_() : $0 }
                named[a.name] = .tensors(list)
                for (k, t) in list.enumerated() where t.requiresGrad { leaves.append(("\(a.name)_\(k)", t)) }
            default: break
            }
        }
        return leaves
    }

    /// Backpropagates the --grad-output files through `results` and writes each input's
    /// gradient (zeros for an input the results do not depend on); one report line each.
    func writeGradients(of results: [Tensor], to inputs: [(String, Tensor)]) throws -> [String] {
        guard let directory = gradsDirectory, !inputs.isEmpty else { return [] }
        let floating = results.filter(\.requiresGrad)
        guard floating.count == gradOutputs.count else {
            throw EmberError(.invalidArgument, op: op,
                "has \(floating.count) differentiable result\(floating.count == 1 ? "" : "s"); give one --grad-output each (got \(gradOutputs.count))")
        }
        let seeds = try zip(floating, gradOutputs).map { r, path -> Tensor in
            let g = try TensorFiles.loadOne(path)
            guard g.shape == r.shape else {
                throw EmberError(.shapeMismatch, op: op, "\(path): gradient of shape \(g.shape) for a result of shape \(r.shape)")
            }
            return g.dtype == r.dtype ? g : g.to(r.dtype)
        }
        let grads = try Autograd.grad(outputs: floating, inputs: inputs.map(\.1), gradOutputs: seeds, allowUnused: true)
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        return try zip(inputs, grads).map { input, grad in
            let g = grad ?? Autograd.zeros(input.1.shape, dtype: input.1.dtype)
            let path = directory + "/" + input.0 + ".npy"
            try NumPy.save(g.contiguous(), to: path)
            return "\(path): \(g.dtype) \(g.shape)"
        }
    }
}
