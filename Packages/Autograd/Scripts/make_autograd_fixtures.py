"""Gradients from PyTorch for the autograd tests (independent truth next to gradcheck).

Run from the repository root with a Python that has torch:
    python Packages/Autograd/Scripts/make_autograd_fixtures.py
Writes Packages/Autograd/Tests/EmberAutogradTests/Fixtures/autograd.json."""
import os, sys
sys.path.insert(0, os.path.join(os.path.dirname(__file__), '..', '..', 'Core', 'Scripts'))
import fixture_util
import torch

fixture_util.FIXTURES = os.path.join(os.path.dirname(__file__), '..', 'Tests', 'EmberAutogradTests', 'Fixtures')
torch.manual_seed(0)
out = {}

def leaf(t, dtype):
    return t.to(dtype).clone().requires_grad_()

for dtype, tag in [(torch.float32, 'f32'), (torch.float64, 'f64')]:
    # A two-layer classifier with negative log-likelihood.
    x = leaf(torch.randn(4, 3), dtype); w1 = leaf(torch.randn(3, 5), dtype)
    b1 = leaf(torch.randn(5), dtype); w2 = leaf(torch.randn(5, 2), dtype)
    target = torch.tensor([0, 1, 1, 0])
    logp = torch.log_softmax(torch.relu(x @ w1 + b1) @ w2, dim=1)
    loss = -logp.gather(1, target.view(4, 1)).mean()
    loss.backward()
    for name, t in [('x', x), ('w1', w1), ('b1', b1), ('w2', w2)]:
        out[f'mlp_{tag}_{name}'] = t.detach()
        out[f'mlp_{tag}_{name}_grad'] = t.grad
    out[f'mlp_{tag}_loss'] = loss.detach()

    # Broadcasting through div, pow, where, amax and std.
    a = leaf(torch.randn(2, 3), dtype); b = leaf(torch.randn(3), dtype)
    q = (a / (b * b + 1)).pow(2)
    f = torch.where(a > 0, q, a.exp()).sum() + a.amax(dim=1).sum() + (a * b).std()
    f.backward()
    out[f'mix_{tag}_a'] = a.detach(); out[f'mix_{tag}_b'] = b.detach()
    out[f'mix_{tag}_a_grad'] = a.grad; out[f'mix_{tag}_b_grad'] = b.grad

# Second order: d/dx of sum(d/dx sum(sin(x) * x^3)).
x = leaf(torch.randn(5), torch.float64)
y = (x.sin() * x.pow(3)).sum()
g, = torch.autograd.grad(y, x, create_graph=True)
gg, = torch.autograd.grad(g.sum(), x)
out['second_x'] = x.detach(); out['second_g'] = g.detach(); out['second_gg'] = gg

fixture_util.write('autograd', out)
