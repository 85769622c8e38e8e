"""Fixtures for the linear-algebra operators (mm, addmm, bmm, baddbmm, matmul, dot, mv,
outer): values and error messages computed by PyTorch.

    /work/torchvenv/bin/python Packages/Core/Scripts/make_linalg_fixtures.py

Writes Fixtures/linalg.json with:
  cases:  [{name, op, inputs: [{key, view}], scalars: [..], rtol?}] (rtol 0: exact), where each input is
          the tensor stored under `key`, seen through `view`:
            "T"      the stored tensor holds the transpose (last two dims swapped); the test
                     swaps them back as a strided view, so the operand is non-contiguous
            "step2"  the stored tensor's last dim is twice as long; the test takes every
                     other element
            "bcastN" the stored tensor has a leading dim of 1; the test expands it to N
                     with stride 0
          and the expected result is stored under `name`.
  errors: [{op, inputs: [{shape, dtype}], scalars, message, prefix}]: calling `op` on
          tensors of ones must throw `message` (or a message starting with it when
          `prefix` is true, where Ember adds the operands' shapes).
"""
import os, sys
sys.path.insert(0, os.path.dirname(__file__))
import torch
import fixture_util

torch.manual_seed(0)
entries = {}
cases = []
F32, F64 = torch.float32, torch.float64


def rand(shape, dtype, gaussian=False):
    """Random values: multiples of 1/16 in [-4, 4] (short in JSON, and their products sum
    exactly, so float32 results must match to the last bit), or standard normal ones where
    `gaussian` (rounding then differs by summation order, checked within tolerance)."""
    if dtype.is_floating_point:
        if gaussian:
            return torch.randn(shape, dtype=torch.float64).to(dtype)
        return (torch.randint(-64, 65, shape, dtype=torch.int64).double() / 16).to(dtype)
    lo, hi = (0, 4) if dtype == torch.uint8 else (-5, 6)
    return torch.randint(lo, hi, shape, dtype=dtype)


def operand(name, t, view):
    """Stores `t` for the Swift test to rebuild through `view`; returns (spec, tensor as seen)."""
    key = f'{name}'
    if view == 'T':
        entries[key] = t.transpose(-1, -2).contiguous()
    elif view == 'step2':
        wide = torch.zeros(t.shape[:-1] + (2 * t.shape[-1],), dtype=t.dtype)
        wide[..., ::2] = t
        wide[..., 1::2] = 99 if not t.dtype.is_floating_point else float('nan')
        entries[key] = wide
    elif view.startswith('bcast'):
        entries[key] = t[:1].contiguous()
        t = t[:1].expand(int(view[5:]), *t.shape[1:])
    else:
        entries[key] = t
    return {'key': key, 'view': view}, t


def case(name, op, shapes, dtype, views=None, scalars=(), rtol=None, fn=None, tensors=None, gaussian=False):
    views = views or [''] * len(shapes)
    specs, ts = [], []
    for i, (shape, view) in enumerate(zip(shapes, views)):
        t = tensors[i] if tensors else rand(shape, dtype, gaussian)
        spec, seen = operand(f'{name}.{i}', t, view)
        specs.append(spec)
        ts.append(seen)
    kwargs = {}
    if op in ('addmm', 'baddbmm'):
        kwargs = {'beta': scalars[0], 'alpha': scalars[1]}
    result = (fn or getattr(torch, op))(*ts, **kwargs)
    entries[name] = result
    c = {'name': name, 'op': op, 'inputs': specs, 'scalars': list(scalars)}
    if rtol is not None:
        c['rtol'] = rtol
    elif not gaussian:
        c['rtol'] = 0  # exact inputs (or integers): every summation order gives this result
    cases.append(c)


