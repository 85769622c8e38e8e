"""Activation truths from PyTorch for the EmberNN tests: forward values and gradients of
every activation in float64 and float32, printed layers, and error messages.

Run from the repository root with a Python that has torch:
    python Packages/NN/Scripts/make_activation_fixtures.py
Writes Packages/NN/Tests/EmberNNTests/Fixtures/activation.json."""
import os, sys
sys.path.insert(0, os.path.join(os.path.dirname(__file__), '..', '..', 'Core', 'Scripts'))
import fixture_util
import torch
import torch.nn as nn
import torch.nn.functional as F

fixture_util.FIXTURES = os.path.join(os.path.dirname(__file__), '..', 'Tests', 'EmberNNTests', 'Fixtures')
out = {}

torch.manual_seed(0)
x64 = torch.randn(2, 3, 4, dtype=torch.float64) * 3
g64 = torch.randn(2, 3, 4, dtype=torch.float64)
out['x'] = x64
out['g'] = g64

# name -> function of x (and the prelu weight); the Swift test maps the same names.
cases = {
    'relu': lambda x: F.relu(x),
    'sigmoid': lambda x: torch.sigmoid(x),
    'tanh': lambda x: torch.tanh(x),
    'softmax1': lambda x: F.softmax(x, dim=1),
    'log_softmax2': lambda x: F.log_softmax(x, dim=-1),
    'leaky_relu': lambda x: F.leaky_relu(x),
    'leaky_relu_0.2': lambda x: F.leaky_relu(x, 0.2),
    'elu': lambda x: F.elu(x),
    'elu_0.5': lambda x: F.elu(x, alpha=0.5),
    'selu': lambda x: F.selu(x),
    'celu_2': lambda x: F.celu(x, alpha=2.0),
    'gelu': lambda x: F.gelu(x),
    'gelu_tanh': lambda x: F.gelu(x, approximate='tanh'),
    'silu': lambda x: F.silu(x),
    'mish': lambda x: F.mish(x),
    'hardtanh': lambda x: F.hardtanh(x),
    'hardtanh_-2_3': lambda x: F.hardtanh(x, -2.0, 3.0),
    'relu6': lambda x: F.relu6(x),
    'hardsigmoid': lambda x: F.hardsigmoid(x),
    'hardswish': lambda x: F.hardswish(x),
    'softplus': lambda x: F.softplus(x),
    'softplus_2_1': lambda x: F.softplus(x, beta=2.0, threshold=1.0),
}
for dtype, tag in [(torch.float64, '64'), (torch.float32, '32')]:
    for name, f in cases.items():
        x = x64.to(dtype).detach().clone().requires_grad_(True)
        y = f(x)
        y.backward(g64.to(dtype))
        out[f'{name}_y{tag}'] = y.detach()
        out[f'{name}_gx{tag}'] = x.grad
    for wname, w0 in [('prelu3', torch.tensor([0.25, -0.1, 0.6])), ('prelu1', torch.tensor([0.3]))]:
        x = x64.to(dtype).detach().clone().requires_grad_(True)
        w = w0.to(dtype).requires_grad_(True)
        y = F.prelu(x, w)
        y.backward(g64.to(dtype))
        out[f'{wname}_w'] = w0.double()
        out[f'{wname}_y{tag}'] = y.detach()
        out[f'{wname}_gx{tag}'] = x.grad
        out[f'{wname}_gw{tag}'] = w.grad

# In-place forms give the out-of-place values.
x = x64.clone(); F.hardswish(x, inplace=True); out['hardswish_inplace'] = x

reprs = {
    'ReLU': nn.ReLU(), 'ReLU_inplace': nn.ReLU(inplace=True), 'ReLU6': nn.ReLU6(), 'ReLU6_inplace': nn.ReLU6(inplace=True),
    'LeakyReLU': nn.LeakyReLU(), 'LeakyReLU_0.2_inplace': nn.LeakyReLU(0.2, inplace=True),
    'PReLU': nn.PReLU(), 'PReLU_3': nn.PReLU(3), 'ELU': nn.ELU(), 'ELU_0.5_inplace': nn.ELU(0.5, inplace=True),
    'CELU': nn.CELU(), 'SELU': nn.SELU(), 'SELU_inplace': nn.SELU(inplace=True), 'GELU': nn.GELU(),
    'GELU_tanh': nn.GELU(approximate='tanh'), 'SiLU': nn.SiLU(), 'Mish': nn.Mish(), 'Sigmoid': nn.Sigmoid(),
    'Tanh': nn.Tanh(), 'Hardtanh': nn.Hardtanh(), 'Hardtanh_-2_3': nn.Hardtanh(-2.0, 3.0),
    'Hardsigmoid': nn.Hardsigmoid(), 'Hardswish_inplace': nn.Hardswish(inplace=True), 'Softplus': nn.Softplus(),
    'Softplus_2_1': nn.Softplus(beta=2.0, threshold=1.0), 'Softmax_1': nn.Softmax(dim=1), 'Softmax': nn.Softmax(),
    'LogSoftmax_-1': nn.LogSoftmax(dim=-1),
    'Sequential': nn.Sequential(nn.Linear(4, 8), nn.GELU(), nn.Linear(8, 3), nn.LogSoftmax(dim=1)),
}
for k, m in reprs.items():
    out[f'repr_{k}'] = repr(m)
out['prelu_3_weight'] = nn.PReLU(3).weight.detach()

def err(f):
    try:
        f()
    except Exception as e:
        return str(e).split('\n')[0]
    return None
out['err_gelu'] = err(lambda: F.gelu(x64, approximate='fast'))
out['err_prelu_channels'] = err(lambda: F.prelu(x64, torch.ones(2, dtype=torch.float64)))
out['err_prelu_zero_dim'] = err(lambda: F.prelu(torch.tensor(1.0), torch.ones(2)))
out['err_celu_zero'] = err(lambda: F.celu(x64, alpha=0.0))
fixture_util.write('activation', out)
