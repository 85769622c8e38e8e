"""Embedding, one_hot, bilinear, flatten and initialiser truths (trunc_normal_ as torch 2.13
draws it: rejection sampling) from PyTorch for the EmberNN
tests: values and gradients, default initialisation under manual_seed, printing, errors.

Run from the repository root with a Python that has torch:
    python Packages/NN/Scripts/make_embedding_fixtures.py
Writes Packages/NN/Tests/EmberNNTests/Fixtures/embedding.json and init.json."""
import math, os, sys
sys.path.insert(0, os.path.join(os.path.dirname(__file__), '..', '..', 'Core', 'Scripts'))
import fixture_util
import torch
import torch.nn as nn
import torch.nn.functional as F

fixture_util.FIXTURES = os.path.join(os.path.dirname(__file__), '..', 'Tests', 'EmberNNTests', 'Fixtures')

def err(f):
    try:
        f()
    except Exception as e:
        return str(e).split('\n')[0]
    return None

out = {}
# Default initialisation under manual_seed(0): Embedding (padding row zeroed), Bilinear.
torch.manual_seed(0)
e1 = nn.Embedding(6, 3); e2 = nn.Embedding(5, 4, padding_idx=-2); b1 = nn.Bilinear(2, 3, 4)
out['init_e1'] = e1.weight.detach(); out['init_e2'] = e2.weight.detach()
out['init_b1_weight'] = b1.weight.detach(); out['init_b1_bias'] = b1.bias.detach()
for k, m in {'e1': e1, 'e2': e2, 'e3': nn.Embedding(10, 3, padding_idx=0, max_norm=1.0, norm_type=1.0, scale_grad_by_freq=True),
             'b1': b1, 'b2': nn.Bilinear(5, 6, 7, bias=False), 'flatten': nn.Flatten(), 'flatten_0_2': nn.Flatten(0, 2),
             'unflatten': nn.Unflatten(1, (2, 5)), 'unflatten1': nn.Unflatten(-1, (6,))}.items():
    out[f'repr_{k}'] = repr(m)

# embedding forward/backward with padding and frequency scaling, float64.
torch.manual_seed(1)
w = torch.randn(6, 3, dtype=torch.float64)
idx = torch.tensor([[0, 2, 5, 2], [1, 0, 2, 4]])
g = torch.randn(2, 4, 3, dtype=torch.float64)
out['emb_w'] = w; out['emb_idx'] = idx; out['emb_g'] = g
for name, kw in [('plain', {}), ('pad', {'padding_idx': 2}), ('pad_neg', {'padding_idx': -1}), ('freq', {'scale_grad_by_freq': True})]:
    wl = w.clone().requires_grad_(True)
    y = F.embedding(idx, wl, **kw)
    y.backward(g)
    out[f'emb_{name}_y'] = y.detach(); out[f'emb_{name}_gw'] = wl.grad
# max_norm renormalises the weight in place
wr = w.clone() * 2
y = F.embedding(idx, wr, max_norm=1.5)
out['emb_renorm_w'] = wr; out['emb_renorm_y'] = y
wr1 = w.clone() * 2
F.embedding(idx, wr1, max_norm=1.0, norm_type=1.0)
out['emb_renorm1_w'] = wr1
out['err_emb_range'] = err(lambda: F.embedding(torch.tensor([6]), w))
out['err_emb_dtype'] = err(lambda: F.embedding(torch.tensor([1.0]), w))

# one_hot
out['onehot_in'] = torch.tensor([[0, 3], [1, 1]])
out['onehot'] = F.one_hot(torch.tensor([[0, 3], [1, 1]]))
out['onehot6'] = F.one_hot(torch.tensor([[0, 3], [1, 1]]), 6)
out['err_onehot_neg'] = err(lambda: F.one_hot(torch.tensor([-1, 2])))
out['err_onehot_small'] = err(lambda: F.one_hot(torch.tensor([1, 4]), 3))
out['err_onehot_float'] = err(lambda: F.one_hot(torch.tensor([1.0])))
out['err_onehot_empty'] = err(lambda: F.one_hot(torch.tensor([], dtype=torch.long)))

# bilinear forward/backward, float64 and float32
torch.manual_seed(2)
x1 = torch.randn(2, 3, 2, dtype=torch.float64); x2 = torch.randn(2, 3, 4, dtype=torch.float64)
bw = torch.randn(5, 2, 4, dtype=torch.float64); bb = torch.randn(5, dtype=torch.float64)
bg = torch.randn(2, 3, 5, dtype=torch.float64)
for k, v in [('x1', x1), ('x2', x2), ('w', bw), ('b', bb), ('g', bg)]:
    out[f'bil_{k}'] = v
for dtype, tag in [(torch.float64, '64'), (torch.float32, '32')]:
    ts = [t.to(dtype).detach().clone().requires_grad_(True) for t in (x1, x2, bw, bb)]
    y = F.bilinear(*ts)
    y.backward(bg.to(dtype))
    out[f'bil_y{tag}'] = y.detach()
    for k, t in zip(['x1', 'x2', 'w', 'b'], ts):
        out[f'bil_g{k}{tag}'] = t.grad
out['err_bil_in1'] = err(lambda: F.bilinear(x1, x2, torch.randn(5, 3, 4, dtype=torch.float64)))
out['err_bil_batch'] = err(lambda: F.bilinear(x1, x2[:1], bw))
fixture_util.write('embedding', out)

# Initialisers under manual_seed(0), float32 and float64, drawn in this order.
init = {}
for dtype, tag in [(torch.float32, '32'), (torch.float64, '64')]:
    torch.manual_seed(0)
    def t(*shape): return torch.empty(*shape, dtype=dtype)
    init[f'normal{tag}'] = nn.init.normal_(t(3, 4), mean=1.0, std=0.5)
    init[f'xavier_uniform{tag}'] = nn.init.xavier_uniform_(t(5, 3), gain=2.0)
    init[f'xavier_normal{tag}'] = nn.init.xavier_normal_(t(4, 6))
    init[f'kaiming_normal{tag}'] = nn.init.kaiming_normal_(t(4, 3, 2), mode='fan_out', nonlinearity='relu')
    init[f'kaiming_uniform{tag}'] = nn.init.kaiming_uniform_(t(3, 5))
    init[f'trunc_normal{tag}'] = nn.init.trunc_normal_(t(20, 10), mean=0.5, std=2.0, a=-1.0, b=3.0)
    init[f'trunc_default{tag}'] = nn.init.trunc_normal_(t(7))
    init[f'trunc_tail{tag}'] = nn.init.trunc_normal_(t(40), a=1.5, b=3.0)
    init[f'orthogonal{tag}'] = nn.init.orthogonal_(t(4, 6))
    init[f'orthogonal_tall{tag}'] = nn.init.orthogonal_(t(6, 3), gain=1.5)
    init[f'orthogonal_conv{tag}'] = nn.init.orthogonal_(t(3, 2, 2, 2))
    init[f'uniform_after{tag}'] = torch.rand(3, dtype=dtype)
init['eye'] = nn.init.eye_(torch.empty(3, 5))
init['dirac'] = nn.init.dirac_(torch.empty(4, 2, 3))
init['dirac_groups'] = nn.init.dirac_(torch.empty(4, 2, 3, 3), groups=2)
init['constant'] = nn.init.constant_(torch.empty(2, 3), 0.3)
fixture_util.write('init', init)