for dt, tag in ((F32, 'f32'), (F64, 'f64')):
    # mm: odd sizes, transposed and strided operands, size-0 dimensions. (Sizes beyond one
    # packed block are checked in Swift against a naive product, to keep this file small.)
    case(f'mm_small_{tag}', 'mm', [(7, 13), (13, 9)], dt)
    case(f'mm_gaussian_{tag}', 'mm', [(7, 13), (13, 9)], dt, gaussian=True)
    case(f'mm_1x1_{tag}', 'mm', [(1, 1), (1, 1)], dt)
    case(f'mm_row_{tag}', 'mm', [(1, 9), (9, 7)], dt)
    case(f'mm_col_{tag}', 'mm', [(7, 9), (9, 1)], dt)
    case(f'mm_aT_{tag}', 'mm', [(7, 6), (6, 10)], dt, views=['T', ''])
    case(f'mm_bT_{tag}', 'mm', [(7, 6), (6, 10)], dt, views=['', 'T'])
    case(f'mm_bothT_{tag}', 'mm', [(8, 5), (5, 9)], dt, views=['T', 'T'])
    case(f'mm_step_{tag}', 'mm', [(6, 5), (5, 9)], dt, views=['step2', 'step2'])
    case(f'mm_rowT_{tag}', 'mm', [(1, 10), (10, 5)], dt, views=['', 'T'])
    case(f'mm_colT_{tag}', 'mm', [(5, 10), (10, 1)], dt, views=['T', ''])
    case(f'mm_empty_m_{tag}', 'mm', [(0, 3), (3, 4)], dt)
    case(f'mm_empty_k_{tag}', 'mm', [(2, 0), (0, 3)], dt)
    case(f'mm_empty_n_{tag}', 'mm', [(2, 3), (3, 0)], dt)
    # addmm: beta/alpha, broadcasting self, integer-valued and fractional coefficients.
    case(f'addmm_{tag}', 'addmm', [(6, 8), (6, 5), (5, 8)], dt, scalars=(1, 1))
    case(f'addmm_scaled_{tag}', 'addmm', [(6, 8), (6, 5), (5, 8)], dt, scalars=(0.5, -2.25), gaussian=True)
    case(f'addmm_row_{tag}', 'addmm', [(8,), (6, 5), (5, 8)], dt, scalars=(2, 1), views=['', 'T', ''])
    case(f'addmm_col_{tag}', 'addmm', [(6, 1), (6, 5), (5, 8)], dt, scalars=(1, 3))
    case(f'addmm_0d_{tag}', 'addmm', [(), (6, 5), (5, 8)], dt, scalars=(1.5, 1))
    case(f'addmm_k0_{tag}', 'addmm', [(2, 3), (2, 0), (0, 3)], dt, scalars=(3, 2))
    nan_self = torch.full((3, 4), float('nan'), dtype=dt)
    case(f'addmm_beta0_{tag}', 'addmm', [(3, 4), (3, 2), (2, 4)], dt, scalars=(0, 2),
         tensors=[nan_self, rand((3, 2), dt), rand((2, 4), dt)])
    case(f'addmm_alpha0_{tag}', 'addmm', [(3, 4), (3, 2), (2, 4)], dt, scalars=(2, 0),
         tensors=[rand((3, 4), dt), torch.full((3, 2), float('nan'), dtype=dt), rand((2, 4), dt)])
    # bmm / baddbmm
    case(f'bmm_{tag}', 'bmm', [(3, 5, 7), (3, 7, 4)], dt)
    case(f'bmm_T_{tag}', 'bmm', [(2, 6, 7), (2, 7, 9)], dt, views=['T', 'T'])
    case(f'bmm_bcast_{tag}', 'bmm', [(4, 3, 5), (4, 5, 2)], dt, views=['bcast4', ''])
    case(f'bmm_empty_{tag}', 'bmm', [(0, 3, 5), (0, 5, 2)], dt)
    case(f'baddbmm_{tag}', 'baddbmm', [(3, 5, 4), (3, 5, 7), (3, 7, 4)], dt, scalars=(0.5, 1.5))
    case(f'baddbmm_bcast_{tag}', 'baddbmm', [(4,), (2, 5, 3), (2, 3, 4)], dt, scalars=(1, 1))
    case(f'baddbmm_beta0_{tag}', 'baddbmm', [(2, 2, 2), (2, 2, 3), (2, 3, 2)], dt, scalars=(0, 1),
         tensors=[torch.full((2, 2, 2), float('nan'), dtype=dt), rand((2, 2, 3), dt), rand((2, 3, 2), dt)])
    # matmul: every rank combination PyTorch distinguishes.
    for i, (sa, sb) in enumerate([
        ((5,), (5,)), ((4, 5), (5,)), ((5,), (5, 3)), ((4, 5), (5, 3)),
        ((2, 4, 5), (5,)), ((2, 4, 5), (5, 3)), ((2, 3, 4, 5), (5, 3)),
        ((5,), (2, 5, 3)), ((4, 5), (2, 5, 3)), ((5,), (2, 2, 5, 3)),
        ((2, 4, 5), (2, 5, 3)), ((2, 1, 4, 5), (3, 5, 2)), ((1, 4, 5), (3, 1, 5, 2)),
        ((3, 1, 2, 4, 5), (2, 1, 5, 3)), ((0,), (0,)), ((0, 5), (5,)), ((2, 0, 5), (5, 3)),
        ((0, 4, 5), (2, 1, 5, 3)), ((2, 4, 0), (0, 3)),
    ]):
        case(f'matmul{i}_{tag}', 'matmul', [sa, sb], dt)
    case(f'matmul_T_{tag}', 'matmul', [(2, 4, 5), (2, 5, 3)], dt, views=['T', 'T'])
    case(f'matmul_foldT_{tag}', 'matmul', [(3, 4, 5), (5, 6)], dt, views=['T', 'T'])
    case(f'matmul_bcast_{tag}', 'matmul', [(3, 4, 5), (3, 5, 2)], dt, views=['bcast3', ''], gaussian=True)
    case(f'matmul_step_{tag}', 'matmul', [(2, 3, 4), (4,)], dt, views=['step2', 'step2'])
    case(f'dot_{tag}', 'dot', [(17,), (17,)], dt, gaussian=True)
    case(f'dot_step_{tag}', 'dot', [(9,), (9,)], dt, views=['step2', ''])
    case(f'mv_{tag}', 'mv', [(5, 19), (19,)], dt, gaussian=True)
    case(f'mv_T_{tag}', 'mv', [(5, 11), (11,)], dt, views=['T', 'step2'])
    case(f'outer_{tag}', 'outer', [(4,), (3,)], dt)

