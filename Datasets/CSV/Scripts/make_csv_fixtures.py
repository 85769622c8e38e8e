#!/usr/bin/env python3
"""Writes Tests/EmberCSVTests/Fixtures/decimals.json: decimal strings that are hard to round,
with the bits of Python's float() of each (correctly rounded, like strtod) and of NumPy's
float32 of that double (what pandas' read_csv(...).astype('float32') and
torch.tensor(float(s), dtype=torch.float32) give).

Run with any Python that has NumPy, e.g. /work/torchvenv/bin/python (tests never need Python):
    python Datasets/CSV/Scripts/make_csv_fixtures.py
"""
import json, os, random, struct

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, '..', 'Tests', 'EmberCSVTests', 'Fixtures', 'decimals.json')

HAND = [
    # plain
    '0', '-0', '0.0', '-0.0', '1', '-1', '0.1', '0.2', '0.3', '1.5', '3.14159', '2.718281828459045',
    '100', '1e10', '1E10', '1e+10', '1e-10', '.5', '5.', '-.5', '+1.25', '007', '1.0e-0002', '1e0005',
    # around 2^53 and 2^64
    '9007199254740992', '9007199254740993', '9007199254740995', '9007199254740993.0',
    '18446744073709551615', '18446744073709551616', '12345678901234567890123', '9999999999999999999',
    '99999999999999999999',
    # Clinger's limits and just beyond
    '1e22', '1e23', '8.98846567431158e307', '123e30', '9007199254740992e15', '9007199254740993e15', '1e37',
    '4.35679e-10', '1.2345678901234567e-22', '1.2345678901234567e-23',
    # overflow and underflow
    '1e308', '1.7976931348623157e308', '1.7976931348623158e308', '1.7976931348623159e308', '1e309', '-1e309',
    '2.2250738585072011e-308', '2.2250738585072014e-308', '2.225073858507201136057409796709131975934819546351645648e-308',
    '4.9e-324', '5e-324', '2.4703282292062327e-324', '2.4703282292062328e-324', '1e-400', '-1e-400',
    # halfway cases and long inputs
    '0.1000000000000000055511151231257827', '0.10000000000000000555111512312578270211815834045410156250001',
    '7.038531e-26', '3.141592653589793238462643383279502884197169399375105820974944',
    '0.000000000000000000000000000001', '1000000000000000000000000000000', '1.00000000000000011102230246251565404236316680908203125',
    '1.00000000000000011102230246251565404236316680908203124', '1.00000000000000011102230246251565404236316680908203126',
    # float32 edges (through the double)
    '16777217', '16777219', '3.4028235e38', '3.4028236e38', '3.40282356779733661637539395458142568448e38', '3.5e38',
    '1e-46', '1.4e-45', '7.006492321624085e-46', '1.1754943508222875e-38', '0.1', '1.00000005960464477539062500001',
    '1.000000059604644775390625',
    # words
    'nan', 'NaN', '-nan', 'inf', '-inf', 'Infinity', '-INFINITY', '+inf',
]

def bits64(x):
    return '%016x' % struct.unpack('<Q', struct.pack('<d', x))[0]

def bits32(x):
    with np.errstate(over='ignore'):
        return '%08x' % int(np.array([x], dtype=np.float64).astype(np.float32).view(np.uint32)[0])

def random_decimals(rng, n):
    out = []
    for _ in range(n):
        digits = ''.join(rng.choice('0123456789') for _ in range(rng.randint(1, 25)))
        point = rng.randint(0, len(digits))
        s = digits[:point] + '.' + digits[point:] if rng.random() < 0.7 else digits
        if s in ('.',):
            s = '0'
        if rng.random() < 0.5:
            s += 'e%d' % rng.randint(-340, 310)
        if rng.random() < 0.3:
            s = '-' + s
        out.append(s)
    for _ in range(n // 2):
        x = struct.unpack('<d', struct.pack('<Q', rng.getrandbits(64)))[0]
        if x != x or x in (float('inf'), float('-inf')):
            continue
        out.append(repr(x))
        out.append('%.17g' % x)
        out.append('%.20e' % x)
        # halfway between x and its successor, written out exactly
        out.append('%.40e' % x)
    for _ in range(n // 2):  # short decimals: the fast path's bread and butter
        out.append('%.*f' % (rng.randint(0, 8), rng.uniform(-1e4, 1e4)))
    return out

def main():
    rng = random.Random(20261129)
    texts = HAND + random_decimals(rng, 400)
    cases = [[s, bits64(float(s)), bits32(float(s))] for s in texts]
    with open(OUT, 'w') as f:  # one [text, float64 bits, float32 bits] per line
        f.write('{"generator": "Python float() and numpy.float32", "cases": [\n')
        f.write(',\n'.join(json.dumps(c) for c in cases))
        f.write('\n]}\n')
    print('wrote %d cases to %s' % (len(cases), os.path.normpath(OUT)))

if __name__ == '__main__':
    main()
