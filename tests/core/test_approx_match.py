"""Conformance and property tests for factcheck.core.approx_match.

The fixture table was transcribed from approx-string-match-js (see
tests/data/hypothesis/PROVENANCE.md).  Its offsets are JavaScript UTF-16 code-unit
offsets; our API works in code points, so every expected offset is converted with
:func:`utf16_to_code_point` before comparing.  Each case is also run a second time on
the UTF-16 code-unit view of its strings (one Python character per code unit, surrogates
included), where the fixture must hold verbatim: that checks parity with the JS library
itself, independently of the conversion.
"""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Any

import pytest

from factcheck.core.approx_match import (
    Match,
    _match_ends,
    _match_ends_blocked,
    min_errors,
    search,
)
from tests.core.utf16 import utf16_to_code_point

FIXTURES = Path(__file__).resolve().parent.parent / "data" / "hypothesis"
ASM = json.loads((FIXTURES / "approx-string-match-fixtures.json").read_text(encoding="utf-8"))


def utf16_units(text: str) -> str:
    """``text`` as JavaScript sees it: one character per UTF-16 code unit."""
    data = text.encode("utf-16-le", "surrogatepass")
    return "".join(chr(int.from_bytes(data[i : i + 2], "little")) for i in range(0, len(data), 2))


def test_utf16_helpers() -> None:
    text = "a\U0001f60ab\u00e9c"  # a, emoji (2 units), b, é (1 unit), c
    assert [utf16_to_code_point(text, u) for u in (0, 1, 3, 4, 5, 6)] == [0, 1, 2, 3, 4, 5]
    with pytest.raises(ValueError):
        utf16_to_code_point(text, 2)  # between the two halves of the emoji
    with pytest.raises(ValueError):
        utf16_to_code_point(text, 7)
    assert len(utf16_units(text)) == 6
    assert utf16_units(text)[1:3] == "\ud83d\ude0a"


def expand_spec(spec: str) -> str:
    """``"foo*5 + bar*20"`` -> ``"foo" * 5 + "bar" * 20`` (the JS test's ``repeat``)."""
    parts = []
    for term in spec.split(" + "):
        word, _, count = term.partition("*")
        parts.append(word * int(count) if count else word)
    return "".join(parts)


def to_matches(text: str, expected: list[dict[str, int]], *, convert: bool) -> list[Match]:
    if not convert:
        return [Match(e["start"], e["end"], e["errors"]) for e in expected]
    return [
        Match(
            utf16_to_code_point(text, e["start"]),
            utf16_to_code_point(text, e["end"]),
            e["errors"],
        )
        for e in expected
    ]


def check(actual: list[Match], expected: list[Match]) -> None:
    """The fixture's ``_check_rule``.

    When the reference lists several acceptable answers and one match is returned, it
    must be one of them; otherwise the full list must be equal (ordered by end).
    """
    if len(actual) == 1 and len(expected) > 1:
        assert actual[0] in expected
    else:
        assert actual == expected


# Fixture cases whose *error count* cannot hold in code points, with the value that
# does.  "sm\U0001f60ale" vs "smile": in JS the emoji is two code units, so matching
# "smile" costs a substitution and an insertion (2 errors, span 0..6 units); in code
# points the emoji is one character and a single substitution suffices (1 error).  The
# span still converts exactly (0..6 units -> 0..5 code points), and the UTF-16 parity
# test below confirms the fixture's 2 errors on the code-unit view.
CODE_POINT_ERRORS = {"unicode_utf16-0": 1}


def fixture_cases() -> list[Any]:
    cases = []
    for group, rows in ASM["fixtures"].items():
        for i, row in enumerate(rows):
            if isinstance(row, dict):
                text, pattern = expand_spec(row["text"]), expand_spec(row["pattern"])
                expected = row["expected"]
            else:
                text, pattern, expected = row
            cases.append(pytest.param(text, pattern, expected, id=f"{group}-{i}"))
    return cases


@pytest.mark.parametrize(("text", "pattern", "expected"), fixture_cases())
def test_fixture_code_points(
    request: pytest.FixtureRequest, text: str, pattern: str, expected: list[dict[str, int]]
) -> None:
    want = to_matches(text, expected, convert=True)
    case_id = request.node.callspec.id
    if case_id in CODE_POINT_ERRORS:
        want = [Match(m.start, m.end, CODE_POINT_ERRORS[case_id]) for m in want]
    check(search(text, pattern, len(pattern)), want)


@pytest.mark.parametrize(("text", "pattern", "expected"), fixture_cases())
def test_fixture_utf16_parity(text: str, pattern: str, expected: list[dict[str, int]]) -> None:
    text16, pattern16 = utf16_units(text), utf16_units(pattern)
    check(search(text16, pattern16, len(pattern16)), to_matches(text, expected, convert=False))


def single_cases() -> list[Any]:
    return [pytest.param(case, id=f"single-{i}") for i, case in enumerate(ASM["single_cases"])]


