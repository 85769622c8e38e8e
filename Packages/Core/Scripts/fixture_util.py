"""Shared helpers for the fixture scripts: write tensors as the JSON the Swift tests read.

Run a fixture script with a Python that has torch and numpy, from the repository root:
    python Packages/Core/Scripts/make_<area>_fixtures.py
Each script writes Packages/Core/Tests/EmberCoreTests/Fixtures/<area>.json."""
import json, math, os

FIXTURES = os.path.join(os.path.dirname(__file__), '..', 'Tests', 'EmberCoreTests', 'Fixtures')

def _value(v):
    if isinstance(v, float):
        if math.isnan(v): return 'nan'
        if math.isinf(v): return 'inf' if v > 0 else '-inf'
        if v == 0 and math.copysign(1.0, v) < 0: return '-0.0'  # JSON readers drop the sign
        return v
    return v

def tensor_entry(t):
    """A torch tensor (or numpy array) as {"dtype", "shape", "data"}."""
    import torch
    if not isinstance(t, torch.Tensor):
        t = torch.as_tensor(t)
    dtype = str(t.dtype).replace('torch.', '')
    data = t.detach().reshape(-1)
    if t.dtype in (torch.float16, torch.bfloat16):
        data = data.double()
    return {'dtype': dtype, 'shape': list(t.shape), 'data': [_value(x) for x in data.tolist()]}

def write(area, entries):
    """Writes {name: tensor or plain JSON value} to Fixtures/<area>.json."""
    import torch
    out = {}
    for k, v in entries.items():
        out[k] = tensor_entry(v) if isinstance(v, torch.Tensor) else v
    os.makedirs(FIXTURES, exist_ok=True)
    path = os.path.join(FIXTURES, area + '.json')
    with open(path, 'w') as f:
        json.dump(out, f, separators=(',', ':'))
    print('wrote', os.path.normpath(path))
