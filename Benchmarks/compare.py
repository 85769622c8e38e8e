#!/usr/bin/env python3
"""Runs Ember's benchmark and the same workloads in PyTorch in one run, and prints a table.

Usage (from the repository root):
    python3 -m venv .venv-torch && .venv-torch/bin/pip install torch numpy   # once
    .venv-torch/bin/python Benchmarks/compare.py [--filter NAME]

Workloads and names follow shared/anchors/torch_ops.py. 'speedup' is how many times faster
Ember is than PyTorch (> 1: Ember is faster), whatever the unit."""
import argparse, os, statistics, subprocess, sys, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

def bench(f, n, reps=5):
    f()
    ts = []
    for _ in range(reps):
        t = time.perf_counter()
        for _ in range(n): f()
        ts.append((time.perf_counter() - t) / n)
    return statistics.median(ts)

def torch_figures():
    import torch
    torch.manual_seed(0)
    out = {}
    a = torch.ones(1); b = torch.ones(1)
    out['op_overhead_add_us'] = bench(lambda: a + b, 20000) * 1e6
    ag = torch.ones(1, requires_grad=True)
    out['op_overhead_add_autograd_us'] = bench(lambda: ag + b, 20000) * 1e6
    x1 = torch.ones(1, requires_grad=True); c1 = torch.full((1,), 1.0001)
    def chain():
        y = x1
        for _ in range(1000): y = y * c1
        y.backward()
    out['chain_1000_forward_backward_us'] = bench(chain, 20) * 1e6
    out.update(optim_figures(torch))
    for m in (64, 256, 1024, 2048):
        A = torch.randn(m, m); B = torch.randn(m, m)
        out['sgemm_%d_gflops' % m] = 2 * m**3 / bench(lambda: A @ B, max(1, int(2e8 / m**3))) / 1e9
    n = 16 * 1024 * 1024
    x = torch.randn(n); y = torch.randn(n)
    out['add_16M_GBps'] = 12 * n / bench(lambda: torch.add(x, y), 20) / 1e9
    out['mul_16M_GBps'] = 12 * n / bench(lambda: torch.mul(x, y), 20) / 1e9
    out['exp_16M_GBps'] = 8 * n / bench(lambda: torch.exp(x), 20) / 1e9
    out['sum_16M_GBps'] = 4 * n / bench(lambda: x.sum(), 20) / 1e9
    out['lenet5_train_step_b64_ms'] = lenet5_step_seconds() * 1e3
    return out

def optim_figures(torch):
    """The MLP 784-256-10 Adam training step (batch 128) and Adam's update alone."""
    def params():
        ps = [torch.randn(784, 256) * 0.05, torch.zeros(256), torch.randn(256, 10) * 0.05, torch.zeros(10)]
        return [p.requires_grad_() for p in ps]
    ps = params(); x = torch.randn(128, 784); target = torch.randint(0, 10, (128,))
    opt = torch.optim.Adam(ps, lr=1e-3)
    def train_step():
        opt.zero_grad()
        logits = torch.relu(x @ ps[0] + ps[1]) @ ps[2] + ps[3]
        torch.nn.functional.cross_entropy(logits, target).backward()
        opt.step()
    out = {'mlp_784_256_10_adam_step_ms': bench(train_step, 50) * 1e3}
    qs = params()
    for q in qs: q.grad = torch.randn_like(q)
    opt2 = torch.optim.Adam(qs, lr=1e-3)
    out['adam_update_203k_params_us'] = bench(opt2.step, 200) * 1e6
    return out

def lenet5_step_seconds():
    """The LeNet-5 training step of NNFigures.swift: batch 64, MSE loss, plain SGD."""
    import torch, torch.nn as nn, torch.nn.functional as F
    class LeNet5(nn.Module):
        def __init__(self):
            super().__init__()
            self.conv1, self.conv2 = nn.Conv2d(1, 6, 5), nn.Conv2d(6, 16, 5)
            self.fc1, self.fc2, self.fc3 = nn.Linear(256, 120), nn.Linear(120, 84), nn.Linear(84, 10)
        def forward(self, x):
            h = F.max_pool2d(F.relu(self.conv1(x)), 2)
            h = F.max_pool2d(F.relu(self.conv2(h)), 2).flatten(1)
            return self.fc3(F.relu(self.fc2(F.relu(self.fc1(h)))))
    model, x, target = LeNet5(), torch.randn(64, 1, 28, 28), torch.randn(64, 10)
    def step():
        model.zero_grad()
        ((model(x) - target) ** 2).mean().backward()
        with torch.no_grad():
            for p in model.parameters(): p.sub_(p.grad * 0.01)
    return bench(step, 20)

def ember_figures(name_filter):
    subprocess.run(['swift', 'build', '-c', 'release', '--package-path', 'Benchmarks'], cwd=ROOT, check=True,
                   stdout=subprocess.DEVNULL)
    cmd = [os.path.join(ROOT, 'Benchmarks', '.build', 'release', 'ember-bench')]
    if name_filter: cmd += ['--filter', name_filter]
    out = {}
    for line in subprocess.run(cmd, cwd=ROOT, check=True, capture_output=True, text=True).stdout.splitlines():
        name, value, unit = line.split()
        out[name] = (float(value), unit)
    return out

def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--filter', default=None)
    args = parser.parse_args()
    try:
        import torch  # noqa: F401
    except ImportError:
        sys.exit('compare.py needs PyTorch: python3 -m venv .venv-torch && .venv-torch/bin/pip install torch numpy, '
                 'then run .venv-torch/bin/python Benchmarks/compare.py')
    ember = ember_figures(args.filter)
    theirs = torch_figures()
    print('%-32s %12s %12s %8s  %s' % ('figure', 'ember', 'pytorch', 'speedup', 'unit'))
    for name, (value, unit) in ember.items():
        if name not in theirs:
            print('%-32s %12.3f %12s %8s  %s' % (name, value, '-', '-', unit))
            continue
        other = theirs[name]
        higher_is_better = unit.endswith('/s') or unit.endswith('flops')
        speedup = value / other if higher_is_better else other / value
        print('%-32s %12.3f %12.3f %7.2fx  %s' % (name, value, other, speedup, unit))

if __name__ == '__main__':
    main()
