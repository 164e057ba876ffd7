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

# The same verdicts as graphics on a white page (report chart bars, claim borders):
# darker where needed so each has at least the 3:1 contrast WCAG 2.1 (1.4.11) asks of
# graphical objects against the background (the highlight shades above are 1.6-3.9:1).
STATUS_GRAPHIC_COLORS: dict[Status, str] = {
    Status.UNVERIFIED: "#b07d12",  # 3.6:1
    Status.CORROBORATED: "#388e3c",  # 4.1:1
    Status.CONTRADICTED: "#e5484d",  # 3.9:1
    Status.INCONCLUSIVE: "#8e7cc3",  # 3.6:1
}
MIN_GRAPHIC_CONTRAST = 3.0


def relative_luminance(color: str) -> float:
    """WCAG 2.x relative luminance of an ``#rrggbb`` colour."""
    value = color.lstrip("#")
    channels = [int(value[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    r, g, b = (c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(a: str, b: str) -> float:
    """WCAG 2.x contrast ratio of two ``#rrggbb`` colours (1 to 21)."""
    la, lb = sorted((relative_luminance(a), relative_luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


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
