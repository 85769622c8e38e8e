"""Writes Tests/EmberDistanceTests/Fixtures/cdist.json: torch.cdist on small inputs.
Run with a Python that has torch: python Plugins/Distance/Scripts/make_cdist_fixtures.py"""
import json, os, torch

torch.manual_seed(0)
out = {}
def entry(t):
    return {'dtype': str(t.dtype).replace('torch.', ''), 'shape': list(t.shape), 'data': t.reshape(-1).tolist()}

cases = [
    ('plain', (4, 3), (5, 3)),
    ('batched', (2, 4, 3), (2, 5, 3)),
    ('broadcast', (2, 1, 3, 2), (4, 5, 2)),
]
for name, s1, s2 in cases:
    a = torch.randn(*s1, dtype=torch.float64); b = torch.randn(*s2, dtype=torch.float64)
    out[name + '_x1'] = entry(a); out[name + '_x2'] = entry(b)
    for p in (0.0, 1.0, 1.5, 2.0, float('inf')):
        key = '%s_p%s' % (name, 'inf' if p == float('inf') else str(p))
        out[key] = entry(torch.cdist(a, b, p=p, compute_mode='donot_use_mm_for_euclid_dist'))

path = os.path.join(os.path.dirname(__file__), '..', 'Tests', 'EmberDistanceTests', 'Fixtures', 'cdist.json')
with open(path, 'w') as f:
    json.dump(out, f, separators=(',', ':'))
print('wrote', os.path.normpath(path))
