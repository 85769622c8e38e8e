"""Expected values for Core's elementwise operators, computed by PyTorch.

Run from the repository root with a Python that has torch:
    python Packages/Core/Scripts/make_elementwise_fixtures.py
Writes Packages/Core/Tests/EmberCoreTests/Fixtures/elementwise.json with:
- unary.<op>.<dtype>: an op over a grid of values (negatives, zero, large, inf, nan);
- binary.<op>.<dtype>: an op over all pairs of a grid (a as a column, b as a row, so the
  result also checks broadcasting);
- int/bool results, overflow cases for int8/uint8;
- promotion: torch.result_type for every pair of dtypes and operand kinds;
- errors.<name>: PyTorch's error message for a failing call;
- misc cases (clamp with tensor bounds, round with decimals, in-place on mixed dtypes)."""
import os, sys
import torch

sys.path.insert(0, os.path.dirname(__file__))
import fixture_util

inf, nan = float('inf'), float('nan')
out = {}

# ---- unary over a float grid ----
FLOAT_GRID = [-inf, -1000.0, -100.5, -10.25, -3.7, -2.5, -1.5, -1.0, -0.75, -0.5, -1e-8, -0.0, 0.0,
              1e-8, 0.25, 0.5, 0.999, 1.0, 1.5, 2.5, 3.7, 10.25, 88.5, 100.5, 1000.0, inf, nan]
FLOAT_UNARY = {
    'exp': torch.exp, 'expm1': torch.expm1, 'log': torch.log, 'log2': torch.log2, 'log10': torch.log10,
    'log1p': torch.log1p, 'sqrt': torch.sqrt, 'rsqrt': torch.rsqrt, 'reciprocal': torch.reciprocal,
    'sigmoid': torch.sigmoid, 'erf': torch.erf, 'sin': torch.sin, 'cos': torch.cos, 'tan': torch.tan,
    'asin': torch.asin, 'acos': torch.acos, 'atan': torch.atan, 'sinh': torch.sinh, 'cosh': torch.cosh,
    'tanh': torch.tanh, 'neg': torch.neg, 'abs': torch.abs, 'sign': torch.sign, 'square': torch.square,
    'relu': torch.relu, 'floor': torch.floor, 'ceil': torch.ceil, 'trunc': torch.trunc, 'frac': torch.frac,
    'round': torch.round, 'round_d2': lambda x: torch.round(x, decimals=2),
    'round_dm1': lambda x: torch.round(x, decimals=-1), 'isnan': torch.isnan, 'isinf': torch.isinf,
    'isfinite': torch.isfinite, 'logical_not': torch.logical_not,
}
for dt in (torch.float32, torch.float64):
    name = str(dt).replace('torch.', '')
    x = torch.tensor(FLOAT_GRID, dtype=dt)
    out[f'unary.input.{name}'] = x
    for op, f in FLOAT_UNARY.items():
        out[f'unary.{op}.{name}'] = f(x)
out['unary.round_halves.input'] = torch.tensor([0.5, 1.5, 2.5, -0.5, -2.5, 3.5, 0.125, 0.135, 1234.5, 1250.0])
out['unary.round_halves.d0'] = torch.round(out['unary.round_halves.input'])
out['unary.round_halves.d2'] = torch.round(out['unary.round_halves.input'], decimals=2)
out['unary.round_halves.dm2'] = torch.round(out['unary.round_halves.input'], decimals=-2)

# ---- unary on integers and bools ----
INT_GRIDS = {'int64': [-100, -7, -3, -1, 0, 1, 2, 5, 127], 'int32': [-100, -7, -1, 0, 1, 5, 46341],
             'int8': [-128, -7, -1, 0, 1, 5, 127], 'uint8': [0, 1, 5, 127, 200, 255]}
