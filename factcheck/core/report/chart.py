"""The summary chart as inline SVG: one horizontal bar per verdict.

Plain SVG 1.1 with presentation attributes only (no CSS classes, scripts or external
references), so the same markup renders inline in the HTML report, in print, and through
Qt's SVG renderer for the PDF and the preview. Labels are escaped like any other text.
"""

from __future__ import annotations

from markupsafe import Markup, escape

from factcheck.core.colors import STATUS_GRAPHIC_COLORS
from factcheck.core.model import Status
from factcheck.core.report.model import STATUS_ORDER, Summary

WIDTH = 560
ROW = 30
LABEL_W = 130
COUNT_W = 90
TOP = 8


def chart_svg(summary: Summary, *, title: str = "Claims per verdict") -> Markup:
    """An SVG bar chart of ``summary.by_status`` (safe to insert into HTML as is)."""
    counts = [(s, summary.by_status.get(s.value, 0)) for s in STATUS_ORDER]
    biggest = max((n for _, n in counts), default=0) or 1
    bar_room = WIDTH - LABEL_W - COUNT_W
    height = TOP * 2 + ROW * len(counts)
    total = summary.total or 1
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{height}" '
        f'viewBox="0 0 {WIDTH} {height}" role="img" aria-label="{escape(title)}">',
        f"<title>{escape(title)}</title>",
    ]
    for i, (status, n) in enumerate(counts):
        y = TOP + i * ROW
        w = round(bar_room * n / biggest) if n else 0
        share = f"{100 * n / total:.0f}%" if summary.total else "0%"
        parts.append(
            f'<text x="{LABEL_W - 10}" y="{y + ROW / 2 + 5:.0f}" text-anchor="end" '
            f'font-family="Helvetica, Arial, sans-serif" font-size="14" fill="#222">'
            f"{escape(Status(status).label)}</text>"
            f'<rect x="{LABEL_W}" y="{y + 5}" width="{max(w, 2)}" height="{ROW - 10}" '
            f'rx="3" fill="{STATUS_GRAPHIC_COLORS[status]}" stroke="#555" stroke-width="0.5"/>'
            f'<text x="{LABEL_W + max(w, 2) + 8}" y="{y + ROW / 2 + 5:.0f}" '
            f'font-family="Helvetica, Arial, sans-serif" font-size="14" fill="#222">'
            f"{n} ({share})</text>"
        )
    parts.append("</svg>")
    return Markup("".join(parts))
