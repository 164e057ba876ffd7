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
whose ``appearance`` and ``firstAppearance`` are the article (``NewsArticle`` with
headline, URL, date, author, outlet as publisher and language, when known: the article
is where the claim was found, and the first place this project saw it), whose
``author`` is the claimant when the project records one (else the article's author,
else its outlet), with ``datePublished`` the article's date and ``inLanguage`` its
language when known; ``author`` of the review is the organisation from the settings (an
``Organization`` with its URL), else the reviewer (a ``Person``); ``datePublished`` is
the date of the claim's last change; ``url`` is where the review is published: the
claim's own page (``claimreview-html``) or its anchor in the published report,
``<organisation_url>#claim-<id>`` (the anchor the HTML report uses), or the claim's
``urn:factcheck:claim:`` IRI when no organisation URL is set -- which no search engine
or fact-check tool can use, so :func:`missing_settings` says what to configure.
"""

from __future__ import annotations

import re
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


def missing_settings(meta: ReportMeta) -> list[str]:
    """What a publisher must configure before the ClaimReview is usable, one line each
    (empty when nothing is missing)."""
    out = []
    if not meta.organisation:
        out.append("no organisation is configured, so each review's author is the reviewer "
                   "(set it with: factcheck settings --organisation NAME)")  # fmt: skip
    if not _is_web(meta.organisation_url):
        out.append("no organisation site is configured, so each review's url is an urn: "
                   "that search engines and fact-check tools cannot open (set it with: "
                   "factcheck settings --organisation-url https://...)")  # fmt: skip
    return out


_ORG_WORDS = re.compile(
    r"\b(?:ministry|council|department|government|party|agency|association|union|"
    r"committee|group|company|corporation|corp|inc|ltd|llc|plc|university|office|police|"
    r"army|federation|institute|bank|authority|commission|court|parliament|senate|"
    r"congress|foundation|organi[sz]ation|society|club|league|network|news|times|post|"
    r"press|media|campaign|coalition|alliance|trust|board|service|services|defen[cs]e|"
    r"forces|ngo|charity)\b",
    re.IGNORECASE,
)


def _claimant(name: str) -> dict[str, Any]:
    """The claimant as a Person, or an Organization when the name says it is one."""
    kind = "Organization" if _ORG_WORDS.search(name) else "Person"
    return {"@type": kind, "name": name}


def _is_web(url: str) -> bool:
    return is_iri(url) and url.lower().startswith(("http://", "https://"))


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
    if a.language:
        work["inLanguage"] = a.language
    return work


def review_url(claim: ReportClaim, article: ArticleInfo, meta: ReportMeta) -> str:
    """Where the review of ``claim`` is published in the single-file HTML report."""
    if is_iri(meta.organisation_url):
        return f"{meta.organisation_url.split('#')[0]}#claim-{claim.id}"
    return claim_iri(article.content_hash, claim.start, claim.end)


def claim_review(
    claim: ReportClaim, article: ArticleInfo, meta: ReportMeta, *, url: str = ""
) -> dict[str, Any] | None:
    """The ClaimReview of one claim; None when the claim is unverified. ``url``: where
    it is published (default :func:`review_url`)."""
    rating = RATINGS.get(claim.status)
    if rating is None:
        return None
    value, name = rating
    appearance = _appearance(article)
    item: dict[str, Any] = {"@type": "Claim", "appearance": appearance}
    if "url" in appearance or "datePublished" in appearance:
        item["firstAppearance"] = appearance
    if claim.claimant:
        item["author"] = _claimant(claim.claimant)
    elif article.author:
        item["author"] = {"@type": "Person", "name": article.author}
    elif article.outlet:
        item["author"] = {"@type": "Organization", "name": article.outlet}
    if article.published:
        item["datePublished"] = article.published
    if article.language:
        item["inLanguage"] = article.language
    url = url or review_url(claim, article, meta)
    return {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": url,
        **({"identifier": claim.gid} if claim.gid else {}),
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
