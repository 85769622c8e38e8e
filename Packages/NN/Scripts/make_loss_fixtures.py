"""Truths from PyTorch for EmberNN's losses, pad and interpolate: values and gradients
(float64) for each reduction and option, module reprs, and error messages.

Run from the repository root with a Python that has torch:
    python Packages/NN/Scripts/make_loss_fixtures.py
Writes Packages/NN/Tests/EmberNNTests/Fixtures/loss.json."""
import os, sys
sys.path.insert(0, os.path.join(os.path.dirname(__file__), '..', '..', 'Core', 'Scripts'))
import fixture_util
import torch
import torch.nn as nn
import torch.nn.functional as F

fixture_util.FIXTURES = os.path.join(os.path.dirname(__file__), '..', 'Tests', 'EmberNNTests', 'Fixtures')
out = {}
cases = []
torch.manual_seed(0)
D = torch.float64


def case(name, op, fn, inputs, params, grad_of):
    """Runs fn(**inputs) in float64, stores inputs, output, a random output gradient and the
    gradients of the inputs named in grad_of."""
    leaves = {}
    for k, v in inputs.items():
        if v is None:
            continue
        t = v.detach().clone()
        if k in grad_of:
            t.requires_grad_(True)
        leaves[k] = t
    y = fn(**leaves)
    g = torch.randn(y.shape, dtype=D)
    if grad_of:
        y.backward(g)
    for k, t in leaves.items():
        out[f'{name}_{k}'] = t.detach()
        if k in grad_of:
            out[f'{name}_grad_{k}'] = t.grad
    out[f'{name}_out'] = y.detach()
    out[f'{name}_g'] = g
    cases.append(dict(name=name, op=op, inputs=sorted(leaves.keys()), grads=sorted(grad_of), **params))


RED = ['none', 'mean', 'sum']
x = torch.randn(3, 4, dtype=D); y = torch.randn(3, 4, dtype=D)
for r in RED:
    case(f'mse_{r}', 'mse_loss', lambda input, target: F.mse_loss(input, target, reduction=r),
         dict(input=x, target=y), dict(reduction=r), ['input', 'target'])
    case(f'l1_{r}', 'l1_loss', lambda input, target: F.l1_loss(input, target, reduction=r),
         dict(input=x, target=y), dict(reduction=r), ['input', 'target'])
    case(f'smoothl1_{r}', 'smooth_l1_loss', lambda input, target: F.smooth_l1_loss(input, target, reduction=r, beta=0.7),
         dict(input=x, target=y), dict(reduction=r, beta=0.7), ['input', 'target'])
    case(f'huber_{r}', 'huber_loss', lambda input, target: F.huber_loss(input, target, reduction=r, delta=0.6),
         dict(input=x, target=y), dict(reduction=r, delta=0.6), ['input', 'target'])
# Broadcasting target (PyTorch warns, then broadcasts).
case('mse_bcast', 'mse_loss', lambda input, target: F.mse_loss(input, target),
     dict(input=torch.randn(3, 1, dtype=D), target=torch.randn(3, dtype=D)), dict(reduction='mean'), ['input', 'target'])
case('smoothl1_beta0', 'smooth_l1_loss', lambda input, target: F.smooth_l1_loss(input, target, beta=0.0),
     dict(input=x, target=y), dict(reduction='mean', beta=0.0), ['input', 'target'])

p = torch.rand(3, 4, dtype=D) * 0.9 + 0.05; t = torch.rand(3, 4, dtype=D); w = torch.rand(4, dtype=D) + 0.5
for r in RED:
    case(f'bce_{r}', 'binary_cross_entropy', lambda input, target: F.binary_cross_entropy(input, target, reduction=r),
         dict(input=p, target=t), dict(reduction=r), ['input', 'target'])
    case(f'bcew_{r}', 'binary_cross_entropy', lambda input, target, weight: F.binary_cross_entropy(input, target, weight, reduction=r),
         dict(input=p, target=t, weight=w), dict(reduction=r), ['input', 'target'])
    case(f'bcel_{r}', 'binary_cross_entropy_with_logits',
         lambda input, target: F.binary_cross_entropy_with_logits(input, target, reduction=r),
         dict(input=x * 3, target=t), dict(reduction=r), ['input', 'target'])
    case(f'bcelw_{r}', 'binary_cross_entropy_with_logits',
         lambda input, target, weight, pos_weight: F.binary_cross_entropy_with_logits(input, target, weight, reduction=r, pos_weight=pos_weight),
         dict(input=x * 3, target=t, weight=w, pos_weight=torch.rand(4, dtype=D) * 3), dict(reduction=r), ['input', 'target'])
