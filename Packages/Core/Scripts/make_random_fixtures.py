"""PyTorch's random and creation operators after manual_seed, for Ember's exactness tests.

Run from the repository root with a Python that has torch (2.13 CPU) and numpy:
    python Packages/Core/Scripts/make_random_fixtures.py
Writes Packages/Core/Tests/EmberCoreTests/Fixtures/random.json and creation.json.

Every random entry is recorded right after torch.manual_seed(<seed>) unless its name says
otherwise, so the Swift tests can replay it with Generator(seed:)."""
import os, struct, sys
import torch
sys.path.insert(0, os.path.dirname(__file__))
import fixture_util

F32, F64 = torch.float32, torch.float64
SIZES = [1, 5, 15, 16, 17, 100]


def seeded(seed, fn):
    torch.manual_seed(seed)
    return fn()


def error(fn):
    try:
        fn()
    except Exception as e:  # the message PyTorch gives, first line only
        return str(e).split('\n')[0]
    raise AssertionError('expected an error')


def random_entries():
    r = {}
    for dt, tag in [(F32, 'f32'), (F64, 'f64')]:
        for n in SIZES:
            r[f'rand_{tag}_{n}'] = seeded(0, lambda: torch.rand(n, dtype=dt))
            r[f'randn_{tag}_{n}'] = seeded(0, lambda: torch.randn(n, dtype=dt))
        # the scalar normal sampler keeps its spare value across calls
        r[f'randn_{tag}_5_then_3'] = seeded(0, lambda: torch.cat([torch.randn(5, dtype=dt), torch.randn(3, dtype=dt)]))
        r[f'randn_{tag}_3_then_20'] = seeded(0, lambda: torch.cat([torch.randn(3, dtype=dt), torch.randn(20, dtype=dt)]))
        r[f'randn_{tag}_seed42_2x3x7'] = seeded(42, lambda: torch.randn(2, 3, 7, dtype=dt))
        r[f'normal_{tag}_40_m1_s3.7'] = seeded(0, lambda: torch.empty(40, dtype=dt).normal_(1.0, 3.7))
        r[f'normal_{tag}_7_m-2.5_s0.3'] = seeded(0, lambda: torch.empty(7, dtype=dt).normal_(-2.5, 0.3))
        # non-contiguous: the scalar sampler fills in memory order
        def transposed():
            base = torch.empty(8, 4, dtype=dt)
            base.t().normal_()
            return base
        r[f'normal_{tag}_transposed_8x4_storage'] = seeded(0, transposed)
        # enough scalar-path samples to tell log1p(-u) from log(1 - u) in float64
        def transposed_large():
            base = torch.empty(40, 25, dtype=dt)
            base.t().normal_(0.5, 2.0)
            return base
        r[f'normal_{tag}_transposed_40x25_storage'] = seeded(0, transposed_large)
        for a, b in [(-2.0, 3.0), (0.1, 0.7)]:
            r[f'uniform_{tag}_{a}_{b}'] = seeded(0, lambda: torch.empty(20, dtype=dt).uniform_(a, b))
        for lam in [1.0, 2.5]:
            r[f'exponential_{tag}_{lam}'] = seeded(0, lambda: torch.empty(20, dtype=dt).exponential_(lam))
        torch.manual_seed(3)
        mean, std = torch.randn(40, dtype=dt), torch.rand(40, dtype=dt) + 0.5
        r[f'normal_tensor_{tag}_mean'] = mean
        r[f'normal_tensor_{tag}_std'] = std
        r[f'normal_tensor_{tag}_40'] = seeded(0, lambda: torch.normal(mean, std))
        r[f'normal_tensor_{tag}_5'] = seeded(0, lambda: torch.normal(mean[:5], std[:5]))
        r[f'normal_tensor_{tag}_mean_only'] = seeded(0, lambda: torch.normal(mean, 2.5))
        r[f'normal_tensor_{tag}_broadcast'] = seeded(0, lambda: torch.normal(mean[:3].reshape(3, 1), std[:4]))
        p = torch.tensor([0.1, 0.5, 0.9, 0.3, 0.7, 0.0, 1.0, 0.5] * 3, dtype=dt)
        r[f'bernoulli_p_{tag}'] = seeded(0, lambda: torch.bernoulli(p))
    r['randn_f32_1000'] = seeded(0, lambda: torch.randn(1000))
    r['randn_f32_seed7_333'] = seeded(7, lambda: torch.randn(333))
    r['rand_f32_seed42_3x4'] = seeded(42, lambda: torch.rand(3, 4))
    r['rand_like_transposed_storage'] = seeded(0, lambda: torch.rand_like(torch.empty(4, 3).t()).t())
    for lo, hi in [(0, 10), (-5, 5), (3, 4), (0, 2**28 - 1), (0, 2**28), (-2**40, 2**40), (0, 2**62)]:
        r[f'randint_{lo}_{hi}'] = seeded(0, lambda: torch.randint(lo, hi, (12,)))
    for dt in [torch.int32, torch.uint8, torch.int16, F32, F64]:
        name = str(dt).replace('torch.', '')
        r[f'randint_{name}_-3_100'] = seeded(0, lambda: torch.randint(0 if dt == torch.uint8 else -3, 100, (10,), dtype=dt))
        r[f'random_{name}_full'] = seeded(0, lambda: torch.empty(6, dtype=dt).random_())
        r[f'random_{name}_from2'] = seeded(0, lambda: torch.empty(6, dtype=dt).random_(2, None))
        r[f'random_{name}_to7'] = seeded(0, lambda: torch.empty(6, dtype=dt).random_(7))
    r['random_int64_full'] = seeded(0, lambda: torch.empty(6, dtype=torch.int64).random_())
    r['random_int64_from2'] = seeded(0, lambda: torch.empty(6, dtype=torch.int64).random_(2, None))
    r['random_bool_full'] = seeded(0, lambda: torch.empty(8, dtype=torch.bool).random_())
    for n in [1, 2, 5, 15, 16, 17, 100, 1000]:
        r[f'randperm_{n}'] = seeded(0, lambda: torch.randperm(n))
    r['randperm_seed5_30'] = seeded(5, lambda: torch.randperm(30))
    for n in [5, 100]:
        r[f'bernoulli_scalar_{n}'] = seeded(0, lambda: torch.empty(n).bernoulli_(0.3))
    r['bernoulli_out_p0.3_f64'] = seeded(0, lambda: torch.bernoulli(torch.empty(10, dtype=F64), 0.3))
    r['bernoulli_int64_p_f32'] = seeded(0, lambda: torch.empty(24, dtype=torch.int64).bernoulli_(
        torch.tensor([0.1, 0.5, 0.9, 0.3, 0.7, 0.0, 1.0, 0.5] * 3)))
    r['bernoulli_broadcast_3x4'] = seeded(0, lambda: torch.empty(3, 4).bernoulli_(torch.tensor([0.2, 0.4, 0.6, 0.8])))
    w = seeded(1, lambda: torch.rand(3, 7) * 3)
    w[1, 2] = 0
    r['multinomial_weights'] = w
    r['multinomial_1d_repl_50'] = seeded(0, lambda: torch.multinomial(w[0], 50, True))
    r['multinomial_2d_repl_10'] = seeded(0, lambda: torch.multinomial(w, 10, True))
    r['multinomial_2d_repl_10_f64'] = seeded(0, lambda: torch.multinomial(w.double(), 10, True))
    for k in [1, 3, 6]:
        r[f'multinomial_2d_norepl_{k}'] = seeded(0, lambda: torch.multinomial(w, k))
        r[f'multinomial_2d_norepl_{k}_f64'] = seeded(0, lambda: torch.multinomial(w.double(), k))
    r['multinomial_1d_norepl_4'] = seeded(0, lambda: torch.multinomial(w[2], 4))
    # the seed program: manual_seed(0); x = linspace(-1, 1, 100).unsqueeze(1); y = 5 * rand(100, 1)
    torch.manual_seed(0)
    r['seed_program_x'] = torch.linspace(-1, 1, 100).unsqueeze(1)
    r['seed_program_y'] = 5 * torch.rand(100, 1)
    # the generator's state in PyTorch's layout, after some draws, and what follows it
    torch.manual_seed(0)
    torch.rand(5)
    torch.randn(3)
    r['state_after_rand5_randn3'] = torch.get_rng_state()
    r['state_then_randn4_f64'] = torch.randn(4, dtype=F64)
    r['initial_seed_default_generator'] = torch.Generator().initial_seed()
    r['errors'] = {
        'randint_5_5': error(lambda: torch.randint(5, 5, (3,))),
        'randint_uint8_300': error(lambda: torch.randint(0, 300, (3,), dtype=torch.uint8)),
        'randint_int8_200': error(lambda: torch.randint(0, 200, (3,), dtype=torch.int8)),
        'rand_negative': error(lambda: torch.rand(-1)),
        'randn_negative': error(lambda: torch.randn(2, -3)),
        'uniform_reversed': error(lambda: torch.empty(3).uniform_(2, 1)),
        'normal_negative_std': error(lambda: torch.empty(3).normal_(0, -1)),
        'normal_tensor_negative_std': error(lambda: torch.normal(torch.zeros(3), -torch.ones(3))),
        'exponential_negative': error(lambda: torch.empty(3).exponential_(-1)),
        'bernoulli_scalar_p': error(lambda: torch.empty(3).bernoulli_(1.5)),
        'multinomial_negative': error(lambda: torch.multinomial(torch.tensor([0.5, -1.0]), 1)),
        'multinomial_zero_sum': error(lambda: torch.multinomial(torch.tensor([0.0, 0.0]), 1)),
        'multinomial_3d': error(lambda: torch.multinomial(torch.ones(1, 1, 2), 1)),
        'multinomial_too_many': error(lambda: torch.multinomial(torch.ones(3), 5)),
        'multinomial_int': error(lambda: torch.multinomial(torch.ones(3, dtype=torch.int64), 1)),
        'randperm_uint8_257': error(lambda: torch.randperm(257, dtype=torch.uint8)),
        'randperm_half_3000': error(lambda: torch.randperm(3000, dtype=torch.float16)),
        'rand_int64': error(lambda: torch.rand_like(torch.zeros(2, dtype=torch.int64))),
    }
    return r


