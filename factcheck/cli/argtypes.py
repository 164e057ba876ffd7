"""Argument types shared by every command, so one rule holds for every number typed.

An id or count is ASCII digits only, and fits SQLite's 64-bit integers: argparse
refuses anything else with exit status 2 and a message naming the argument, instead of
an ``OverflowError`` from deep inside SQLite. Python's ``int()`` would also accept
"٣", "1_000", " 7 " and 5,000-digit numbers (the last one a ``ValueError``).
"""

from __future__ import annotations

import argparse
import re

MAX_INT = 2**63 - 1  # SQLite INTEGER
_DIGITS = re.compile(r"[0-9]+")


def _shown(text: str) -> str:
    shown = text if len(text) <= 30 else text[:27] + "..."
    return repr(shown)


def _whole(text: str, minimum: int) -> int:
    if not _DIGITS.fullmatch(text):
        raise argparse.ArgumentTypeError(f"{_shown(text)} is not a whole number (digits 0-9)")
    if len(text.lstrip("0")) > len(str(MAX_INT)) or int(text) > MAX_INT:
        raise argparse.ArgumentTypeError(f"{_shown(text)} is too large (at most {MAX_INT})")
    value = int(text)
    if value < minimum:
        raise argparse.ArgumentTypeError(f"{_shown(text)} is too small (at least {minimum})")
    return value


def row_id(text: str) -> int:
    """An article or claim id: 1 .. 2**63-1."""
    return _whole(text, 1)


def positive(text: str) -> int:
    """A count such as --limit or --occurrence: 1 .. 2**63-1."""
    return _whole(text, 1)


def offset(text: str) -> int:
    """A text offset (code points): 0 .. 2**63-1."""
    return _whole(text, 0)
