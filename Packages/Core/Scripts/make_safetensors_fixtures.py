"""Writes the .safetensors fixtures that Ember's reader and writer are tested against.

    python Packages/Core/Scripts/make_safetensors_fixtures.py
        (a Python with torch and safetensors: `pip install safetensors`) writes
        Tests/EmberCoreTests/Fixtures/safetensors/*.safetensors with
        `safetensors.torch.save_file`, and Fixtures/safetensors.json: for each file the tensor
        names in file order and the metadata (key "<file>"), and each tensor's dtype, shape
        and values (key "<file>/<tensor>").
    python Packages/Core/Scripts/make_safetensors_fixtures.py --verify DIR
        checks, with Python's safetensors, the files Ember wrote into DIR (run the Swift tests
        with EMBER_SAFETENSORS_EXPORT_DIR=DIR first): each NAME.safetensors must hold the
        tensors and metadata of FILES[NAME] (or of `multi_metadata`: all_dtypes with three
        metadata keys).

Metadata has at most one key per file: the safetensors crate writes metadata keys in hash
order, which changes from run to run, so only one-key metadata has a reproducible layout.
"""
import json, os, struct, sys
import torch
from safetensors.torch import save_file
sys.path.insert(0, os.path.dirname(__file__))
import fixture_util

OUT = os.path.join(fixture_util.FIXTURES, 'safetensors')


def all_dtypes():
    """One 2x3 tensor per Ember dtype, with each type's extremes; names sort differently
    from the layout order (by dtype), so the file shows the writer's ordering."""
    f = [[-1.25, 0.0, 1.5], [1e-3, float('inf'), float('nan')]]
    return {
        'float64': torch.tensor([[-1.25, 0.1, 1.7e308], [5e-324, float('inf'), float('nan')]], dtype=torch.float64),
        'float32': torch.tensor([[-1.25, 0.0, 3.4e38], [1e-30, float('-inf'), float('nan')]], dtype=torch.float32),
        'float16': torch.tensor([[-1.5, 0.0, 65504.0], [6.1e-5, float('inf'), float('nan')]], dtype=torch.float16),
        'bfloat16': torch.tensor([[-1.5, 0.0, 3.0e38], [1e-3, float('-inf'), float('nan')]], dtype=torch.bfloat16),
        'int64': torch.tensor([[-2**63, -9, 0], [2**53 + 1, 2**40, 2**63 - 1]], dtype=torch.int64),
        'int32': torch.tensor([[-2**31, -5, 0], [6, 70000, 2**31 - 1]], dtype=torch.int32),
        'int16': torch.tensor([[-32768, -2, 0], [3, 1000, 32767]], dtype=torch.int16),
        'int8': torch.tensor([[-128, -1, 0], [1, 64, 127]], dtype=torch.int8),
        'uint8': torch.tensor([[0, 1, 255], [7, 128, 42]], dtype=torch.uint8),
        'bool': torch.tensor([[True, False, True], [False, False, True]]),
    }


def special():
    """A 0-d tensor, empty tensors, a non-ASCII name, names tied on dtype; `transposed` is
    what Ember writes from a non-contiguous view (Python's writer needs contiguous input)."""
    return {
        'scalar': torch.tensor(3.5, dtype=torch.float64),
        'empty': torch.zeros(0, 3, dtype=torch.float32),
        'empty_i64': torch.zeros(2, 0, dtype=torch.int64),
        'ünïcode.wéight': torch.tensor([1.0, -2.0], dtype=torch.float32),
        'b_same': torch.tensor([3.0], dtype=torch.float32),
        'a_same': torch.tensor([4.0], dtype=torch.float32),
        'transposed': torch.arange(6, dtype=torch.int16).reshape(2, 3).t().contiguous(),
    }


FILES = {
    # name: (tensors, metadata)
    'all_dtypes': (all_dtypes(), {'format': 'pt'}),
    # What NumPy (.npz) can hold too: the CLI converts it to .npz and back.
    'numpy_dtypes': ({k: v for k, v in all_dtypes().items() if k != 'bfloat16'}, {'format': 'pt'}),
    'special': (special(), {'note': 'quote" backslash\\ newline\n tab\t \x01 é ✓ /'}),
    'no_metadata': ({'weight': torch.tensor([[0.5, -1.0], [2.0, 4.0]])}, None),
    'empty_metadata': ({'bias': torch.tensor([1, 2, 3], dtype=torch.int32)}, {}),
    'no_tensors': ({}, {'format': 'pt'}),
}


def file_order(path):
    """The tensor names in the order of their data."""
    with open(path, 'rb') as f:
        n = struct.unpack('<Q', f.read(8))[0]
        header = json.loads(f.read(n))
    header.pop('__metadata__', None)
    return sorted(header, key=lambda k: tuple(header[k]['data_offsets']))


def main():
    os.makedirs(OUT, exist_ok=True)
    entries = {}
    for name, (tensors, metadata) in FILES.items():
        path = os.path.join(OUT, name + '.safetensors')
        save_file(tensors, path, metadata=metadata)
        entries[name] = {'names': file_order(path), 'metadata': metadata}
        for key, t in tensors.items():
            entries[name + '/' + key] = t
    fixture_util.write('safetensors', entries)


def verify(folder):
    """Loads what Ember wrote into `folder` with safetensors and compares it with FILES."""
    from safetensors import safe_open
    expected = dict(FILES, multi_metadata=(all_dtypes(), {'format': 'pt', 'b': '2', 'a': '1'}))
    checked = 0
    for file in sorted(os.listdir(folder)):
        if not file.endswith('.safetensors'):
            continue
        tensors, metadata = expected[file[:-len('.safetensors')]]
        with safe_open(os.path.join(folder, file), framework='pt') as f:
            assert f.metadata() == (metadata if metadata is not None else None), (file, f.metadata(), metadata)
            assert sorted(f.keys()) == sorted(tensors), (file, f.keys())
            for name in f.keys():
                got, want = f.get_tensor(name), tensors[name]
                assert got.dtype == want.dtype and got.shape == want.shape, (file, name, got, want)
                same = torch.equal(got, want) if not got.is_floating_point() else \
                    bool(((got == want) | (got.isnan() & want.isnan())).all())
                assert same, (file, name, got, want)
                checked += 1
    print(f'safetensors read {checked} tensors written by Ember in {folder}: all match')


if __name__ == '__main__':
    if len(sys.argv) == 3 and sys.argv[1] == '--verify':
        verify(sys.argv[2])
    else:
        main()
