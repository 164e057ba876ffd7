"""Assembling a :class:`Report` from plain domain objects (no database here).

The store gathers the rows (:mod:`factcheck.store.report_data`); this module resolves
links, counts and orders, so the same logic serves any source of claims and is tested
without SQLite.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from factcheck.core.agreement import ProjectAgreement
from factcheck.core.model import (
    Article,
    Claim,
    Evidence,
    Relation,
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
    ReportVerdict,
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


# The columns of a claim row as :func:`build_report` reads it (the store reads them in
# one query, with the claim's last history entry joined in: ``last_*`` are None when the
# claim has none).
CLAIM_ROW: tuple[str, ...] = (
    "id", "article_id", "start", "end", "quote", "prefix", "suffix", "status", "note",
    "reviewer", "created_at", "updated_at", "placement", "claimant", "gid",
    "adjudicated_status", "adjudicated_by", "adjudication_note",
    "last_at", "last_reviewer", "last_action",
)  # fmt: skip
ClaimRow = tuple[Any, ...]  # values in CLAIM_ROW order

_STATUS = {s.value: s for s in Status}  # Status(value) costs a function call per claim


def claim_row(claim: Claim) -> ClaimRow:
    """The :data:`CLAIM_ROW` of a :class:`Claim` (no last change known)."""
    return (claim.id, claim.article_id, claim.start, claim.end, claim.quote, claim.prefix,
            claim.suffix, claim.status.value, claim.note, claim.reviewer, claim.created_at,
            claim.updated_at, claim.placement, claim.claimant, claim.gid,
            claim.adjudicated_status, claim.adjudicated_by, claim.adjudication_note,
            None, None, None)  # fmt: skip


def build_report(
    articles: Sequence[Article | ArticleInfo],
    claims: Iterable[ClaimRow | Claim],
    evidence: Iterable[Evidence],
    *,
    tags: Mapping[int, tuple[str, ...]] | None = None,
    other_claims: Mapping[int, Claim] | None = None,
    other_articles: Mapping[int, Article | ArticleInfo] | None = None,
    meta: ReportMeta | None = None,
    verdicts: Mapping[int, tuple[ReportVerdict, ...]] | None = None,
    agreement: ProjectAgreement | None = None,
) -> Report:
    """The report of ``articles`` (in the order given) and their ``claims``: rows of
    :data:`CLAIM_ROW` values, in report order (plain tuples: a report of 100,000 claims
    builds no other object per claim than the one it shows), or :class:`Claim` objects
    (their tags with them). ``tags`` maps claim id to its tag names in display order
    (untagged claims absent); ``verdicts`` maps claim id to its reviewers' verdicts.

    ``evidence`` may hold any evidence rows; those touching no listed claim are ignored.
    Links whose far end is not listed resolve through ``other_claims`` and
    ``other_articles``; a link whose far end is found nowhere is left out.
    """
    infos = [a if isinstance(a, ArticleInfo) else article_info(a) for a in articles]
    by_article: dict[int, list[ClaimRow]] = {info.id: [] for info in infos}
    listed: dict[int, ClaimRow] = {}  # claim id -> its row, for every listed claim
    tags_of: dict[int, tuple[str, ...]] = dict(tags or {})
    for item in claims:
        if isinstance(item, Claim):
            tags_of[item.id] = item.tags
            row = claim_row(item)
        else:
            row = item
        rows_of = by_article.get(row[1])
        if rows_of is not None:
            rows_of.append(row)
            listed[row[0]] = row
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
        row = listed.get(claim_id)
        if row is not None:
            article_id, start, end, quote, status = row[1], row[2], row[3], row[4], row[7]
        else:
            c = far.get(claim_id)
            if c is None:
                return None
            article_id, start, end, quote, status = (c.article_id, c.start, c.end, c.quote,
                                                     c.status.value)  # fmt: skip
        art = article_by_id.get(article_id)
        if art is None:
            return None
        found = refs[claim_id] = ClaimRef(
            claim_id=claim_id, article_id=article_id, article_title=art.title,
            article_content_hash=art.content_hash, article_url=art.url, start=start,
            end=end, quote=quote, status=_STATUS[status], in_report=claim_id in listed,
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

    verdicts_of = verdicts or {}
    evidence_of = {cid: tuple(found) for cid, found in items.items()}
    report_articles: list[ReportArticle] = []
    tag_counts: dict[str, int] = {}
    untagged = 0
    all_statuses: dict[Status, int] = dict.fromkeys(STATUS_ORDER, 0)
    new = tuple.__new__  # ReportClaim and LastChange are named tuples: built in C
    for info in infos:
        rows = by_article[info.id]
        out: list[ReportClaim] = []
        statuses: dict[Status, int] = dict.fromkeys(STATUS_ORDER, 0)
        for (cid, aid, start, end, quote, prefix, suffix, value, note, reviewer, created,
             updated, placement, claimant, gid, adjudicated, adjudicated_by, adjudication_note,
             last_at, last_by, last_action) in rows:  # fmt: skip
            names = tags_of.get(cid, ())
            status = _STATUS[value]
            statuses[status] += 1
            out.append(new(ReportClaim, (
                cid, aid, start, end, quote, prefix, suffix, status, names, note, reviewer,
                created, updated, evidence_of.get(cid, ()),
                None if last_at is None else new(LastChange, (last_at, last_by, last_action)),
                placement, claimant, gid, verdicts_of.get(cid, ()),
                adjudicated_by if adjudicated else "", adjudication_note if adjudicated else "",
            )))  # fmt: skip
            if names:
                for name in names:
                    tag_counts[name] = tag_counts.get(name, 0) + 1
            else:
                untagged += 1
        for status, n in statuses.items():
            all_statuses[status] += n
        counts = {s.value: statuses[s] for s in STATUS_ORDER}
        report_articles.append(ReportArticle(info, tuple(out), counts))

    summary = Summary(
        total=sum(all_statuses.values()),
        by_status={s.value: all_statuses[s] for s in STATUS_ORDER},
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
