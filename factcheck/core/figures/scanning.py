"""Running a pattern only where it can start.

Scanning a text with a pattern that opens on a lookbehind (``(?<!\\w)...``) tries the
whole pattern at every character. Most of the figures reader's patterns can only start
at a few places: a digit run, a month or number word, a keyword. Those places are found
once, cheaply (``str.find``, one ``\\d+`` pass), and the pattern is tried there only.
:func:`anchored` then gives what ``finditer`` would: every place the pattern can match
is among those tried, in text order, and a match's end skips what it covers.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache

_DIGIT_RUN = re.compile(r"\d+")

# Characters that match an ASCII letter when case is ignored but do not lower-case to it
# (or change length): with any of them in a text, :func:`lowered` declines.
_FOLD_SPECIAL = ("\u0130", "\u0131", "\u017f")


def anchored(pat: re.Pattern[str], text: str, starts: Iterable[int]) -> Iterator[re.Match[str]]:
    """``pat.finditer(text)`` when every place ``pat`` can match is in ``starts``
    (ascending) and ``pat`` never matches the empty string."""
    last = 0
    for p in starts:
        if p < last:
            continue
        m = pat.match(text, p)
        if m is not None:
            yield m
            last = m.end()


# Letters for which "matches when case is ignored" is "lower-cases to it", in any text
# that :func:`lowered` accepts (checked over every code point: only "İ", "ı" and "ſ"
# break it, and :func:`lowered` declines texts holding them).
_FOLDS_CHECKED = frozenset("abcdefghijklmnopqrstuvwxyzßàáâãäåæçèéêëìíîïðñòóôõöøùúûüýþÿ")
_UPPER_ESCAPE = re.compile(r"\\[A-Z]")


def lower_pattern(pat: re.Pattern[str]) -> re.Pattern[str] | None:
    """A case-ignoring ``pat`` as a case-sensitive pattern over :func:`lowered` text,
    which matches at the same places with the same spans and groups (and runs faster:
    the regex engine can skip alternatives on their first letter); None when that
    cannot be promised (letters not checked, an escape like ``\\S`` that lower-casing
    would change)."""
    src = pat.pattern
    if not pat.flags & re.IGNORECASE or _UPPER_ESCAPE.search(src):
        return None
    if any(c.isalpha() and c.lower() not in _FOLDS_CHECKED for c in src):
        return None
    names = re.findall(r"\(\?P<(\w+)>", src)
    low = src.lower()
    for name in names:  # group names keep their case
        low = low.replace(f"(?p<{name.lower()}>", f"(?P<{name}>", 1)
    return re.compile(low, pat.flags & ~re.IGNORECASE)


def digit_run_starts(text: str) -> list[int]:
    return [m.start() for m in _DIGIT_RUN.finditer(text)]


def lowered(text: str) -> str | None:
    """``text`` lower-cased, when a case-ignoring pattern matches a word in ``text``
    exactly where the lower-cased word occurs in it (same length, no special folds);
    else None."""
    if any(c in text for c in _FOLD_SPECIAL):
        return None
    low = text.lower()
    return low if len(low) == len(text) else None


def word_starts(text: str, haystack: str, words: Iterable[str]) -> list[int]:
    """Where any of ``words`` (letters only) occurs in ``haystack`` (``text`` or its
    lower-cased form) not preceded by a word character, ascending.

    Found with one pattern opening on a non-word character, which the regex engine skips
    along the text; a place after a non-word character is never inside an earlier
    occurrence of a word made of letters, so none is missed."""
    inner, first = _starts_patterns(tuple(words))
    out = [0] if first.match(haystack) else []
    out += [m.start() + 1 for m in inner.finditer(haystack)]
    return out


@lru_cache(maxsize=64)
def _starts_patterns(words: tuple[str, ...]) -> tuple[re.Pattern[str], re.Pattern[str]]:
    assert all(w.isalpha() for w in words), words
    alt = "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True)) or "(?!x)x"
    return re.compile(rf"\W(?:{alt})"), re.compile(rf"(?:{alt})")
