"""Printing for the CLI: aligned tables for people, JSON for scripts."""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from typing import Any


def print_json(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def _cell(value: Any, width: int | None) -> str:
    text = "" if value is None else str(value)
    text = " ".join(text.split())  # one line per row, whatever the value holds
    if width is not None and len(text) > width:
        text = text[: width - 1] + "…"
    return text


def print_table(
    headers: Sequence[str], rows: Sequence[Sequence[Any]], widths: Sequence[int | None]
) -> None:
    """Rows as left-aligned columns; cells longer than their width are cut with "…"."""
    cells = [[_cell(v, w) for v, w in zip(row, widths, strict=True)] for row in rows]
    sizes = [max([len(h)] + [len(r[i]) for r in cells]) for i, h in enumerate(headers)]
    line = "  ".join(h.ljust(sizes[i]) for i, h in enumerate(headers)).rstrip()
    print(line)
    for r in cells:
        print("  ".join(c.ljust(sizes[i]) for i, c in enumerate(r)).rstrip())
