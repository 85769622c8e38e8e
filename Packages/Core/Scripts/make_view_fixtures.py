"""Fixtures for the view operators and basic indexing (Tests/EmberCoreTests/ViewTests.swift,
SubscriptTests.swift): what PyTorch's views of ramp data report (shape, strides, storage offset,
values), what assignments through subscripts leave behind, and PyTorch's error messages.

Every base tensor is `arange(storage)` viewed with an explicit geometry, so the Swift tests can
build exactly the same tensors without Ember's own view operators. Run from the repository root:
    /work/torchvenv/bin/python Packages/Core/Scripts/make_view_fixtures.py
"""
import torch
import fixture_util

aten = torch.ops.aten

# name: (storage size, shape, strides, storage offset)
BASES = {
    'A': (24, [2, 3, 4], [12, 4, 1], 0),
    'AT': (24, [4, 3, 2], [1, 4, 12], 0),    # A.transpose(0, 2)
    'S': (24, [2, 2, 2], [12, 4, 2], 4),     # A[:, 1:, ::2]
    'M': (12, [3, 4], [4, 1], 0),
    'MT': (12, [4, 3], [1, 4], 0),           # M.t()
    'Z': (8, [], [], 7),                     # arange(8)[7], a 0-d view
    'V': (10, [10], [1], 0),
    'V5': (5, [5], [1], 0),
    'C': (3, [3, 1], [1, 1], 0),
    'O': (4, [1, 4], [4, 1], 0),
    'R': (6, [2, 1, 3, 1], [3, 3, 1, 1], 0),
    'Q': (6, [1, 2, 1, 3], [6, 3, 3, 1], 0),
    'E': (0, [0, 2], [2, 1], 0),
    'Q3': (9, [3, 3], [3, 1], 0),
}


def base(name):
    size, shape, stride, offset = BASES[name]
    return torch.arange(size, dtype=torch.float64).as_strided(shape, stride, offset)


A, AT, S, M, MT, Z, V, V5, C, O, R, Q, E, Q3 = (base(n) for n in BASES)

