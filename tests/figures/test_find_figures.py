"""The figure finder on sentences a reader can check by eye."""

from __future__ import annotations

import pytest

from factcheck.core.figures import find_figures, guess_language


def _one(text: str, number: str, lang: str = "en"):  # type: ignore[no-untyped-def]
    found = [f for f in find_figures(text, lang=lang) if number in f.text]
    assert found, f"{number!r} not found in {[f.text for f in find_figures(text, lang=lang)]}"
    return found[0]


@pytest.mark.parametrize(("text", "number", "value"), [
    ("They counted 99,000 people.", "99,000", 99000),
    ("Ils étaient 3.000 bénévoles.", "3.000", 3000),
    ("Il y a 1 200 blessés.", "1 200", 1200),
    ("Il y a 1\u202f200 blessés.", "1\u202f200", 1200),
    ("Growth of 2.5 percent.", "2.5", 2.5),
    ("Une hausse de 1,5 %.", "1,5", 1.5),
    ("يوجد ٣٠٠٠ متطوع", "٣٠٠٠", 3000),
    ("There are nearly three thousand members.", "three thousand", 3000),
    ("Revenue was $4.2 billion.", "4.2 billion", 4.2e9),
    ("Près de deux mille cinq cents morts.", "deux mille cinq cents", 2500),
    ("Some half a million people fled.", "half a million", 500000),
])  # fmt: skip
def test_numbers_in_every_grouping(text: str, number: str, value: float) -> None:
    lang = guess_language(text) if any(c in text for c in "éèà") or "Ils" in text else "en"
    assert _one(text, number, lang).value == pytest.approx(value)


def test_hedges_become_ranges_and_keep_their_words() -> None:
    text = ("There are more than 3,000 volunteers. There are nearly 3,000 members. "
            "It has some 60,000 people. At least 19 vehicles. Up to 300 workers. "
            "Between 20 and 25 centres were hit.")  # fmt: skip
    figs = {f.text: f for f in find_figures(text, lang="en")}
    above = figs["more than 3,000"]
    assert (above.hedge, above.hedge_kind, above.low, above.high, above.low_open) == (
        "more than", "above", 3000, None, True)
    nearly = figs["nearly 3,000"]
    assert nearly.hedge_kind == "below" and nearly.high == 3000 and nearly.high_open
    assert nearly.low is not None and 2700 < nearly.low < 3000
    assert figs["some 60,000"].hedge_kind == "about"
    assert figs["At least 19"].hedge_kind == "at-least"
    assert figs["Up to 300"].hedge_kind == "up-to"
    between = figs["Between 20 and 25"]
    assert (between.hedge_kind, between.low, between.high) == ("between", 20, 25)


def test_unit_predicate_subject_time_and_attribution() -> None:
    text = ("The White Helmets, officially called the Syria Civil Defence, work in Syria. "
            "The group says it has saved more than 99,000 lives since 2013. "
            "Saleh is responsible for leading the group's 2,700-strong members. "
            "According to the United Nations, the White Helmets have rescued 60,000 people.")
    figs = {f.text: f for f in find_figures(text, lang="en")}
    saved = figs["more than 99,000"]
    assert (saved.unit, saved.predicate_class, saved.measure) == ("lives", "saved", "saved people")
    assert saved.subject_name == "White Helmets" and saved.attribution == "The group"
    assert (saved.since, saved.to_date) == ("2013", True)
    strong = figs["2,700"]
    assert (strong.unit, strong.measure, strong.subject_name) == (
        "members", "size members", "White Helmets")
    rescued = figs["60,000"]
    assert rescued.attribution == "the United Nations"
    assert rescued.subject_name == "White Helmets"


def test_offsets_are_code_points_into_the_text() -> None:
    text = "😀 “Près de 300 morts”, selon la préfecture. Puis 1 200 blessés."
    for f in find_figures(text, lang="fr"):
        assert text[f.start : f.end] == f.text
        assert text[f.num_start : f.num_end] in f.text


def test_dates_and_years_are_not_counts() -> None:
    text = "08/10/2016 12:53 AM AEDT\nOn June 3, 2016, the group was founded in 2013."
    figs = find_figures(text, lang="en")
    kinds = {f.text: f.kind for f in figs}
    assert kinds["08/10/2016"] == "date" and kinds["12:53 AM"] == "time"
    assert kinds["June 3, 2016"] == "date"
    year = next(f for f in figs if f.text == "2013")
    assert (year.kind, year.measure) == ("year", "founded")
    assert not [f for f in figs if f.kind == "count"]


def test_non_facts_are_kept_out() -> None:
    text = ("It grew from a small group of around 20 volunteers into a large operation. "
            "Airstrikes have killed 141 White Helmets members. Six years later, it goes on. "
            "One of them said so.")
    figs = {f.text: f for f in find_figures(text, lang="en")}
    assert figs["around 20"].measure == "initial members"
    assert figs["141"].measure == "killed members"
    assert figs["Six"].measure == ""
    assert "One" not in figs


def test_nothing_to_find_and_odd_input() -> None:
    assert find_figures("", lang="en") == []
    assert find_figures("No numbers here at all.") == []
    assert find_figures("G20 COVID-19 3D 21st") == []
    find_figures("\x00 1,2,3,4 .5. ,,, 9" * 50)  # must not raise
