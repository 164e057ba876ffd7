"""ClaimReview as publishers need it: what is missing is said, the claim's appearance,
first appearance, language and claimant, and one page per judged claim with its review
as embedded JSON-LD that no note can break out of."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from sqlite_utils import Database

from factcheck.core.interchange.claimreview import claim_review, missing_settings
from factcheck.core.interchange.claimreview_pages import page_url, write_claimreview_pages
from factcheck.core.model import Status
from factcheck.core.report.model import ArticleInfo, ReportClaim, ReportMeta
from factcheck.store import ops
from factcheck.store.report_data import gather_report
from tests.core.test_report_corpus import Corpus, review_seed_corpus

INFO = ArticleInfo(3, "Bridge repairs delayed", "The Courier", "https://courier.example/b",
                   "Marta Quispe", "2024-03-14", "ab" * 32, language="en-GB")  # fmt: skip
CLAIM = ReportClaim(9, 3, 10, 40, "the repairs will cost 61 million", "", "",
                    Status.CONTRADICTED, ("cost",), "Budget papers say 48 million.", "alice",
                    "2024-03-15T10:00:00Z", "2024-03-16T10:00:00Z")  # fmt: skip
ORG = ReportMeta(organisation="Fact Desk", organisation_url="https://factdesk.example/checks/")


def test_missing_organisation_and_site_are_named() -> None:
    gaps = missing_settings(ReportMeta(reviewer="alice"))
    assert len(gaps) == 2
    assert "--organisation NAME" in gaps[0] and "--organisation-url" in gaps[1]
    assert missing_settings(ORG) == []
    # a site that is no web address is still missing
    assert len(missing_settings(replace(ORG, organisation_url="factdesk.example"))) == 1


def test_item_reviewed_has_appearances_language_and_claimant() -> None:
    review = claim_review(CLAIM._replace(claimant="Transport Ministry"), INFO, ORG)
    assert review is not None
    item = review["itemReviewed"]
    assert item["appearance"]["url"] == item["firstAppearance"]["url"] == INFO.url
    assert item["firstAppearance"]["datePublished"] == "2024-03-14"
    assert item["inLanguage"] == item["appearance"]["inLanguage"] == "en-GB"
    assert item["author"] == {"@type": "Organization", "name": "Transport Ministry"}
    person = claim_review(CLAIM._replace(claimant="Aisha Bello"), INFO, ORG)
    assert person is not None and person["itemReviewed"]["author"]["@type"] == "Person"
    # without a claimant the article's author stands in; without a language, none is said
    plain = claim_review(CLAIM, replace(INFO, language="", url=""), ORG)
    assert plain is not None
    assert "inLanguage" not in plain["itemReviewed"]
    assert plain["itemReviewed"]["author"]["name"] == "Marta Quispe"
    assert plain["itemReviewed"]["firstAppearance"] == {  # date alone still places it
        "@type": "NewsArticle", "headline": INFO.title, "datePublished": "2024-03-14",
        "author": {"@type": "Person", "name": "Marta Quispe"},
        "publisher": {"@type": "Organization", "name": "The Courier"},
    }  # fmt: skip
    bare = replace(INFO, url="", published="", author="", outlet="", language="")
    reviewed = claim_review(CLAIM, bare, ORG)
    assert reviewed is not None and "firstAppearance" not in reviewed["itemReviewed"]


def test_page_urls_live_under_the_organisation_site() -> None:
    assert page_url(CLAIM, ORG) == "https://factdesk.example/checks/claim-9.html"
    no_slash = replace(ORG, organisation_url="https://factdesk.example/checks")
    assert page_url(CLAIM, no_slash) == "https://factdesk.example/checks/claim-9.html"
    assert page_url(CLAIM, ReportMeta()) == ""


class _Scripts(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.blocks: list[str] = []
        self.canonical = ""
        self.landmarks: list[str] = []
        self._in = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "script" and a.get("type") == "application/ld+json":
            self._in = True
            self.blocks.append("")
        if tag == "link" and a.get("rel") == "canonical":
            self.canonical = a.get("href") or ""
        if tag == "main":
            self.landmarks.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in = False

    def handle_data(self, data: str) -> None:
        if self._in:
            self.blocks[-1] += data


def _parse(path: Path) -> _Scripts:
    parser = _Scripts()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


@pytest.fixture
def corpus(seeded_db: Database) -> Corpus:
    c = review_seed_corpus(seeded_db)
    hostile = '</script><script>alert(1)</script><!-- & "quotes" -->'
    ops.set_note(seeded_db, c.corroborated, hostile, "alice")
    ops.set_setting(seeded_db, "organisation", "Fact Desk")
    ops.set_setting(seeded_db, "organisation_url", "https://factdesk.example/checks")
    return c


def test_one_page_per_judged_claim_with_its_review(
    seeded_db: Database, corpus: Corpus, tmp_path: Path
) -> None:
    report = gather_report(seeded_db, reviewer="alice")
    judged = [c for _, c in report.claims() if c.status is not Status.UNVERIFIED]
    out = tmp_path / "pages"
    written = write_claimreview_pages(report, out)
    assert sorted(p.name for p in written) == sorted(f"claim-{c.id}.html" for c in judged)
    assert {p.name for p in out.iterdir()} == {p.name for p in written} | {"index.html"}
    for claim in judged:
        page = _parse(out / f"claim-{claim.id}.html")
        assert page.landmarks == ["main"]
        (block,) = page.blocks  # exactly one review per page
        review: dict[str, Any] = json.loads(block)
        assert review["@type"] == "ClaimReview" and review["claimReviewed"] == claim.quote
        assert review["url"] == page.canonical == (
            f"https://factdesk.example/checks/claim-{claim.id}.html"
        )
        assert review["author"]["name"] == "Fact Desk"
    index = (out / "index.html").read_text(encoding="utf-8")
    assert all(f'href="claim-{c.id}.html"' in index for c in judged)
    assert "Not yet publishable" not in index


def test_a_note_cannot_break_out_of_the_json_ld(
    seeded_db: Database, corpus: Corpus, tmp_path: Path
) -> None:
    from factcheck.core.interchange.claimreview_pages import render_page

    report = gather_report(seeded_db, reviewer="alice")
    article, claim = next((a.info, c) for a, c in report.claims() if c.id == corpus.corroborated)
    assert "</script>" in claim.note  # the fixture's note
    evil = claim._replace(quote="</script><script>alert(1)</script><!--", claimant="</SCRIPT>")
    html = render_page(report, article, evil)
    head = html.split("<script type=\"application/ld+json\">", 1)[1]
    block, _rest = head.split("</script>", 1)
    assert "<" not in block and ">" not in block
    assert json.loads(block)["claimReviewed"] == evil.quote
    assert json.loads(block)["itemReviewed"]["author"]["name"] == "</SCRIPT>"
    assert len(re.findall(r"<script", html, re.IGNORECASE)) == 1
    assert "&lt;/script&gt;&lt;script&gt;alert(1)" in html  # shown as text in the page


def test_refuses_a_file_where_the_folder_should_be(seeded_db: Database, tmp_path: Path) -> None:
    from factcheck.core.report.atomic import OutputError

    blocker = tmp_path / "pages"
    blocker.write_text("keep me")
    with pytest.raises(OutputError, match="not a folder"):
        write_claimreview_pages(gather_report(seeded_db, reviewer="a"), blocker)
    assert blocker.read_text() == "keep me"


def test_a_recorded_claimant_is_the_claims_author(seeded_db: Database, corpus: Corpus) -> None:
    ops.set_claimant(seeded_db, corpus.corroborated, "Syria Civil Defence", "alice")
    report = gather_report(seeded_db, reviewer="alice")
    article, claim = next((a.info, c) for a, c in report.claims() if c.id == corpus.corroborated)
    review = claim_review(claim, article, report.meta)
    assert review is not None
    assert review["itemReviewed"]["author"] == {"@type": "Organization",
                                                "name": "Syria Civil Defence"}
    row = seeded_db.execute("SELECT claimant FROM claims_view WHERE id = ?",
                            (corpus.corroborated,)).fetchone()  # fmt: skip
    assert row[0] == "Syria Civil Defence"