VIEWS = {
    'view_A': lambda: A.view(4, 6),
    'view_A_infer': lambda: A.view(-1, 4),
    'view_AT_split': lambda: AT.view(2, 2, 3, 2),
    'view_MT_unsqueezed': lambda: MT.view(4, 1, 3),
    'view_S_merge': lambda: S.view(2, 4),
    'view_Z_1': lambda: Z.view(1),
    'view_O_0d': lambda: O[:, :1].view([]),
    'view_E': lambda: E.view(2, 0, 5),
    'reshape_A': lambda: A.reshape(6, 4),
    'reshape_AT_copy': lambda: AT.reshape(-1),
    'reshape_S_copy': lambda: S.reshape(8),
    'as_strided_A': lambda: A.as_strided((3, 2), (1, 4), 2),
    'as_strided_S': lambda: S.as_strided((2, 2), (2, 0)),
    'alias_S': lambda: aten.alias(S),
    'permute_A': lambda: A.permute(2, 0, 1),
    'permute_AT': lambda: AT.permute(1, -1, 0),
    'transpose_A': lambda: A.transpose(0, -1),
    'transpose_S': lambda: S.transpose(1, 2),
    't_M': lambda: M.t(),
    't_MT': lambda: MT.t(),
    't_V5': lambda: V5.t(),
    'movedim_A': lambda: A.movedim(0, -1),
    'movedim_A_list': lambda: A.movedim([0, 1], [2, 0]),
    'squeeze_R': lambda: R.squeeze(),
    'squeeze_R_dim': lambda: R.squeeze(1),
    'squeeze_Q_dims': lambda: Q.squeeze([0, 1, 2]),
    'squeeze_A_noop': lambda: A.squeeze(0),
    'unsqueeze_A_0': lambda: A.unsqueeze(0),
    'unsqueeze_A_last': lambda: A.unsqueeze(-1),
    'unsqueeze_AT_1': lambda: AT.unsqueeze(1),
    'unsqueeze_MT_0': lambda: MT.unsqueeze(0),
    'expand_C': lambda: C.expand(2, 3, 4),
    'expand_O_keep': lambda: O.expand(3, -1),
    'expand_S': lambda: S[:, :1].expand(3, 2, 5, 2),
    'expand_Z': lambda: Z.expand(2, 3),
    'expand_as_C': lambda: C.expand_as(M),
    'flatten_A': lambda: A.flatten(),
    'flatten_A_1': lambda: A.flatten(1),
    'flatten_AT_copy': lambda: AT.flatten(),
    'flatten_Z': lambda: Z.flatten(),
    'unflatten_A': lambda: A.unflatten(2, (2, 2)),
    'unflatten_MT': lambda: MT.unflatten(0, (2, -1)),
    'unflatten_MT_1': lambda: MT.unflatten(1, (3, 1)),
    'select_A': lambda: A.select(0, 1),
    'select_A_neg': lambda: A.select(-1, -2),
    'select_AT': lambda: AT.select(1, 2),
    'slice_A_step': lambda: aten.slice(A, 2, 1, None, 2),
    'slice_A_clamp': lambda: aten.slice(A, 1, -100, 100, 1),
    'slice_A_empty': lambda: aten.slice(A, 1, 2, 1, 1),
    'slice_AT': lambda: aten.slice(AT, 0, 1, -1, 2),
    'narrow_A': lambda: A.narrow(2, 1, 2),
    'narrow_A_neg': lambda: A.narrow(-1, -3, 2),
    'narrow_AT': lambda: AT.narrow(1, 0, 2),
    'diagonal_M': lambda: M.diagonal(),
    'diagonal_M_above': lambda: M.diagonal(1),
    'diagonal_M_below': lambda: M.diagonal(-1),
    'diagonal_M_far': lambda: M.diagonal(5),
    'diagonal_A': lambda: A.diagonal(0, 0, 2),
    'diagonal_A_swapped': lambda: A.diagonal(1, 2, 1),
    'diagonal_MT': lambda: MT.diagonal(-2),
    'unbind_A': lambda: A.unbind(1),
    'unbind_AT': lambda: AT.unbind(),
    'split_A': lambda: A.split(2, 2),
    'split_A_uneven': lambda: A.split(2, 1),
    'split_sizes_A': lambda: A.split([1, 0, 3], 2),
    'split_AT': lambda: AT.split(3),
    'chunk_V_4': lambda: V.chunk(4),
    'chunk_V_6': lambda: V.chunk(6),
    'chunk_V5_3': lambda: V5.chunk(3),
    'chunk_A': lambda: A.chunk(2, -1),
    'chunk_E': lambda: E.chunk(3),
    # Ember's clone always makes a contiguous copy (PyTorch's default keeps a dense layout).
    'clone_AT': lambda: AT.clone(memory_format=torch.contiguous_format),
    'contiguous_AT': lambda: AT.contiguous(),
    'contiguous_S': lambda: S.contiguous(),
    # Basic indexing.
    'index_A_1': lambda: A[1],
    'index_A_neg': lambda: A[-1, 2],
    'index_A_range': lambda: A[:, 1:3],
    'index_A_ellipsis': lambda: A[..., 1],
    'index_A_newaxis': lambda: A[None, 0, ::2],
    'index_A_tail': lambda: A[1:, ..., None],
    'index_A_mixed': lambda: A[0, :, 1::2],
    'index_A_upto': lambda: A[:2, -1],
    'index_AT': lambda: AT[1, :, 0],
    'index_A_last_ellipsis': lambda: A[-2:, ..., -1],
    'index_A_clamped': lambda: A[0:6:2],
    'index_M_from': lambda: M[1:],
    'index_M_upto': lambda: M[:2],
    'index_M_closed': lambda: M[1:3],
    'index_M_closed_end': lambda: M[-2:],
    'index_M_column': lambda: M[:, 0],
    'index_M_step': lambda: M[:, 0:6:2],
    'index_M_every': lambda: M[::2],
    'index_S': lambda: S[1, ..., 1:],
    'index_Z_none': lambda: Z[None],
}


def assigned(target, index, value):
    b = target.clone()
    b[index] = value
    return b


def through_transpose(value):
    b = M.clone()
    b.t()[1] = value
    return b


ASSIGNMENTS = {
    'set_row': lambda: assigned(M, 0, torch.tensor([10., 20., 30., 40.])),
    'set_column': lambda: assigned(M, (slice(None), 1), torch.tensor([7., 8., 9.])),
    'set_broadcast': lambda: assigned(M, (slice(1, None), slice(None, None, 2)), torch.tensor([100., 200.])),
    'set_leading_ones': lambda: assigned(M, 0, torch.full((1, 1, 4), 5.)),
    'set_scalar_tensor': lambda: assigned(A, (Ellipsis, -1), torch.tensor(-1.)),
    'set_newaxis': lambda: assigned(M, (None, 2), torch.tensor([[1., 2., 3., 4.]])),
    'set_through_transpose': lambda: through_transpose(torch.tensor([-1., -2., -3.])),
}


def geometry(t):
    return {'shape': list(t.shape), 'stride': list(t.stride()), 'offset': t.storage_offset(),
            'data': t.reshape(-1).tolist()}


