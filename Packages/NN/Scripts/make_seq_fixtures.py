"""Truths from PyTorch for dropout, layer norm, recurrent layers and attention: dropout
masks under manual_seed, layer_norm values and gradients, RNN/LSTM/GRU and
MultiheadAttention initialisation under manual_seed, their outputs, final states and the
gradients of every parameter, TransformerEncoderLayer outputs, printed reprs.

Run from the repository root with a Python that has torch:
    python Packages/NN/Scripts/make_seq_fixtures.py
Writes Packages/NN/Tests/EmberNNTests/Fixtures/seq.json."""
import os, sys
sys.path.insert(0, os.path.join(os.path.dirname(__file__), '..', '..', 'Core', 'Scripts'))
import fixture_util
import torch
import torch.nn as nn
import torch.nn.functional as F

fixture_util.FIXTURES = os.path.join(os.path.dirname(__file__), '..', 'Tests', 'EmberNNTests', 'Fixtures')
out = {}

# Dropout: the mask after manual_seed(0) on an input whose values are known.
for dt, name in [(torch.float32, 'f32'), (torch.float64, 'f64')]:
    x = (torch.arange(40, dtype=dt).reshape(4, 10) * 0.1 - 1.5).requires_grad_()
    torch.manual_seed(0)
    y = F.dropout(x, 0.3)
    g = torch.arange(40, dtype=dt).reshape(4, 10) * 0.05 + 1
    y.backward(g)
    out[f'dropout_{name}_y'] = y.detach(); out[f'dropout_{name}_grad'] = x.grad
    x4 = torch.arange(48, dtype=dt).reshape(2, 3, 4, 2) * 0.1 + 0.5
    torch.manual_seed(0)
    out[f'dropout2d_{name}_y'] = F.dropout2d(x4, 0.5)
x = torch.arange(40, dtype=torch.float32).reshape(4, 10) * 0.1 - 1.5
torch.manual_seed(3)
out['dropout_layer_y'] = nn.Dropout(0.6)(x)

# Layer norm.
torch.manual_seed(1)
for dt, name in [(torch.float32, 'f32'), (torch.float64, 'f64')]:
    x = torch.randn(2, 3, 4, dtype=dt, requires_grad=True)
    w = torch.randn(3, 4, dtype=dt, requires_grad=True)
    b = torch.randn(3, 4, dtype=dt, requires_grad=True)
    y = F.layer_norm(x, [3, 4], w, b, 1e-5)
    g = torch.randn(2, 3, 4, dtype=dt)
    y.backward(g)
    for k, v in [('x', x), ('w', w), ('b', b), ('g', g), ('y', y)]:
        out[f'ln_{name}_{k}'] = v.detach()
    for k, v in [('x', x), ('w', w), ('b', b)]:
        out[f'ln_{name}_grad_{k}'] = v.grad
    x2 = torch.randn(3, 5, dtype=dt, requires_grad=True)
    y2 = F.layer_norm(x2, [5])
    y2.backward(torch.ones_like(y2) * torch.arange(5, dtype=dt))
    out[f'ln_{name}_x2'] = x2.detach(); out[f'ln_{name}_y2'] = y2.detach(); out[f'ln_{name}_grad_x2'] = x2.grad

# Recurrent layers: initialisation under manual_seed(0), then forward/backward in float64.
def rnn_case(tag, make, x_shape, hx_shapes, dtype=torch.float64):
    torch.manual_seed(0)
    m = make()
    for k, v in m.state_dict().items():
        out[f'{tag}_init_{k}'] = v
    out[f'{tag}_keys'] = list(m.state_dict().keys())
    out[f'{tag}_repr'] = repr(m)
    m = m.to(dtype)
    torch.manual_seed(5)
    x = torch.randn(*x_shape, dtype=dtype, requires_grad=True)
    hx = [torch.randn(*s, dtype=dtype) for s in hx_shapes]
    out[f'{tag}_x'] = x.detach()
    for i, h in enumerate(hx):
        out[f'{tag}_hx{i}'] = h
    if isinstance(m, nn.LSTM):
        y, (h, c) = m(x, (hx[0], hx[1]) if hx else None)
        finals = [h, c]
    else:
        y, h = m(x, hx[0] if hx else None)
        finals = [h]
    gy = torch.randn(*y.shape, dtype=dtype)
    loss = (y * gy).sum()
    for i, f in enumerate(finals):
        gf = torch.randn(*f.shape, dtype=dtype)
        out[f'{tag}_gfinal{i}'] = gf
        loss = loss + (f * gf).sum()
        out[f'{tag}_final{i}'] = f.detach()
    loss.backward()
    out[f'{tag}_y'] = y.detach(); out[f'{tag}_gy'] = gy; out[f'{tag}_grad_x'] = x.grad
    for k, p in m.named_parameters():
        out[f'{tag}_grad_{k}'] = p.grad

