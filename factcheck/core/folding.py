"""Finding a quote the way a reader sees it: invisible direction marks ignored, and
canonically equivalent spellings (a precomposed "ü" or "u" + combining diaeresis; Arabic
shadda before or after its vowel) taken as the same.

Texts are never changed: a match is reported as a span of the text as stored, marks
inside it included, so claims keep their offsets. Offsets are code points.

Fast path: a text that is already in NFC and holds no direction mark is searched with
``str.find`` for the quote in NFC without marks (most articles; imports of HTML, PDF and
DOCX are normalised to NFC). Otherwise both are folded (marks dropped, characters
decomposed, combining marks put in canonical order) with a map back to the text's
offsets, and a match must begin and end on whole characters of the text.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

# Left-to-right, right-to-left and Arabic letter marks; the embedding, override and
# isolate controls; the zero-width no-break space (a stray byte-order mark). The
# zero-width non-joiner and joiner are not here: they change how a word is written.
IGNORABLE = "\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff"
_IGNORABLE_RE = re.compile(f"[{IGNORABLE}]")


def strip_ignorable(text: str) -> str:
    return _IGNORABLE_RE.sub("", text)


def needs_folding(text: str) -> bool:
    """Whether ``text`` must be folded to be searched (it has a direction mark, or is
    not in NFC)."""
    if text.isascii():
        return False
    return _IGNORABLE_RE.search(text) is not None or not unicodedata.is_normalized("NFC", text)


@dataclass(frozen=True, slots=True)
class Folded:
    """A folded text, and for each of its characters the offset it came from."""

    text: str
    source: list[int]

    def span(self, start: int, end: int) -> tuple[int, int] | None:
        """The text span folded ``[start, end)`` came from; None when it starts or ends
        inside one of the text's characters (part of a decomposed letter) or leaves
        out a combining mark of its last letter ("cafe" is not in "café")."""
        src = self.source
        if start >= end or (start > 0 and src[start - 1] == src[start]):
            return None
        if end < len(src) and (src[end] == src[end - 1]
                               or unicodedata.combining(self.text[end])):  # fmt: skip
            return None
        return src[start], src[end - 1] + 1


def fold(text: str) -> Folded:
    """``text`` without direction marks, decomposed (NFD) with its combining marks in
    canonical order, and the map back to ``text``'s offsets."""
    chars: list[str] = []
    source: list[int] = []
    for i, ch in enumerate(text):
        if ch in IGNORABLE:
            continue
        if ch.isascii():
            chars.append(ch)
            source.append(i)
            continue
        for part in unicodedata.normalize("NFD", ch):
            chars.append(part)
            source.append(i)
    _canonical_order(chars, source)
    return Folded("".join(chars), source)


def _canonical_order(chars: list[str], source: list[int]) -> None:
    """Sort each run of combining marks by combining class, stably, in place (what
    NFD does across characters; per-character decomposition alone does not)."""
    i, n = 0, len(chars)
    combining = unicodedata.combining
    while i < n:
        if not combining(chars[i]):
            i += 1
            continue
        j = i
        while j < n and combining(chars[j]):
            j += 1
        if j - i > 1:
            run = sorted(zip(chars[i:j], source[i:j], strict=True),
                         key=lambda pair: combining(pair[0]))  # fmt: skip
            chars[i:j] = [c for c, _ in run]
            source[i:j] = [s for _, s in run]
        i = j


def fold_query(quote: str) -> str:
    """A typed quote, folded as :func:`fold` folds a text."""
    return unicodedata.normalize("NFD", strip_ignorable(quote))


@lru_cache(maxsize=4)
def _folded_or_none(text: str) -> Folded | None:
    """The folded text, or None when it needs no folding; kept for the last few texts,
    as re-anchoring asks about one text once per claim."""
    return fold(text) if needs_folding(text) else None


def find_spans(text: str, quote: str, limit: int | None = None) -> list[tuple[int, int]]:
    """Every occurrence (overlapping ones too) of ``quote`` in ``text``, ignoring
    direction marks and normalisation, as spans of ``text``; at most ``limit``."""
    spans: list[tuple[int, int]] = []
    folded = _folded_or_none(text)
    if folded is None:
        q = unicodedata.normalize("NFC", strip_ignorable(quote))
        if not q:
            return spans
        pos = text.find(q)
        while pos >= 0 and (limit is None or len(spans) < limit):
            spans.append((pos, pos + len(q)))
            pos = text.find(q, pos + 1)
        return spans
    q = fold_query(quote)
    if not q:
        return spans
    pos = folded.text.find(q)
    while pos >= 0 and (limit is None or len(spans) < limit):
        span = folded.span(pos, pos + len(q))
        if span is not None:
            spans.append(span)
        pos = folded.text.find(q, pos + 1)
    return spans


def find_quote(text: str, quote: str, occurrence: int = 1) -> tuple[int, int] | None:
    """The span of the ``occurrence``-th (1-based) occurrence of ``quote``, as
    :func:`find_spans` counts them; None when there are fewer."""
    if occurrence < 1:
        return None
    spans = find_spans(text, quote, limit=occurrence)
    return spans[occurrence - 1] if len(spans) >= occurrence else None


def count_quote(text: str, quote: str) -> int:
    return len(find_spans(text, quote))
