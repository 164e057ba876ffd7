"""schema.org ClaimReview: one per judged claim, with the documented rating scale."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlite_utils import Database

from factcheck import config
from factcheck.core.interchange.claimreview import RATINGS, claim_reviews
from factcheck.core.model import Status
from factcheck.store import ops
from factcheck.store.report_data import gather_report
from tests.core.test_report_corpus import Corpus, review_seed_corpus


@pytest.fixture
def corpus(seeded_db: Database) -> Corpus:
    c = review_seed_corpus(seeded_db)
    ops.update_article_metadata(seeded_db, 4, "a", url="https://time.com/helmets",
                                author="Jared Malsin", published="2016-10-01")  # fmt: skip
    return c


def test_one_review_per_judged_claim_with_the_rating_scale(
    seeded_db: Database, corpus: Corpus
) -> None:
    report = gather_report(seeded_db, reviewer="alice")
    reviews = claim_reviews(report)
    judged = [c for _, c in report.claims() if c.status is not Status.UNVERIFIED]
    assert [r["claimReviewed"] for r in reviews] == [c.quote for c in judged]
    for review, claim in zip(reviews, judged, strict=True):
        rating = review["reviewRating"]
        assert (rating["ratingValue"], rating["alternateName"]) == RATINGS[claim.status]
        assert (rating["worstRating"], rating["bestRating"]) == (1, 5)
        assert review["@context"] == "https://schema.org" and review["@type"] == "ClaimReview"
        assert review["datePublished"] == claim.updated_at[:10]
        assert review["itemReviewed"]["@type"] == "Claim"
        assert review["url"].startswith("urn:factcheck:claim:")
    assert RATINGS == {Status.CONTRADICTED: (1, "False"), Status.INCONCLUSIVE: (3, "Unproven"),
                       Status.CORROBORATED: (5, "True")}  # fmt: skip


def test_item_reviewed_names_the_article_its_author_and_date(
    seeded_db: Database, corpus: Corpus
) -> None:
    reviews = claim_reviews(gather_report(seeded_db, reviewer="alice"))
    rescued = next(r for r in reviews if r["claimReviewed"].startswith("The group claims"))
    item = rescued["itemReviewed"]
    assert item["appearance"] == {
        "@type": "NewsArticle",
        "headline": "How the White Helmets of Syria Are Being Hunted in a Devastated Aleppo",
        "url": "https://time.com/helmets", "datePublished": "2016-10-01",
        "author": {"@type": "Person", "name": "Jared Malsin"},
        "publisher": {"@type": "Organization", "name": "TIME"},
        "inLanguage": "en",  # detected on import
    }  # fmt: skip
    assert item["author"] == {"@type": "Person", "name": "Jared Malsin"}
    assert item["datePublished"] == "2016-10-01"


def test_author_is_the_organisation_from_settings(
    seeded_db: Database, corpus: Corpus, tmp_path: Path
) -> None:
    assert claim_reviews(gather_report(seeded_db, reviewer="alice"))[0]["author"] == {
        "@type": "Person", "name": "alice"}  # fmt: skip
    config.save(config.Config(reviewer="alice", organisation="Fact Desk",
                              organisation_url="https://factdesk.example/report"))  # fmt: skip
    review = claim_reviews(gather_report(seeded_db, reviewer="alice"))[0]
    assert review["author"] == {"@type": "Organization", "name": "Fact Desk",
                                "url": "https://factdesk.example/report"}  # fmt: skip
    assert review["url"] == f"https://factdesk.example/report#claim-{corpus.corroborated}"
