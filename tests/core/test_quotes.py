from __future__ import annotations

from factcheck.core.quotes import (
    context,
    count_occurrences,
    find_occurrence,
    snap_to_words,
    trim_whitespace,
)

TEXT = "The group says it has saved 60,000 people; others say 100,000 people."


def test_find_occurrence_counts_from_one() -> None:
    assert find_occurrence(TEXT, "people", 1) == TEXT.index("people")
    assert find_occurrence(TEXT, "people", 2) == TEXT.rindex("people")
    assert find_occurrence(TEXT, "people", 3) is None
    assert find_occurrence(TEXT, "", 1) is None
    assert count_occurrences("aaa", "aa") == 2


def test_context_is_clipped_at_the_edges() -> None:
    assert context("abcdef", 1, 3, width=32) == ("a", "def")
    assert context(TEXT, 20, 30, width=5) == (TEXT[15:20], TEXT[30:35])


def test_snap_grows_to_whole_words_and_trims() -> None:
    s = TEXT.index("aved")  # inside "saved"
    e = TEXT.index("000 p") + 2  # inside "60,000"
    start, end = snap_to_words(TEXT, s, e)
    assert TEXT[start:end] == "saved 60,000"
    start, end = snap_to_words(TEXT, 3, 4)  # a lone space
    assert start == end
    assert trim_whitespace("  ab  ", 0, 6) == (2, 4)


def test_snap_keeps_punctuation_and_handles_reversed_spans() -> None:
    s = TEXT.index("; others")
    start, end = snap_to_words(TEXT, s + 4, s)  # reversed, starts at ";"
    assert TEXT[start:end] == "; others"


def test_whitespace_only_selection_is_empty() -> None:
    start, end = snap_to_words("word    word", 5, 7)
    assert start == end