def run_single(case: dict[str, Any], *, utf16: bool) -> None:
    text: str = case["text"]
    if "pattern_slice" in case:
        lo, hi = case["pattern_slice"]  # a JS string slice: code units
        pattern = text[utf16_to_code_point(text, lo) : utf16_to_code_point(text, hi)]
    else:
        pattern = case["pattern"]
    shown_text = utf16_units(text) if utf16 else text
    shown_pattern = utf16_units(pattern) if utf16 else pattern
    actual = search(shown_text, shown_pattern, case["maxErrors"])
    if "expected" in case:
        check(actual, to_matches(text, case["expected"], convert=not utf16))
    elif "expected_count" in case:
        assert len(actual) == case["expected_count"]
        assert all(m.errors == 0 for m in actual)
    else:
        assert actual
        assert all(shown_text[m.start : m.end] == case["expected_every_match_text"] for m in actual)


@pytest.mark.parametrize("case", single_cases())
def test_single_case_code_points(case: dict[str, Any]) -> None:
    run_single(case, utf16=False)


@pytest.mark.parametrize("case", single_cases())
def test_single_case_utf16_parity(case: dict[str, Any]) -> None:
    run_single(case, utf16=True)


# ---------------------------------------------------------------------------------------
# Beyond the table


def test_astral_characters_before_the_match_count_as_one() -> None:
    text = "\U0001f389\U0001f389 three blind mice \U0001f42d"
    assert search(text, "blind", 0) == [Match(9, 14, 0)]
    assert text[9:14] == "blind"
    assert search(text, "bliind", 2) == [Match(9, 14, 1)]
    # "mice x" is one edit from "mice " (drop the x) and from "mice \U0001f42d"
    # (substitute the emoji, a single character); offsets count the emoji as one.
    assert search(text, "mice x", 3) == [Match(15, 20, 1), Match(15, 21, 1)]
    # Inside a word the emoji costs one edit here, two in UTF-16 (the fixture case).
    assert search("🎉 sm😊le", "smile", 2) == [Match(2, 7, 1)]
    assert search(utf16_units("🎉 sm😊le"), "smile", 2) == [Match(3, 9, 2)]


def test_degenerate_inputs() -> None:
    assert search("abc", "abc", -1) == []
    assert search("abc", "", 3) == []
    assert search("", "abc", 3) == []
    # max_errors is clamped to the pattern length: every end then matches with the
    # minimum error count (here 2: replace both pattern characters, or delete them).
    assert [m.errors for m in search("xyz", "ab", 99)] == [2, 2, 2]


def test_min_errors() -> None:
    assert min_errors("three blind mice", "blind") == 0
    assert min_errors("three blind mice", "bliind") == 1
    assert min_errors("", "x") is None
    assert min_errors("x", "") is None
    assert min_errors("abc", "xyz") == 3


def naive_search(text: str, pattern: str, max_errors: int) -> list[Match]:
    """The search contract computed with the textbook O(n*m) dynamic programme."""
    m = len(pattern)
    if m == 0 or max_errors < 0:
        return []

    def last_row(t: str) -> list[int]:
        # D[m][j] for j = 0..len(t), with free starts (row 0 all zeros).
        col = list(range(m + 1))
        row = [m]
        for ch in t:
            nxt = [0]
            for i in range(1, m + 1):
                cost = 0 if pattern[i - 1] == ch else 1
                nxt.append(min(col[i - 1] + cost, col[i] + 1, nxt[i - 1] + 1))
            col = nxt
            row.append(col[m])
        return row

    row = last_row(text)
    best = min(row[1:], default=m + 1)
    if best > min(max_errors, m):
        return []

    def reaches(start: int, end: int) -> bool:
        # Is there an e in [start, end] with edit(pattern, text[start:e]) <= best?
        col = list(range(m + 1))
        if col[m] <= best:
            return True
        for ch in text[start:end]:
            nxt = [col[0] + 1]
            for i in range(1, m + 1):
                cost = 0 if pattern[i - 1] == ch else 1
                nxt.append(min(col[i - 1] + cost, col[i] + 1, nxt[i - 1] + 1))
            col = nxt
            if col[m] <= best:
                return True
        return False

    matches = []
    for end in range(1, len(text) + 1):
        if row[end] != best:
            continue
        first = max(0, end - m - best)
        start = next((s for s in range(first, end) if reaches(s, end)), end)
        matches.append(Match(start, end, best))
    return matches


def test_random_against_naive_dynamic_programme() -> None:
    rng = random.Random(20240601)
    for _ in range(1500):
        alphabet = rng.choice(["ab", "abc", "abcd", "ab\U0001f600"])
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40)))
        pattern = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 12)))
        k = rng.randint(0, len(pattern) + 1)
        assert search(text, pattern, k) == naive_search(text, pattern, k), (text, pattern, k)


def test_blocked_variant_agrees() -> None:
    rng = random.Random(7)
    for _ in range(600):
        alphabet = rng.choice(["ab", "abcd", "etaoin shrdlu"])
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 150)))
        pattern = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 200)))
        k = rng.randint(0, len(pattern))
        word = rng.choice([1, 3, 8, 32, 64])
        assert _match_ends(text, pattern, k) == _match_ends_blocked(text, pattern, k, word)


def test_long_pattern_single_wide_int() -> None:
    rng = random.Random(3)
    text = "".join(rng.choice("abcdefgh ") for _ in range(3000))
    pattern = text[1000:1700]  # 700 characters: one 700-bit vector
    edited = pattern[:300] + "XYZ" + pattern[303:500] + pattern[510:]
    assert search(text, pattern, 0) == [Match(1000, 1700, 0)]
    best = search(text, edited, 50)
    assert best and best[0].errors <= 13
    assert abs(best[0].start - 1000) <= 13 and abs(best[0].end - 1700) <= 13