INT_UNARY = {
    'neg': torch.neg, 'abs': torch.abs, 'sign': torch.sign, 'square': torch.square, 'relu': torch.relu,
    'floor': torch.floor, 'ceil': torch.ceil, 'trunc': torch.trunc, 'round': torch.round, 'exp': torch.exp,
    'sqrt': torch.sqrt, 'sigmoid': torch.sigmoid, 'reciprocal': torch.reciprocal, 'sin': torch.sin,
    'isnan': torch.isnan, 'isinf': torch.isinf, 'isfinite': torch.isfinite, 'logical_not': torch.logical_not,
    'bitwise_not': torch.bitwise_not,
}
for name, grid in INT_GRIDS.items():
    x = torch.tensor(grid, dtype=getattr(torch, name))
    out[f'intunary.input.{name}'] = x
    for op, f in INT_UNARY.items():
        out[f'intunary.{op}.{name}'] = f(x)
xb = torch.tensor([True, False, True])
out['boolunary.input'] = xb
for op in ('sign', 'square', 'exp', 'sqrt', 'logical_not', 'bitwise_not', 'isfinite', 'isnan'):
    out[f'boolunary.{op}'] = getattr(torch, op)(xb)

# ---- binary over all pairs of a grid; a is [n, 1], b is [n] ----
BIN_GRID = [-inf, -7.5, -3.0, -2.0, -0.5, -0.0, 0.0, 0.5, 2.0, 3.0, 7.5, inf, nan]
BINARY = {
    'add': torch.add, 'sub': torch.sub, 'mul': torch.mul, 'div': torch.div,
    'div_trunc': lambda a, b: torch.div(a, b, rounding_mode='trunc'),
    'div_floor': lambda a, b: torch.div(a, b, rounding_mode='floor'),
    'remainder': torch.remainder, 'fmod': torch.fmod, 'pow': torch.pow, 'atan2': torch.atan2,
    'maximum': torch.maximum, 'minimum': torch.minimum, 'eq': torch.eq, 'ne': torch.ne, 'lt': torch.lt,
    'le': torch.le, 'gt': torch.gt, 'ge': torch.ge, 'logical_and': torch.logical_and,
    'logical_or': torch.logical_or, 'logical_xor': torch.logical_xor,
}
for dt in (torch.float32, torch.float64):
    name = str(dt).replace('torch.', '')
    a = torch.tensor(BIN_GRID, dtype=dt).reshape(-1, 1)
    b = torch.tensor(BIN_GRID, dtype=dt)
    out[f'binary.a.{name}'] = a
    out[f'binary.b.{name}'] = b
    for op, f in BINARY.items():
        out[f'binary.{op}.{name}'] = f(a, b)

INT_A = [-7, -3, -2, -1, 0, 1, 2, 3, 7, 100]
INT_B = [-7, -3, -2, -1, 1, 2, 3, 7, 100]          # no zero: integer division throws on zero
INT_EXP = [-3, -2, -1, 0, 1, 2, 3, 5, 13]
INT_SHIFT = [-1, 0, 1, 3, 31, 62, 63, 64, 70]
INT_BINARY = dict(BINARY)
for k in ('atan2', 'pow'):
    INT_BINARY.pop(k)
INT_BINARY.update({'bitwise_and': torch.bitwise_and, 'bitwise_or': torch.bitwise_or,
                   'bitwise_xor': torch.bitwise_xor, 'atan2': torch.atan2})
for name in ('int64', 'int32'):
    dt = getattr(torch, name)
    a = torch.tensor(INT_A, dtype=dt).reshape(-1, 1)
    b = torch.tensor(INT_B, dtype=dt)
    out[f'intbinary.a.{name}'] = a
    out[f'intbinary.b.{name}'] = b
    for op, f in INT_BINARY.items():
        out[f'intbinary.{op}.{name}'] = f(a, b)
    e = torch.tensor(INT_EXP, dtype=dt)
    out[f'intbinary.exp.{name}'] = e
    out[f'intbinary.pow.{name}'] = torch.pow(a, e)
    s = torch.tensor(INT_SHIFT, dtype=dt)
    out[f'intbinary.shift.{name}'] = s
    out[f'intbinary.lshift.{name}'] = torch.bitwise_left_shift(a, s)
    out[f'intbinary.rshift.{name}'] = torch.bitwise_right_shift(a, s)

