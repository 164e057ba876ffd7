"""Assembling a :class:`Report` from plain domain objects (no database here).

The store gathers the rows (:mod:`factcheck.store.report_data`); this module resolves
links, counts and orders, so the same logic serves any source of claims and is tested
without SQLite.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence

from factcheck.core.agreement import ProjectAgreement
from factcheck.core.model import (
    Article,
    Claim,
    Evidence,
    HistoryEntry,
    Relation,
    ReviewerVerdict,
    Status,
)
from factcheck.core.report.model import (
    STATUS_ORDER,
    ArticleInfo,
    ClaimRef,
    Contradiction,
    EvidenceItem,
    LastChange,
    Report,
    ReportArticle,
    ReportClaim,
    ReportMeta,
    Summary,
    TagCount,
)


def article_info(article: Article) -> ArticleInfo:
    return ArticleInfo(
        id=article.id,
        title=article.title,
        outlet=article.outlet,
        url=article.url,
        author=article.author,
        published=article.published,
        content_hash=article.content_hash,
        gid=article.gid,
        # the language and claimant columns may not exist in every project version
        language=str(getattr(article, "language", "") or ""),
        direction=article.direction,
    )


def _status_counts(statuses: Iterable[Status]) -> dict[str, int]:
    counted = Counter(statuses)
    return {s.value: counted.get(s, 0) for s in STATUS_ORDER}


def build_report(
    articles: Sequence[Article | ArticleInfo],
    claims: Iterable[Claim],
    evidence: Iterable[Evidence],
    *,
    other_claims: Mapping[int, Claim] | None = None,
    other_articles: Mapping[int, Article | ArticleInfo] | None = None,
    last_changes: Mapping[int, HistoryEntry] | None = None,
    meta: ReportMeta | None = None,
    verdicts: Mapping[int, Sequence[ReviewerVerdict]] | None = None,
    adjudications: Mapping[int, tuple[str, str, str]] | None = None,
    agreement: ProjectAgreement | None = None,
) -> Report:
    """The report of ``articles`` (in the order given) and their ``claims``.

    ``evidence`` may hold any evidence rows; those touching no listed claim are ignored.
    Links whose far end is not listed resolve through ``other_claims`` and
    ``other_articles``; a link whose far end is found nowhere is left out.
    ``last_changes`` maps claim id to its latest history entry.
    """
    infos = [a if isinstance(a, ArticleInfo) else article_info(a) for a in articles]
    by_article: dict[int, list[Claim]] = {info.id: [] for info in infos}
    listed: dict[int, Claim] = {}
    for claim in claims:
        if claim.article_id in by_article:
            by_article[claim.article_id].append(claim)
            listed[claim.id] = claim
    article_by_id: dict[int, ArticleInfo] = {i.id: i for i in infos}
    for aid, other in (other_articles or {}).items():
        info = other if isinstance(other, ArticleInfo) else article_info(other)
        article_by_id.setdefault(aid, info)
    far = other_claims or {}

    refs: dict[int, ClaimRef] = {}

    def ref(claim_id: int) -> ClaimRef | None:
        found = refs.get(claim_id)
        if found is not None:
            return found
        claim = listed.get(claim_id) or far.get(claim_id)
        if claim is None or claim.article_id not in article_by_id:
            return None
        art = article_by_id[claim.article_id]
        found = refs[claim_id] = ClaimRef(
            claim_id=claim.id, article_id=claim.article_id, article_title=art.title,
            article_content_hash=art.content_hash, article_url=art.url, start=claim.start,
            end=claim.end, quote=claim.quote, status=claim.status,
            in_report=claim_id in listed,
        )  # fmt: skip
        return found

    items: dict[int, list[EvidenceItem]] = {}
    contradictions: list[Contradiction] = []
    for ev in evidence:
        if ev.kind == "source":
            if ev.claim_id in listed:
                items.setdefault(ev.claim_id, []).append(_item(ev, outgoing=True, other=None))
            continue
        if ev.target_claim_id is None:
            continue
        owner, target = ref(ev.claim_id), ref(ev.target_claim_id)
        if owner is None or target is None or not (owner.in_report or target.in_report):
            continue
        if owner.in_report:
            items.setdefault(owner.claim_id, []).append(_item(ev, outgoing=True, other=target))
        if target.in_report:
            items.setdefault(target.claim_id, []).append(_item(ev, outgoing=False, other=owner))
        if ev.relation is Relation.CONTRADICTS:
            contradictions.append(Contradiction(ev.id, owner, target, ev.note, ev.reviewer))

    changes = last_changes or {}
    report_articles: list[ReportArticle] = []
    all_tags: list[str] = []
    untagged = 0
    all_statuses: list[Status] = []
    for info in infos:
        rows: list[ReportClaim] = []
        for c in by_article[info.id]:
            change = changes.get(c.id)
            rows.append(ReportClaim(
                id=c.id, article_id=c.article_id, start=c.start, end=c.end, quote=c.quote,
                prefix=c.prefix, suffix=c.suffix, status=c.status, tags=c.tags, note=c.note,
                reviewer=c.reviewer, created_at=c.created_at, updated_at=c.updated_at,
                evidence=tuple(items.get(c.id, ())),
                last_change=LastChange(change.at, change.reviewer, change.action)
                if change else None,
                placement=c.placement, claimant=c.claimant,
                gid=c.gid, verdicts=tuple((verdicts or {}).get(c.id, ())),
                adjudicated_by=(adjudications or {}).get(c.id, ("", "", ""))[0],
                adjudication_note=(adjudications or {}).get(c.id, ("", "", ""))[2],
            ))  # fmt: skip
            all_tags.extend(c.tags)
            untagged += not c.tags
        statuses = [c.status for c in rows]
        all_statuses.extend(statuses)
        report_articles.append(ReportArticle(info, tuple(rows), _status_counts(statuses)))

    tag_counts = Counter(all_tags)
    summary = Summary(
        total=len(all_statuses),
        by_status=_status_counts(all_statuses),
        by_tag=tuple(
            TagCount(name, n)
            for name, n in sorted(tag_counts.items(), key=lambda kv: (-kv[1], kv[0].casefold()))
        ),
        untagged=untagged,
    )
    contradictions.sort(key=lambda c: (c.first.article_id, c.first.start, c.evidence_id))
    return Report(meta or ReportMeta(), summary, tuple(report_articles), tuple(contradictions),
                  agreement=agreement if agreement and len(agreement.reviewers) > 1 else None)


def _item(ev: Evidence, *, outgoing: bool, other: ClaimRef | None) -> EvidenceItem:
    return EvidenceItem(
        id=ev.id, kind=ev.kind, relation=ev.relation, outgoing=outgoing, other=other,
        url=ev.url, title=ev.title, quote=ev.quote, accessed=ev.accessed, note=ev.note,
        reviewer=ev.reviewer, created_at=ev.created_at, gid=ev.gid,
    )  # fmt: skip
