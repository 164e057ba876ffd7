from __future__ import annotations

from factcheck.core.quotes import (
    context,
    count_occurrences,
    find_occurrence,
    snap_to_words,
    trim_whitespace,
    widen_snippet,
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


FIGURES = "More than 3,000 volunteers, 99,000 rescued, a 2.5% rise, a 1,200-strong unit."


def test_a_figure_is_one_word_when_snapping() -> None:
    for figure in ("3,000", "99,000", "2.5%", "1,200-strong"):
        at = FIGURES.index(figure)
        for i in range(len(figure)):  # a one-character selection anywhere in it
            start, end = snap_to_words(FIGURES, at + i, at + i + 1)
            assert FIGURES[start:end] == figure, (figure, i)
    # A sentence's full stop or a list's comma after a figure is not part of it.
    text = "It had 3,000. Then 4,000, then more."
    start, end = snap_to_words(text, text.index("000."), text.index("000.") + 1)
    assert text[start:end] == "3,000"
    start, end = snap_to_words(text, text.index("4,0"), text.index("4,0") + 1)
    assert text[start:end] == "4,000"


def test_search_snippets_do_not_cut_figures() -> None:
    text = "The group has more than 3,000 volunteers and 2.5% of the budget."
    assert widen_snippet("The group has more than [3]…", [text]) == \
        "The group has more than [3,000]…"
    assert widen_snippet("…more than [3],000 volunteers…", [text]) == \
        "…more than [3,000] volunteers…"
    assert widen_snippet("…and [2].5% of…", ["other", text]) == "…and [2.5%] of…"
    assert widen_snippet("…[volunteers] and…", [text]) == "…[volunteers] and…"
    assert widen_snippet("not in any [source]", [text]) == "not in any [source]"
