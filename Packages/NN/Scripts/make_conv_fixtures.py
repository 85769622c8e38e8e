"""Convolution, pooling and normalisation truths from PyTorch for the EmberNN tests: values
and gradients of F.conv1d/conv2d/conv_transpose2d (groups, dilation, stride, padding, 'same'),
max/avg/adaptive poolings (ceil_mode, padding, indices), batch/group norm (running statistics
over several steps, eval mode), default layer initialisation under manual_seed, printed layers.

Run from the repository root with a Python that has torch:
    python Packages/NN/Scripts/make_conv_fixtures.py
Writes Packages/NN/Tests/EmberNNTests/Fixtures/conv.json."""
import os, sys
sys.path.insert(0, os.path.join(os.path.dirname(__file__), '..', '..', 'Core', 'Scripts'))
import fixture_util
import torch
import torch.nn as nn
import torch.nn.functional as F

fixture_util.FIXTURES = os.path.join(os.path.dirname(__file__), '..', 'Tests', 'EmberNNTests', 'Fixtures')
out = {}
torch.manual_seed(7)
D = torch.float64

def record(name, fn, inputs, **kw):
    """Runs fn on leaves made from inputs (float64), stores inputs, outputs and gradients."""
    leaves = [t.clone().requires_grad_(t.is_floating_point()) for t in inputs]
    y = fn(*leaves)
    ys = y if isinstance(y, tuple) else (y,)
    g = torch.randn(ys[0].shape, dtype=D)
    ys[0].backward(g)
    for i, t in enumerate(inputs):
        out[f'{name}_in{i}'] = t
        if leaves[i].grad is not None:
            out[f'{name}_grad{i}'] = leaves[i].grad
    for i, t in enumerate(ys):
        out[f'{name}_out{i}'] = t.detach()
    out[f'{name}_g'] = g

r = lambda *s: torch.randn(*s, dtype=D)
record('conv2d', lambda x, w, b: F.conv2d(x, w, b, stride=(2, 1), padding=(1, 2), dilation=(2, 1), groups=2),
       [r(2, 4, 7, 6), r(6, 2, 3, 2), r(6)])
record('conv1d', lambda x, w, b: F.conv1d(x, w, b, stride=2, padding=1, dilation=2), [r(2, 3, 9), r(4, 3, 3), r(4)])
record('convt2d', lambda x, w, b: F.conv_transpose2d(x, w, b, stride=(2, 3), padding=(1, 0), output_padding=(1, 2),
                                                    groups=2, dilation=(1, 2)), [r(1, 4, 3, 3), r(4, 3, 3, 2), r(6)])
record('convt1d', lambda x, w, b: F.conv_transpose1d(x, w, b, stride=2, padding=1, output_padding=1, dilation=2),
       [r(2, 3, 5), r(3, 2, 3), r(2)])
record('same2d', lambda x, w: F.conv2d(x, w, padding='same', dilation=(1, 2)), [r(1, 2, 6, 5), r(3, 2, 4, 3)])
record('same1d', lambda x, w, b: F.conv1d(x, w, b, padding='same'), [r(1, 2, 7), r(2, 2, 4), r(2)])
record('unbatched', lambda x, w: F.conv2d(x, w, padding=1), [r(2, 5, 4), r(3, 2, 3, 3)])

record('maxpool', lambda x: F.max_pool2d(x, (3, 2), stride=2, padding=1, dilation=(1, 2), ceil_mode=True, return_indices=True),
       [r(2, 3, 7, 6)])
