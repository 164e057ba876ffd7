"""Text from outside that Python can hold but SQLite, JSON files and terminals cannot.

A file name that is not valid UTF-8 reaches Python with each bad byte as a lone
surrogate (``\\udcff``, PEP 383); a JSON file may spell a lone surrogate (``"\\ud800"``).
Neither can be encoded as UTF-8, so storing or printing them fails. Names are shown
with the bad byte escaped (``bad\\xff.txt``), which is also what ``ls -b`` shows.
"""

from __future__ import annotations

import os
import re

_SURROGATE = re.compile("[\ud800-\udfff]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    if 0xDC80 <= code <= 0xDCFF:  # one undecodable byte of a file name
        return f"\\x{code - 0xDC00:02x}"
    return f"\\u{code:04x}"


def has_surrogate(text: str) -> bool:
    # ASCII (most text) is answered in C without the scan; a surrogate is never ASCII
    return not text.isascii() and _SURROGATE.search(text) is not None


def without_surrogates(text: str) -> str:
    """``text`` with each lone surrogate written as an escape: storable and printable."""
    return _SURROGATE.sub(_escape, text) if has_surrogate(text) else text


def display_path(path: str | os.PathLike[str]) -> str:
    """A path as text that is always valid UTF-8 (undecodable bytes escaped)."""
    return without_surrogates(os.fspath(path))
