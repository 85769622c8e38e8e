"""Writes the .npy/.npz fixtures that the NumPy reader and writer are tested against.

    python Packages/Core/Scripts/make_npy_fixtures.py
        writes Tests/EmberCoreTests/Fixtures/npy/*.npy|*.npz (with NumPy) and Fixtures/npy.json
        (each file's expected dtype, shape and values).
    python Packages/Core/Scripts/make_npy_fixtures.py --verify DIR
        checks, with NumPy, the files Ember wrote into DIR (run the Swift tests with
        EMBER_NPY_EXPORT_DIR=DIR first): each NAME.npy / NAME.npz must hold the values of
        the fixture with the same name.
"""
import io, os, struct, sys, zlib
import numpy as np
import torch
sys.path.insert(0, os.path.dirname(__file__))
import fixture_util

OUT = os.path.join(fixture_util.FIXTURES, 'npy')


def arrays():
    """name -> array; every file written from these is tiny."""
    a = {}
    a['bool'] = np.array([[True, False, True], [False, False, True]])
    a['uint8'] = np.array([[0, 1, 255], [7, 128, 42]], dtype=np.uint8)
    a['int8'] = np.array([[-128, -1, 0], [1, 64, 127]], dtype=np.int8)
    a['int16'] = np.array([[-32768, -2, 0], [3, 1000, 32767]], dtype=np.int16)
    a['int32'] = np.array([[-2**31, -5, 0], [6, 70000, 2**31 - 1]], dtype=np.int32)
    a['int64'] = np.array([[-2**63, -9, 0], [2**53 + 1, 2**40, 2**63 - 1]], dtype=np.int64)
    a['float16'] = np.array([[-1.5, 0.0, 65504.0], [6.1e-5, np.inf, np.nan]], dtype=np.float16)
    a['float32'] = np.array([[-1.25, 0.0, 3.4e38], [1e-30, -np.inf, np.nan]], dtype=np.float32)
    a['float64'] = np.array([[-1.25, 0.1, 1.7e308], [5e-324, np.inf, np.nan]], dtype=np.float64)
    a['fortran_f32'] = np.asfortranarray(np.arange(6, dtype=np.float32).reshape(2, 3))
    a['fortran_i16_3d'] = np.asfortranarray(np.arange(24, dtype=np.int16).reshape(2, 3, 4))
    a['big_f4'] = np.array([[1.5, -2.0], [3.25, 1e10]], dtype='>f4')
    a['big_f8'] = np.array([1.5, -2.0, np.pi], dtype='>f8')
    a['big_f2'] = np.array([1.5, -2.0, 0.1], dtype='>f2')
    a['big_i2'] = np.array([1, -2, 300], dtype='>i2')
    a['big_i4'] = np.array([1, -2, 70000], dtype='>i4')
    a['big_i8'] = np.array([1, -2, 2**40], dtype='>i8')
    a['scalar_f64'] = np.array(3.5)
    a['scalar_i32'] = np.array(-7, dtype=np.int32)
    a['empty_f32'] = np.zeros((0,), dtype=np.float32)
    a['empty_2x0_i64'] = np.zeros((2, 0), dtype=np.int64)
    a['vector_f32'] = np.array([1.0, 2.0, 3.0, 4.0, 5.0], dtype=np.float32)
    a['cube_f64'] = np.arange(24, dtype=np.float64).reshape(2, 3, 4) / 8
    return a


def native(x):
    x = np.asarray(x)
    return x.astype(x.dtype.newbyteorder('=')) if x.dtype.byteorder == '>' else x


