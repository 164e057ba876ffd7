"""Conformance tests of match_quote against the Hypothesis client's matchQuote tests.

The fixture table was transcribed from hypothesis/client (see
tests/data/hypothesis/PROVENANCE.md).  Offsets in it (``expected_start``, ``hint``) are
JavaScript UTF-16 code-unit offsets; they are converted to code points with
:func:`utf16_to_code_point` before use.
"""

from __future__ import annotations

import json
from itertools import pairwise
from pathlib import Path
from typing import Any

import pytest

from factcheck.core.anchoring import (
    QuoteMatch,
    match_quote,
    score_match,
    text_match_score,
)
from factcheck.core.approx_match import Match
from tests.core.utf16 import utf16_to_code_point

FIXTURES = Path(__file__).resolve().parent.parent / "data" / "hypothesis"
MQ = json.loads((FIXTURES / "match-quote-fixtures.json").read_text(encoding="utf-8"))
TEXTS: dict[str, str] = MQ["texts"]


def fixture_text(case: dict[str, Any]) -> str:
    return case["text_literal"] if "text_literal" in case else TEXTS[case["text"]]


def params(section: str) -> list[Any]:
    return [
        pytest.param(case, id=case.get("name", f"{section}-{i}"))
        for i, case in enumerate(MQ[section])
    ]


@pytest.mark.parametrize("case", params("exact_cases"))
def test_exact_cases(case: dict[str, Any]) -> None:
    text = fixture_text(case)
    quote = TEXTS[case["quote_text"]] if "quote_text" in case else case["quote"]
    match = match_quote(text, quote, prefix=case.get("prefix", ""), suffix=case.get("suffix", ""))
    if "expect" in case:
        assert case["expect"] is None
        assert match is None
        return
    assert match is not None
    assert text[match.start : match.end] == case["expect_slice"]
    if "expect_score" in case:
        assert match.score == case["expect_score"]
    if "expect_score_open_interval" in case:
        lo, hi = case["expect_score_open_interval"]
        assert lo < match.score < hi


@pytest.mark.parametrize("case", params("monotonic_score_cases"))
def test_monotonic_score_cases(case: dict[str, Any]) -> None:
    text = fixture_text(case)
    scores = []
    for value in case["values_descending_similarity"]:
        args = {"quote": case.get("quote", ""), "prefix": "", "suffix": ""}
        args[case["vary"]] = value
        match = match_quote(text, args["quote"], prefix=args["prefix"], suffix=args["suffix"])
        assert match is not None, value
        scores.append(match.score)
    assert case["expect"] == "scores strictly decreasing"
    assert all(a > b for a, b in pairwise(scores)), scores


@pytest.mark.parametrize("case", params("context_cases"))
def test_context_cases(case: dict[str, Any]) -> None:
    text = fixture_text(case)
    match = match_quote(
        text, case["quote"], prefix=case.get("prefix", ""), suffix=case.get("suffix", "")
    )
    assert match is not None
    expected = utf16_to_code_point(text, case["expected_start"])
    assert match.start == expected
    assert text.index(case["expected_start_of"]) == expected


@pytest.mark.parametrize("case", params("hint_cases"))
def test_hint_cases(case: dict[str, Any]) -> None:
    text = fixture_text(case)
    hint = utf16_to_code_point(text, case["hint"]) if "hint" in case else None
    match = match_quote(text, case["quote"], hint=hint)
    assert match is not None
    assert match.start == utf16_to_code_point(text, case["expected_start"])


# ---------------------------------------------------------------------------------------
# Beyond the table


def test_offsets_are_code_points_after_astral_characters() -> None:
    text = (
        "\U0001f4f0\U0001f4f0 Breaking: the mayor resigned. \U0001f4f0 Later: the mayor resigned."
    )
    first = text.index("the mayor")
    second = text.index("the mayor", first + 1)
    match = match_quote(text, "the mayor resigned.", prefix="\U0001f4f0 Later: ")
    assert match == QuoteMatch(second, second + 19, match.score if match else 0.0, 0)
    match = match_quote(text, "the mayer resigned", hint=first)
    assert match is not None and (match.start, match.errors) == (first, 1)
    assert text[match.start : match.end] == "the mayor resigned"


def test_exact_match_beats_context() -> None:
    # Any verbatim occurrence wins over approximate ones, whatever the context says.
    text = "the cat sat on the mat. the hat sat on the mat."
    match = match_quote(text, "cat sat", prefix="the h")
    assert match is not None and text[match.start : match.end] == "cat sat"


def test_error_budget_is_half_the_quote() -> None:
    # Hypothesis allows len(quote) / 2 errors (4.5 for 9 characters, so 4).
    assert match_quote("abcdefghi", "abcdXXXXX") is None  # 5 errors
    match = match_quote("abcdefghi", "abcdeXXXX")
    assert match is not None and match.errors == 4


def test_text_match_score() -> None:
    assert text_match_score("", "abc") == 0.0
    assert text_match_score("abc", "") == 0.0
    assert text_match_score("xxabcxx", "abc") == 1.0
    assert text_match_score("xxabxx", "abc") == pytest.approx(2 / 3)


def test_score_match_weights() -> None:
    text = "0123456789"
    perfect = score_match(text, 3, Match(2, 5, 0), prefix="01", suffix="56", hint=2)
    assert perfect == 1.0
    # Quote similarity 2/3, no context given (counts as 1.0), 5 characters off the hint.
    score = score_match(text, 3, Match(2, 5, 1), hint=7)
    assert score == pytest.approx((50 * 2 / 3 + 20 + 20 + 2 * 0.5) / 92)
