"""A row of the project-wide claims table: a claim with its article's title, its tags
as text, and the claimant when the project records one (plain data, no Qt)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class ClaimTableRow:
    id: int
    article_id: int
    article_title: str
    quote: str
    verdict: str
    tags: str  # comma-separated, in name order
    reviewer: str
    updated_at: str
    start: int
    claimant: str | None = None  # None: the project has no claimant column
