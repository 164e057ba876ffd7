"""Reports of articles in other languages: the HTML says each article's language and
direction and isolates every quote; W3C annotations say the language of the article
and of the reviewer's note."""

from __future__ import annotations

import json
from pathlib import Path

import lxml.html
from sqlite_utils import Database

from factcheck.core.interchange.w3c import all_annotations
from factcheck.core.model import ArticleDraft, Relation
from factcheck.core.report.html import html_string
from factcheck.store import ops
from factcheck.store.report_data import gather_report

DATA = Path(__file__).resolve().parents[1] / "data" / "languages"


def _project(db: Database) -> dict[str, int]:
    names = ("ar", "he", "mixed", "zh")
    drafts = [ArticleDraft(n, (DATA / f"{n}.txt").read_text(encoding="utf-8")) for n in names]
    imported, _ = ops.import_articles(db, drafts, "t")
    ids = {n: i.article_id for n, i in zip(names, imported, strict=True)}
    ar = ops.mark_quote(db, ids["ar"], "أكثر من 3,000 متطوع", "t").created_id or 0
    en = ops.mark_quote(db, ids["mixed"], "more than 3,000 volunteers", "t").created_id or 0
    ops.mark_quote(db, ids["he"], "הקסדות הלבנות", "t")
    ops.mark_quote(db, ids["zh"], "三千多名志愿者", "t")
    ops.link_claims(db, ar, en, Relation.CORROBORATES, "t")
    ops.set_note(db, ar, "الرقم نفسه يظهر في التقرير الإنجليزي ولم يتم التحقق منه بعد", "t")
    ops.set_note(db, en, "The same figure appears in the Arabic release, not yet checked.", "t")
    return ids


def test_html_marks_language_and_direction_and_isolates_quotes(db: Database) -> None:
    ids = _project(db)
    page = lxml.html.fromstring(html_string(gather_report(db)))
    for name, lang, direction in (("ar", "ar", "rtl"), ("he", "he", "rtl"),
                                  ("mixed", "en", "ltr"), ("zh", "zh", "ltr")):  # fmt: skip
        (section,) = page.xpath(f"//section[@id='article-{ids[name]}']")
        (title,) = section.xpath("./h2")
        assert (title.get("lang"), title.get("dir")) == (lang, direction)
        for quote in section.xpath(".//p[@class='quote']"):
            assert (quote.get("lang"), quote.get("dir")) == (lang, direction)
    quotes = page.xpath("//q | //mark")
    assert len(quotes) >= 6  # four claims, and the link shown on both ends
    assert all(q.get("dir") == "auto" for q in quotes)
    arabic = [q for q in page.xpath("//q") if "متطوع" in q.text_content()]
    assert arabic  # the Arabic claim quoted as evidence in the English article


def test_w3c_annotations_say_which_language(db: Database) -> None:
    ids = _project(db)
    annotations = all_annotations(gather_report(db))
    by_article = {}
    for anno in annotations:
        source = anno["target"]["source"]
        by_article[anno["target"]["selector"][0]["exact"]] = (anno, source)
    anno, source = by_article["أكثر من 3,000 متطوع"]
    assert source["language"] == "ar"
    (note,) = [b for b in anno["body"] if b.get("purpose") == "commenting"]
    assert note["language"] == "ar"
    anno, source = by_article["more than 3,000 volunteers"]
    assert source["language"] == "en"
    (note,) = [b for b in anno["body"] if b.get("purpose") == "commenting"]
    assert note["language"] == "en"
    assert by_article["三千多名志愿者"][1]["language"] == "zh"
    json.dumps(annotations)  # still plain JSON
    assert ids