rnn_case('lstm', lambda: nn.LSTM(3, 4, num_layers=2, bidirectional=True), (5, 2, 3), [(4, 2, 4), (4, 2, 4)])
rnn_case('gru', lambda: nn.GRU(3, 4, num_layers=2, batch_first=True), (2, 5, 3), [])
rnn_case('rnnrelu', lambda: nn.RNN(3, 4, nonlinearity='relu', bias=False, bidirectional=True), (5, 2, 3), [(2, 2, 4)])
rnn_case('rnn1d', lambda: nn.RNN(3, 4), (5, 3), [(1, 4)])
rnn_case('gru32', lambda: nn.GRU(3, 4, bidirectional=True, batch_first=True), (2, 4, 3), [(2, 2, 4)], torch.float32)
rnn_case('lstm1d', lambda: nn.LSTM(3, 2, batch_first=True), (4, 3), [])

# Dropout between LSTM layers in training, after manual_seed(1) (weights from manual_seed(0)).
torch.manual_seed(0)
m = nn.LSTM(3, 4, num_layers=3, dropout=0.5).double()
x = torch.linspace(-1, 1, 30, dtype=torch.float64).reshape(5, 2, 3)
torch.manual_seed(1)
out['lstmdrop_y'] = m(x)[0].detach()
out['lstmdrop_x'] = x

for name, m in [('lstm_print', nn.LSTM(10, 20, num_layers=2, batch_first=True)),
                ('gru_print', nn.GRU(3, 4, bias=False, dropout=0.5, num_layers=2, bidirectional=True)),
                ('rnn_print', nn.RNN(3, 4, nonlinearity='relu')),
                ('dropout_print', nn.Dropout()), ('dropout2d_print', nn.Dropout2d(0.2)),
                ('ln_print', nn.LayerNorm(8)), ('ln2_print', nn.LayerNorm([3, 4], elementwise_affine=False)),
                ('ln3_print', nn.LayerNorm(8, eps=1e-6, bias=False))]:
    out[name] = repr(m)
out['ln3_keys'] = list(nn.LayerNorm(8, bias=False).state_dict().keys())

# Multi-head attention.
torch.manual_seed(0)
mha = nn.MultiheadAttention(8, 2)
for k, v in mha.state_dict().items():
    out[f'mha_init_{k}'] = v
out['mha_keys'] = list(mha.state_dict().keys())
out['mha_repr'] = repr(mha)
mha = mha.double()
with torch.no_grad():
    mha.in_proj_bias.copy_(torch.linspace(-0.3, 0.3, 24, dtype=torch.float64))
    mha.out_proj.bias.copy_(torch.linspace(0.2, -0.2, 8, dtype=torch.float64))
torch.manual_seed(7)
x = torch.randn(4, 2, 8, dtype=torch.float64, requires_grad=True)
kpm = torch.tensor([[False, False, False, True], [False, False, False, False]])
am = torch.triu(torch.ones(4, 4, dtype=torch.bool), diagonal=1)
y, w = mha(x, x, x, key_padding_mask=kpm, attn_mask=am)
gy = torch.randn(*y.shape, dtype=torch.float64)
(y * gy).sum().backward()
out['mha_x'] = x.detach(); out['mha_y'] = y.detach(); out['mha_w'] = w.detach(); out['mha_gy'] = gy
out['mha_kpm'] = kpm; out['mha_am'] = am
out['mha_grad_x'] = x.grad
for k, p in mha.named_parameters():
    out[f'mha_grad_{k}'] = p.grad