# Wrap-around on narrow types.
i8a = torch.tensor([100, -128, 127, -1, 64], dtype=torch.int8)
i8b = torch.tensor([2, -1, 3, 7, 2], dtype=torch.int8)
out['narrow.int8.a'], out['narrow.int8.b'] = i8a, i8b
out['narrow.int8.mul'] = i8a * i8b
out['narrow.int8.add'] = i8a + i8b
out['narrow.int8.sub'] = i8a - i8b
out['narrow.int8.pow'] = torch.pow(i8a, i8b.abs())
out['narrow.int8.div_floor'] = torch.div(i8a, i8b, rounding_mode='floor')
out['narrow.int8.remainder'] = torch.remainder(i8a, i8b)
out['narrow.int8.lshift'] = torch.bitwise_left_shift(i8a, i8b)
out['narrow.int8.rshift'] = torch.bitwise_right_shift(i8a, i8b)
u8a = torch.tensor([0, 200, 5, 255], dtype=torch.uint8)
u8b = torch.tensor([1, 100, 7, 2], dtype=torch.uint8)
out['narrow.uint8.a'], out['narrow.uint8.b'] = u8a, u8b
out['narrow.uint8.sub'] = u8a - u8b
out['narrow.uint8.mul'] = u8a * u8b
out['narrow.uint8.add'] = u8a + u8b
out['narrow.uint8.div_floor'] = torch.div(u8a, u8b, rounding_mode='floor')
out['narrow.uint8.remainder'] = torch.remainder(u8a, u8b)
out['narrow.uint8.rshift'] = torch.bitwise_right_shift(u8a, torch.tensor([1, 2, 9, 7], dtype=torch.uint8))
big = torch.tensor([-2**63, 2**62, -7], dtype=torch.int64)
out['narrow.int64.a'] = big
out['narrow.int64.div_floor_m1'] = torch.div(big, -1, rounding_mode='floor')
out['narrow.int64.remainder_m1'] = torch.remainder(big, -1)
out['narrow.int64.mul4'] = big * 4

ba = torch.tensor([True, True, False, False]).reshape(2, 2)
bb = torch.tensor([True, False])
out['boolbinary.a'], out['boolbinary.b'] = ba, bb
for op in ('add', 'mul', 'div', 'eq', 'ne', 'lt', 'ge', 'maximum', 'minimum', 'logical_and', 'logical_or',
           'logical_xor', 'bitwise_and', 'bitwise_or', 'bitwise_xor', 'atan2'):
    out[f'boolbinary.{op}'] = getattr(torch, op)(ba, bb)

# ---- type promotion: torch.result_type for every pair of dtypes and operand kinds ----
DTYPES = ['bool', 'uint8', 'int8', 'int16', 'int32', 'int64', 'float16', 'bfloat16', 'float32', 'float64']
promotion = {}
for x in DTYPES:
    tx = torch.ones(2, dtype=getattr(torch, x))
    zx = torch.ones((), dtype=getattr(torch, x))
    for y in DTYPES:
        ty = torch.ones(2, dtype=getattr(torch, y))
        zy = torch.ones((), dtype=getattr(torch, y))
        promotion[f'1d:{x},1d:{y}'] = str(torch.result_type(tx, ty)).replace('torch.', '')
        promotion[f'1d:{x},0d:{y}'] = str(torch.result_type(tx, zy)).replace('torch.', '')
        promotion[f'0d:{x},0d:{y}'] = str(torch.result_type(zx, zy)).replace('torch.', '')
    for label, s in (('int', 2), ('float', 2.5), ('bool', True)):
        promotion[f'1d:{x},scalar:{label}'] = str(torch.result_type(tx, s)).replace('torch.', '')
        promotion[f'0d:{x},scalar:{label}'] = str(torch.result_type(zx, s)).replace('torch.', '')
        promotion[f'div:1d:{x},scalar:{label}'] = str((tx / s).dtype).replace('torch.', '')
out['promotion'] = promotion

