"""Writes lzw.json: GIF LZW streams that Pillow's encoder produces, for EmberImage's tests.

Run with a Python that has Pillow:  python Datasets/Image/Scripts/make_gif_fixtures.py
Each case saves a palette image as a GIF with Pillow, cuts the LZW data out of the file
(sub-blocks joined) and records it in hex beside the minimum code size and the indices
(spelled out for the small cases, or the seed of a generator both sides share).
"""
import io
import json
import os

from PIL import Image

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "Tests", "EmberImageTests", "Fixtures", "lzw.json")

# The 10 x 10 four-colour sample of Matthew Flickinger's "What's In A GIF".
SAMPLE = [int(c) for c in
          "1111122222" "1111122222" "1111122222" "1110000222" "1110000222"
          "2220000111" "2220000111" "2222211111" "2222211111" "2222211111"]


def lcg_indices(seed, count, colors):
    """The generator EmberImage's test repeats: 31-bit LCG, bits 16... taken modulo colors."""
    x, out = seed, []
    for _ in range(count):
        x = (x * 1103515245 + 12345) % (1 << 31)
        out.append((x >> 16) % colors)
    return out


def lzw_of(indices, width, height, bits):
    image = Image.new("P", (width, height))
    image.putpalette([(i * 37) % 256 for i in range(3 << bits)])
    image.putdata(indices)
    buffer = io.BytesIO()
    image.save(buffer, format="GIF", optimize=False, interlace=False)
    data = buffer.getvalue()
    return extract(data)


def extract(gif):
    """The minimum code size and joined sub-blocks of the first image in a GIF file."""
    pos = 13
    if gif[10] & 0x80:
        pos += 3 << ((gif[10] & 7) + 1)
    while gif[pos] == 0x21:  # extensions
        pos += 2
        while gif[pos]:
            pos += gif[pos] + 1
        pos += 1
    assert gif[pos] == 0x2C
    flags = gif[pos + 9]
    pos += 10
    if flags & 0x80:
        pos += 3 << ((flags & 7) + 1)
    min_code_size = gif[pos]
    pos += 1
    data = b""
    while gif[pos]:
        data += gif[pos + 1: pos + 1 + gif[pos]]
        pos += gif[pos] + 1
    return min_code_size, data


def main():
    cases = []
    size, data = lzw_of(SAMPLE, 10, 10, 2)
    cases.append({"name": "flickinger", "minCodeSize": size, "indices": SAMPLE, "data": data.hex()})
    size, data = lzw_of([0] * 300, 20, 15, 2)
    cases.append({"name": "constant", "minCodeSize": size, "indices": [0] * 300, "data": data.hex()})
    for seed, count, bits in [(7, 128 * 128, 4), (11, 96 * 96, 8)]:
        side = int(count ** 0.5)
        size, data = lzw_of(lcg_indices(seed, count, 1 << bits), side, side, bits)
        cases.append({"name": f"lcg{seed}", "minCodeSize": size, "seed": seed, "count": count,
                      "colors": 1 << bits, "data": data.hex()})
    with open(OUT, "w") as f:
        f.write("[\n" + ",\n".join(json.dumps(c) for c in cases) + "\n]\n")


if __name__ == "__main__":
    main()
