"""Writes Fixtures/indexing.json: PyTorch's results for Core's copying and indexing operators
(cat, stack, repeat, flip, roll, index_select, gather, scatter, scatter_add, masked_fill,
masked_select, where, nonzero, sort, argsort, topk).

Run from the repository root with a Python that has torch:
    python Packages/Core/Scripts/make_indexing_fixtures.py

Inputs named `*_t` are stored contiguous; the Swift tests transpose them (a non-contiguous
view) before calling the operator, as the script does here with `.t()`."""
import torch
from fixture_util import write

torch.manual_seed(0)
DTYPES = ['float32', 'float64', 'int64', 'bool']
out = {}


def make(shape, dtype):
    """Random values: floats from randn rounded to quarters (ties possible), small ints, bools."""
    if dtype == 'bool':
        return torch.randint(0, 2, shape).bool()
    if dtype == 'int64':
        return torch.randint(-5, 6, shape)
    return (torch.randn(shape) * 4).round().div(4).to(getattr(torch, dtype))


def distinct(shape, dtype):
    """A random permutation of distinct values (no ties), for topk."""
    n = 1
    for s in shape:
        n *= s
    return (torch.randperm(n) - n // 2).reshape(shape).to(getattr(torch, dtype))


for name in DTYPES:
    p = name + '_'
    a, b = make((2, 3), name), make((1, 3), name)
    c_t = make((4, 2), name)  # transposed: [2, 4]
    out.update({p + 'cat_a': a, p + 'cat_b': b, p + 'cat_c_t': c_t,
                p + 'cat_ab0': torch.cat([a, b], 0),
                p + 'cat_act1': torch.cat([a, c_t.t()], -1),
                p + 'cat_legacy': torch.cat([a, torch.tensor([], dtype=a.dtype), a], 1)})

    s_t = make((3, 2), name)
    out.update({p + 'stack_t': s_t,
                p + 'stack0': torch.stack([a, s_t.t()], 0),
                p + 'stack1': torch.stack([a, s_t.t(), a], 1),
                p + 'stack2': torch.stack([a, s_t.t()], -1)})

    r_t = make((3, 2), name)
    out.update({p + 'repeat_t': r_t,
                p + 'repeat_213': r_t.t().repeat(2, 1, 3),
                p + 'repeat_12': a.repeat(1, 2)})

    f = make((2, 3, 4), name)
    f_t = make((4, 3), name)
    out.update({p + 'flip_x': f, p + 'flip_02': f.flip(0, 2), p + 'flip_m1': f.flip(-1),
                p + 'flip_t': f_t, p + 'flip_t01': f_t.t().flip(0, 1)})

    out.update({p + 'roll_flat': f_t.t().roll(5), p + 'roll_01': f.roll([1, -2], [0, 2]),
                p + 'roll_big': f.roll([7, 3, 1], [1, 1, -1]), p + 'roll_t': f_t.t().roll(-1, 1)})

    x = make((3, 4), name)
    x_t = make((4, 3), name)
    i1 = torch.tensor([2, 0, 2, 1])
    out.update({p + 'x': x, p + 'x_t': x_t,
                p + 'index_select0': x.index_select(0, i1),
                p + 'index_select1': x.index_select(1, i1),
                p + 'index_select_t': x_t.t().index_select(1, torch.tensor([1, 1]))})

    gi = torch.tensor([[3, 0], [1, 1], [0, 2]])
    gi0 = torch.tensor([[2, 0, 1, 1], [0, 0, 2, 1]])
    out.update({p + 'gather1': x.gather(1, gi), p + 'gather0': x.gather(0, gi0),
                p + 'gather_t': x_t.t().gather(1, gi)})

    src = make((3, 4), name)
    si0 = torch.tensor([[1, 0, 2, 1], [2, 1, 0, 0]])  # no repeats within a column
    si1 = torch.tensor([[3, 0], [1, 2], [0, 3]])
    sa1 = torch.tensor([[3, 3, 0], [1, 1, 1], [0, 2, 0]])  # repeats: accumulate
    out.update({p + 'src': src,
                p + 'scatter0': x.scatter(0, si0, src),
                p + 'scatter1': x.scatter(1, si1, src),
                p + 'scatter_t': x_t.t().scatter(1, si1, src),
                p + 'scatter_add1': x.scatter_add(1, sa1, src),
                p + 'scatter_add_t': x_t.t().scatter_add(1, sa1, src)})

    mask = torch.tensor([True, False, True, True])
    mask2 = torch.tensor([[True], [False], [True]])
    out.update({p + 'masked_fill': x.masked_fill(mask, 2.5),
                p + 'masked_fill_bcast': torch.ones(4, dtype=x.dtype).masked_fill(mask2, -3),
                p + 'masked_fill_t': x_t.t().masked_fill(mask, 7),
                p + 'masked_select': x.masked_select(mask),
                p + 'masked_select_bcast': x[0].masked_select(mask2),
                p + 'masked_select_t': x_t.t().masked_select(mask)})

    cond = torch.tensor([[True, False, False, True], [False, True, True, False], [True, True, False, False]])
    y = make((4,), name)
    out.update({p + 'y': y, p + 'cond': cond,
                p + 'where': torch.where(cond, x, y),
                p + 'where_t': torch.where(cond, x_t.t(), y),
                p + 'nonzero': f.nonzero(), p + 'nonzero_t': x_t.t().nonzero()})

    srt = make((3, 6), name)
    for desc in (False, True):
        d = 'desc' if desc else 'asc'
        v, i = srt.sort(dim=-1, descending=desc, stable=True)
        v0, i0 = srt.sort(dim=0, descending=desc, stable=True)
        vt, it = x_t.t().sort(dim=1, descending=desc, stable=True)
        out.update({p + 'sort_x': srt, f'{p}sort_{d}_v': v, f'{p}sort_{d}_i': i,
                    f'{p}sort0_{d}_v': v0, f'{p}sort0_{d}_i': i0,
                    f'{p}sort_t_{d}_v': vt, f'{p}sort_t_{d}_i': it,
                    f'{p}argsort_{d}': srt.argsort(dim=-1, descending=desc, stable=True)})

    if name != 'bool':
        tk = distinct((4, 5), name)
        tk_t = distinct((5, 4), name)
        v, i = tk.topk(3)
        vs, is_ = tk.topk(2, dim=0, largest=False)
        vt, it = tk_t.t().topk(2, dim=1)
        out.update({p + 'topk_x': tk, p + 'topk_x_t': tk_t, p + 'topk_v': v, p + 'topk_i': i,
                    p + 'topk_small_v': vs, p + 'topk_small_i': is_, p + 'topk_t_v': vt, p + 'topk_t_i': it})

# Promotion and NaN handling.
nan = float('nan')
sn = torch.tensor([3., nan, 1., -0., nan, -float('inf'), 1., 0.])
v, i = sn.sort(stable=True)
vd, id_ = sn.sort(descending=True, stable=True)
tv, ti = sn.topk(3)
out.update({
    'nan_x': sn, 'nan_asc_v': v, 'nan_asc_i': i, 'nan_desc_v': vd, 'nan_desc_i': id_,
    'nan_topk_v': tv, 'nan_topk_i': ti,
    'promote_cat': torch.cat([torch.tensor([1, 2]), torch.tensor([1.5]), torch.tensor([], dtype=torch.float64)]),
    'promote_stack': torch.stack([torch.tensor([1, 2]), torch.tensor([True, False])]),
    'promote_where': torch.where(torch.tensor([True, False, True]), torch.tensor([1, 2, 3]), 2.5),
    'nonzero_nan': torch.tensor([0., -0., nan, 1.]).nonzero(),
})
write('indexing', out)
