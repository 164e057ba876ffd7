"""Claim rows with their placement: what the window shows after an article's text changed.

The session's light rows (:meth:`Session.claim_rows`) carry spans and verdicts only. The
few claims waiting for review are read here (from a partial index: next to nothing when
there are none) and their rows completed. An orphaned claim's row takes its stored
quote, since its span is only a marker.

Imports the store: the window imports this module only once a project is open.
"""

from __future__ import annotations

from collections.abc import Sequence

from factcheck.core.model import Article, Claim
from factcheck.store import Database, queries
from factcheck.ui.common.claim_rows import ClaimRow


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
