"""Language and base direction, as detected on import, on articles of our own writing."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.core.language import (
    base_direction,
    detect,
    detect_language,
    parse_direction,
    parse_language,
)

DATA = Path(__file__).resolve().parents[1] / "data" / "languages"


@pytest.mark.parametrize(
    ("name", "language", "direction"),
    [("ar", "ar", "rtl"), ("he", "he", "rtl"), ("fa", "fa", "rtl"), ("zh", "zh", "ltr"),
     ("mixed", "en", "ltr")],
)  # fmt: skip
def test_articles_are_detected(name: str, language: str, direction: str) -> None:
    text = (DATA / f"{name}.txt").read_text(encoding="utf-8")
    assert detect(text) == (language, direction)


def test_a_paragraph_opening_with_a_latin_name_does_not_turn_an_arabic_article() -> None:
    text = (DATA / "ar.txt").read_text(encoding="utf-8")
    paragraph = next(p for p in text.split("\n\n") if p.startswith("White Helmets"))
    assert base_direction(paragraph) == "rtl"  # most of its letters are Arabic


def test_other_scripts_and_short_texts() -> None:
    ja = "シリア民間防衛隊は、三千人以上のボランティアが活動していると発表した。"
    ko = "시리아 민방위대는 삼천 명이 넘는 자원봉사자가 활동하고 있다고 밝혔다."
    assert detect_language(ja) == "ja" and detect_language(ko) == "ko"
    assert detect_language("Die Meldung wurde geprüft und bestätigt, sagte der Sprecher.") == "de"
    assert detect("12:30") == ("", "auto")
    assert detect_language("Hello") == ""  # too little to tell


def test_parsing_what_a_reviewer_types() -> None:
    assert parse_language(" AR ") == "ar" and parse_language("zh-Hant") == "zh-Hant"
    assert parse_language("") == ""
    assert parse_direction("RTL") == "rtl"
    with pytest.raises(ValueError, match="not a language tag"):
        parse_language("Arabic!")
    with pytest.raises(ValueError, match="auto, ltr, rtl"):
        parse_direction("sideways")