def describe(result):
    if isinstance(result, (tuple, list)):
        return [geometry(t) for t in result]
    return geometry(result)


ERRORS = {
    'view_incompatible': lambda: AT.view(-1),
    'view_invalid_size': lambda: A.view(5, 5),
    'view_two_inferred': lambda: A.view(-1, -1),
    'view_negative': lambda: A.view(-2, 12),
    'view_ambiguous': lambda: E.view(-1, 0),
    'reshape_invalid': lambda: A.reshape(7, -1),
    'permute_duplicate': lambda: A.permute(0, 0, 1),
    'transpose_dim': lambda: A.transpose(0, 3),
    't_3d': lambda: A.t(),
    'expand_mismatch': lambda: A.expand(3, 3, 4),
    'expand_leading_infer': lambda: M.expand(-1, 3, 4),
    'select_range': lambda: A.select(1, 3),
    'select_0d': lambda: Z.select(0, 0),
    'slice_step': lambda: aten.slice(A, 0, 0, 2, 0),
    'slice_0d': lambda: aten.slice(Z, 0, 0, 1, 1),
    'narrow_exceeds': lambda: A.narrow(2, 3, 2),
    'narrow_start': lambda: A.narrow(2, -5, 1),
    'narrow_length': lambda: A.narrow(0, 0, -1),
    'narrow_0d': lambda: Z.narrow(0, 0, 1),
    'diagonal_same': lambda: M.diagonal(0, 1, -1),
    'diagonal_dim': lambda: M.diagonal(0, 0, 2),
    'diagonal_0d': lambda: Z.diagonal(),
    'squeeze_duplicate': lambda: A.squeeze([1, -2]),
    'unsqueeze_dim': lambda: A.unsqueeze(4),
    'flatten_order': lambda: A.flatten(2, 1),
    'unflatten_product': lambda: A.unflatten(1, (2, 2)),
    'unflatten_empty': lambda: A.unflatten(1, ()),
    'split_zero': lambda: A.split(0),
    'split_negative': lambda: A.split(-1),
    'split_0d': lambda: Z.split(1),
    'split_sizes_sum': lambda: A.split([1, 1], 1),
    'split_sizes_negative': lambda: A.split([4, -1], 1),
    'chunk_zero': lambda: A.chunk(0),
    'chunk_0d': lambda: Z.chunk(1),
    'unbind_0d': lambda: Z.unbind(),
    'movedim_lengths': lambda: A.movedim([0, 1], [0]),
    'movedim_source': lambda: A.movedim([0, 0], [1, 2]),
    'movedim_destination': lambda: A.movedim([0, 1], [2, -1]),
    'as_strided_bounds': lambda: M.as_strided((3, 3), (4, 2), 1),
    'as_strided_negative': lambda: M.as_strided((2, 2), (-1, 1)),
    'as_strided_lengths': lambda: M.as_strided((2, 2), (1,)),
    'as_strided_offset': lambda: M.as_strided((2, 2), (1, 1), -1),
    'copy_internal_overlap': lambda: O.expand(3, 4).copy_(M),
    'copy_partial_overlap': lambda: V[1:].copy_(V[:-1]),
    'copy_transposed_overlap': lambda: Q3.copy_(Q3.t()),
    'copy_shape': lambda: M.clone().copy_(M.view(1, 3, 4)),
    'index_out_of_bounds': lambda: M[5],
    'index_out_of_bounds_dim1': lambda: M[0, -5],
    'index_after_newaxis': lambda: M[None, 7],
    'index_after_ellipsis': lambda: A[..., 4],
    'index_too_many': lambda: M[0, 0, 0],
    'index_0d': lambda: Z[0],
    'index_0d_slice': lambda: Z[0:1],
    'index_step_zero': lambda: M[::0],
    'index_step_negative': lambda: M[::-1],
}


def message(name, f):
    try:
        f()
    except (RuntimeError, IndexError, ValueError) as e:
        return str(e).split('\n')[0]
    raise AssertionError(f'{name}: expected an error')


def main():
    torch.set_printoptions(precision=10)
    fixture_util.write('views', {
        'bases': {k: {'storage': s, 'shape': sh, 'stride': st, 'offset': o}
                  for k, (s, sh, st, o) in BASES.items()},
        'views': {k: describe(f()) for k, f in VIEWS.items()},
        'assignments': {k: describe(f()) for k, f in ASSIGNMENTS.items()},
        'errors': {k: message(k, f) for k, f in ERRORS.items()},
    })


if __name__ == '__main__':
    main()