# A float additive mask, unaveraged weights.
fm = torch.randn(4, 4, dtype=torch.float64)
y2, w2 = mha(x, x, x, attn_mask=fm, average_attn_weights=False)
out['mha_fm'] = fm; out['mha_y2'] = y2.detach(); out['mha_w2'] = w2.detach()

torch.manual_seed(0)
cross = nn.MultiheadAttention(6, 3, add_bias_kv=True, kdim=5, vdim=4, batch_first=True)
for k, v in cross.state_dict().items():
    out[f'cross_init_{k}'] = v
out['cross_keys'] = list(cross.state_dict().keys())
cross = cross.double()
torch.manual_seed(8)
q = torch.randn(2, 3, 6, dtype=torch.float64, requires_grad=True)
k = torch.randn(2, 4, 5, dtype=torch.float64)
v = torch.randn(2, 4, 4, dtype=torch.float64)
kpm = torch.tensor([[False, True, False, False], [False, False, False, False]])
y, w = cross(q, k, v, key_padding_mask=kpm, average_attn_weights=False)
gy = torch.randn(*y.shape, dtype=torch.float64)
(y * gy).sum().backward()
for name, t in [('q', q), ('k', k), ('v', v), ('kpm', kpm), ('y', y), ('w', w), ('gy', gy)]:
    out[f'cross_{name}'] = t.detach()
out['cross_grad_q'] = q.grad
for name, p in cross.named_parameters():
    out[f'cross_grad_{name}'] = p.grad

# Transformer encoder layers (eval: dropout off).
for tag, kw, shape in [('tel', {}, (5, 2, 8)),
                       ('telpre', dict(norm_first=True, activation='gelu', batch_first=True), (2, 5, 8))]:
    torch.manual_seed(0)
    layer = nn.TransformerEncoderLayer(8, 2, dim_feedforward=16, **kw)
    out[f'{tag}_keys'] = list(layer.state_dict().keys())
    out[f'{tag}_repr'] = repr(layer)
    for k, val in layer.state_dict().items():
        out[f'{tag}_init_{k}'] = val
    layer = layer.double().eval()
    torch.manual_seed(9)
    x = torch.randn(*shape, dtype=torch.float64)
    mask = torch.triu(torch.full((5, 5), float('-inf'), dtype=torch.float64), diagonal=1)
    out[f'{tag}_x'] = x; out[f'{tag}_mask'] = mask
    with torch.no_grad():
        out[f'{tag}_y'] = layer(x, src_mask=mask)

# Dropout on the attention weights in training (need_weights=True takes the explicit path).
torch.manual_seed(0)
mhad = nn.MultiheadAttention(8, 2, dropout=0.3).double()
x = torch.linspace(-2, 2, 64, dtype=torch.float64).reshape(4, 2, 8)
torch.manual_seed(4)
y, w = mhad(x, x, x)
out['mhadrop_x'] = x; out['mhadrop_y'] = y.detach(); out['mhadrop_w'] = w.detach()

# Gradients through an encoder layer in training mode with dropout 0 and a key padding mask.
torch.manual_seed(0)
layer = nn.TransformerEncoderLayer(8, 2, dim_feedforward=16, dropout=0.0).double()
torch.manual_seed(10)
x = torch.randn(5, 2, 8, dtype=torch.float64, requires_grad=True)
kpm = torch.tensor([[False] * 5, [False, False, False, True, True]])
y = layer(x, src_key_padding_mask=kpm)
gy = torch.randn(*y.shape, dtype=torch.float64)
(y * gy).sum().backward()
for name, t in [('x', x), ('kpm', kpm), ('y', y), ('gy', gy)]:
    out[f'telgrad_{name}'] = t.detach()
out['telgrad_grad_x'] = x.grad
for name, p in layer.named_parameters():
    out[f'telgrad_grad_{name}'] = p.grad

fixture_util.write('seq', out)
