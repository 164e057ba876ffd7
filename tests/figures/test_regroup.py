"""Grouping rules that read one figure through another in the same sentence: a part
of a whole, a figure quoted as the one replaced, a figure said to be only a part."""

from __future__ import annotations

from factcheck.core.figures import read_article, regroup
from factcheck.core.figures.facts import measure_kind, measure_label


def _measures(text: str, lang: str = "en") -> dict[str, str]:
    figs = read_article(text, lang=lang).figures
    return {f.text: f.measure for f in regroup(text, figs)}


def test_a_part_of_a_whole_counts_what_the_whole_counts() -> None:
    got = _measures("The Unity Party won 71 of the 150 seats in the assembly.")
    assert got["71"] == "seats won" and got["150"] == ""  # the whole is no fact of its own
    got = _measures("Some 4.1 million of the 6.4 million registered voters cast a ballot.")
    assert got["Some 4.1 million"] == "voted people"  # the part of an electorate that voted


def test_a_figure_quoted_as_the_one_replaced_is_the_same_fact() -> None:
    got = _measures("Le bilan est de 198 morts, et non plus 212, selon les autorités.", "fr")
    assert got["198"] == got["212"] == "killed people"
    got = _measures("The death toll rose to 41 on Monday, up from 29, officials said.")
    assert got["41"] == got["29"] == "killed people"
    # numbers merely side by side are not read as one replacing the other
    got = _measures("The death toll rose to 41 on Monday and 29 boats joined the search.")
    assert got["29"] == ""


def test_a_figure_said_to_be_a_part_is_kept_apart_from_the_total() -> None:
    got = _measures("At least 23 people were killed on Sunday alone, the monitor said.")
    assert got["At least 23"] == "killed people part"
    got = _measures("In the capital alone, 400 people were injured.")
    assert got["400"] == "injured people part"
    assert measure_kind("killed people part") == "series"
    assert measure_label("killed people part") == "deaths, a part only"
    got = _measures("At least 23 people were killed on Sunday, the monitor said.")
    assert got["At least 23"] == "killed people"  # a day named is no part by itself


def test_a_replaced_figure_with_a_measure_of_its_own_keeps_it() -> None:
    """The replaced-figure rule fires on this shape of sentence (the second figure takes
    the first's measure when it has none), but not over a measure the figure has."""
    text = "The toll rose to 41 dead on Monday, up from 29 injured."
    figs = read_article(text, lang="en").figures
    before = {f.text: f.measure for f in figs}
    assert before == {"41": "killed people", "29": "injured people"}
    assert _measures(text) == before
    assert _measures("The toll rose to 41 on Monday, up from 29.")["29"] == "killed people"


def test_a_part_mark_belongs_to_its_own_clause_or_an_opening_phrase() -> None:
    got = _measures("At least 23 people were injured on Sunday alone, up from 12 people killed.")
    assert got["At least 23"] == "injured people part"
    assert got["12"] == "killed people"  # "alone" closes the other figure's clause
    got = _measures("In the capital alone, 400 people were injured and 12 were killed.")
    assert got["400"] == "injured people part"
