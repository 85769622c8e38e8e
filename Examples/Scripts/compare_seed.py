"""Times the seed's programs in Ember and in PyTorch on this machine, side by side.

    python3 Examples/Scripts/compare_seed.py [--runs 5]

Builds `ember-examples` in release, runs each program --quiet `--runs` times (the median of
its `Trained in X ms`, which covers data preparation and the training loop), runs
../shared/anchors/torch_seed.py (the same workloads in PyTorch, median of 5) with the venv's
Python, and prints Ember/PyTorch speed ratios and the peak RSS of both processes.
PyTorch comes from a venv: set EMBER_TORCH_PYTHON, or create .venv-torch with
    python3 -m venv .venv-torch && .venv-torch/bin/pip install torch numpy
"""
import argparse, os, re, statistics, subprocess, sys

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), '..', '..'))
ANCHOR = os.path.join(ROOT, '..', 'shared', 'anchors', 'torch_seed.py')
IRIS = os.path.join(ROOT, 'Datasets', 'CSV', 'Sources', 'EmberCSV', 'Resources', 'Iris.csv')
PROGRAMS = [('linear-regression', 'linear_regression', 5.0), ('logistic-regression', 'logistic_regression', 5.0),
            ('neural-network', 'mlp_sin', 3.0)]


def torch_python():
    for p in [os.environ.get('EMBER_TORCH_PYTHON'), os.path.join(ROOT, '.venv-torch', 'bin', 'python'),
              '/work/torchvenv/bin/python']:
        if p and os.path.exists(p):
            return p
    sys.exit('PyTorch not found: python3 -m venv .venv-torch && .venv-torch/bin/pip install torch numpy')


def run_measured(cmd):
    """Runs cmd, returns (stdout, peak RSS in MB of that process alone)."""
    with subprocess.Popen(cmd, stdout=subprocess.PIPE, text=True) as proc:
        out = proc.stdout.read()
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        sys.exit(f'{cmd[0]} failed with status {proc.returncode}')
    return out, usage.ru_maxrss / 1024.0


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--runs', type=int, default=5)
    args = ap.parse_args()
    subprocess.run(['swift', 'build', '-c', 'release', '--package-path', os.path.join(ROOT, 'Examples')], check=True)
    exe = os.path.join(ROOT, 'Examples', '.build', 'release', 'ember-examples')
    ours = {}
    for name, _, _ in PROGRAMS:
        times, rss, loss = [], 0.0, None
        for _ in range(args.runs):
            out, peak = run_measured([exe, name, '--quiet'])
            times.append(float(re.search(r'Trained in ([0-9.]+) ms', out).group(1)) / 1000)
            loss = float(re.search(r'Loss = ([0-9.]+)\s*$', out).group(1))
            rss = max(rss, peak)
        ours[name] = (statistics.median(times), loss, rss)
    out, torch_rss = run_measured([torch_python(), ANCHOR, IRIS])
    theirs = {m.group(1): (float(m.group(2)), float(m.group(3)))
              for m in re.finditer(r'(\w+) seconds=([0-9.]+) final_loss=([0-9.]+)', out)}
    print(f'{"program":22} {"ember s":>9} {"torch s":>9} {"speed-up":>9} {"target":>7}  {"ember loss":>10} {"torch loss":>10}')
    for name, key, target in PROGRAMS:
        t, loss, _ = ours[name]
        tt, tl = theirs[key]
        print(f'{name:22} {t:9.4f} {tt:9.4f} {tt / t:8.1f}x {target:6.0f}x  {loss:10.4f} {tl:10.4f}')
    nn_rss = ours['neural-network'][2]
    print(f'peak RSS: ember neural-network {nn_rss:.0f} MB, PyTorch process {torch_rss:.0f} MB '
          f'(ratio {nn_rss / torch_rss:.3f}, target <= 0.1)')
    print('(the PyTorch losses come from its anchor script, which seeds once for all programs; '
          'Ember seeds each program: compare losses with Scripts/make_examples_fixtures.py)')


if __name__ == '__main__':
    main()
