"""Checkpoint truths from PyTorch: state dicts written by `safetensors.torch.save_file`, and a
training checkpoint (model + Adam + epoch) in Ember's checkpoint layout, for the EmberNN and
EmberOptim tests.

Run from the repository root with a Python that has torch and safetensors
(`pip install safetensors`):
    python Packages/NN/Scripts/make_checkpoint_fixtures.py
        writes Packages/NN/Tests/EmberNNTests/Fixtures/checkpoint/*.safetensors (state dicts of
        small models) and Fixtures/checkpoint.json (their inputs and outputs), and
        Packages/Optim/Tests/EmberOptimTests/Fixtures/checkpoint/torch_checkpoint.safetensors
        with Fixtures/checkpoint.json (the parameters after each further Adam step).
    python Packages/NN/Scripts/make_checkpoint_fixtures.py --verify DIR
        checks, with PyTorch, the files Ember wrote into DIR: run the EmberOptim tests with
        EMBER_CHECKPOINT_EXPORT_DIR=DIR first (`swift test --filter CheckpointResumeTests`).
        model.safetensors must load into the torch model (strictly) and give expected.output;
        checkpoint.safetensors must restore a fresh torch model and Adam whose next step gives
        expected.next.*, with epoch and user metadata as Ember wrote them.

The checkpoint layout (Ember's `Checkpoint`, format version 1): model tensors `model.<name>`,
optimizer tensors `optimizer.state.<i>.<entry>`, optimizer metadata
`optimizer.param_groups.<g>.<option>` (Python's repr of the value) and `optimizer.class`,
metadata `ember.checkpoint` = "1", `ember.sections` = "model,optimizer", `epoch`, `format`,
and the user's keys unchanged. `save_checkpoint`/`load_checkpoint` below are the Python side.
"""
import ast, os, sys
sys.path.insert(0, os.path.join(os.path.dirname(__file__), '..', '..', 'Core', 'Scripts'))
import fixture_util
import torch
import torch.nn as nn
import torch.nn.functional as F
from safetensors import safe_open
from safetensors.torch import save_file, load_file

HERE = os.path.dirname(__file__)
NN_FIXTURES = os.path.join(HERE, '..', 'Tests', 'EmberNNTests', 'Fixtures')
OPTIM_FIXTURES = os.path.join(HERE, '..', '..', 'Optim', 'Tests', 'EmberOptimTests', 'Fixtures')
ADAM = dict(lr=0.01, betas=(0.8, 0.95), eps=1e-6, weight_decay=0.01, amsgrad=True)


def mlp(dtype):
    return nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 3)).to(dtype)


def normed():
    return nn.Sequential(nn.Linear(4, 6), nn.LayerNorm(6), nn.Tanh(), nn.Linear(6, 2))


def save_checkpoint(path, model, optimizer, epoch, metadata=None):
    """Writes model + optimizer + epoch in Ember's checkpoint layout."""
    sd = optimizer.state_dict()
    tensors = {'model.' + k: v.contiguous() for k, v in model.state_dict().items()}
    for i, entries in sd['state'].items():
        for k, v in entries.items():
            tensors[f'optimizer.state.{i}.{k}'] = v.contiguous()
    meta = {'format': 'pt', 'ember.checkpoint': '1', 'ember.sections': 'model,optimizer',
            'epoch': str(epoch), 'optimizer.class': type(optimizer).__name__}
    for g, group in enumerate(sd['param_groups']):
        for k, v in group.items():
            if isinstance(v, (bool, int, float, tuple, list)):  # skips None (foreach, fused)
                meta[f'optimizer.param_groups.{g}.{k}'] = repr(list(v) if k == 'params' else v)
    meta.update(metadata or {})
    save_file(tensors, path, metadata=meta)


