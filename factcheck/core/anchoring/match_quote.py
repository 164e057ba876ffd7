"""The matchQuote port: where one quote lies in a text, as the Hypothesis client finds it.

A re-implementation of the Hypothesis client's ``matchQuote`` (quote/prefix/suffix/
position scoring over approximate matches). It answers "where is this quote in this
text?" for one quote, with the same results as Hypothesis (conformance fixtures in
``tests/data/hypothesis``), but it searches the whole text with a pure-Python Myers
scan: fine for one quote, far too slow for thousands of claims on a 1 MB article (see
:mod:`factcheck.core.anchoring.reanchor` for that).

Offsets are Python string indices (Unicode code points).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from factcheck.core.approx_match import Match, min_errors, search
from factcheck.core.folding import find_spans

# Weights of the Hypothesis client's matchQuote.
QUOTE_WEIGHT = 50.0
PREFIX_WEIGHT = 20.0
SUFFIX_WEIGHT = 20.0
POSITION_WEIGHT = 2.0
_MAX_SCORE = QUOTE_WEIGHT + PREFIX_WEIGHT + SUFFIX_WEIGHT + POSITION_WEIGHT
# With more verbatim occurrences than this, only the best by a cheap context check are
# scored in full.
_MAX_SCORED_OCCURRENCES = 32

# --------------------------------------------------------------------------------------
# matchQuote


@dataclass(frozen=True, slots=True)
class QuoteMatch:
    """Best match of a quote: ``text[start:end]``, its score (0..1) and edit count."""

    start: int
    end: int
    score: float
    errors: int


def text_match_score(text: str, pattern: str) -> float:
    """Similarity in 0..1 of ``pattern`` to its best approximate occurrence in ``text``.

    ``1 - errors / len(pattern)``; 0.0 when either string is empty (Hypothesis's
    ``textMatchScore``).
    """
    errors = min_errors(text, pattern)
    if errors is None:
        return 0.0
    return 1.0 - errors / len(pattern)


def score_match(
    text: str,
    quote_length: int,
    match: Match,
    prefix: str = "",
    suffix: str = "",
    hint: int | None = None,
) -> float:
    """Hypothesis's matchQuote score of ``match`` (a match of a quote in ``text``).

    Weighted mean of: quote similarity (50), similarity of the text before the match to
    ``prefix`` (20; 1.0 if no prefix given), of the text after it to ``suffix`` (20;
    likewise) and closeness of ``match.start`` to ``hint`` relative to the text length
    (2; 1.0 without a hint).  The terms are added in Hypothesis's order so that ties
    break identically.
    """
    quote_score = 1.0 - match.errors / quote_length
    prefix_score = (
        text_match_score(text[max(0, match.start - len(prefix)) : match.start], prefix)
        if prefix
        else 1.0
    )
    suffix_score = (
        text_match_score(text[match.end : match.end + len(suffix)], suffix) if suffix else 1.0
    )
    position_score = 1.0
    if hint is not None:
        position_score = 1.0 - abs(match.start - hint) / len(text)
    raw = (
        QUOTE_WEIGHT * quote_score
        + PREFIX_WEIGHT * prefix_score
        + SUFFIX_WEIGHT * suffix_score
        + POSITION_WEIGHT * position_score
    )
    return raw / _MAX_SCORE


def _exact_matches(text: str, quote: str) -> list[Match]:
    """Every verbatim occurrence of ``quote`` (overlapping ones included), in order."""
    matches: list[Match] = []
    n = len(quote)
    pos = text.find(quote)
    while pos >= 0:
        matches.append(Match(pos, pos + n, 0))
        pos = text.find(quote, pos + 1)
    return matches


def _folded_matches(text: str, quote: str) -> list[Match]:
    """Occurrences of ``quote`` that differ from it only by invisible direction marks
    or Unicode normalisation (:mod:`factcheck.core.folding`): the same words to a
    reader, so as good as verbatim. Searched only when there is no verbatim one."""
    return [Match(s, e, 0) for s, e in find_spans(text, quote, _MAX_SCORED_OCCURRENCES)]


def _best(
    text: str,
    quote_length: int,
    matches: Iterable[Match],
    prefix: str,
    suffix: str,
    hint: int | None,
) -> tuple[Match, float] | None:
    """Highest-scoring match; the first one wins ties (Hypothesis uses a stable sort)."""
    best: tuple[Match, float] | None = None
    for match in matches:
        score = score_match(text, quote_length, match, prefix, suffix, hint)
        if best is None or score > best[1]:
            best = (match, score)
    return best


def match_quote(
    text: str,
    quote: str,
    *,
    prefix: str = "",
    suffix: str = "",
    hint: int | None = None,
) -> QuoteMatch | None:
    """Best match of ``quote`` in ``text``, as the Hypothesis client's matchQuote finds it.

    Candidates are all verbatim occurrences if there is any, otherwise the best
    approximate matches with at most ``min(256, len(quote) // 2)`` errors.  Each is
    scored by :func:`score_match` and the highest score wins (first on ties).  None for
    an empty quote or text, or when no candidate is within the error budget.

    Searches the whole text in pure Python (about 1 µs per character when there is no
    verbatim occurrence); for bulk work use :func:`reanchor`.
    """
    if not quote or not text:
        return None
    candidates = _exact_matches(text, quote)
    if not candidates:
        candidates = _folded_matches(text, quote)
    if not candidates:
        candidates = search(text, quote, min(256, len(quote) // 2))
    best = _best(text, len(quote), candidates, prefix, suffix, hint)
    if best is None:
        return None
    match, score = best
    return QuoteMatch(match.start, match.end, score, match.errors)


