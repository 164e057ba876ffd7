"""The HTML report's landmarks and languages, and the contrast of verdict graphics."""

from __future__ import annotations

import re
from dataclasses import replace
from html.parser import HTMLParser

import pytest
from sqlite_utils import Database

from factcheck.core.colors import (
    MIN_GRAPHIC_CONTRAST,
    STATUS_COLORS,
    STATUS_GRAPHIC_COLORS,
    contrast_ratio,
)
from factcheck.core.model import Status
from factcheck.core.report.chart import chart_svg
from factcheck.core.report.html import html_string
from factcheck.store.report_data import gather_report
from tests.core.test_report_corpus import review_seed_corpus

PAPER = "#ffffff"  # the report's background (--paper)


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def _tags(html: str) -> list[tuple[str, dict[str, str | None]]]:
    parser = _Tags()
    parser.feed(html)
    return parser.tags


def test_contrast_ratio_matches_wcag() -> None:
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast_ratio("#ffffff", "#ffffff") == pytest.approx(1.0)
    assert contrast_ratio("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)
    # the old chart colours fell short, as measured
    old = {s: round(contrast_ratio(STATUS_COLORS[s], PAPER), 2) for s in STATUS_COLORS}
    assert (old[Status.CORROBORATED], old[Status.UNVERIFIED]) == (2.78, 1.59)


@pytest.mark.parametrize("status", list(Status))
def test_every_verdict_graphic_reaches_3_to_1(status: Status) -> None:
    assert contrast_ratio(STATUS_GRAPHIC_COLORS[status], PAPER) >= MIN_GRAPHIC_CONTRAST


def test_the_chart_and_claim_borders_use_the_graphic_colours(seeded_db: Database) -> None:
    review_seed_corpus(seeded_db)
    report = gather_report(seeded_db, reviewer="alice")
    fills = set(re.findall(r'<rect [^>]*fill="(#[0-9a-f]{6})"', str(chart_svg(report.summary))))
    assert fills == set(STATUS_GRAPHIC_COLORS.values())
    html = html_string(report)
    borders = dict(re.findall(r"\.claim\.v-(\w+) \{ --vc: (#[0-9a-f]{6}); \}", html))
    assert borders == {s.value: c for s, c in STATUS_GRAPHIC_COLORS.items()}
    for color in [*fills, *borders.values()]:
        assert contrast_ratio(color, PAPER) >= MIN_GRAPHIC_CONTRAST, color


def test_one_main_landmark_and_article_languages(seeded_db: Database) -> None:
    review_seed_corpus(seeded_db)
    report = gather_report(seeded_db, reviewer="alice")
    tags = _tags(html_string(report))
    assert [t for t, _ in tags].count("main") == 1
    assert ("html", {"lang": "en"}) in tags
    # the sample articles are detected as English on import
    assert {a.get("lang") for t, a in tags if t != "html" and a.get("lang")} == {"en"}
    first = report.articles[0]
    spanish = replace(first, info=replace(first.info, language="es"))
    tags = _tags(html_string(replace(report, articles=(spanish, *report.articles[1:]))))
    tagged = [(t, a.get("class")) for t, a in tags if a.get("lang") == "es"]
    assert ("h2", None) in tagged
    assert tagged.count(("p", "quote")) == len(first.claims) > 0