def creation_entries():
    c = {}
    c['linspace_-1_1_100'] = torch.linspace(-1, 1, 100)
    c['linspace_-10_10_100'] = torch.linspace(-10, 10, 100)
    for s, e, n in [(0.1, 2.9, 33), (-3.3, 7.7, 1000), (1, 0, 5), (-1, 1, 101), (0, 1, 2), (3, 3, 4), (0, 1, 1)]:
        c[f'linspace_{s}_{e}_{n}_f32'] = torch.linspace(s, e, n)
        c[f'linspace_{s}_{e}_{n}_f64'] = torch.linspace(s, e, n, dtype=F64)
    c['linspace_0_10_5_int32'] = torch.linspace(0, 10, 5, dtype=torch.int32)
    c['linspace_-7_20_10_int64'] = torch.linspace(-7, 20, 10, dtype=torch.int64)
    for s, e, st in [(0, 1, 0.1), (1, 2.5, 0.5), (-1, 1, 0.3), (0, 0.3, 0.1), (0.3, 28.29, 0.7), (-7.3, 150.1, 0.37), (10, 0, -3)]:
        c[f'arange_{s}_{e}_{st}_f32'] = torch.arange(s, e, st, dtype=F32)
        c[f'arange_{s}_{e}_{st}_f64'] = torch.arange(s, e, st, dtype=F64)
    c['arange_5'] = torch.arange(5)
    c['arange_10_0_-3'] = torch.arange(10, 0, -3)
    c['arange_0.5_5_1.5_int64'] = torch.arange(0.5, 5, 1.5, dtype=torch.int64)
    c['arange_0_10_2.5'] = torch.arange(0, 10, 2.5)
    for s, e, n, b in [(-2, 2, 10, 10.0), (0, 3, 7, 2.0), (-1.3, 2.7, 40, 2.718281828459045)]:
        c[f'logspace_{s}_{e}_{n}_{b}_f64'] = torch.logspace(s, e, n, base=b, dtype=F64)
        c[f'logspace_{s}_{e}_{n}_{b}_f32'] = torch.logspace(s, e, n, base=b)
    c['logspace_0_3_4_2_int64'] = torch.logspace(0, 3, 4, base=2, dtype=torch.int64)
    c['eye_3'] = torch.eye(3)
    c['eye_2_4_int64'] = torch.eye(2, 4, dtype=torch.int64)
    c['eye_3_2_bool'] = torch.eye(3, 2, dtype=torch.bool)
    c['full_int'] = torch.full((2, 2), 7)
    c['full_float'] = torch.full((2, 2), 1.5)
    c['full_bool'] = torch.full((2,), True)
    c['errors'] = {
        'arange_zero_step': error(lambda: torch.arange(0, 5, 0)),
        'arange_bad_sign': error(lambda: torch.arange(5, 0, 1)),
        'arange_inf': error(lambda: torch.arange(0, float('inf'), 1)),
        'linspace_negative': error(lambda: torch.linspace(0, 1, -1)),
        'eye_negative_n': error(lambda: torch.eye(-1)),
        'eye_negative_m': error(lambda: torch.eye(2, -1)),
        'zeros_negative': error(lambda: torch.zeros(2, -1)),
        'ones_negative': error(lambda: torch.ones(-1)),
    }
    return c


if __name__ == '__main__':
    assert torch.__version__.startswith('2.13'), 'fixtures were measured on torch 2.13'
    fixture_util.write('random', random_entries())
    fixture_util.write('creation', creation_entries())
