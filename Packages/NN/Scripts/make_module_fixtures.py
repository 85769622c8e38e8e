"""Module-level truths from PyTorch for the EmberNN tests: default initialisation under
manual_seed, printed module trees, state-dict names, F.linear values and gradients.

Run from the repository root with a Python that has torch:
    python Packages/NN/Scripts/make_module_fixtures.py
Writes Packages/NN/Tests/EmberNNTests/Fixtures/module.json."""
import os, sys
sys.path.insert(0, os.path.join(os.path.dirname(__file__), '..', '..', 'Core', 'Scripts'))
import fixture_util
import torch
import torch.nn as nn
import torch.nn.functional as F

fixture_util.FIXTURES = os.path.join(os.path.dirname(__file__), '..', 'Tests', 'EmberNNTests', 'Fixtures')
out = {}

# Default initialisation: manual_seed(0) then layers in order.
torch.manual_seed(0)
a = nn.Linear(1, 1); b = nn.Linear(3, 4); c = nn.Linear(5, 2, bias=False)
for name, m in [('a', a), ('b', b), ('c', c)]:
    for k, v in m.state_dict().items():
        out[f'init_{name}_{k}'] = v

class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.hidden1 = nn.Linear(1, 200)
        self.hidden2 = nn.Linear(200, 100)
        self.predict = nn.Linear(100, 1)
    def forward(self, x):
        return self.predict(torch.relu(self.hidden2(torch.relu(self.hidden1(x)))))

seq = nn.Sequential(nn.Linear(1, 200), nn.Identity(), nn.Linear(200, 1, bias=False))
nested = nn.Sequential(nn.Linear(2, 3), nn.Sequential(nn.Linear(3, 3), nn.Linear(3, 1)))
mlist = nn.ModuleList([nn.Linear(2, 2), nn.Linear(2, 2), nn.Linear(2, 2), nn.Linear(2, 3)])
mdict = nn.ModuleDict({'enc': nn.Linear(4, 2), 'dec': nn.Linear(2, 4)})
for name, m in [('net', Net()), ('seq', seq), ('nested', nested), ('mlist', mlist), ('mdict', mdict)]:
    out[f'repr_{name}'] = repr(m)
    out[f'keys_{name}'] = list(m.state_dict().keys())

# F.linear forward and backward, float64, with a batch of [2, 2, 3].
torch.manual_seed(1)
x = torch.randn(2, 2, 3, dtype=torch.float64, requires_grad=True)
w = torch.randn(4, 3, dtype=torch.float64, requires_grad=True)
bias = torch.randn(4, dtype=torch.float64, requires_grad=True)
y = F.linear(x, w, bias)
g = torch.randn(2, 2, 4, dtype=torch.float64)
y.backward(g)
for k, v in [('x', x), ('w', w), ('b', bias), ('g', g)]:
    out[f'linear_{k}'] = v.detach()
out['linear_y'] = y.detach()
for k, v in [('x', x), ('w', w), ('b', bias)]:
    out[f'linear_grad_{k}'] = v.grad

fixture_util.write('module', out)