def write_fixtures():
    os.makedirs(OUT, exist_ok=True)
    a = arrays()
    for name, x in a.items():
        np.save(os.path.join(OUT, name + '.npy'), x)
    with open(os.path.join(OUT, 'v2_f32.npy'), 'wb') as f:
        np.lib.format.write_array(f, a['float32'], version=(2, 0))
    with open(os.path.join(OUT, 'v3_i32.npy'), 'wb') as f:
        np.lib.format.write_array(f, a['int32'], version=(3, 0))
    # Dtypes Ember cannot hold, for the error messages.
    np.save(os.path.join(OUT, 'complex64.npy'), np.array([1 + 2j], dtype=np.complex64))
    np.save(os.path.join(OUT, 'uint16.npy'), np.array([1, 2], dtype=np.uint16))
    np.save(os.path.join(OUT, 'object.npy'), np.array([None, 'x'], dtype=object), allow_pickle=True)
    np.save(os.path.join(OUT, 'structured.npy'), np.zeros(2, dtype=[('x', '<f4'), ('y', '<i4')]))
    # Archives: member order is the keyword order.
    np.savez(os.path.join(OUT, 'stored.npz'), weight=a['float32'], bias=a['vector_f32'], step=a['scalar_i32'])
    np.savez_compressed(os.path.join(OUT, 'compressed.npz'), weight=a['float32'], mask=a['bool'], big=a['big_i8'],
                        fortran=a['fortran_f32'])
    np.savez(os.path.join(OUT, 'positional.npz'), a['int8'], a['empty_f32'])

    write_zip64(os.path.join(OUT, 'zip64.npz'), 'vector_f32.npy', a['vector_f32'])

    expected = {name: torch.from_numpy(native(x).copy()) for name, x in a.items()}
    fixture_util.write('npy', expected)


def write_zip64(path, member, array):
    """An archive whose central directory uses ZIP64 records throughout (sizes, offset and
    the end record), as writers do for archives over 4 GiB; checked with zipfile and NumPy."""
    buf = io.BytesIO()
    np.save(buf, array)
    data = buf.getvalue()
    name = member.encode()
    crc = zlib.crc32(data)
    local = struct.pack('<IHHHHHIIIHH', 0x04034b50, 45, 0, 0, 0, 0x21, crc, len(data), len(data), len(name), 0)
    extra = struct.pack('<HHQQQ', 1, 24, len(data), len(data), 0)
    central = struct.pack('<IHHHHHHIIIHHHHHII', 0x02014b50, 0x032d, 45, 0, 0, 0, 0x21, crc, 0xFFFFFFFF, 0xFFFFFFFF,
                          len(name), len(extra), 0, 0, 0, 0o100644 << 16, 0xFFFFFFFF) + name + extra
    cd_offset = len(local) + len(name) + len(data)
    end64_offset = cd_offset + len(central)
    end64 = struct.pack('<IQHHIIQQQQ', 0x06064b50, 44, 45, 45, 0, 0, 1, 1, len(central), cd_offset)
    locator = struct.pack('<IIQI', 0x07064b50, 0, end64_offset, 1)
    end = struct.pack('<IHHHHIIH', 0x06054b50, 0, 0, 0xFFFF, 0xFFFF, 0xFFFFFFFF, 0xFFFFFFFF, 0)
    with open(path, 'wb') as f:
        f.write(local + name + data + central + end64 + locator + end)
    with np.load(path) as z:
        assert z.files == [member[:-4]] and np.array_equal(z[member[:-4]], array)


def verify(folder):
    """Loads what Ember wrote into `folder` with NumPy and compares it with the fixtures."""
    a = arrays()
    checked = 0
    for file in sorted(os.listdir(folder)):
        path = os.path.join(folder, file)
        if file.endswith('.npy'):
            pairs = [(file[:-4], np.load(path))]
        elif file.endswith('.npz'):
            with np.load(path) as z:
                pairs = [(k, z[k]) for k in z.files]
        else:
            continue
        for name, got in pairs:
            want = a[name]
            assert got.dtype == native(want).dtype, (file, name, got.dtype, want.dtype)
            assert got.shape == want.shape, (file, name, got.shape, want.shape)
            assert np.array_equal(got, want, equal_nan=got.dtype.kind == 'f'), (file, name, got, want)
            checked += 1
    print(f'numpy read {checked} arrays written by Ember in {folder}: all match')


if __name__ == '__main__':
    if len(sys.argv) == 3 and sys.argv[1] == '--verify':
        verify(sys.argv[2])
    else:
        write_fixtures()
