"""Hedges: the words around a number that make it a range ("more than 3,000",
"nearly 3,000", "some 60,000", "at least 19", "up to 300", "between 20 and 25",
"3,000 or more"). The words are kept as written; the range follows the table in
:mod:`factcheck.core.figures.model`.

"Nearly" and "about" are read as within 5 % of the number: close enough that "nearly
3,000" and "2,700" do not overlap (2,700 is 10 % short) while "about 60,000" and
"60,000" do.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from factcheck.core.figures.lexicon import Lexicon

TOLERANCE = 0.05


@dataclass(frozen=True, slots=True)
class Hedge:
    start: int  # where the hedge words begin (== the number's start when there are none)
    end: int  # where the hedge words after the number end (== the number's end if none)
    words: str
    kind: str


@dataclass(frozen=True, slots=True)
class _HedgePatterns:
    before: re.Pattern[str]
    after: re.Pattern[str]
    between_before: re.Pattern[str]
    between_join: re.Pattern[str]


_CACHE: dict[str, _HedgePatterns] = {}


def _patterns(lex: Lexicon) -> _HedgePatterns:
    found = _CACHE.get(lex.lang)
    if found is None:
        kinds = "|".join(f"(?P<{k.replace('-', '_')}>{p})" for p, k in lex.hedges_before)
        after = "|".join(p for p, _k in lex.hedges_after) or r"(?!x)x"
        first, join = lex.between
        found = _CACHE[lex.lang] = _HedgePatterns(
            before=re.compile(rf"(?<!\w)(?:{kinds})\s*(?:[$€£]\s?)?$", re.IGNORECASE),
            after=re.compile(rf"\s*(?:{after})(?!\w)", re.IGNORECASE),
            between_before=re.compile(rf"(?<!\w)(?:{first})\s+(?:[$€£]\s?)?$", re.IGNORECASE),
            between_join=re.compile(rf"\s*(?:{join}|-|–|{lex.range_to})\s*", re.IGNORECASE),
        )
    return found


def read_hedge(text: str, start: int, end: int, lex: Lexicon) -> Hedge:
    """The hedge around ``text[start:end]`` (a number), or an exact one."""
    pats = _patterns(lex)
    left = text[max(0, start - 40) : start]
    m = pats.before.search(left)
    h_start, words, kind = start, "", "exact"
    if m:
        h_start = start - (len(left) - m.start())
        kind = next(k for k, v in m.groupdict().items() if v).replace("_", "-")
        words = text[h_start:start].strip()
    a = pats.after.match(text, end)
    h_end = end
    if a and kind == "exact":
        h_end = a.end()
        words = text[end:h_end].strip()
        kind = "at-least"
    return Hedge(h_start, h_end, words, kind)


def between_start(text: str, start: int, lex: Lexicon) -> int | None:
    """Where "between" begins when the number at ``start`` follows it, else None."""
    left = text[max(0, start - 20) : start]
    m = _patterns(lex).between_before.search(left)
    return start - (len(left) - m.start()) if m else None


def joins_range(text: str, end: int, next_start: int, lex: Lexicon) -> bool:
    """True when the text between two numbers is a range joiner ("and", "-", "to")."""
    m = _patterns(lex).between_join.fullmatch(text, end, next_start)
    return m is not None


def hedge_range(
    value: float, kind: str
) -> tuple[float | None, float | None, bool, bool]:
    """(low, high, low_open, high_open) for a number read with a hedge of ``kind``."""
    if kind == "above":
        return value, None, True, False
    if kind == "below":
        return value * (1 - TOLERANCE), value, False, True
    if kind == "about":
        return value * (1 - TOLERANCE), value * (1 + TOLERANCE), False, False
    if kind == "at-least":
        return value, None, False, False
    if kind == "up-to":
        return 0.0, value, False, False
    if kind == "under":
        return 0.0, value, False, True
    return value, value, False, False
