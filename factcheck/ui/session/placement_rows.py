"""Claim rows with their placement: what the window shows after an article's text changed.

The session's light rows (:meth:`Session.claim_rows`) carry spans and verdicts only. The
few claims waiting for review are read here (from a partial index: next to nothing when
there are none) and their rows completed. An orphaned claim's row takes its stored
quote, since its span is only a marker.

Imports the store: the window imports this module only once a project is open.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from factcheck.core.model import Article, Claim
from factcheck.store import Database, queries
from factcheck.ui.common.claim_rows import ClaimRow, rows_in_text
from factcheck.ui.session.open_article import ClaimSummary

#: How many claims an article is opened with before the rest are read: the claim list's
#: first page and, at any usual density, several screens of text.
FIRST_ROWS = 300


def row_for_claim(claim: Claim, text: str) -> ClaimRow:
    """The row of one claim of an article whose current text is ``text``."""
    quote = claim.quote if claim.placement == "orphaned" else text[claim.start : claim.end]
    return ClaimRow(claim.id, claim.start, claim.end, claim.status.value, claim.tags, quote,
                    claim.placement, claim.placement_score, claim.claimant)  # fmt: skip


def with_placements(db: Database, article: Article, rows: Sequence[ClaimRow]) -> list[ClaimRow]:
    """``rows`` (the article's claims) with the placement of every claim waiting for review
    (fuzzy or orphaned) filled in; the others keep the default ``exact``.

    A ``moved`` claim needs nothing from the reviewer and is not looked for here: finding
    it would mean reading every claim's placement (about 2 ms per 5,000 claims on each
    article opened). The editor shows it, from the full claim, when it is selected.
    """
    placed = {c.id: c for c in queries.claims_needing_review(db, article.id)}
    if not placed:
        return list(rows)
    return [row_for_claim(placed[r.id], article.text) if r.id in placed else r for r in rows]


def first_rows(db: Database, article: Article,
               limit: int = FIRST_ROWS) -> tuple[list[ClaimRow], ClaimSummary | None]:  # fmt: skip
    """The claim rows to open ``article`` with: all of them (and None) when it has
    fewer than ``limit``; else its first ``limit`` claims in text order and a summary of
    them all (counts per verdict and claimant, placements), every figure of it from an
    index: a long article's first frame reads a few hundred claims, not thousands."""
    outline = queries.claim_outline_first(db, article.id, limit)
    review = queries.claims_needing_review(db, article.id)
    tags = queries.claim_tags_for_claims(db, [r[0] for r in outline]) if outline else {}
    rows = _placed(rows_in_text(outline, tags, article.text), review, article.text)
    if len(outline) < limit:
        return rows, None
    statuses, named = queries.claim_tallies(db, article.id)
    total = sum(statuses.values())
    claimants: Counter[str] = Counter({name: n for name, n, _first in named})
    claimants[""] = total - sum(claimants.values())
    spellings = tuple(name for name, _n, _first in sorted(named, key=lambda r: (r[2], r[0])))
    summary = ClaimSummary(total, Counter(statuses), claimants, spellings,
                           {c.id: c.placement for c in review})  # fmt: skip
    return rows, summary


def _placed(rows: list[ClaimRow], review: Sequence[Claim], text: str) -> list[ClaimRow]:
    placed = {c.id: c for c in review}
    if not placed:
        return rows
    return [row_for_claim(placed[r.id], text) if r.id in placed else r for r in rows]
