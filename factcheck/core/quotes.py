"""Finding and describing spans of text: the quote, its context, word snapping.

All offsets are Python string indices (Unicode code points).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

CONTEXT_CHARS = 32


def find_occurrence(text: str, quote: str, occurrence: int = 1) -> int | None:
    """Start of the ``occurrence``-th (1-based) exact occurrence of ``quote``, or None.

    Occurrences may overlap ("aa" occurs twice in "aaa"), as a reader counting them would.
    """
    if not quote or occurrence < 1:
        return None
    pos = -1
    for _ in range(occurrence):
        pos = text.find(quote, pos + 1)
        if pos < 0:
            return None
    return pos


def count_occurrences(text: str, quote: str) -> int:
    if not quote:
        return 0
    n, pos = 0, text.find(quote)
    while pos >= 0:
        n += 1
        pos = text.find(quote, pos + 1)
    return n


def context(text: str, start: int, end: int, width: int = CONTEXT_CHARS) -> tuple[str, str]:
    """The ``width`` code points before ``start`` and after ``end``."""
    return text[max(0, start - width) : start], text[end : end + width]


# Inside a word besides letters, digits and marks: the underscore, apostrophes and
# hyphens; the zero-width non-joiner and joiner (Persian writes "می‌گوید" with one);
# Hebrew geresh, gershayim and maqaf ("צה״ל", "בית־ספר").
_WORD_EXTRA = frozenset("_'’-\u200c\u200d\u05f3\u05f4\u05be")


def _is_spaceless(ch: str) -> bool:
    """Han ideographs, kana and their marks: scripts written without spaces, where no
    rule short of a dictionary finds a word's edge. A selection in them is kept to the
    character, so each is a word of its own here."""
    o = ord(ch)
    return (0x3040 <= o <= 0x30FF or 0x3400 <= o <= 0x4DBF or 0x4E00 <= o <= 0x9FFF
            or 0xF900 <= o <= 0xFAFF or 0x31F0 <= o <= 0x31FF or 0xFF66 <= o <= 0xFF9F
            or 0x20000 <= o <= 0x3FFFF or o == 0x3005)  # fmt: skip


def is_word_char(ch: str) -> bool:
    """Whether ``ch`` belongs inside a word that selections snap out to: letters
    (Latin, Arabic, Hebrew, Cyrillic, Hangul…), digits, combining marks (Arabic
    harakat, Hebrew points), and :data:`_WORD_EXTRA`; not the spaceless scripts."""
    if ch in _WORD_EXTRA:
        return True
    return unicodedata.category(ch)[0] in "LNM" and not _is_spaceless(ch)


def _joins_figure(text: str, i: int) -> bool:
    """True for the "," or "." between digits of a figure ("3,000", "2.5") and the "%"
    after one ("12%"): a figure is one word, as a reader sees it."""
    ch = text[i]
    if ch in ",." and 0 < i < len(text) - 1:
        return text[i - 1].isdigit() and text[i + 1].isdigit()
    return ch == "%" and i > 0 and text[i - 1].isdigit()


def _in_word(text: str, i: int) -> bool:
    return is_word_char(text[i]) or _joins_figure(text, i)


def trim_whitespace(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink a span so it neither starts nor ends in white space (may become empty)."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def snap_to_words(text: str, start: int, end: int) -> tuple[int, int]:
    """Grow a selection to whole words and trim surrounding white space.

    A selection that starts or ends inside a word is extended to the word's edge, the
    way word processors snap a drag. Punctuation at the edges is kept as selected. A
    figure is one word: "3,000", "2.5%" and "1,200-strong" are never cut.
    Returns an empty span (start == end) for an all-white-space selection.
    """
    start, end = max(0, min(start, end)), min(len(text), max(start, end))
    start, end = trim_whitespace(text, start, end)
    if start == end:
        return start, end
    while start > 0 and _in_word(text, start - 1) and _in_word(text, start):
        start -= 1
    while end < len(text) and _in_word(text, end) and _in_word(text, end - 1):
        end += 1
    return start, end


def figure_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Grow ``[start, end)`` so it does not cut a figure: "[3],000" becomes "[3,000]",
    "2.[5]%" becomes "[2.5%]". Words other than figures are left as they are."""
    def inside(i: int) -> bool:
        return text[i].isdigit() or _joins_figure(text, i)

    start, end = max(0, start), min(len(text), end)
    while 0 < start < len(text) and inside(start) and inside(start - 1):
        start -= 1
    while 0 < end < len(text) and inside(end) and inside(end - 1):
        end += 1
    return start, end


def widen_snippet(snippet: str, sources: Sequence[str], ellipsis: str = "…") -> str:
    """A search snippet (matches in ``[brackets]``, cut ends marked with ``ellipsis``)
    whose figures are whole: SQLite's tokenizer splits "3,000" into "3" and "000", so
    its snippets can end "more than [3]…" or mark "[3],000". The snippet is found in
    whichever of ``sources`` (the texts it was cut from) holds it, its ends and its
    marks are grown over any figure they cut, and it is rebuilt. A snippet not found in
    any source is returned unchanged."""
    head = snippet.startswith(ellipsis)
    tail = snippet.endswith(ellipsis) and len(snippet) > len(ellipsis)
    body = snippet[len(ellipsis) if head else 0 : len(snippet) - len(ellipsis) if tail else None]
    plain: list[str] = []
    marks: list[list[int]] = []
    pos = 0
    for ch in body:
        if ch == "[":
            marks.append([pos, pos])
        elif ch == "]" and marks:
            marks[-1][1] = pos
        else:
            plain.append(ch)
            pos += 1
    fragment = "".join(plain)
    for text in sources:
        at = text.find(fragment) if fragment else -1
        if at < 0:
            continue
        lo, hi = at, at + len(fragment)
        if head:
            lo = figure_span(text, lo, hi)[0]
        if tail:
            hi = figure_span(text, lo, hi)[1]
        spans = [figure_span(text, at + a, at + b) for a, b in marks]
        out: list[str] = []
        cursor = lo
        for a, b in spans:
            a, b = max(a, cursor), max(b, cursor)
            out += [text[cursor:a], "[", text[a:b], "]"]
            cursor = b
        out.append(text[cursor:hi])
        rebuilt = "".join(out)
        return (ellipsis if lo > 0 and head else "") + rebuilt + (
            ellipsis if hi < len(text) and tail else "")
    return snippet
