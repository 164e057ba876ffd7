"""Word snapping in the languages the corpus is told in: Arabic with its marks, Hebrew
with geresh and maqaf, Persian words with a zero-width non-joiner inside, and Chinese
and Japanese, where a selection is kept to the character."""

from __future__ import annotations

import pytest

from factcheck.core.quotes import is_word_char, snap_to_words

AR = "قال رئيس المنظمة إن السَّلَامُ هو ما يريده السوريون"
HE = "לפי דובר צה״ל, בית־הספר נפגע"
FA = "دفاع مدنی سوریه که به کلاه‌سفیدها معروف است می‌گوید"
ZH = "叙利亚民防组织表示，有三千多名志愿者在工作。"
JA = "シリア民間防衛隊は発表した"


def _snap(text: str, inside: str, lo: int, hi: int) -> str:
    base = text.index(inside)
    start, end = snap_to_words(text, base + lo, base + hi)
    return text[start:end]


@pytest.mark.parametrize(
    ("text", "inside", "lo", "hi", "expected"),
    [
        (AR, "السَّلَامُ", 3, 5, "السَّلَامُ"),  # between a letter and its marks
        (AR, "المنظمة إن", 2, 9, "المنظمة إن"),
        (AR, "السَّلَامُ", 9, 10, "السَّلَامُ"),  # only the last mark selected
        (HE, "צה״ל", 1, 2, "צה״ל"),  # gershayim inside an acronym
        (HE, "בית־הספר", 0, 2, "בית־הספר"),  # maqaf joins the words
        (FA, "کلاه‌سفیدها", 1, 2, "کلاه‌سفیدها"),  # across the zero-width non-joiner
        (FA, "می‌گوید", 3, 5, "می‌گوید"),
        (ZH, "三千多名志愿者", 0, 7, "三千多名志愿者"),  # kept to the character
        (ZH, "志愿者", 1, 2, "愿"),
        (JA, "民間防衛隊", 0, 5, "民間防衛隊"),
    ],
)
def test_snapping_in_other_scripts(text: str, inside: str, lo: int, hi: int,
                                   expected: str) -> None:  # fmt: skip
    assert _snap(text, inside, lo, hi) == expected


def test_word_characters() -> None:
    assert all(is_word_char(c) for c in "سَّلَامُ")  # letters and harakat
    assert is_word_char("\u200c") and is_word_char("\u05f4")
    assert not is_word_char("\u200f")  # a direction mark is not part of a word
    assert not is_word_char("志") and not is_word_char("，")
    assert is_word_char("한")  # Korean is written with spaces between words
