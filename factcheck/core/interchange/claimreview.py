"""schema.org ``ClaimReview`` JSON-LD: one review per judged claim.

Verdicts map onto a 1-5 ``reviewRating`` (``worstRating`` 1, ``bestRating`` 5), with
the verdict's plain name as ``alternateName``:

============  ===========  ===============
verdict       ratingValue  alternateName
============  ===========  ===============
contradicted  1            False
inconclusive  3            Unproven
corroborated  5            True
unverified    (none: a claim not yet judged gets no ClaimReview)
============  ===========  ===============

Other fields: ``claimReviewed`` is the claim's quote; ``itemReviewed`` is a ``Claim``
whose ``appearance`` is the article (``NewsArticle`` with headline, URL, date, author
and outlet as publisher, when known) and whose ``author``/``datePublished`` are the
article's author (else outlet) and date when known; ``author`` of the review is the
organisation from the settings (an ``Organization`` with its URL), else the reviewer
(a ``Person``); ``datePublished`` is the date of the claim's last change; ``url`` is
the claim's anchor in the published report, ``<organisation_url>#claim-<id>`` (the
anchor the HTML report uses), or the claim's ``urn:factcheck:claim:`` IRI when no
organisation URL is set.
"""

from __future__ import annotations

from typing import Any, TextIO

from factcheck.core.interchange.ids import claim_iri, is_iri
from factcheck.core.model import Status
from factcheck.core.report import json_text
from factcheck.core.report.model import ArticleInfo, Report, ReportClaim, ReportMeta

RATINGS: dict[Status, tuple[int, str]] = {
    Status.CONTRADICTED: (1, "False"),
    Status.INCONCLUSIVE: (3, "Unproven"),
    Status.CORROBORATED: (5, "True"),
}
WORST, BEST = 1, 5
PRETTY_LIMIT = 5000


def _author(meta: ReportMeta) -> dict[str, Any]:
    if meta.organisation:
        org: dict[str, Any] = {"@type": "Organization", "name": meta.organisation}
        if is_iri(meta.organisation_url):
            org["url"] = meta.organisation_url
        return org
    return {"@type": "Person", "name": meta.reviewer or "unknown reviewer"}


def _appearance(a: ArticleInfo) -> dict[str, Any]:
    work: dict[str, Any] = {"@type": "NewsArticle", "headline": a.title}
    if is_iri(a.url):
        work["url"] = a.url
    if a.published:
        work["datePublished"] = a.published
    if a.author:
        work["author"] = {"@type": "Person", "name": a.author}
    if a.outlet:
        work["publisher"] = {"@type": "Organization", "name": a.outlet}
    return work


def claim_review(
    claim: ReportClaim, article: ArticleInfo, meta: ReportMeta
) -> dict[str, Any] | None:
    """The ClaimReview of one claim; None when the claim is unverified."""
    rating = RATINGS.get(claim.status)
    if rating is None:
        return None
    value, name = rating
    item: dict[str, Any] = {"@type": "Claim", "appearance": _appearance(article)}
    if article.author:
        item["author"] = {"@type": "Person", "name": article.author}
    elif article.outlet:
        item["author"] = {"@type": "Organization", "name": article.outlet}
    if article.published:
        item["datePublished"] = article.published
    if is_iri(meta.organisation_url):
        url = f"{meta.organisation_url.split('#')[0]}#claim-{claim.id}"
    else:
        url = claim_iri(article.content_hash, claim.start, claim.end)
    return {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": url,
        "claimReviewed": claim.quote,
        "itemReviewed": item,
        "author": _author(meta),
        "datePublished": (claim.updated_at or claim.created_at)[:10],
        "reviewRating": {
            "@type": "Rating",
            "ratingValue": value,
            "bestRating": BEST,
            "worstRating": WORST,
            "alternateName": name,
        },
    }


def claim_reviews(report: Report) -> list[dict[str, Any]]:
    """A ClaimReview for every judged claim of the report, in report order."""
    out = []
    for article in report.articles:
        for claim in article.claims:
            review = claim_review(claim, article.info, report.meta)
            if review is not None:
                out.append(review)
    return out


def write_claimreview(report: Report, out: TextIO) -> None:
    """A JSON array of ClaimReview objects, each with its own ``@context``."""
    reviews = claim_reviews(report)
    indent = 2 if len(reviews) <= PRETTY_LIMIT else None
    out.write(json_text.dumps(reviews, indent=indent))
    out.write("\n")