# log clamped at -100: probabilities exactly 0 and 1.
case('bce_clamp', 'binary_cross_entropy', lambda input, target: F.binary_cross_entropy(input, target, reduction='none'),
     dict(input=torch.tensor([0.0, 1.0, 0.0, 1.0], dtype=D), target=torch.tensor([1.0, 0.0, 0.0, 1.0], dtype=D)),
     dict(reduction='none'), [])
case('bcel_big', 'binary_cross_entropy_with_logits', lambda input, target: F.binary_cross_entropy_with_logits(input, target, reduction='none'),
     dict(input=torch.tensor([-800.0, 800.0, 30.0, -30.0], dtype=D), target=torch.tensor([1.0, 0.0, 0.5, 0.25], dtype=D)),
     dict(reduction='none'), ['input'])

logits = torch.randn(5, 4, dtype=D); cls = torch.tensor([1, 0, 3, 3, 2]); cw = torch.rand(4, dtype=D) + 0.5
cls_ign = torch.tensor([1, -100, 3, 2, -100])
logits3 = torch.randn(2, 4, 3, dtype=D); cls3 = torch.tensor([[1, 0, 3], [2, 2, 1]]); cls3i = torch.tensor([[1, 5, 3], [2, 5, 1]])
probs = torch.softmax(torch.randn(5, 4, dtype=D), 1)
for r in RED:
    logp = torch.log_softmax(logits, 1)
    case(f'nll_{r}', 'nll_loss', lambda input, target: F.nll_loss(input, target, reduction=r),
         dict(input=logp, target=cls), dict(reduction=r), ['input'])
    case(f'nllw_{r}', 'nll_loss', lambda input, target, weight: F.nll_loss(input, target, weight, reduction=r, ignore_index=-100),
         dict(input=logp, target=cls_ign, weight=cw), dict(reduction=r, ignore_index=-100), ['input'])
    case(f'nll3_{r}', 'nll_loss', lambda input, target, weight: F.nll_loss(input, target, weight, reduction=r, ignore_index=5),
         dict(input=logits3, target=cls3i, weight=cw), dict(reduction=r, ignore_index=5), ['input'])
    case(f'ce_{r}', 'cross_entropy', lambda input, target: F.cross_entropy(input, target, reduction=r),
         dict(input=logits, target=cls), dict(reduction=r), ['input'])
    case(f'cew_{r}', 'cross_entropy', lambda input, target, weight: F.cross_entropy(input, target, weight, reduction=r),
         dict(input=logits, target=cls_ign, weight=cw), dict(reduction=r), ['input'])
    case(f'cels_{r}', 'cross_entropy', lambda input, target: F.cross_entropy(input, target, reduction=r, label_smoothing=0.2),
         dict(input=logits, target=cls_ign), dict(reduction=r, label_smoothing=0.2), ['input'])
    case(f'celsw_{r}', 'cross_entropy',
         lambda input, target, weight: F.cross_entropy(input, target, weight, reduction=r, ignore_index=5, label_smoothing=0.3),
         dict(input=logits3, target=cls3i, weight=cw), dict(reduction=r, ignore_index=5, label_smoothing=0.3), ['input'])
    case(f'ce3_{r}', 'cross_entropy', lambda input, target: F.cross_entropy(input, target, reduction=r),
         dict(input=logits3, target=cls3), dict(reduction=r), ['input'])
    case(f'cep_{r}', 'cross_entropy', lambda input, target: F.cross_entropy(input, target, reduction=r),
         dict(input=logits, target=probs), dict(reduction=r), ['input', 'target'])
    case(f'cepw_{r}', 'cross_entropy', lambda input, target, weight: F.cross_entropy(input, target, weight, reduction=r, label_smoothing=0.25),
         dict(input=logits, target=probs, weight=cw), dict(reduction=r, label_smoothing=0.25), ['input', 'target'])
    logq = torch.log_softmax(torch.randn(3, 4, dtype=D), 1)
