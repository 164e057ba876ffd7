"""The print report as a sequence of bounded parts, for layout engines that must not
hold the whole report at once.

Qt's rich-text engine lays a document out in fixed-point coordinates that stop at
about 8.4 million device pixels (some 2,400 A4 pages at 300 dpi) and holds every laid
out line in memory. The PDF writer therefore lays out a few parts at a time
(:func:`batches`) and paints their pages before it moves on. A part is one slice of the
report: the front matter, a slice of the per-article table or of the contradictions,
the figures that disagree, or a slice of one article's claims. Every part has a weight
(roughly its lines) so a batch stays about the same size whatever the report holds.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Literal

from factcheck.core.report.model import Contradiction, Report, ReportArticle, ReportClaim

PartKind = Literal["front", "article_table", "contradictions", "figures", "article"]

ROWS_PER_PART = 400  # table rows per part (a table is split into several tables)
CLAIMS_PER_PART = 100
BATCH_WEIGHT = 1_500  # about 150 pages of claims per laid-out document


@dataclass(frozen=True, slots=True)
class Part:
    kind: PartKind
    first: bool = True  # the first slice of its section: it carries the heading
    rows: Sequence[ReportArticle] | Sequence[Contradiction] = ()
    article: ReportArticle | None = None
    claims: tuple[ReportClaim, ...] = ()
    weight: int = 1

    @property
    def claim_count(self) -> int:
        return len(self.claims)


def claim_weight(claim: ReportClaim) -> int:
    """About how many lines the claim takes in print."""
    text = len(claim.quote) + len(claim.note) + len(claim.prefix) + len(claim.suffix)
    text += sum(len(e.quote) + len(e.note) + len(e.title) + 80 for e in claim.evidence)
    return 4 + len(claim.evidence) + text // 100


def _slices(items: Sequence[object], size: int) -> Iterator[tuple[int, Sequence[object]]]:
    for i in range(0, len(items), size):
        yield i, items[i : i + size]


def report_parts(
    report: Report,
    articles: Iterable[ReportArticle] | None = None,
    *,
    rows_per_part: int | None = None,
    claims_per_part: int | None = None,
) -> Iterator[Part]:
    """The report's parts in print order (``articles``: the per-article section shows
    only these, for previews; the summary tables always cover the whole report).
    Defaults: :data:`ROWS_PER_PART`, :data:`CLAIMS_PER_PART`."""
    rows_per_part = rows_per_part or ROWS_PER_PART
    claims_per_part = claims_per_part or CLAIMS_PER_PART
    agreement = len(report.agreement.articles) if report.agreement is not None else 0
    yield Part("front", weight=20 + 2 * len(report.summary.by_tag) + 2 * agreement)
    table: Sequence[ReportArticle] = report.articles
    for i, rows in _slices(table, rows_per_part):
        yield Part("article_table", i == 0, rows=rows, weight=len(rows))  # type: ignore[arg-type]
    contradictions: Sequence[Contradiction] = report.contradictions
    if not contradictions:
        yield Part("contradictions", True, rows=(), weight=2)
    for i, rows in _slices(contradictions, rows_per_part):
        yield Part("contradictions", i == 0, rows=rows, weight=4 * len(rows))  # type: ignore[arg-type]
    figures = sum(4 + len(f.figures) + len(f.reasons) for f in report.figure_facts)
    yield Part("figures", True, weight=2 + 2 * figures)
    for article in report.articles if articles is None else articles:
        if not article.claims:
            yield Part("article", True, article=article, weight=4)
        for i in range(0, len(article.claims), claims_per_part):
            claims = article.claims[i : i + claims_per_part]
            weight = (4 if i == 0 else 0) + sum(claim_weight(c) for c in claims)
            yield Part("article", i == 0, article=article, claims=claims, weight=weight)


def batches(parts: Iterable[Part], budget: int | None = None) -> Iterator[list[Part]]:
    """Consecutive parts grouped so that each group weighs at most ``budget`` (default
    :data:`BATCH_WEIGHT`; a part heavier than that is a group of its own)."""
    budget = budget or BATCH_WEIGHT
    group: list[Part] = []
    weight = 0
    for part in parts:
        if group and weight + part.weight > budget:
            yield group
            group, weight = [], 0
        group.append(part)
        weight += part.weight
    if group:
        yield group