# ---- clamp ----
cx = torch.tensor([-3.0, -1.0, 0.0, 0.5, 2.0, 5.0, nan])
out['clamp.x'] = cx
out['clamp.both'] = torch.clamp(cx, -1.0, 2.5)
out['clamp.min'] = torch.clamp(cx, min=0.25)
out['clamp.max'] = torch.clamp(cx, max=0.25)
out['clamp.inverted'] = torch.clamp(cx, 2.0, -1.0)
out['clamp.nanmin'] = torch.clamp(cx, min=nan)
cm = torch.tensor([[0.0], [1.0]])
cM = torch.tensor([0.5, 1.5, 2.0, 2.0, 3.0, 4.0, 4.0])
out['clamp.tmin'], out['clamp.tmax'] = cm, cM
out['clamp.tensors'] = torch.clamp(cx, min=cm, max=cM)
ci = torch.tensor([-5, 0, 3, 9])
out['clamp.int'] = ci
out['clamp.int_scalar'] = torch.clamp(ci, 0, 4)
out['clamp.int_float_bound'] = torch.clamp(ci, min=0.5)

# ---- in-place with mixed dtypes ----
f32 = torch.tensor([1.5, -2.25, 3.0])
out['inplace.f32'] = f32
out['inplace.f32_mul_f64'] = f32.clone().mul_(torch.tensor([1.0 / 3.0] * 3, dtype=torch.float64))
out['inplace.f32_div_int'] = f32.clone().div_(torch.tensor([2, -4, 3]))
i64 = torch.tensor([-7, 7, 9])
out['inplace.i64'] = i64
out['inplace.i64_div_floor'] = i64.clone().div_(torch.tensor([2, 2, -4]), rounding_mode='floor')
out['inplace.i64_mul_bool'] = i64.clone().mul_(torch.tensor([True, False, True]))
out['inplace.i64_eq'] = i64.clone().eq_(7)
out['inplace.i64_logical_and'] = i64.clone().logical_and_(torch.tensor([0.0, 1.0, nan]))
out['inplace.i64_pow'] = i64.clone().pow_(3)
h = torch.tensor([1.5, -2.5, 4.0], dtype=torch.float16)
out['inplace.f16'] = h
out['inplace.f16_mul'] = h.clone().mul_(3)
out['inplace.f16_exp'] = h.clone().exp_()

# ---- PyTorch's error messages ----
def message(f):
    try:
        f()
    except Exception as e:
        return str(e).split('\n')[0]
    raise AssertionError('expected an error')

i = torch.tensor([1, 2, 3])
fl = torch.tensor([1.0, 2.0, 3.0])
bo = torch.tensor([True, False, True])
out['errors'] = {
    'div_int_inplace': message(lambda: i.clone().div_(2)),
    'mul_float_into_int': message(lambda: i.clone().mul_(2.5)),
    'exp_int_inplace': message(lambda: i.clone().exp_()),
    'mul_int_into_bool': message(lambda: bo.clone().mul_(2)),
    'zero_division_floor': message(lambda: torch.div(i, 0, rounding_mode='floor')),
    'zero_division_remainder': message(lambda: torch.remainder(i, 0)),
    'bad_rounding_mode': message(lambda: torch.div(i, 2, rounding_mode='round')),
    'negative_int_power': message(lambda: i ** -1),
    'bitwise_float': message(lambda: torch.bitwise_and(fl, fl)),
    'bitwise_int_float': message(lambda: torch.bitwise_or(i, fl)),
    'bitwise_not_float': message(lambda: torch.bitwise_not(fl)),
    'lshift_bool': message(lambda: torch.bitwise_left_shift(bo, bo)),
    'neg_bool': message(lambda: -bo),
    'abs_bool': message(lambda: torch.abs(bo)),
    'relu_bool': message(lambda: torch.relu(bo)),
    'sub_bool': message(lambda: bo - bo),
    'frac_int': message(lambda: torch.frac(i)),
    'pow_bool': message(lambda: bo ** bo),
    'remainder_bool': message(lambda: torch.remainder(bo, bo)),
    'clamp_none': message(lambda: torch.clamp(fl)),
    'broadcast_inplace': message(lambda: torch.ones(1).mul_(torch.ones(2))),
    'alpha_float_int': message(lambda: torch.add(i, i, alpha=2.5)),
    'square_bool_inplace': message(lambda: bo.clone().square_()),
}

fixture_util.write('elementwise', out)
