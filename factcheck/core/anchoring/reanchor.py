"""Re-anchoring: placing claims on a new revision of an article's text.

A claim is stored as a span ``(start, end)`` in code points plus the exact ``quote`` and
about 32 characters of ``prefix`` and ``suffix`` context.  When the article text changes,
each claim must be put back on the new text, or reported as lost.  Two layers:

:func:`match_quote`
    A re-implementation of the Hypothesis client's ``matchQuote`` (quote/prefix/suffix/
    position scoring over approximate matches).  It answers "where is this quote in
    this text?" for one quote, with the same results as Hypothesis (conformance
    fixtures in ``tests/data/hypothesis``), but it searches the whole text with a
    pure-Python Myers scan: fine for one quote, far too slow for thousands of claims on
    a 1 MB article.

:func:`reanchor`
    Re-anchors many claims from ``old_text`` to ``new_text`` cheaply.  It diffs the two
    texts once (:class:`PositionMap`), then for each claim tries, in order:

    1. ``"exact"``: the quote sits unchanged at the position its old start maps to
       through the diff: ``new_text[s:s + len(quote)] == quote`` for ``s`` the old start
       mapped with right bias, or with left bias, or the old end mapped with left bias
       minus ``len(quote)`` (see :class:`PositionMap` for the mapping and biases).  So a
       claim after an insertion, even one in its own paragraph, is exact at its shifted
       position.  Score 1.0.
    2. ``"moved"``: the quote occurs verbatim elsewhere (``str.find``).  With several
       occurrences the best by :func:`match_quote` scoring (context and distance to the
       mapped old position) wins.  Exact text is accepted whatever its context, as
       Hypothesis does.
    3. ``"fuzzy"``: the best approximate match, first in a window around the mapped old
       position, then (only if that finds nothing acceptable) in seed-selected regions
       of the whole text.  Scored like :func:`match_quote` with the mapped old position
       as the hint.  A match in the window is accepted if ``quote similarity (1 -
       errors / len(quote)) >= FUZZY_MIN_QUOTE_SIMILARITY`` (0.6) and ``score >=
       FUZZY_MIN_SCORE`` (0.65); one found elsewhere needs ``>= 0.75`` on both
       (``FAR_FUZZY_*``).  A fuzzy span that starts or ends inside a
       word is widened to the word boundary when the claim's own edge was on one.
    4. ``"orphaned"``: nothing good enough.

Offsets everywhere are Python string indices (Unicode code points).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal, NamedTuple

from factcheck.core.anchoring.match_quote import (
    _MAX_SCORED_OCCURRENCES,
    _best,
    _folded_matches,
)
from factcheck.core.approx_match import Match, search
from factcheck.core.position_map import PositionMap, common_prefix_len, common_suffix_len
from factcheck.core.quotes import is_word_char

#: A fuzzy placement needs at least this quote similarity (1 - errors / len(quote)) ...
FUZZY_MIN_QUOTE_SIMILARITY = 0.6
#: ... and at least this combined score (quote 50, prefix 20, suffix 20, position 2).
#: Calibrated on English news prose with random edits: an unrelated quote of 30+
#: characters almost never has a match within 40 % errors in the window around its old
#: position, and random 32-character contexts are only ~0.3 similar, so a lost short
#: quote scores below 0.65 even when its own best match is 0.8-0.9 similar.  A quote
#: with a word inserted, deleted, replaced or a typo fixed scores 0.75-0.95 while its
#: context survives, and a typo fix still passes when both contexts were rewritten.
#: The ``test_calibration_*`` tests in tests/core/test_reanchor.py pin this down.
FUZZY_MIN_SCORE = 0.65
#: Stricter thresholds for a fuzzy match found away from the claim's old position (by
#: the whole-text search): far from home, a similar sentence with similar context is
#: more likely another claim (same speaker, same template, another number) than this
#: one edited and moved.
FAR_FUZZY_MIN_QUOTE_SIMILARITY = 0.75
FAR_FUZZY_MIN_SCORE = 0.75

# Window searched around the mapped old position: the quote plus this margin each side
# (at least the quote's length, so a match up to ~2x the quote's length still fits).
_WINDOW_MIN_MARGIN = 64
# Whole-text fuzzy search: the quote is cut into pieces of at least this length, and
# regions where some piece occurs verbatim are searched (pigeonhole filter).
_SEED_MIN_LEN = 12
_SEED_MAX_HITS = 32  # a piece occurring more often is not selective; it is ignored
_SEED_MAX_REGIONS = 8  # candidate regions searched with Myers per claim
# A fuzzy span edge inside a word is widened to the word's boundary by at most this.
_SNAP_LIMIT = 24



# --------------------------------------------------------------------------------------
# Re-anchoring


PlacementKind = Literal["exact", "moved", "fuzzy", "orphaned"]


class Anchor(NamedTuple):
    """A stored claim: its old span, the exact quote, and the context around it."""

    start: int
    end: int
    quote: str
    prefix: str
    suffix: str


@dataclass(frozen=True, slots=True)
class Placement:
    """Where a claim landed on the new text.

    ``quote`` is ``new_text[start:end]``.  For ``kind == "orphaned"`` the span is empty
    (``start == end``) at the claim's mapped old position, ``score`` is 0.0 and
    ``quote`` is "": a place to show a marker, not a match.
    """

    start: int
    end: int
    kind: PlacementKind
    score: float
    quote: str


def _cheap_context_len(text: str, start: int, end: int, prefix: str, suffix: str) -> int:
    """Characters of verbatim context agreement around ``text[start:end]``."""
    lo = max(0, start - len(prefix))
    hi = min(len(text), end + len(suffix))
    return common_suffix_len(text, lo, start, prefix, 0, len(prefix)) + common_prefix_len(
        text, end, hi, suffix, 0, len(suffix)
    )


def _place_moved(
    text: str, quote: str, prefix: str, suffix: str, hint: int, first: int
) -> Placement:
    """Best verbatim occurrence of ``quote`` (the first one starts at ``first``)."""
    n = len(quote)
    occurrences: list[Match] = []
    pos = first
    while pos >= 0:
        occurrences.append(Match(pos, pos + n, 0))
        pos = text.find(quote, pos + 1)
    if len(occurrences) > _MAX_SCORED_OCCURRENCES:
        occurrences.sort(
            key=lambda m: (
                -_cheap_context_len(text, m.start, m.end, prefix, suffix),
                abs(m.start - hint),
            )
        )
        occurrences = sorted(occurrences[:_MAX_SCORED_OCCURRENCES], key=lambda m: m.start)
    best = _best(text, n, occurrences, prefix, suffix, hint)
    assert best is not None  # occurrences is not empty
    match, score = best
    return Placement(match.start, match.end, "moved", score, quote)


def _seed_regions(text: str, quote: str, slack: int, hint: int) -> list[tuple[int, int]]:
    """Regions of ``text`` worth a Myers search for ``quote``, found by verbatim pieces.

    The quote is cut into ``p`` pieces of at least ``_SEED_MIN_LEN`` characters; a match
    with fewer than ``p`` errors contains at least one piece verbatim (pigeonhole).  Each
    occurrence of a piece votes for the position where the quote would start; votes
    within ``slack`` of each other form one candidate.  Candidates with the most distinct
    pieces, then the nearest to ``hint``, are returned (at most ``_SEED_MAX_REGIONS``) as
    the regions where their whole match would lie.  Pieces occurring more than
    ``_SEED_MAX_HITS`` times are ignored as unselective.  So a match is certainly found
    only with fewer than ``p`` errors (or one intact piece) and only among the top
    candidates: a heuristic that keeps the cost to a few ``str.find`` scans and a few
    short Myers searches per claim.
    """
    n = len(quote)
    pieces = max(1, min(slack + 1, n // _SEED_MIN_LEN))
    size = n // pieces
    votes: list[tuple[int, int]] = []  # (implied quote start, piece index)
    for i in range(pieces):
        offset = i * size
        piece = quote[offset : n if i == pieces - 1 else offset + size]
        hits: list[int] = []
        pos = text.find(piece)
        while pos >= 0 and len(hits) <= _SEED_MAX_HITS:
            hits.append(pos)
            pos = text.find(piece, pos + 1)
        if len(hits) <= _SEED_MAX_HITS:
            votes.extend((pos - offset, i) for pos in hits)
    votes.sort()
    clusters: list[tuple[int, int, int]] = []  # (-distinct pieces, distance, start)
    i = 0
    while i < len(votes):
        j = i
        while j + 1 < len(votes) and votes[j + 1][0] - votes[i][0] <= slack:
            j += 1
        group = votes[i : j + 1]
        start = group[len(group) // 2][0]
        clusters.append((-len({piece for _, piece in group}), abs(start - hint), start))
        i = j + 1
    clusters.sort()
    regions = sorted(
        (max(0, start - slack), min(len(text), start + n + 2 * slack))
        for _, _, start in clusters[:_SEED_MAX_REGIONS]
    )
    merged: list[tuple[int, int]] = []
    for lo, hi in regions:
        if merged and lo <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(hi, merged[-1][1]))
        else:
            merged.append((lo, hi))
    return merged


def _fuzzy_in(
    text: str,
    regions: Sequence[tuple[int, int]],
    quote: str,
    prefix: str,
    suffix: str,
    hint: int,
    max_errors: int,
) -> tuple[Match, float] | None:
    """Best-scoring approximate match of ``quote`` within ``regions`` of ``text``."""
    candidates: list[Match] = []
    for lo, hi in regions:
        for m in search(text[lo:hi], quote, max_errors):
            candidates.append(Match(m.start + lo, m.end + lo, m.errors))
    return _best(text, len(quote), candidates, prefix, suffix, hint)


def _max_errors(quote_length: int, min_similarity: float) -> int:
    """The most errors a match may have and still reach ``min_similarity``."""
    return min(256, quote_length // 2, int(quote_length * (1.0 - min_similarity) + 1e-9))


def _place_fuzzy(text: str, quote: str, prefix: str, suffix: str, hint: int) -> Placement | None:
    """Approximate placement near ``hint``, else where seeds lead; None if not good enough."""
    n = len(quote)
    margin = max(_WINDOW_MIN_MARGIN, n)
    window = (max(0, hint - margin), min(len(text), hint + n + margin))
    found = _fuzzy_in(
        text, [window], quote, prefix, suffix, hint, _max_errors(n, FUZZY_MIN_QUOTE_SIMILARITY)
    )
    if found is not None and not (
        1.0 - found[0].errors / n >= FUZZY_MIN_QUOTE_SIMILARITY and found[1] >= FUZZY_MIN_SCORE
    ):
        found = None
    if found is None:
        slack = _max_errors(n, FAR_FUZZY_MIN_QUOTE_SIMILARITY)
        regions = [
            (lo, hi)
            for lo, hi in _seed_regions(text, quote, slack, hint)
            if lo < window[0] or hi > window[1]
        ]
        found = _fuzzy_in(text, regions, quote, prefix, suffix, hint, slack)
        if found is not None and not (
            1.0 - found[0].errors / n >= FAR_FUZZY_MIN_QUOTE_SIMILARITY
            and found[1] >= FAR_FUZZY_MIN_SCORE
        ):
            found = None
    if found is None:
        return None
    match, score = found
    start, end = _snap_to_words(text, match.start, match.end, quote, prefix, suffix)
    return Placement(start, end, "fuzzy", score, text[start:end])


# One definition of a word character for the whole app (selection snapping and
# widening a fuzzy match to whole words): factcheck.core.quotes.
_is_word_char = is_word_char


def _snap_to_words(
    text: str, start: int, end: int, quote: str, prefix: str, suffix: str
) -> tuple[int, int]:
    """Widen a fuzzy span that cuts a word, where the claim itself did not cut one.

    The minimum-edit match may stop inside an edited word ("allotmen" for a claim
    ending in "allocation" now reading "allotment").  If the stored claim began (ended)
    on a word boundary, a start (end) that falls strictly inside a word is moved out to
    that word's boundary, by at most ``_SNAP_LIMIT`` characters.
    """
    if (
        0 < start < len(text)
        and _is_word_char(quote[0])
        and not (prefix and _is_word_char(prefix[-1]))
        and _is_word_char(text[start - 1])
        and _is_word_char(text[start])
    ):
        lo = start - 1
        while lo > 0 and _is_word_char(text[lo - 1]) and start - lo < _SNAP_LIMIT:
            lo -= 1
        if lo == 0 or not _is_word_char(text[lo - 1]):
            start = lo
    if (
        0 < end < len(text)
        and _is_word_char(quote[-1])
        and not (suffix and _is_word_char(suffix[0]))
        and _is_word_char(text[end - 1])
        and _is_word_char(text[end])
    ):
        hi = end + 1
        while hi < len(text) and _is_word_char(text[hi]) and hi - end < _SNAP_LIMIT:
            hi += 1
        if hi == len(text) or not _is_word_char(text[hi]):
            end = hi
    return start, end


def reanchor(
    old_text: str,
    new_text: str,
    anchors: Iterable[tuple[int, int, str, str, str]],
    *,
    position_map: PositionMap | None = None,
) -> list[Placement]:
    """Place each anchor ``(start, end, quote, prefix, suffix)`` on ``new_text``.

    Returns one :class:`Placement` per anchor, in order; rules in the module docstring.
    "Exact at the old position" means: with ``s`` the anchor's start mapped through the
    diff (:class:`PositionMap`, right bias), or mapped with left bias, or ``e - len(quote)``
    with ``e`` the end mapped with left bias, ``new_text[s:s + len(quote)] == quote``.
    An empty quote is always orphaned.  ``position_map`` may be passed to reuse a diff
    already computed for the same two texts.

    Cost: one diff, then O(log n) per claim whose text is untouched; ``str.find`` for
    the others; Myers searches (windowed, then seed-filtered) only for claims whose
    quote no longer occurs verbatim.
    """
    pmap = position_map if position_map is not None else PositionMap(old_text, new_text)
    starts = pmap._old_starts
    new_starts = pmap._new_starts
    lengths = pmap._lengths
    placements: list[Placement] = []
    append = placements.append
    startswith = new_text.startswith
    for start, end, quote, prefix, suffix in anchors:
        n = len(quote)
        # Fast path, inlined PositionMap.map(start, "right") for a start inside a block.
        i = bisect_right(starts, start) - 1
        if i >= 0 and start - starts[i] <= lengths[i]:
            mapped = new_starts[i] + start - starts[i]
        else:
            mapped = pmap.map(start, "right")
        if n and startswith(quote, mapped):
            append(Placement(mapped, mapped + n, "exact", 1.0, quote))
            continue
        if not n:
            append(Placement(mapped, mapped, "orphaned", 0.0, ""))
            continue
        left = pmap.map(start, "left")
        end_left = pmap.map(end, "left") - n
        exact_at = next((p for p in (left, end_left) if p >= 0 and startswith(quote, p)), None)
        if exact_at is not None:
            append(Placement(exact_at, exact_at + n, "exact", 1.0, quote))
            continue
        first = new_text.find(quote)
        if first >= 0:
            append(_place_moved(new_text, quote, prefix, suffix, mapped, first))
            continue
        folded = _place_folded(new_text, quote, prefix, suffix, mapped, mapped)
        if folded is not None:
            append(folded)
            continue
        fuzzy = _place_fuzzy(new_text, quote, prefix, suffix, mapped)
        append(fuzzy if fuzzy is not None else Placement(mapped, mapped, "orphaned", 0.0, ""))
    return placements


def place_in(text: str, anchor: Anchor) -> Placement:
    """Place one stored claim on ``text`` when the text it was taken from is not at
    hand (an undo entry, another reviewer's annotation): the exact quote at its old
    span is ``exact``; the quote found verbatim elsewhere, best by context and distance,
    is ``moved``; an approximate match within the re-anchoring thresholds is ``fuzzy``;
    else ``orphaned`` (an empty span near the old start)."""
    start, end, quote, prefix, suffix = anchor
    n = len(quote)
    hint = min(max(start, 0), len(text))
    if not n:
        return Placement(hint, hint, "orphaned", 0.0, "")
    if start >= 0 and text.startswith(quote, start) and end - start == n:
        return Placement(start, start + n, "exact", 1.0, quote)
    first = text.find(quote)
    if first >= 0:
        return _place_moved(text, quote, prefix, suffix, hint, first)
    folded = _place_folded(text, quote, prefix, suffix, hint, start)
    if folded is not None:
        return folded
    fuzzy = _place_fuzzy(text, quote, prefix, suffix, hint)
    return fuzzy if fuzzy is not None else Placement(hint, hint, "orphaned", 0.0, "")


def _place_folded(text: str, quote: str, prefix: str, suffix: str, hint: int,
                  old_start: int) -> Placement | None:  # fmt: skip
    """The best :func:`_folded_matches` occurrence: ``exact`` where it starts at the
    claim's old start, else ``moved``; None when there is none."""
    best = _best(text, len(quote), _folded_matches(text, quote), prefix, suffix, hint)
    if best is None:
        return None
    match, score = best
    kind: PlacementKind = "exact" if match.start == old_start else "moved"
    return Placement(match.start, match.end, kind, 1.0 if kind == "exact" else score,
                     text[match.start : match.end])  # fmt: skip