# Integer products wrap; coefficients are truncated toward zero.
for dt, tag in ((torch.int64, 'i64'), (torch.int32, 'i32'), (torch.int16, 'i16'), (torch.int8, 'i8'), (torch.uint8, 'u8')):
    case(f'mm_{tag}', 'mm', [(5, 7), (7, 4)], dt)
    case(f'matmul_{tag}', 'matmul', [(2, 3, 4), (4, 2)], dt, views=['T', ''])
    case(f'dot_{tag}', 'dot', [(6,), (6,)], dt)
case('mm_overflow_i64', 'mm', [(1, 2), (2, 1)], torch.int64,
     tensors=[torch.tensor([[2 ** 62, 2]]), torch.tensor([[4], [1]])])
case('mm_overflow_i8', 'mm', [(1, 2), (2, 1)], torch.int8,
     tensors=[torch.tensor([[100, 2]], dtype=torch.int8), torch.tensor([[4], [1]], dtype=torch.int8)])
case('addmm_trunc_i64', 'addmm', [(1, 2), (2, 2), (2, 2)], torch.int64, scalars=(2.7, 2.9))
case('addmm_neg_u8', 'addmm', [(1, 2), (2, 2), (2, 2)], torch.uint8, scalars=(-1, 1))
case('baddbmm_i32', 'baddbmm', [(2, 3, 2), (2, 3, 4), (2, 4, 2)], torch.int32, scalars=(2, 3))
case('bmm_i64', 'bmm', [(2, 3, 4), (2, 4, 2)], torch.int64)
case('mv_i64', 'mv', [(3, 4), (4,)], torch.int64)
# Half precision computes through float32.
for dt, tag in ((torch.float16, 'f16'), (torch.bfloat16, 'bf16')):
    case(f'mm_{tag}', 'mm', [(4, 6), (6, 3)], dt, rtol=1e-2)
    case(f'matmul_{tag}', 'matmul', [(2, 3, 6), (6,)], dt, rtol=1e-2)
    case(f'addmm_{tag}', 'addmm', [(3,), (4, 6), (6, 3)], dt, scalars=(0.5, 2), rtol=1e-2)
