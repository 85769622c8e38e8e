"""Writes the PNG fixtures of EmberImage's tests, and what an independent decoder reads from them.

Run with a Python that has Pillow, from anywhere:
    python Datasets/Image/Scripts/make_png_fixtures.py
Each fixture is a tiny PNG under Tests/EmberImageTests/Fixtures/, and pngs.json records, per
file, its size, the layout EmberImage should report (Pillow's mode), and its pixels as RGBA
bytes as Pillow decodes them (`Image.convert("RGBA")`). Pillow cannot write 16-bit colour
files, so those are assembled here with zlib; Pillow still decodes them for the truth (it keeps
the high byte of each 16-bit sample).
"""
import json
import os
import struct
import zlib

from PIL import Image

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "Tests", "EmberImageTests", "Fixtures")
W, H = 5, 3


def chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


def raw_png(width, height, depth, color_type, rows):
    """A minimal PNG (filter 0 on every row) assembled by hand."""
    header = struct.pack(">IIBBBBB", width, height, depth, color_type, 0, 0, 0)
    data = zlib.compress(b"".join(b"\x00" + row for row in rows))
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", data) + chunk(b"IEND", b"")


def value(x, y, c):
    return (x * 53 + y * 97 + c * 31 + 7) % 256


def pillow_fixtures():
    rgba = Image.new("RGBA", (W, H))
    rgba.putdata([tuple(value(x, y, c) for c in range(4)) for y in range(H) for x in range(W)])
    yield "rgba.png", rgba, "RGBA"
    yield "rgb.png", rgba.convert("RGB"), "RGB"
    yield "gray.png", rgba.convert("L"), "L"
    yield "gray_alpha.png", rgba.convert("LA"), "LA"
    palette = Image.new("P", (W, H))
    palette.putpalette([10, 20, 30, 200, 100, 50, 0, 255, 0, 255, 255, 255])
    palette.putdata([(x + y) % 4 for y in range(H) for x in range(W)])
    yield "palette.png", palette, "RGB"
    transparent = palette.copy()
    transparent.info["transparency"] = bytes([255, 128, 0, 255])
    yield "palette_alpha.png", transparent, "RGBA"
    bits = Image.new("1", (W, H))
    bits.putdata([255 * ((x * y + x) % 2) for y in range(H) for x in range(W)])
    yield "gray_1bit.png", bits, "L"


def handmade_fixtures():
    samples = lambda x, y, n: [value(x, y, c) * 257 + (x * 13 + c) % 200 for c in range(n)]
    rows16 = lambda n: [b"".join(struct.pack(">" + "H" * n, *samples(x, y, n)) for x in range(W)) for y in range(H)]
    yield "gray16.png", raw_png(W, H, 16, 0, rows16(1)), "L"
    yield "rgb16.png", raw_png(W, H, 16, 2, rows16(3)), "RGB"
    yield "rgba16.png", raw_png(W, H, 16, 6, rows16(4)), "RGBA"


def main():
    os.makedirs(OUT, exist_ok=True)
    truth = {}
    for name, image, layout in pillow_fixtures():
        image.save(os.path.join(OUT, name))
    for name, data, layout in handmade_fixtures():
        with open(os.path.join(OUT, name), "wb") as f:
            f.write(data)
    for name, _, layout in list(pillow_fixtures()) + list(handmade_fixtures()):
        with Image.open(os.path.join(OUT, name)) as im:
            if im.mode == "I;16":
                # Pillow keeps 16-bit gray whole; EmberImage keeps the high byte, as Pillow
                # does for 16-bit colour.
                rgba = list(im.tobytes("raw", "I;16B")[::2])  # the high bytes
                rgba = [c for v in rgba for c in (v, v, v, 255)]
            else:
                rgba = list(im.convert("RGBA").tobytes())
            truth[name] = {"width": im.width, "height": im.height, "layout": layout, "rgba": rgba}
    with open(os.path.join(OUT, "pngs.json"), "w") as f:
        lines = [f"  {json.dumps(k)}: {json.dumps(v)}" for k, v in truth.items()]
        f.write("{\n" + ",\n".join(lines) + "\n}\n")


if __name__ == "__main__":
    main()
