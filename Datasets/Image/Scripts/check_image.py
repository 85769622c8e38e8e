"""Decodes an image with Pillow, an independent decoder, and prints what it found as JSON.

    python check_image.py FILE [FRAME:X,Y ...]

prints one line: {"format": "PNG", "size": [w, h], "mode": "RGBA", "frames": n,
"pixels": [[r, g, b, a], ...]} where each pixel is read from frame FRAME (0-based; the
frame as Pillow composites it) at column X, row Y, converted to RGBA. EmberImage's tests run
it when EMBER_PYTHON names a Python with Pillow.
"""
import json
import sys

from PIL import Image


def main(path, probes):
    with Image.open(path) as im:
        info = {"format": im.format, "size": list(im.size), "mode": im.mode,
                "frames": getattr(im, "n_frames", 1)}
        pixels = []
        for probe in probes:
            frame, xy = probe.split(":")
            x, y = (int(v) for v in xy.split(","))
            im.seek(int(frame))
            pixels.append(list(im.convert("RGBA").getpixel((x, y))))
        info["pixels"] = pixels
    print(json.dumps(info))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2:])
