import EmberAutograd
import EmberBLAS
import EmberCore
import EmberNN

/// Reading tensors back as Swift numbers for printing and plotting.
extension Tensor {
    /// The single value of a one-element tensor as a `Double` (`loss.item()`).
    var value: Double { doubleScalars[0] }
}

/// Runs `body` with the default generator seeded with `seed` for this task only, so that the
/// program's draws are PyTorch's after `torch.manual_seed(seed)` even while other programs
/// (tests) draw in parallel.
func seeded<R>(_ seed: Int, _ body: () throws -> R) rethrows -> R {
    try Generator.withDefault(Generator(seed: seed), body)
}

/// Start-up, kept out of the training time as the guide's timing keeps Python's imports out:
/// registers the packages' operators, the OpenBLAS matrix products (as PyTorch's CPU build
/// brings its BLAS) and the autograd layer, and builds the dispatcher's lookup table once.
func startUp() {
    EmberNN.register()
    EmberBLAS.register()
    Autograd.ensureInstalled()
    let probe = Tensor.ones([1])
    probe.requiresGrad = true
    _ = (probe + probe).sum()
}