# outer promotes and accepts bool.
case('outer_i64_f32', 'outer', [(3,), (2,)], None, tensors=[rand((3,), torch.int64), rand((2,), F32)])
case('outer_u8_i8', 'outer', [(3,), (2,)], None, tensors=[rand((3,), torch.uint8), rand((2,), torch.int8)])
case('outer_bool', 'outer', [(3,), (2,)], None,
     tensors=[torch.tensor([True, False, True]), torch.tensor([True, False])])
case('outer_f16', 'outer', [(3,), (2,)], None, tensors=[rand((3,), torch.float16), rand((2,), torch.float16)])

# Error messages, checked against PyTorch's text.
errors = []
f32, f64 = 'float32', 'float64'


def err(op, inputs, scalars=(), prefix=False):
    ts = [torch.ones(s, dtype=getattr(torch, d)) for s, d in inputs]
    kwargs = {'beta': scalars[0], 'alpha': scalars[1]} if scalars else {}
    try:
        getattr(torch, op)(*ts, **kwargs)
    except (RuntimeError, IndexError, NotImplementedError) as e:
        errors.append({'op': op, 'inputs': [{'shape': list(s), 'dtype': d} for s, d in inputs],
                       'scalars': list(scalars), 'message': str(e), 'prefix': prefix})
        return
    raise AssertionError(f'{op} {inputs} did not fail')


err('mm', [((2, 3), f32), ((4, 5), f32)])
err('mm', [((3,), f32), ((3, 5), f32)])
err('mm', [((2, 3), f32), ((3,), f32)])
err('mm', [((2, 2, 3), f32), ((3, 5), f32)])
for d in ('float64', 'float16', 'bfloat16', 'int64', 'int32', 'int16', 'int8', 'uint8', 'bool'):
    err('mm', [((2, 3), f32), ((3, 5), d)])
    if d != 'bool':  # Ember has no bool kernel to reach the dtype check: "no kernel for 'mm' on (bool, cpu)"
        err('mm', [((2, 3), d), ((3, 5), f32)])
