#!/usr/bin/env python3
"""Times EmberCSV and pandas.read_csv on the same numeric CSV files, in one run, and prints
both speeds and their ratio.

Usage (from the repository root):
    python3 -m venv .venv-pandas && .venv-pandas/bin/pip install pandas   # once
    .venv-pandas/bin/python Benchmarks/compare_csv.py [--rounds N]

The files are written (deterministically) by `ember-bench --filter csv_parse` the first
time it runs:
    csv_parse_MBps          /tmp/ember-csv-bench-100MB.csv       ~100 MB of short decimals (-1234.5678, 6.02e-5)
    csv_parse_1thread_MBps  the same file, streamed by CSVReader in chunks of 64k rows on one thread
    csv_parse_repr_MBps     /tmp/ember-csv-bench-repr-50MB.csv   ~50 MB of 17-digit doubles (as to_csv writes)
Both sides parse each file into a float32 array: Ember with `CSV.readTensor(.file(path))`
(two threads on a file this large), pandas with `read_csv(path, dtype=numpy.float32).to_numpy()`
(its default C engine, one thread), each the median of 5 runs after a warm-up, so that the
file is in the page cache for both. The two alternate for --rounds rounds (default 3) and
each side's best round is reported, which keeps other load on the machine from deciding."""
import argparse, os, statistics, subprocess, sys, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FILES = {
    'csv_parse_MBps': '/tmp/ember-csv-bench-100MB.csv',
    'csv_parse_1thread_MBps': '/tmp/ember-csv-bench-100MB.csv',  # Ember streaming in chunks, one thread
    'csv_parse_repr_MBps': '/tmp/ember-csv-bench-repr-50MB.csv',
}

def ember_figures():
    subprocess.run(['swift', 'build', '-c', 'release', '--package-path', 'Benchmarks'], cwd=ROOT, check=True,
                   stdout=subprocess.DEVNULL)
    exe = os.path.join(ROOT, 'Benchmarks', '.build', 'release', 'ember-bench')
    out = subprocess.run([exe, '--filter', 'csv_parse'], cwd=ROOT, check=True, capture_output=True, text=True)
    figures = {}
    for line in out.stdout.splitlines():
        name, value, _ = line.split()
        figures[name] = float(value)
    return figures

def pandas_mbps(path):
    import numpy as np
    import pandas as pd
    run = lambda: pd.read_csv(path, dtype=np.float32).to_numpy()
    shape = run().shape
    times = []
    for _ in range(5):
        t = time.perf_counter()
        run()
        times.append(time.perf_counter() - t)
    return os.path.getsize(path) / statistics.median(times) / 1e6, shape

def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--rounds', type=int, default=3)
    args = parser.parse_args()
    try:
        import pandas
    except ImportError:
        sys.exit('compare_csv.py needs pandas: python3 -m venv .venv-pandas && .venv-pandas/bin/pip install pandas, '
                 'then run .venv-pandas/bin/python Benchmarks/compare_csv.py')
    best_ember, best_pandas, shapes = {}, {}, {}
    for _ in range(args.rounds):
        ember = ember_figures()  # writes the files on its first run
        measured = {}
        for name, path in FILES.items():
            if name not in ember:
                continue
            if path not in measured:
                measured[path] = pandas_mbps(path)
            theirs, shapes[name] = measured[path]
            best_ember[name] = max(best_ember.get(name, 0), ember[name])
            best_pandas[name] = max(best_pandas.get(name, 0), theirs)
    print('pandas %s read_csv (C engine) vs EmberCSV, float32, MB/s, best of %d rounds; speedup > 1: Ember is faster'
          % (pandas.__version__, args.rounds))
    print('%-24s %10s %10s %8s  %s' % ('figure', 'ember', 'pandas', 'speedup', 'file'))
    for name, path in FILES.items():
        if name not in best_ember:
            continue
        e, p, shape = best_ember[name], best_pandas[name], shapes[name]
        print('%-24s %10.1f %10.1f %7.2fx  %s (%.0f MB, %d x %d)' % (
            name, e, p, e / p, path, os.path.getsize(path) / 1e6, shape[0], shape[1]))

if __name__ == '__main__':
    main()
