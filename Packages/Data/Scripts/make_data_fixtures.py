"""Records PyTorch's torch.utils.data behaviour for EmberData's tests.

Run from the repository root with a Python that has torch:
    python Packages/Data/Scripts/make_data_fixtures.py
It writes Packages/Data/Tests/EmberDataTests/Fixtures/data.json: index orders of shuffled
DataLoaders, samplers and random_split for given seeds, the batches of worker-sharded
IterableDatasets, and the per-worker seeds and draws of a loader with workers.

Every case is a JSON object; "epochs" holds the index lists of consecutive iterations
(each iteration continues the same generator, as PyTorch's loaders and samplers do)."""
import json, os, warnings

import torch
from torch.utils.data import (BatchSampler, DataLoader, IterableDataset, RandomSampler,
                              SubsetRandomSampler, WeightedRandomSampler, get_worker_info,
                              random_split)

OUT = os.path.join(os.path.dirname(__file__), '..', 'Tests', 'EmberDataTests', 'Fixtures', 'data.json')


def flat(batches):
    return [[int(i) for i in b.tolist()] for b in batches]


def loaders():
    """DataLoader(range(n), shuffle=True): with an explicit generator, and with the default one."""
    cases = []
    for seed in (0, 7, 42):
        for n, batch, drop in ((10, 3, False), (17, 4, True), (8, 8, False)):
            g = torch.Generator().manual_seed(seed)
            dl = DataLoader(list(range(n)), batch_size=batch, shuffle=True, drop_last=drop, generator=g)
            cases.append({'seed': seed, 'n': n, 'batch': batch, 'dropLast': drop, 'default': False,
                          'epochs': [flat(dl) for _ in range(3)]})
    for seed in (3, 11):
        torch.manual_seed(seed)
        dl = DataLoader(list(range(9)), batch_size=2, shuffle=True)
        cases.append({'seed': seed, 'n': 9, 'batch': 2, 'dropLast': False, 'default': True,
                      'epochs': [flat(dl) for _ in range(2)]})
    return cases


def random_samplers():
    cases = []
    for seed, n, replacement, num in ((1, 10, False, None), (2, 10, False, 25), (3, 10, False, 7),
                                      (4, 6, True, None), (5, 100, True, 70), (6, 1, False, 3)):
        g = torch.Generator().manual_seed(seed)
        s = RandomSampler(range(n), replacement=replacement, num_samples=num, generator=g)
        cases.append({'seed': seed, 'n': n, 'replacement': replacement, 'numSamples': num,
                      'default': False, 'epochs': [list(s) for _ in range(2)]})
    torch.manual_seed(9)
    s = RandomSampler(range(12))
    cases.append({'seed': 9, 'n': 12, 'replacement': False, 'numSamples': None, 'default': True,
                  'epochs': [list(s) for _ in range(2)]})
    return cases


def subset_samplers():
    cases = []
    indices = [5, 9, 2, 11, 3, 40, 7]
    for seed in (0, 13):
        g = torch.Generator().manual_seed(seed)
        s = SubsetRandomSampler(indices, generator=g)
        cases.append({'seed': seed, 'indices': indices, 'default': False, 'epochs': [list(s) for _ in range(2)]})
    torch.manual_seed(21)
    s = SubsetRandomSampler(indices)
    cases.append({'seed': 21, 'indices': indices, 'default': True, 'epochs': [list(s) for _ in range(2)]})
    return cases


def weighted_samplers():
    cases = []
    weights = [0.1, 0.9, 0.4, 0.7, 3.0, 0.6]
    for seed, num, replacement in ((0, 5, True), (1, 40, True), (2, 4, False), (3, 6, False)):
        g = torch.Generator().manual_seed(seed)
        s = WeightedRandomSampler(weights, num, replacement=replacement, generator=g)
        cases.append({'seed': seed, 'weights': weights, 'numSamples': num, 'replacement': replacement,
                      'epochs': [list(s) for _ in range(2)]})
    return cases


def splits():
    cases = []
    warnings.simplefilter('ignore')
    for seed, n, lengths in ((42, 10, [3, 7]), (42, 30, [0.3, 0.3, 0.4]), (5, 11, [0.5, 0.5]),
                             (8, 17, [0.2, 0.3, 0.5]), (9, 7, [0.1, 0.1, 0.8]), (1, 5, [5, 0])):
        g = torch.Generator().manual_seed(seed)
        parts = random_split(range(n), lengths, generator=g)
        cases.append({'seed': seed, 'n': n, 'lengths': lengths, 'fractions': isinstance(lengths[0], float),
                      'default': False, 'splits': [list(p.indices) for p in parts]})
    torch.manual_seed(4)
    parts = random_split(range(12), [0.25, 0.75])
    cases.append({'seed': 4, 'n': 12, 'lengths': [0.25, 0.75], 'fractions': True, 'default': True,
                  'splits': [list(p.indices) for p in parts]})
    return cases


class Sharded(IterableDataset):
    """Worker w of W yields w, w + W, w + 2W, ... below n (every item once overall)."""

    def __init__(self, n):
        self.n = n

    def __iter__(self):
        info = get_worker_info()
        start, step = (info.id, info.num_workers) if info else (0, 1)
        return iter(range(start, self.n, step))


def iterables():
    cases = []
    for n, workers, batch, drop in ((10, 2, 2, False), (11, 3, 2, False), (11, 3, 2, True), (7, 2, 3, False)):
        dl = DataLoader(Sharded(n), batch_size=batch, num_workers=workers, drop_last=drop)
        cases.append({'n': n, 'workers': workers, 'batch': batch, 'dropLast': drop, 'batches': flat(dl)})
    return cases


class WorkerDraws(torch.utils.data.Dataset):
    """Sample i: (i, worker id, worker seed, a draw from the worker's default generator)."""

    def __len__(self):
        return 12

    def __getitem__(self, i):
        info = get_worker_info()
        return torch.tensor([i, info.id, info.seed, int(torch.randint(0, 1000, (1,)).item())])


def worker_seeds():
    cases = []
    for seed, workers, batch in ((0, 2, 2), (5, 3, 4)):
        g = torch.Generator().manual_seed(seed)
        dl = DataLoader(WorkerDraws(), batch_size=batch, num_workers=workers, generator=g)
        rows = [r.tolist() for b in dl for r in b]
        cases.append({'seed': seed, 'workers': workers, 'batch': batch, 'rows': rows})
    return cases


def main():
    data = {'torch': torch.__version__, 'loaders': loaders(), 'randomSamplers': random_samplers(),
            'subsetSamplers': subset_samplers(), 'weightedSamplers': weighted_samplers(),
            'splits': splits(), 'iterables': iterables(), 'workerSeeds': worker_seeds()}
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, 'w') as f:
        json.dump(data, f, separators=(',', ':'))
    print('wrote', os.path.normpath(OUT))


if __name__ == '__main__':
    main()