for r in RED + ['batchmean']:
    case(f'kl_{r}', 'kl_div', lambda input, target: F.kl_div(input, target, reduction=r),
         dict(input=torch.log_softmax(x, 1), target=torch.softmax(y, 1)), dict(reduction=r), ['input', 'target'])
    case(f'kllog_{r}', 'kl_div', lambda input, target: F.kl_div(input, target, reduction=r, log_target=True),
         dict(input=torch.log_softmax(x, 1), target=torch.log_softmax(y, 1)), dict(reduction=r, log_target=True), ['input', 'target'])
case('nll_1d', 'nll_loss', lambda input, target: F.nll_loss(input, target),
     dict(input=torch.randn(4, dtype=D), target=torch.tensor(2)), dict(reduction='mean'), ['input'])
case('ce_1d', 'cross_entropy', lambda input, target: F.cross_entropy(input, target, label_smoothing=0.1),
     dict(input=torch.randn(4, dtype=D), target=torch.tensor(2)), dict(reduction='mean', label_smoothing=0.1), ['input'])

# pad
img = torch.randn(1, 2, 3, 4, dtype=D)
for mode, pads in [('constant', [1, 2]), ('constant', [2, 1, 1, 0]), ('constant', [-1, 2, 0, -1]), ('constant', [1, 1, 1, 1, 1, 0]),
                   ('reflect', [1, 2]), ('reflect', [2, 3, 2, 1]), ('replicate', [2, 1]), ('replicate', [1, 3, 2, 2]),
                   ('circular', [1, 2]), ('circular', [2, 3, 1, 2]), ('circular', [-1, 2, 1, 0])]:
    name = f'pad_{mode}_' + '_'.join(str(v).replace('-', 'm') for v in pads)
    src = img if len(pads) > 2 or mode == 'constant' else img[0]
    case(name, 'pad', lambda input: F.pad(input, pads, mode=mode, value=0.5 if mode == 'constant' else None),
         dict(input=src), dict(pad=pads, mode=mode, value=0.5 if mode == 'constant' else None), ['input'])

# interpolate
small = torch.randn(2, 2, 3, 4, dtype=D)
for mode, kw in [('nearest', dict(size=(5, 7))), ('nearest', dict(size=(2, 3))), ('nearest', dict(scale_factor=2.0)),
                 ('nearest', dict(scale_factor=1.7)),
                 ('bilinear', dict(size=(5, 7), align_corners=False)), ('bilinear', dict(size=(5, 7), align_corners=True)),
                 ('bilinear', dict(size=(2, 3), align_corners=False)), ('bilinear', dict(scale_factor=1.5, align_corners=False)),
                 ('bilinear', dict(scale_factor=2.0, align_corners=True)), ('bilinear', dict(size=(1, 1), align_corners=True)),
                 ('bilinear', dict(scale_factor=1.7, align_corners=False, recompute_scale_factor=True)),
                 ('nearest', dict(scale_factor=0.6, recompute_scale_factor=True)), ('bilinear', dict(scale_factor=0.45, align_corners=False)),
                 ('nearest-exact', dict(size=(5, 7))), ('nearest-exact', dict(scale_factor=0.7)), ('nearest-exact', dict(size=(2, 3)))]:
    name = f'interp_{mode.replace("-", "_")}_{len(cases)}'
    case(name, 'interpolate', lambda input: F.interpolate(input, mode=mode, **kw), dict(input=small),
         dict(mode=mode, size=list(kw['size']) if 'size' in kw else None, scale_factor=kw.get('scale_factor'),
              align_corners=kw.get('align_corners'), recompute=kw.get('recompute_scale_factor', False)), ['input'])
