"""Printing for the CLI: aligned tables for people, JSON for scripts.

Everything the CLI prints passes through :func:`safe` (or :func:`print_json`): titles,
file names, notes and snippets come from files and other people, and a title holding a
terminal escape sequence (``ESC ] ... BEL`` to set the window title or write to the
clipboard, ``ESC [ 2J`` to clear the screen) must show as text, not act on the terminal.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Sequence

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, TextIO

# C0 and C1 controls (tab excepted, line feed handled by the caller), DEL, the line and
# paragraph separators, bidirectional overrides and isolates (they reorder what follows
# on the line), and lone surrogates (a file name that is not UTF-8, a JSON "\ud800").
_UNSAFE = re.compile(
    "[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)
_UNSAFE_IN_BLOCK = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)
_UNSAFE_JSON = re.compile("[\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def _escape(match: re.Match[str]) -> str:
    ch = match.group()
    code = ord(ch)
    if 0xDC80 <= code <= 0xDCFF:  # a byte of a file name that is not UTF-8
        return f"\\x{code - 0xDC00:02x}"
    if code == 0x0A:
        return "\\n"
    if code == 0x0D:
        return "\\r"
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def safe(text: str, *, block: bool = False) -> str:
    """``text`` with every control character shown as an escape (``\\x1b``), so it
    cannot move the cursor, recolour or retitle the terminal. One line unless
    ``block`` (then line feeds and tabs are kept, for printing a whole article)."""
    return (_UNSAFE_IN_BLOCK if block else _UNSAFE).sub(_escape, text)


def say(message: str, *, err: bool = False, block: bool = False) -> None:
    """Print ``message`` made :func:`safe` on stdout (or stderr with ``err``)."""
    stream: TextIO = sys.stderr if err else sys.stdout
    print(safe(message, block=block), file=stream)


def print_json(data: Any) -> None:
    """``data`` as indented JSON; characters a terminal would act on are written as
    ``\\u`` escapes (the JSON means the same)."""
    import json  # only --json needs it

    text = json.dumps(data, ensure_ascii=False, indent=2)
    sys.stdout.write(_UNSAFE_JSON.sub(lambda m: f"\\u{ord(m.group()):04x}", text))
    sys.stdout.write("\n")


def _cell(value: Any, width: int | None) -> str:
    text = "" if value is None else str(value)
    text = safe(" ".join(text.split()))  # one line per row, whatever the value holds
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
