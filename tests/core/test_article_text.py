"""Metadata read from an article's own text: title, dateline, outlet."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.core.article_text import parse_date, read_metadata

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


@pytest.mark.parametrize(
    ("name", "title", "published", "outlet"),
    [
        (
            "000_6ca4455042de2047.txt",
            "The White Helmets comprise an unarmed, neutral organization of more than 3,000 "
            "volunteer rescue workers operating in…",
            "",
            "",
        ),
        (
            "001_03b232b3b60840c2.txt",
            "The White Helmets Show The Extraordinary Bravery Of Ordinary Syrians",
            "2016-10-08",  # "08/10/2016 12:53 AM AEDT": Australian, day first
            "",
        ),
        (
            "002_fcfeb92fccf41dcf.txt",
            "Nearly 300 White Helmet rescue workers have been trapped in Syria after an "
            "evacuation on Sunday, July 22nd.",
            "",
            "NPR; CNN",
        ),
        (
            "003_298b914842556d3b.txt",
            "How the White Helmets of Syria Are Being Hunted in a Devastated Aleppo",
            "",
            "TIME",
        ),
        (
            "004_6adf41bca7f31e23.txt",
            "Raed al Saleh knows how politics reflects the on-the-ground situation in Syria, "
            "maybe more than anyone else.",
            "2017-10-24",
            "",
        ),
    ],
)
def test_seed_metadata(name: str, title: str, published: str, outlet: str) -> None:
    meta = read_metadata((SEEDS / name).read_text(encoding="utf-8"), fallback_title=name)
    assert (meta.title, meta.published, meta.outlet) == (title, published, outlet)


@pytest.mark.parametrize(
    ("line", "iso"),
    [
        ("date 2017-10-24 Raed al Saleh", "2017-10-24"),
        ("08/10/2016 12:53 AM AEDT | Updated 08/10/2016 6:21 AM AEDT", "2016-10-08"),
        ("10/08/2016 9:00 AM EDT", "2016-10-08"),  # US: month first
        ("25/12/2019", "2019-12-25"),  # day > 12: day first whatever the zone
        ("Published: October 24, 2017", "2017-10-24"),
        ("Sept. 22, 2016", "2016-09-22"),
        ("24 October 2017", "2017-10-24"),
        ("2017-02-30", ""),  # not a date
        ("no date here", ""),
    ],
)
def test_parse_date(line: str, iso: str) -> None:
    assert parse_date(line) == iso


def test_markdown_heading_author_and_url() -> None:
    text = (
        "# Rescue workers trapped in the south\n\nBy Jane Doe\nURL: https://news.example/x\n"
        "Source: Example News\n\nBody text starts here. It goes on.\n"
    )
    meta = read_metadata(text, "f")
    assert meta.title == "Rescue workers trapped in the south"
    assert (meta.author, meta.url, meta.outlet) == (
        "Jane Doe", "https://news.example/x", "Example News"
    )  # fmt: skip


def test_fallback_title_when_text_has_no_usable_line() -> None:
    assert read_metadata("• a\n• b\n", "my-file").title == "my-file"
