"""The verification report as data: what every output format (HTML, PDF, Markdown, CSV,
JSON, W3C annotations, ClaimReview) is rendered from.

A :class:`Report` is an immutable snapshot assembled once (see
:mod:`factcheck.core.report.build`); renderers only read it. Everything a renderer
shows is already here, resolved: the far end of every claim link with its quote and
article title, the last change of every claim, the counts of the summary. That keeps the
renderers free of look-ups, so exporting 100,000 claims stays a single pass.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

from factcheck.core.agreement import ProjectAgreement
from factcheck.core.model import Relation, Status
from factcheck.core.quotes import CONTEXT_CHARS

# How a link reads from each end: (seen from the claim it was attached to,
# seen from the claim that is the evidence).
_RELATION_LABELS: dict[Relation, tuple[str, str]] = {
    Relation.CORROBORATES: ("Corroborated by", "Corroborates"),
    Relation.CONTRADICTS: ("Contradicted by", "Contradicts"),
    Relation.SAME_AS: ("Same as", "Same as"),
}


@dataclass(frozen=True, slots=True)
class ArticleInfo:
    """An article's metadata as the report shows it (no text)."""

    id: int
    title: str
    outlet: str
    url: str
    author: str
    published: str
    content_hash: str
    language: str = ""  # BCP 47 tag when the project knows it (articles.language), else ""
    gid: str = ""
    direction: str = "auto"  # the paragraphs' base direction: "auto", "ltr" or "rtl"

    @property
    def dir(self) -> str:
        """The HTML ``dir`` value for the article's own text."""
        return self.direction if self.direction in ("ltr", "rtl") else "auto"


@dataclass(frozen=True, slots=True)
class ClaimRef:
    """A claim named from elsewhere in the report (the far end of a link)."""

    claim_id: int
    article_id: int
    article_title: str
    article_content_hash: str
    article_url: str
    start: int
    end: int
    quote: str
    status: Status
    in_report: bool  # True when the claim itself is listed in this report


@dataclass(frozen=True, slots=True)
class EvidenceItem:
    """One piece of a claim's evidence, seen from that claim.

    ``kind == "claim"``: a link to ``other``; ``outgoing`` is True when the link was
    attached to this claim (``other`` is the evidence), False when this claim is the
    evidence for ``other``. ``kind == "source"``: an outside source (``url``...).
    """

    id: int
    kind: str
    relation: Relation | None
    outgoing: bool
    other: ClaimRef | None
    url: str
    title: str
    quote: str
    accessed: str
    note: str
    reviewer: str
    created_at: str
    gid: str = ""

    @property
    def label(self) -> str:
        """"Contradicted by", "Corroborates", "Source"...: how the item reads here."""
        if self.kind != "claim" or self.relation is None:
            return "Source"
        attached, evidence = _RELATION_LABELS[self.relation]
        return attached if self.outgoing else evidence


class LastChange(NamedTuple):
    at: str
    reviewer: str
    action: str


class ReportVerdict(NamedTuple):
    """One reviewer's own verdict on a claim as the report lists it: the fields of
    :class:`factcheck.core.model.ReviewerVerdict`, as a named tuple (built in C, one
    per verdict of every claim)."""

    claim_id: int
    reviewer: str
    status: Status
    note: str
    updated_at: str


