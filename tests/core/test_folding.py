"""Quotes are found whatever invisible direction marks or Unicode normalisation the text
or the typed quote carries, and the span found is the stored text's, marks included."""

from __future__ import annotations

import unicodedata

from factcheck.core.anchoring import Anchor, match_quote, place_in, reanchor
from factcheck.core.folding import count_quote, find_quote, find_spans, fold

LRM, RLM, ALM, FSI, PDI = "\u200e", "\u200f", "\u061c", "\u2068", "\u2069"


def test_direction_marks_are_ignored_but_kept_in_the_span() -> None:
    text = f"قال {RLM}الدفاع المدني{LRM} إن 3,000{ALM} متطوع"
    start, end = find_quote(text, "الدفاع المدني إن 3,000") or (0, 0)
    assert text[start:end] == f"الدفاع المدني{LRM} إن 3,000"
    assert text[start - 1] == RLM  # a mark before the quote stays outside it
    isolated = f"the group ({FSI}الخوذ البيضاء{PDI}) said"
    span = find_quote(isolated, "(الخوذ البيضاء)")
    assert span is not None and isolated[span[0] : span[1]] == f"({FSI}الخوذ البيضاء{PDI})"


def test_decomposed_text_matches_a_typed_composed_quote_and_back() -> None:
    nfd = unicodedata.normalize("NFD", "Die Zahl wurde geprüft. Sie wurde geprüft.")
    assert len(nfd) > len("Die Zahl wurde geprüft. Sie wurde geprüft.")
    assert count_quote(nfd, "geprüft") == 2
    start, end = find_quote(nfd, "geprüft", 2) or (0, 0)
    assert nfd[start:end] == unicodedata.normalize("NFD", "geprüft")
    composed = "Die Zahl wurde geprüft."
    span = find_quote(composed, unicodedata.normalize("NFD", "geprüft"))
    assert span is not None and composed[span[0] : span[1]] == "geprüft"


def test_arabic_marks_in_either_order_match() -> None:
    typed = "\u0627\u0644\u0633\u0651\u064e\u0644\u064e\u0627\u0645\u064f"  # shadda first
    text = "إن " + typed.replace("\u0651\u064e", "\u064e\u0651") + " هو"  # fatha first
    assert typed not in text and not unicodedata.is_normalized("NFC", typed)
    span = find_quote(text, typed)
    assert span is not None and text[span[0] : span[1]] == text[3:-3]


def test_a_match_never_splits_a_character() -> None:
    text = unicodedata.normalize("NFD", "café") + LRM
    assert find_spans(text, "cafe") == []  # "e" is only part of "é"
    assert find_quote(text, "café") == (0, 5)
    assert fold("a" + LRM + "b").source == [0, 2]


def test_re_anchoring_and_matching_ignore_marks() -> None:
    old = "Rescuers said الدفاع المدني worked all night."
    new = old.replace("الدفاع", f"{RLM}الدفاع{LRM}")
    start = old.index("الدفاع")
    quote = "الدفاع المدني"
    anchor = Anchor(start, start + len(quote), quote, old[:start], old[start + len(quote):])
    placed = place_in(new, anchor)
    assert placed.kind in ("exact", "moved") and placed.score > 0.9
    assert new[placed.start : placed.end] == f"الدفاع{LRM} المدني"
    (again,) = reanchor(old, new, [tuple(anchor)])
    assert again.kind in ("exact", "moved") and new[again.start : again.end] == placed.quote
    match = match_quote(new, quote)
    assert match is not None and match.errors == 0 and match.start == placed.start