def load_checkpoint(path, model, optimizer):
    """Restores model and optimizer from an Ember checkpoint; returns (epoch, metadata)."""
    tensors = load_file(path)
    with safe_open(path, 'pt') as f:
        meta = f.metadata()
    assert meta['ember.checkpoint'] == '1', meta
    model.load_state_dict({k[6:]: v for k, v in tensors.items() if k.startswith('model.')})
    state = {}
    for k, v in tensors.items():
        if k.startswith('optimizer.state.'):
            _, _, i, entry = k.split('.', 3)
            state.setdefault(int(i), {})[entry] = v
    groups = [dict(g) for g in optimizer.state_dict()['param_groups']]
    for k, v in meta.items():
        if k.startswith('optimizer.param_groups.'):
            _, _, g, option = k.split('.', 3)
            groups[int(g)][option] = ast.literal_eval(v.replace('inf', '1e999'))
    optimizer.load_state_dict({'state': state, 'param_groups': groups})
    reserved = {'format', 'epoch'}
    user = {k: v for k, v in meta.items()
            if k not in reserved and not k.startswith(('ember.', 'model.', 'optimizer.'))}
    return int(meta['epoch']), user


def adam_step(model, optimizer, x, y):
    optimizer.zero_grad()
    F.mse_loss(model(x), y).backward()
    optimizer.step()


def make():
    os.makedirs(os.path.join(NN_FIXTURES, 'checkpoint'), exist_ok=True)
    os.makedirs(os.path.join(OPTIM_FIXTURES, 'checkpoint'), exist_ok=True)
    torch.manual_seed(0)
    out = {}
    # State dicts of PyTorch models, and their outputs on a fixed input.
    for name, model, dtype in [('mlp_f32', mlp(torch.float32), torch.float32),
                               ('mlp_f64', mlp(torch.float64), torch.float64),
                               ('normed', normed(), torch.float32)]:
        save_file(model.state_dict(), os.path.join(NN_FIXTURES, 'checkpoint', name + '.safetensors'))
        x = torch.randn(5, 4, dtype=dtype)
        out[f'{name}/x'] = x
        with torch.no_grad():
            out[f'{name}/output'] = model(x)
        out[f'{name}/keys'] = list(model.state_dict().keys())
    fixture_util.FIXTURES = NN_FIXTURES
    fixture_util.write('checkpoint', out)

    # A checkpoint written by PyTorch after two Adam steps, and the steps that follow.
    model = mlp(torch.float64)
    opt = torch.optim.Adam(model.parameters(), **ADAM)
    x, y = torch.randn(6, 4, dtype=torch.float64), torch.randn(6, 3, dtype=torch.float64)
    for _ in range(2):
        adam_step(model, opt, x, y)
    save_checkpoint(os.path.join(OPTIM_FIXTURES, 'checkpoint', 'torch_checkpoint.safetensors'),
                    model, opt, epoch=2, metadata={'note': 'written by PyTorch'})
    out = {'x': x, 'y': y}
    for step in (3, 4):
        adam_step(model, opt, x, y)
        for k, v in model.state_dict().items():
            out[f'step{step}/{k}'] = v.clone()
    fixture_util.FIXTURES = OPTIM_FIXTURES
    fixture_util.write('checkpoint', out)


def verify(folder):
    expected = load_file(os.path.join(folder, 'expected.safetensors'))
    x, y = expected['x'], expected['y']
    model = mlp(torch.float64)
    model.load_state_dict(load_file(os.path.join(folder, 'model.safetensors')))
    with torch.no_grad():
        assert torch.allclose(model(x), expected['output'], rtol=0, atol=1e-12), 'model.safetensors output'
    model = mlp(torch.float64)
    opt = torch.optim.Adam(model.parameters(), lr=0.5)  # the checkpoint's hyperparameters replace these
    epoch, user = load_checkpoint(os.path.join(folder, 'checkpoint.safetensors'), model, opt)
    assert epoch == expected['epoch'].item(), epoch
    assert user == {'note': 'written by Ember'}, user
    assert opt.param_groups[0]['betas'] == ADAM['betas'] and opt.param_groups[0]['amsgrad'], opt.param_groups
    adam_step(model, opt, x, y)
    for k, v in model.state_dict().items():
        diff = (v - expected['next.' + k]).abs().max().item()
        assert diff <= 1e-12, f'{k}: {diff}'
    print('verified', folder)


if __name__ == '__main__':
    if len(sys.argv) == 3 and sys.argv[1] == '--verify':
        verify(sys.argv[2])
    else:
        make()