class ReportClaim(NamedTuple):
    """One claim as the report shows it: a named tuple, not a class instance, because a
    report of 100,000 claims makes one per claim (a tuple is built in C, a frozen
    dataclass sets each of its fields through ``object.__setattr__``)."""

    id: int
    article_id: int
    start: int
    end: int
    quote: str
    prefix: str
    suffix: str
    status: Status
    tags: tuple[str, ...]
    note: str
    reviewer: str
    created_at: str
    updated_at: str
    evidence: tuple[EvidenceItem, ...] = ()
    last_change: LastChange | None = None
    placement: str = "exact"  # "fuzzy"/"orphaned": not yet confirmed on the current text
    claimant: str = ""  # who made the claim, when the project records it (claims.claimant)
    gid: str = ""  # global id, the same in every reviewer's copy of the project
    verdicts: tuple[ReportVerdict, ...] = ()  # each reviewer's own verdict
    adjudicated_by: str = ""  # who settled the verdict between reviewers
    adjudication_note: str = ""

    @property
    def reviewers_disagree(self) -> bool:
        judged = {v.status for v in self.verdicts if v.status is not Status.UNVERIFIED}
        return len(judged) > 1

    @property
    def show_reviewers(self) -> bool:
        """Several reviewers judged it, or it was adjudicated: the report lists them."""
        return len(self.verdicts) > 1 or bool(self.adjudicated_by)

    @property
    def before(self) -> str:
        """The context before the quote, cut at a word boundary; starts with "…" when
        the article goes on before it."""
        text = self.prefix
        if self.start > len(text):  # the context was cut: drop the partial first word
            _head, sep, rest = text.partition(" ")
            text = "…" + (rest if sep and rest.strip() else text)
        return text

    @property
    def after(self) -> str:
        """The context after the quote, cut at a word boundary, ending in "…" when the
        article (probably) goes on."""
        text = self.suffix
        if len(text) >= CONTEXT_CHARS:
            rest, sep, _tail = text.rpartition(" ")
            text = (rest if sep and rest.strip() else text) + "…"
        return text

    @property
    def placement_warning(self) -> str:
        """What a reader must know about where the claim sits, or ""."""
        if self.placement == "orphaned":
            return "not found in the current text of the article"
        if self.placement == "fuzzy":
            return "placed approximately on a changed text; not yet confirmed"
        return ""


@dataclass(frozen=True, slots=True)
class ReportArticle:
    info: ArticleInfo
    claims: tuple[ReportClaim, ...]
    counts: dict[str, int]  # claims per status value, every status present


@dataclass(frozen=True, slots=True)
class Contradiction:
    """Two claims linked as contradicting each other (``second`` contradicts ``first``)."""

    evidence_id: int
    first: ClaimRef
    second: ClaimRef
    note: str
    reviewer: str

    @property
    def across_articles(self) -> bool:
        return self.first.article_id != self.second.article_id


@dataclass(frozen=True, slots=True)
class FigureItem:
    """One figure of a fact as the report lists it: by source and date."""

    article_id: int
    article_title: str
    text: str
    range_text: str
    date: str  # "" when the figure has no date
    attribution: str
    verdict: Status | None  # the verdict of the claim marked on it, if any


@dataclass(frozen=True, slots=True)
class FigureFact:
    """A fact whose figures disagree ("Figures that disagree")."""

    label: str
    kind: str  # fixed / level / series
    summary: str
    figures: tuple[FigureItem, ...]
    reasons: tuple[str, ...]  # one per conflicting pair (the first ones when many)
    conflict_count: int


@dataclass(frozen=True, slots=True)
class TagCount:
    name: str
    count: int


@dataclass(frozen=True, slots=True)
class Summary:
    total: int
    by_status: dict[str, int]  # every status, in Status order
    by_tag: tuple[TagCount, ...]  # most used first, then by name
    untagged: int


@dataclass(frozen=True, slots=True)
class ReportMeta:
    """Who made the report, when, and for what."""

    title: str = "Verification report"
    generated_at: str = ""  # ISO 8601 UTC
    reviewer: str = ""
    organisation: str = ""
    organisation_url: str = ""
    scope: tuple[int, ...] | None = None  # the chosen article ids; None = whole project
    generator: str = "factcheck"

    @property
    def author_name(self) -> str:
        """The organisation when one is configured, else the reviewer."""
        return self.organisation or self.reviewer


@dataclass(frozen=True, slots=True)
class Report:
    meta: ReportMeta
    summary: Summary
    articles: tuple[ReportArticle, ...]
    contradictions: tuple[Contradiction, ...] = field(default=())
    agreement: ProjectAgreement | None = None  # shown when two or more reviewers judged
    figure_facts: tuple[FigureFact, ...] = field(default=())

    @property
    def claim_count(self) -> int:
        return self.summary.total

    def claims(self) -> list[tuple[ReportArticle, ReportClaim]]:
        """Every claim with its article, in report order."""
        return [(a, c) for a in self.articles for c in a.claims]


STATUS_ORDER: tuple[Status, ...] = (
    Status.CORROBORATED,
    Status.CONTRADICTED,
    Status.INCONCLUSIVE,
    Status.UNVERIFIED,
)
"""The order verdicts are listed in summaries and charts: judged ones first."""
