"""The number finder tries its patterns only where they can start (digit runs, a
currency sign before one, month and number words): on awkward text it finds exactly
what trying every position finds, which is what scanning with each pattern does."""

from __future__ import annotations

import re
from collections.abc import Iterable

import pytest

from factcheck.core.figures import numbers
from factcheck.core.figures.extract import _lifted, _reader
from factcheck.core.figures.lexicon import LEXICONS, lexicon
from factcheck.core.figures.scanning import anchored, lowered, word_starts

AWKWARD = [
    "NZ$ 5 million, US$1,200, USD 40, HK$-3, €\u00a012, 4,5 € et 30 %.",
    "USD5 and CHF 9bn; $ 7; £3.5m; 5m of road; 3k runners.",
    "On 2016-03-02, 12/05/2016 and 1.2.17 at 10:30 a.m. or 9pm; 5th March 2016.",
    "March 5, 2016; Mar. 2016; the 3rd of May; May 2019; MAY 2019; maybe 2019.",
    "Twenty-one, ONE HUNDRED and five, someone often weighed eight; a dozen; "
    "half a million; hundreds of people; tens of thousands of them.",
    "vingt et un, deux mille cinq cents, des milliers de personnes, une centaine.",
    "Dotless ı and İstanbul: twenty İ ſeven thouſands of 1,200; seventy-ſix.",
    "A380 G20s 21st 3D 2.5.1 1/2 10-12 10–12 between 20 and 25 from 5 to 7.",
    "٣٠٠٠ متطوع و ٢٬٥٠٠ شخص, 1\u202f200 blessés, 99 000 lives, 3.000 bénévoles.",
    "known as the Civil Defence; également connu sous le nom de X; dit-il; aka Y.",
]


class _EveryPlace(numbers.Scan):
    """A scan that lets every pattern be tried at every position: ``finditer``."""

    def __init__(self, text: str, lang: str) -> None:
        super().__init__(text, lexicon(lang))
        self.digit_starts = list(range(len(text)))

    def currency_or_digit_starts(self) -> list[int]:
        return list(range(len(self.text)))

    def word_starts(self, words: Iterable[str]) -> list[int] | None:
        return list(range(len(self.text)))

    def contains_any(self, words: Iterable[str]) -> bool:
        return True


def _numbers(text: str, lang: str, scan: numbers.Scan) -> list[numbers.Number]:
    lex = lexicon(lang)
    pats = numbers._patterns(lex)
    taken = numbers._Occupied()
    found = numbers._dates(text, lex, pats, taken, scan)
    found += numbers._digit_numbers(text, lex, pats, taken, scan)
    found += numbers._word_numbers(text, lex, pats, taken, scan)
    return sorted(found, key=lambda n: n.start)


@pytest.mark.parametrize("lang", sorted(LEXICONS))
@pytest.mark.parametrize("text", AWKWARD)
def test_numbers_are_those_every_position_gives(text: str, lang: str) -> None:
    fast = numbers.find_numbers_in(text, lexicon(lang))
    assert fast == _numbers(text, lang, _EveryPlace(text, lang))


def test_the_awkward_texts_hold_numbers_of_every_kind() -> None:
    kinds = {n.kind for t in AWKWARD for n in numbers.find_numbers_in(t, lexicon("en"))}
    assert kinds >= {"money", "percent", "date", "time", "count", "year"}


def test_text_with_special_case_folds_is_not_lowered() -> None:
    assert lowered("Twenty people") == "twenty people"
    assert lowered("İstanbul") is None  # lower-cases to two characters
    assert lowered("thouſands") is None  # "ſ" matches "s" when case is ignored


def test_word_starts_are_every_place_a_word_begins_after_a_non_word_character() -> None:
    text = "one someone Ones -one one-two twone atwo"
    # not "one" inside "someone" (8) nor "two" inside "atwo" (37); "twone" begins "two"
    assert word_starts(text, text.lower(), ("one", "two")) == [0, 12, 18, 22, 26, 30]


@pytest.mark.parametrize("pattern", [r"one", r"t(?:wo|en)", r"\d+"])
def test_anchored_is_finditer_when_every_start_is_given(pattern: str) -> None:
    pat = re.compile(pattern)
    text = "often one two ten 10 20 tone 3two"
    assert [m.span() for m in anchored(pat, text, range(len(text)))] == [
        m.span() for m in pat.finditer(text)
    ]


@pytest.mark.parametrize("text", [
    "He said it; unsaid things were said, she says.",
    "The group said that inputs the data. It puts the toll at 300, he reported.",
    "Saidsaid said.said said-said",
    "Il a déclaré que la dit, a dit-il, selon elle.",
])  # fmt: skip
@pytest.mark.parametrize("lang", ["en", "fr"])
def test_saying_words_read_with_the_lookbehind_after_are_the_same(text: str, lang: str) -> None:
    rd = _reader(lexicon(lang))
    slow = [m.span() for m in rd.saying_before.finditer(text)]
    assert [m.span() for m in _lifted(rd.saying_before_fast, rd.saying_before, text, 0,
                                      len(text))] == slow  # fmt: skip


def test_a_long_s_in_a_vague_number_is_read_not_a_crash() -> None:
    from factcheck.core.figures import find_figures

    (fig,) = find_figures("Thouſands of people fled, half a MILLION.", lang="en")[:1]
    assert (fig.hedge_kind, fig.low, fig.high) == ("vague", 2000, 9999)