record('maxpool1d', lambda x: F.max_pool1d(x, 3, stride=2, padding=1, ceil_mode=True, return_indices=True), [r(2, 3, 9)])
record('adaptiveavg1d', lambda x: F.adaptive_avg_pool1d(x, 4), [r(2, 3, 9)])
record('adaptivemax1d', lambda x: F.adaptive_max_pool1d(x, 4, return_indices=True), [r(3, 7)])
record('avgpool1d', lambda x: F.avg_pool1d(x, 3, stride=2, padding=1, ceil_mode=True, count_include_pad=False), [r(2, 3, 8)])
record('avgpool', lambda x: F.avg_pool2d(x, 3, stride=2, padding=1, ceil_mode=True, count_include_pad=False), [r(2, 2, 7, 6)])
record('avgpool_div', lambda x: F.avg_pool2d(x, (2, 3), stride=(1, 2), padding=(1, 1), divisor_override=4), [r(1, 2, 5, 6)])
record('adaptiveavg', lambda x: F.adaptive_avg_pool2d(x, (3, 4)), [r(2, 3, 7, 5)])
record('adaptivemax', lambda x: F.adaptive_max_pool2d(x, (3, 2), return_indices=True), [r(2, 3, 7, 5)])

# Batch norm: three training steps then eval, in float64, with the layer's state after.
bn = nn.BatchNorm2d(3).double()
with torch.no_grad():
    bn.weight.copy_(r(3)); bn.bias.copy_(r(3))
out['bn_weight'] = bn.weight.detach().clone(); out['bn_bias'] = bn.bias.detach().clone()
for step in range(3):
    x = r(4, 3, 2, 3) * (step + 1) + step
    out[f'bn_x{step}'] = x
    out[f'bn_y{step}'] = bn(x).detach()
out['bn_running_mean'] = bn.running_mean.clone(); out['bn_running_var'] = bn.running_var.clone()
out['bn_batches'] = int(bn.num_batches_tracked)
bn.eval()
x = r(2, 3, 2, 3); out['bn_eval_x'] = x; out['bn_eval_y'] = bn(x).detach()

cumulative = nn.BatchNorm1d(4, momentum=None).double()
for step in range(3):
    x = r(5, 4) * (step + 2); out[f'bncum_x{step}'] = x; cumulative(x)
out['bncum_running_mean'] = cumulative.running_mean.clone(); out['bncum_running_var'] = cumulative.running_var.clone()

plain = nn.BatchNorm1d(3, affine=False, track_running_stats=False).double().eval()
x = r(4, 3, 5); out['bnplain_x'] = x; out['bnplain_y'] = plain(x)

record('bntrain', lambda x, w, b: F.batch_norm(x, None, None, w, b, training=True), [r(4, 3, 5), r(3), r(3)])
rm, rv = r(3), torch.rand(3, dtype=D) + 0.5
out['bneval_rm'] = rm; out['bneval_rv'] = rv
record('bneval', lambda x, w, b: F.batch_norm(x, rm, rv, w, b, training=False, eps=1e-3), [r(4, 3, 5), r(3), r(3)])
record('groupnorm', lambda x, w, b: F.group_norm(x, 2, w, b), [r(3, 4, 5), r(4), r(4)])
record('groupnorm_plain', lambda x: F.group_norm(x, 3, eps=1e-3), [r(2, 6, 2, 2)])

# Float32 forward values of conv2d and batch norm.
x32, w32, b32 = r(1, 3, 8, 8).float(), r(4, 3, 3, 3).float(), r(4).float()
out['f32_x'] = x32; out['f32_w'] = w32; out['f32_b'] = b32
out['f32_y'] = F.conv2d(x32, w32, b32, stride=2, padding=1)
xw = x32.clone().requires_grad_(); ww = w32.clone().requires_grad_()
F.conv2d(xw, ww, b32, stride=2, padding=1).pow(2).sum().backward()
out['f32_grad_x'] = xw.grad; out['f32_grad_w'] = ww.grad