err('mm', [((2, 3), f32), ((4, 5), f64)])
err('addmm', [((2, 5), f32), ((2, 3), f32), ((4, 5), f32)], (1, 1))
err('addmm', [((3,), f32), ((2, 3), f32), ((3, 5), f32)], (1, 1))
err('addmm', [((2, 4), f32), ((2, 3), f32), ((3, 5), f32)], (1, 1))
err('addmm', [((1, 2, 5), f32), ((2, 3), f32), ((3, 5), f32)], (1, 1))
err('addmm', [((2, 5), f32), ((3,), f32), ((3, 5), f32)], (1, 1))
err('addmm', [((2, 5), f32), ((2, 3), f32), ((3,), f32)], (1, 1))
err('addmm', [((2, 5), f64), ((2, 3), f32), ((3, 5), f32)], (1, 1))
err('addmm', [((2, 5), f32), ((2, 3), f64), ((3, 5), f32)], (1, 1))
err('addmm', [((2, 5), f32), ((2, 3), f32), ((3, 5), f64)], (1, 1))
err('addmm', [((2, 5), f32), ((2, 3), f32), ((4, 5), f64)], (1, 1))
err('addmm', [((2, 4), f32), ((2, 3), f32), ((4, 5), f32)], (1, 1))
err('bmm', [((2, 2, 3), f32), ((2, 4, 5), f32)])
err('bmm', [((2, 2, 3), f32), ((3, 3, 5), f32)])
err('bmm', [((2, 3), f32), ((3, 5), f32)])
err('bmm', [((2, 2, 3), f32), ((3, 5), f32)])
err('bmm', [((2, 2, 3), f64), ((2, 3, 5), f32)])
err('bmm', [((2, 2, 3), 'int64'), ((2, 3, 5), f32)])
err('baddbmm', [((2, 2, 5), f32), ((2, 2, 3), f32), ((2, 4, 5), f32)], (1, 1))
err('baddbmm', [((3, 2, 5), f32), ((2, 2, 3), f32), ((2, 3, 5), f32)], (1, 1))
err('baddbmm', [((2, 2, 5), f64), ((2, 2, 3), f32), ((2, 3, 5), f32)], (1, 1))
err('baddbmm', [((2, 2, 5), 'int64'), ((2, 2, 3), f32), ((2, 3, 5), f64)], (1, 1))
err('baddbmm', [((2, 2, 5), f32), ((2, 2, 3), f64), ((2, 3, 5), f32)], (1, 1))
err('baddbmm', [((2, 2, 5), f32), ((2, 2, 3), f32), ((2, 3, 5), f64)], (1, 1))
err('baddbmm', [((2, 2, 5), f64), ((2, 2, 3), f64), ((2, 3, 5), f32)], (1, 1))
err('baddbmm', [((2, 2, 4), f64), ((2, 2, 3), f32), ((2, 3, 5), f32)], (1, 1))
err('matmul', [((), f32), ((3,), f32)])
err('matmul', [((3,), f32), ((), f32)])
err('matmul', [((), f32), ((), f32)])
err('matmul', [((3,), f32), ((4,), f32)])
err('matmul', [((2, 3), f32), ((4,), f32)])
err('matmul', [((3,), f32), ((4, 5), f32)])
err('matmul', [((2, 3), f32), ((4, 5), f32)])
err('matmul', [((2, 2, 3), f32), ((4, 5), f32)])
err('matmul', [((2, 3, 2, 3), f32), ((4, 5), f32)])
err('matmul', [((2, 2, 3), f32), ((4,), f32)])
err('matmul', [((2, 2, 3), f32), ((2, 4, 5), f32)])
err('matmul', [((2, 3), f32), ((2, 4, 5), f32)])
err('matmul', [((4,), f32), ((2, 3, 5), f32)])
err('matmul', [((2, 2, 3), f32), ((3, 3, 5), f32)], prefix=True)
err('matmul', [((2, 3, 2, 3), f32), ((4, 1, 3, 5), f32)], prefix=True)
err('matmul', [((2, 3, 2, 3), f32), ((4, 3, 5), f32)], prefix=True)
err('matmul', [((2, 3), f32), ((3, 5), f64)])
err('matmul', [((3,), f32), ((3,), f64)])
err('matmul', [((2, 3), f32), ((3,), f64)])
err('matmul', [((3,), f32), ((3, 5), f64)])
err('matmul', [((2, 2, 3), f32), ((2, 3, 5), f64)])
err('matmul', [((2, 2, 3), f32), ((3, 5), f64)])
err('matmul', [((2, 2, 3), f32), ((3,), f64)])
err('matmul', [((3,), f32), ((2, 3, 5), f64)])
err('matmul', [((2, 2, 3), 'int64'), ((2, 3, 5), f32)])
err('dot', [((3,), f32), ((4,), f32)])
err('dot', [((3, 1), f32), ((3,), f32)])
err('dot', [((3,), f32), ((3, 1), f32)])
err('dot', [((), f32), ((3,), f32)])
err('dot', [((3,), f32), ((3,), f64)])
err('dot', [((3,), 'int64'), ((3,), f32)])
err('dot', [((3,), 'float16'), ((3,), f32)])
err('dot', [((3,), f32), ((4,), f64)])
err('mv', [((2, 3), f32), ((4,), f32)])
err('mv', [((3,), f32), ((3,), f32)])
err('mv', [((2, 3), f32), ((3, 1), f32)])
err('mv', [((1, 2, 3), f32), ((3,), f32)])
err('mv', [((2, 3), f32), ((3,), f64)])
err('mv', [((2, 3), f64), ((3,), f32)])
err('mv', [((2, 3), 'int64'), ((3,), f32)])
err('mv', [((2, 3), f32), ((4,), f64)])
err('outer', [((2, 1), f32), ((3,), f32)])
err('outer', [((2,), f32), ((3, 1), f32)])
err('outer', [((), f32), ((3,), f32)])

fixture_util.write('linalg', dict(entries, cases=cases, errors=errors))
