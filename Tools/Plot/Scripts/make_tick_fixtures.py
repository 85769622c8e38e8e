"""Writes ticks.json: the ticks and tick labels matplotlib's default axis shows, for EmberPlot.

Run with a Python that has matplotlib:  python Tools/Plot/Scripts/make_tick_fixtures.py
For each view (x limits and y limits) on a figure of the given size at 100 dpi, records the
ticks inside the view and their labels (the Unicode minus written as '-').
"""
import json
import os

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "Tests", "EmberPlotTests", "Fixtures", "ticks.json")

VIEWS = [((6.4, 4.8), (0, 1), (-10, 10)), ((6.4, 4.8), (4.3, 7.9), (2.0, 4.4)),
         ((12, 7), (-1.5, 1.5), (-1.0, 16.0)), ((12, 7), (3.5, 8.5), (1.0, 5.0)),
         ((12, 7), (-10.5, 10.5), (-1.5, 2)), ((6.4, 4.8), (0.001, 0.0042), (-3e4, 7e4)),
         ((3, 2), (0, 100), (-0.5, 0.5)), ((6.4, 4.8), (1000.5, 1001.5), (0, 999))]


def shown(axis_ticks, labels, lo, hi):
    keep = [(t, l.get_text().replace("\u2212", "-")) for t, l in zip(axis_ticks, labels) if lo - 1e-9 * (hi - lo) <= t <= hi + 1e-9 * (hi - lo)]
    return [float(t) for t, _ in keep], [l for _, l in keep]


def main():
    cases = []
    for size, xlim, ylim in VIEWS:
        fig, ax = plt.subplots(figsize=size, dpi=100)
        ax.set_xlim(*xlim)
        ax.set_ylim(*ylim)
        fig.canvas.draw()
        xt, xl = shown(ax.get_xticks(), ax.get_xticklabels(), *xlim)
        yt, yl = shown(ax.get_yticks(), ax.get_yticklabels(), *ylim)
        cases.append({"size": [int(size[0] * 100), int(size[1] * 100)], "xlim": list(xlim), "ylim": list(ylim),
                      "xticks": xt, "xlabels": xl, "yticks": yt, "ylabels": yl,
                      "offset": ax.xaxis.get_major_formatter().get_offset()})
        plt.close(fig)
    with open(OUT, "w") as f:
        f.write("[\n" + ",\n".join(json.dumps(c) for c in cases) + "\n]\n")


if __name__ == "__main__":
    main()
