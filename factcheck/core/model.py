"""The domain in plain Python: what an article, a claim, a tag and a piece of evidence are.

These are immutable snapshots read from the project file. Nothing here talks to SQLite
or Qt; the store builds them and every layer above passes them around.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any


class Status(StrEnum):
    """A reviewer's verdict on a claim."""

    UNVERIFIED = "unverified"
    CORROBORATED = "corroborated"
    CONTRADICTED = "contradicted"
    INCONCLUSIVE = "inconclusive"

    @property
    def label(self) -> str:
        return self.value.capitalize()


class Relation(StrEnum):
    """How a claim used as evidence relates to the claim it supports or undermines."""

    CORROBORATES = "corroborates"
    CONTRADICTS = "contradicts"
    SAME_AS = "same-as"


STATUSES: tuple[Status, ...] = tuple(Status)
RELATIONS: tuple[Relation, ...] = tuple(Relation)


@dataclass(frozen=True, slots=True)
class ArticleDraft:
    """An article as read from a file, before it has an id in a project."""

    title: str
    text: str
    outlet: str = ""
    url: str = ""
    author: str = ""
    published: str = ""  # ISO 8601 date (or date-time) when known, else ""
    source_path: str = ""
    language: str | None = None  # BCP 47 tag; None: detect on import ("" = unknown)
    direction: str | None = None  # "auto", "ltr" or "rtl"; None: detect on import


@dataclass(frozen=True, slots=True)
class ArticleSummary:
    """An article without its text: what the article list needs, cheap to load."""

    id: int
    title: str
    outlet: str
    published: str
    url: str
    counts: dict[str, int] = field(default_factory=dict)
    author: str = ""
    language: str = ""

    @property
    def claim_count(self) -> int:
        return sum(self.counts.values())


@dataclass(frozen=True, slots=True)
class Article:
    id: int
    title: str
    text: str
    outlet: str
    url: str
    author: str
    published: str
    content_hash: str
    source_path: str
    imported_at: str
    language: str = ""  # BCP 47 tag, "" when unknown
    direction: str = "auto"  # the paragraphs' base direction: "auto", "ltr" or "rtl"
    gid: str = ""  # global id (see factcheck.core.ids)


@dataclass(frozen=True, slots=True)
class Claim:
    """A span of an article's text under review.

    ``start``/``end`` count Unicode code points (Python string indices), as W3C
    TextPositionSelector does; ``prefix``/``suffix`` are up to 32 code points of context.

    ``placement`` says how the claim was put on the article's current text when the text
    last changed: ``exact``/``moved`` (the quote found verbatim), ``fuzzy`` (an
    approximate match: ``placement_score`` in 0..1, ``original_quote`` the quote as the
    reviewer marked it) or ``orphaned`` (not found: ``quote`` is still the old quote and
    ``start``/``end`` is a one-character marker where it used to be, not a match).
    Fuzzy and orphaned claims wait for the reviewer; see :attr:`needs_review`.
    """

    id: int
    article_id: int
    start: int
    end: int
    quote: str
    prefix: str
    suffix: str
    status: Status
    note: str
    reviewer: str
    created_at: str
    updated_at: str
    tags: tuple[str, ...] = ()
    placement: str = "exact"
    placement_score: float = 1.0
    original_quote: str = ""
    claimant: str = ""  # who made the claim ("" = the article states it itself)
    claimed_at: str = ""  # when the claimant made it (ISO date), if known
    gid: str = ""  # global id, the same in every reviewer's copy
    created_by: str = ""  # who marked it
    adjudicated_status: str = ""  # the verdict settled between reviewers ("" = none)
    adjudicated_by: str = ""  # who settled it
    adjudicated_at: str = ""
    adjudication_note: str = ""

    @property
    def needs_review(self) -> bool:
        """True for a fuzzy or orphaned placement the reviewer has not yet dealt with."""
        return self.placement in REVIEW_PLACEMENTS


# The stored columns of a claim, in the order every query reads them: the one place the
# claim's fields are spelled out (the ``Claim`` fields less ``tags``, which live in
# their own table).
CLAIM_COLUMNS: tuple[str, ...] = (
    "id", "article_id", "start", "end", "quote", "prefix", "suffix", "status", "note",
    "reviewer", "created_at", "updated_at", "placement", "placement_score", "original_quote",
    "claimant", "claimed_at",
    "gid", "created_by", "adjudicated_status", "adjudicated_by", "adjudicated_at",
    "adjudication_note",
)  # fmt: skip


def claim_from_row(row: Sequence[Any], tags: tuple[str, ...] = ()) -> Claim:
    """A :class:`Claim` from a row of :data:`CLAIM_COLUMNS` values."""
    values = dict(zip(CLAIM_COLUMNS, row, strict=True))
    values["status"] = Status(values["status"])
    return Claim(**values, tags=tags)


PLACEMENTS: tuple[str, ...] = ("exact", "moved", "fuzzy", "orphaned")
REVIEW_PLACEMENTS: frozenset[str] = frozenset({"fuzzy", "orphaned"})


@dataclass(frozen=True, slots=True)
class Revision:
    """One version of an article's text. Every article has revision 1 (as imported); a
    text edit or an update import adds the next number. The highest is the current text.
    """

    id: int
    article_id: int
    number: int
    text: str
    content_hash: str
    created_at: str
    reviewer: str
    source: str  # "import", "edit" or "update-import"
    source_path: str


@dataclass(frozen=True, slots=True)
class Tag:
    id: int
    name: str
    color: str
    gid: str = ""


@dataclass(frozen=True, slots=True)
class Evidence:
    """A claim's evidence: another claim (with a relation) or an outside source.

    ``claim_id`` is the claim the evidence was attached to. For claim links the far end
    is ``target_claim_id``; links show on both ends, so readers also list links whose
    target is the claim at hand.
    """

    id: int
    claim_id: int
    kind: str  # "claim" or "source"
    relation: Relation | None
    target_claim_id: int | None
    url: str
    title: str
    quote: str
    accessed: str
    note: str
    reviewer: str
    created_at: str
    gid: str = ""


@dataclass(frozen=True, slots=True)
class ReviewerVerdict:
    """One reviewer's own verdict and note on a claim (kept beside everyone else's)."""

    claim_id: int
    reviewer: str
    status: Status
    note: str
    updated_at: str


@dataclass(frozen=True, slots=True)
class SyncConflict:
    """A change from another reviewer that could not be merged: both sides' values are
    kept here until someone adjudicates. ``local``/``incoming`` are JSON values (a field's
    value, or an object of several, or null for a row that is not there)."""

    id: int
    detected_at: str
    source: str  # the changeset file it came from
    from_reviewer: str
    kind: str  # "edit/edit", "deleted here", "deleted there", "both created", "rejected"
    table: str
    row_key: str
    claim_id: int | None  # the claim concerned, when it is (still) in this project
    field: str
    local: str
    incoming: str
    status: str  # "open" or "resolved"
    resolved_by: str = ""
    resolution: str = ""


@dataclass(frozen=True, slots=True)
class HistoryEntry:
    id: int
    at: str
    reviewer: str
    action: str
    article_id: int | None
    claim_id: int | None
    field: str
    old: str
    new: str


@dataclass(frozen=True, slots=True)
class SearchHit:
    kind: str  # "article" (title/text) or "claim" (quote/note)
    article_id: int
    claim_id: int | None
    title: str
    snippet: str