# Padding modes (reflect, replicate, circular) of Conv2d, and 'same' with reflect in Conv1d.
for mode in ['reflect', 'replicate', 'circular']:
    conv = nn.Conv2d(2, 3, 3, padding=(1, 2), padding_mode=mode).double()
    out[f'mode_{mode}_w'] = conv.weight.detach().clone(); out[f'mode_{mode}_b'] = conv.bias.detach().clone()
    record(f'mode_{mode}', lambda x: conv(x), [r(1, 2, 4, 5)])
    out[f'mode_{mode}_grad_w'] = conv.weight.grad
conv = nn.Conv1d(2, 2, 4, padding='same', padding_mode='reflect', dilation=2).double()
out['mode_same_w'] = conv.weight.detach().clone(); out['mode_same_b'] = conv.bias.detach().clone()
record('mode_same', lambda x: conv(x), [r(2, 2, 9)])
reprs_modes = {'mode_a': nn.Conv2d(2, 3, 3, padding=1, padding_mode='reflect'),
               'mode_b': nn.Conv1d(2, 2, 4, padding='same', padding_mode='circular')}

# Default initialisation under manual_seed(0), in construction order.
torch.manual_seed(0)
layers = [nn.Conv2d(1, 6, 5), nn.Conv1d(3, 4, 3, bias=False), nn.ConvTranspose2d(4, 6, 3, groups=2), nn.BatchNorm2d(3),
          nn.GroupNorm(2, 4)]
for i, m in enumerate(layers):
    for k, v in m.state_dict().items():
        out[f'init{i}_{k}'] = v

reprs = {
    'conv_a': nn.Conv2d(1, 6, 5),
    'conv_b': nn.Conv2d(3, 8, (3, 5), stride=(2, 1), padding=(1, 2), dilation=2, bias=False),
    'conv_c': nn.Conv2d(4, 4, 3, padding='same', groups=2),
    'conv_d': nn.Conv1d(3, 4, 3, stride=2, padding='valid'),
    'convt_a': nn.ConvTranspose2d(4, 6, 3, stride=2, output_padding=1, groups=2),
    'convt_b': nn.ConvTranspose2d(4, 6, (3, 2), padding=1, dilation=2, bias=False),
    'pool_a': nn.MaxPool2d(2),
    'pool_b': nn.MaxPool2d((3, 2), stride=1, padding=1, dilation=2, ceil_mode=True, return_indices=True),
    'pool_c': nn.MaxPool1d(3),
    'pool_d': nn.AvgPool2d(2),
    'pool_e': nn.AvgPool2d(3, stride=2, padding=1, ceil_mode=True, count_include_pad=False, divisor_override=2),
    'pool_f': nn.AdaptiveAvgPool2d((5, 7)),
    'pool_g': nn.AdaptiveAvgPool2d(1),
    'pool_h': nn.AdaptiveMaxPool2d((3, 4)),
    'pool_i': nn.AdaptiveMaxPool2d(2, return_indices=True),
    'pool_j': nn.AvgPool1d(3, stride=2, padding=1, ceil_mode=True),
    'pool_k': nn.AdaptiveAvgPool1d(5),
    'pool_l': nn.AdaptiveMaxPool1d(3, return_indices=True),
    'norm_a': nn.BatchNorm2d(6),
    'norm_b': nn.BatchNorm1d(4, eps=1e-3, momentum=None, affine=False, track_running_stats=False),
    'norm_c': nn.GroupNorm(2, 4),
    'norm_d': nn.GroupNorm(3, 6, eps=1e-3, affine=False),
    'lenet': nn.Sequential(nn.Conv2d(1, 6, 5, padding=2), nn.ReLU(), nn.MaxPool2d(2), nn.Conv2d(6, 16, 5), nn.BatchNorm2d(16)),
}
reprs.update(reprs_modes)
for k, m in reprs.items():
    out[f'repr_{k}'] = repr(m)
out['keys_bn'] = list(nn.BatchNorm2d(3).state_dict().keys())
out['keys_bn_plain'] = list(nn.BatchNorm1d(3, affine=False, track_running_stats=False).state_dict().keys())

fixture_util.write('conv', out)
