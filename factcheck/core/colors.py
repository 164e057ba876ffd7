"""Colours: one per verdict, and a distinct one for each new tag."""

from __future__ import annotations

import colorsys

from factcheck.core.model import Status

# Highlight colours chosen to stay legible under black text in light mode and white
# text in dark mode; the UI lightens or darkens them per palette.
STATUS_COLORS: dict[Status, str] = {
    Status.UNVERIFIED: "#f2c94c",  # amber: still to do
    Status.CORROBORATED: "#4caf50",  # green
    Status.CONTRADICTED: "#e5484d",  # red
    Status.INCONCLUSIVE: "#8e7cc3",  # violet
}

_TAG_PALETTE = (
    "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd",
    "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf",
)  # fmt: skip


def tag_color(index: int) -> str:
    """The colour for the ``index``-th tag created in a project (0-based).

    The first ten come from a categorical palette; later ones step round the hue circle
    by the golden angle so neighbours never look alike.
    """
    if index < len(_TAG_PALETTE):
        return _TAG_PALETTE[index]
    hue = (index * 0.618033988749895) % 1.0
    r, g, b = colorsys.hls_to_rgb(hue, 0.45, 0.65)
    return f"#{round(r * 255):02x}{round(g * 255):02x}{round(b * 255):02x}"
