"""Converting between code-point offsets (how claims are stored) and Qt positions.

Python indexes strings by Unicode code point; a QTextDocument counts UTF-16 code units,
so every character outside the Basic Multilingual Plane (most emoji) takes two Qt
positions. ``QTextCursor.insertText`` also turns a CR LF pair into a single paragraph
break. :class:`PositionMap` converts both ways; for the usual text (no astral
characters, no CR LF) it is the identity and costs nothing.
"""

from __future__ import annotations

import re
import sys
from bisect import bisect_right

_ASTRAL_OR_CRLF = re.compile("[\U00010000-\U0010ffff]|\r\n")


# What sys.getsizeof counts besides the characters of a compact non-ASCII string (the
# header of "\u0100", less its one character and terminator at two bytes each).
_HEADER = sys.getsizeof("\u0100") - 4


def _has_astral(text: str) -> bool:
    """Whether a character of ``text`` lies outside the Basic Multilingual Plane (so
    takes two UTF-16 units). CPython keeps a string at the narrowest width its widest
    character needs (PEP 393): four bytes a character only when one is astral. A string
    held narrower has none, which its size tells without reading a character; only a
    string that may be four bytes wide is checked by encoding it (one pass in C, where a
    regular-expression search takes ~20 ms per MB of non-ASCII text)."""
    if sys.getsizeof(text) - _HEADER < 4 * (len(text) + 1):
        return False
    return len(text.encode("utf-16-le", "surrogatepass")) != 2 * len(text)


class PositionMap:
    """Maps offsets into one text to Qt document positions and back.

    ``to_qt`` is monotone; ``to_cp`` gives the largest code-point offset whose Qt position
    is not after the one given (so the second half of a surrogate pair maps to the start
    of its character).
    """

    __slots__ = ("_cum", "_qt_thresholds", "_thresholds", "identity", "length")

    def __init__(self, text: str) -> None:
        self.length = len(text)
        self._thresholds: list[int] = []  # code-point offsets from which a shift applies
        self._qt_thresholds: list[int] = []
        self._cum: list[int] = []  # total shift from the threshold on
        # "\r" alone: a one-character search is a fast scan, "\r\n" a slower one.
        self.identity = ("\r" not in text or "\r\n" not in text) and (
            text.isascii() or not _has_astral(text))
        if self.identity:
            return
        shift = 0
        for m in _ASTRAL_OR_CRLF.finditer(text):
            if m.group() == "\r\n":
                threshold, delta = m.start() + 2, -1  # two code points, one Qt position
            else:
                threshold, delta = m.start() + 1, +1  # one code point, two UTF-16 units
            self._thresholds.append(threshold)
            self._qt_thresholds.append(threshold + shift + delta)
            shift += delta
            self._cum.append(shift)

    def to_qt(self, cp: int) -> int:
        if self.identity:
            return cp
        i = bisect_right(self._thresholds, cp)
        return cp + (self._cum[i - 1] if i else 0)

    def to_cp(self, qt: int) -> int:
        if self.identity:
            return qt
        i = bisect_right(self._qt_thresholds, qt)
        cp = qt - (self._cum[i - 1] if i else 0)
        if i < len(self._thresholds):
            cp = min(cp, self._thresholds[i] - 1)  # inside a surrogate pair
        return max(0, min(cp, self.length))

    def qt_length(self) -> int:
        return self.to_qt(self.length)
