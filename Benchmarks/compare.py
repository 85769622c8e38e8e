#!/usr/bin/env python3
"""Runs Ember's benchmark and the same workloads in PyTorch in one run, and prints a table.

Usage (from the repository root):
    python3 -m venv .venv-torch && .venv-torch/bin/pip install torch numpy   # once
    .venv-torch/bin/python Benchmarks/compare.py [--filter NAME] [--rounds N]

Workloads and names follow shared/anchors/torch_ops.py. 'speedup' is how many times faster
Ember is than PyTorch (> 1: Ember is faster), whatever the unit.

The two sides run in alternation for --rounds rounds (default 2) and each figure keeps its
best round: on this shared machine memory bandwidth swings by up to 2x from one minute to
the next (a 64 MB sum measured 45-100 GB/s on either side), so one round of each can land
them in different weather."""
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
    out.update(training_figures(torch))
    return out

def optim_figures(torch):
    """Adam's update alone over the parameters of a 784-256-10 MLP."""
    def params():
        ps = [torch.randn(784, 256) * 0.05, torch.zeros(256), torch.randn(256, 10) * 0.05, torch.zeros(10)]
        return [p.requires_grad_() for p in ps]
    out = {}
    qs = params()
    for q in qs: q.grad = torch.randn_like(q)
    opt2 = torch.optim.Adam(qs, lr=1e-3)
    out['adam_update_203k_params_us'] = bench(opt2.step, 200) * 1e6
    return out

def training_figures(torch):
    """The training figures of shared/anchors/torch_ops.py (TrainingFigures.swift)."""
    import torch.nn as nn, torch.nn.functional as F
    out = {}
    lenet = nn.Sequential(nn.Conv2d(1, 6, 5, padding=2), nn.ReLU(), nn.MaxPool2d(2),
                          nn.Conv2d(6, 16, 5), nn.ReLU(), nn.MaxPool2d(2), nn.Flatten(),
                          nn.Linear(400, 120), nn.ReLU(), nn.Linear(120, 84), nn.ReLU(), nn.Linear(84, 10))
    opt = torch.optim.SGD(lenet.parameters(), lr=0.01, momentum=0.9)
    X = torch.randn(64, 1, 28, 28); Y = torch.randint(0, 10, (64,))
    def step():
        opt.zero_grad(); loss = F.cross_entropy(lenet(X), Y); loss.backward(); opt.step()
    out['lenet_train_step_b64_ms'] = bench(step, 50) * 1e3
    mlp = nn.Sequential(nn.Linear(784, 256), nn.ReLU(), nn.Linear(256, 10))
    opt2 = torch.optim.Adam(mlp.parameters(), lr=1e-3)
    X2 = torch.randn(128, 784); Y2 = torch.randint(0, 10, (128,))
    def step2():
        opt2.zero_grad(); loss = F.cross_entropy(mlp(X2), Y2); loss.backward(); opt2.step()
    out['mlp784_train_step_b128_ms'] = bench(step2, 200) * 1e3
    c = nn.Conv2d(64, 64, 3, padding=1, bias=False); Xc = torch.randn(32, 64, 56, 56)
    with torch.no_grad():
        t = bench(lambda: c(Xc), 3, reps=3)
    out['conv3x3_64c_56_b32_fwd_gflops'] = 2 * 32 * 64 * 64 * 9 * 56 * 56 / t / 1e9
    return out

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

def higher_is_better(unit):
    return unit.endswith('/s') or unit.endswith('flops')

def best(a, b, unit):
    """The better of two measurements of one figure."""
    return max(a, b) if higher_is_better(unit) else min(a, b)

def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--filter', default=None)
    parser.add_argument('--rounds', type=int, default=2)
    args = parser.parse_args()
    try:
        import torch  # noqa: F401
    except ImportError:
        sys.exit('compare.py needs PyTorch: python3 -m venv .venv-torch && .venv-torch/bin/pip install torch numpy, '
                 'then run .venv-torch/bin/python Benchmarks/compare.py')
    ember, theirs = {}, {}
    for _ in range(max(1, args.rounds)):
        for name, (value, unit) in ember_figures(args.filter).items():
            ember[name] = (best(ember[name][0], value, unit), unit) if name in ember else (value, unit)
        for name, value in torch_figures().items():
            unit = ember.get(name, (0, 'ms'))[1]
            theirs[name] = best(theirs[name], value, unit) if name in theirs else value
    print('%-32s %12s %12s %8s  %s' % ('figure', 'ember', 'pytorch', 'speedup', 'unit'))
    for name, (value, unit) in ember.items():
        if name not in theirs:
            print('%-32s %12.3f %12s %8s  %s' % (name, value, '-', '-', unit))
            continue
        other = theirs[name]
        speedup = value / other if higher_is_better(unit) else other / value
        print('%-32s %12.3f %12.3f %7.2fx  %s' % (name, value, other, speedup, unit))

if __name__ == '__main__':
    main()