line = torch.randn(1, 2, 5, dtype=D)
for mode, kw in [('nearest', dict(size=8)), ('linear', dict(size=8, align_corners=False)), ('linear', dict(scale_factor=0.6, align_corners=True)),
                 ('nearest-exact', dict(size=3)), ('linear', dict(scale_factor=2.5, align_corners=False))]:
    name = f'interp1d_{mode.replace("-", "_")}_{len(cases)}'
    case(name, 'interpolate', lambda input: F.interpolate(input, mode=mode, **kw), dict(input=line),
         dict(mode=mode, size=[kw['size']] if 'size' in kw else None, scale_factor=kw.get('scale_factor'),
              align_corners=kw.get('align_corners')), ['input'])

out['cases'] = cases

# The seed program's BCE, float32.
out['seed_bce'] = nn.BCELoss()(torch.sigmoid(torch.tensor([-4.5, 0.7, 3.3])), torch.tensor([1.0, 0.0, 1.0]))
out['seed_ce32'] = F.cross_entropy(logits.float(), cls, label_smoothing=0.1)
out['seed_ce32_x'] = logits.float()

# Module reprs.
out['reprs'] = {k: repr(m) for k, m in dict(
    mse=nn.MSELoss(), l1=nn.L1Loss(reduction='sum'), smoothl1=nn.SmoothL1Loss(beta=0.5), huber=nn.HuberLoss(delta=2.0),
    bce=nn.BCELoss(), bcel=nn.BCEWithLogitsLoss(), ce=nn.CrossEntropyLoss(), ce2=nn.CrossEntropyLoss(label_smoothing=0.1),
    nll=nn.NLLLoss(), kl=nn.KLDivLoss(reduction='batchmean')).items()}


def error(fn):
    try:
        fn()
    except Exception as e:
        return str(e).split('\n')[0]
    return None


out['errors'] = dict(
    bce_shape=error(lambda: F.binary_cross_entropy(torch.rand(3, 1), torch.rand(3))),
    bcel_shape=error(lambda: F.binary_cross_entropy_with_logits(torch.rand(3, 1), torch.rand(3))),
    nll_bounds=error(lambda: F.nll_loss(torch.randn(3, 4), torch.tensor([0, 5, 1]))),
    nll_dtype=error(lambda: F.nll_loss(torch.randn(3, 4), torch.tensor([0.0, 1.0, 1.0]))),
    nll_batch=error(lambda: F.nll_loss(torch.randn(3, 4), torch.tensor([0, 1]))),
    nll_weight=error(lambda: F.nll_loss(torch.randn(3, 4), torch.tensor([0, 1, 2]), torch.ones(3))),
    ce_bounds=error(lambda: F.cross_entropy(torch.randn(3, 4), torch.tensor([0, 5, 1]))),
    ce_probs_shape=error(lambda: F.cross_entropy(torch.randn(3, 4), torch.rand(3, 5))),
    reflect_big=error(lambda: F.pad(torch.randn(1, 2, 3), [3, 0], mode='reflect')),
    pad_odd=error(lambda: F.pad(torch.randn(1, 2, 3), [1, 0, 1])),
    pad_mode=error(lambda: F.pad(torch.randn(1, 2, 3), [1, 1], mode='wrap')),
    ce_probs_ignore=error(lambda: F.cross_entropy(torch.randn(3, 4), torch.rand(3, 4), ignore_index=1)),
    mse_shape=error(lambda: F.mse_loss(torch.randn(3, 4), torch.rand(3, 5))),
    reflect_value=error(lambda: F.pad(torch.randn(1, 2, 3), [1, 1], mode='reflect', value=1.0)),
    pad_long=error(lambda: F.pad(torch.randn(2, 3), [1, 1, 1, 1, 1, 1], mode='reflect')),
    circular_big=error(lambda: F.pad(torch.randn(1, 2, 3), [4, 0], mode='circular')),
    bce_range=error(lambda: F.binary_cross_entropy(torch.tensor([1.5]), torch.tensor([1.0]))),
)
fixture_util.write('loss', out)
