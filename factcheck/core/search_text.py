"""Text as the search index sees it, so that a word is found however it is written.

* Marks are dropped after canonical decomposition: Arabic harakat and the superscript
  alef, Hebrew points, Latin accents ("السَّلَامُ" is indexed as "السلام", so an
  undiacritised query finds it; "geprüft" is "gepruft" whether its ü came precomposed
  or decomposed, as FTS5's own accent folding would have it).
* Arabic letter forms are unified: alef with hamza or madda (decomposed to alef plus a
  mark), alef wasla, alef maqsura and Persian yeh as yeh, Persian kaf as kaf; tatweel
  (the stretching stroke) and invisible direction marks are dropped; the zero-width
  non-joiner separates words, as a space would.
* Digits of every script become ASCII digits, and a thousands separator between digits
  goes: "3,000", "3.000", "3 000" (with a no-break or thin space) and "٣٬٠٠٠" are all
  "3000".
* Han and kana characters are set apart by spaces: each is a token, and a query's run of
  them is searched as a phrase, so any substring is found (the trigram tokenizer cannot
  find the two-character words Chinese is mostly made of).

``index_text`` is what is stored in the search tables; ``query_text`` turns what the
user typed into an FTS5 query over it; ``fold_with_map`` folds the same way but keeps
the map to the original, to draw a snippet from the text as stored.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

_CJK_CLASS = "\u3040-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_CJK = re.compile(f"([{_CJK_CLASS}])")
_CJK_RUN = re.compile(f"[{_CJK_CLASS}]+")
_SEPARATORS = ",.'\u066c\u00a0\u2009\u202f"  # thousands separators seen in the news
# A digit and the thousands separator after it (the digit is put back: a pattern that
# starts with a character class is scanned for far faster than one that starts by
# looking behind).
_THOUSANDS = re.compile(f"([0-9])([{_SEPARATORS}])(?=[0-9]{{3}}(?![0-9]))")
_LETTERS = {
    "\u0671": "\u0627",  # alef wasla -> alef
    "\u0649": "\u064a",  # alef maqsura -> yeh
    "\u06cc": "\u064a",  # Persian yeh -> yeh
    "\u06a9": "\u0643",  # Persian kaf -> kaf
    "\u200c": " ",  # zero-width non-joiner: a word boundary for search
}
_DROPPED = "\u0640\u200b\u200d\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067" \
    "\u2068\u2069\ufeff\u00ad"  # fmt: skip


@cache
def _table() -> dict[int, str | None]:
    """str.translate table: marks and invisibles dropped, letters unified, digits ASCII.
    Built once (a walk over the Basic Multilingual Plane, ~30 ms)."""
    table: dict[int, str | None] = {}
    category, decimal = unicodedata.category, unicodedata.decimal
    for code in range(0x80, 0x10000):
        ch = chr(code)
        kind = category(ch)
        if kind in ("Mn", "Me"):
            table[code] = None
        elif kind == "Nd":
            table[code] = str(decimal(ch))
    for ch, to in _LETTERS.items():
        table[ord(ch)] = to
    for ch in _DROPPED:
        table[ord(ch)] = None
    return table


@cache
def _touched() -> re.Pattern[str]:
    """The characters :func:`_table` changes, as one character class, so text is only
    translated where it has one (str.translate walks every character in Python's
    dict; a regex class scan runs in C)."""
    codes = sorted(_table())
    ranges: list[tuple[int, int]] = []
    for code in codes:
        if ranges and code == ranges[-1][1] + 1:
            ranges[-1] = (ranges[-1][0], code)
        else:
            ranges.append((code, code))
    body = "".join(re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}"
                   for a, b in ranges)  # fmt: skip
    return re.compile(f"[{body}]+")


def _translate(match: re.Match[str]) -> str:
    return match.group().translate(_table())


# ASCII text's digits as "0" and its thousands separators as ",": a separator to drop
# is then the "," of a "0,000" not followed by another "0".
_ASCII_SHAPES = bytes.maketrans(b"123456789.'", b"000000000,,")


def _drop_ascii_thousands(text: str) -> str:
    """``_THOUSANDS.sub(r"\\1", text)`` for ASCII ``text``, several times faster: the
    regex tries every character in Python's engine, this finds the pattern in C."""
    shape = text.encode("ascii").translate(_ASCII_SHAPES)
    parts: list[str] = []
    last = 0
    at = shape.find(b"0,000")
    while at >= 0:
        if shape[at + 5 : at + 6] != b"0":
            parts.append(text[last : at + 1])
            last = at + 2
        at = shape.find(b"0,000", at + 2)
    return "".join(parts) + text[last:] if parts else text


def fold(text: str) -> str:
    """``text`` decomposed, translated (see the module docstring), thousands
    separators dropped; not spaced, not lowercased (the tokenizer folds case)."""
    if text.isascii():
        return _drop_ascii_thousands(text)
    if not unicodedata.is_normalized("NFD", text):
        text = unicodedata.normalize("NFD", text)
    text = _touched().sub(_translate, text)
    return _THOUSANDS.sub(r"\1", text)


def index_text(text: str) -> str:
    """What the search tables store for ``text``."""
    folded = fold(text)
    return folded if folded.isascii() else _CJK.sub(r" \1 ", folded)


_OPERATORS = {"AND", "OR", "NOT"}


def query_text(query: str) -> str:
    """An FTS5 query over :func:`index_text` for ``query`` as typed: folded the same
    way, each run of Han or kana a quoted phrase (outside quotes the user typed)."""
    folded = fold(query)
    if folded.isascii():
        return folded
    parts = folded.split('"')
    for i in range(0, len(parts), 2):  # outside the user's quotes
        parts[i] = _CJK_RUN.sub(lambda m: '"' + " ".join(m.group()) + '"', parts[i])
    for i in range(1, len(parts), 2):  # inside them: tokens already form a phrase
        parts[i] = _CJK.sub(r" \1 ", parts[i])
    return '"'.join(parts)


def query_terms(query: str) -> list[str]:
    """The words of ``query`` (FTS5 syntax and operators left out), folded and
    lowercased, longest first: what a snippet looks for in the text."""
    words = re.findall(r'[^\s"()*:^+{}]+', query)
    terms = {fold(w).lower() for w in words if w not in _OPERATORS and w.upper() != "NEAR"}
    return sorted((t for t in terms if t.strip(",.'")), key=len, reverse=True)


def fold_with_map(text: str) -> tuple[str, list[int]]:
    """``fold(text).lower()`` one character at a time, with the offset in ``text``
    each folded character came from (for snippets of the text as stored)."""
    table = _table()
    drop = {m.start(2) for m in _THOUSANDS.finditer(text)}
    out: list[str] = []
    source: list[int] = []
    for i, ch in enumerate(text):
        if i in drop:
            continue
        piece = ch.lower() if ch.isascii() else \
            unicodedata.normalize("NFD", ch).translate(table).lower()  # fmt: skip
        for part in piece:
            out.append(part)
            source.append(i)
    return "".join(out), source
