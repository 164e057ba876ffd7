"""Gathering a verification report from a project: every read the report needs, done in
a handful of queries, then assembled by :func:`factcheck.core.report.build.build_report`.

Who the report is by: the organisation and its URL come from the project settings
(``organisation``, ``organisation_url``) when set there, else from the user's settings
(:func:`factcheck.config.load`); the reviewer is the name given, else the configured
one.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace
from itertools import groupby
from operator import itemgetter

from factcheck import __version__, config
from factcheck.core.agreement import ProjectAgreement
from factcheck.core.gc_pause import paused_gc
from factcheck.core.model import Status
from factcheck.core.report.build import ClaimRow, build_report
from factcheck.core.report.model import FigureFact, FigureItem, Report, ReportMeta, ReportVerdict
from factcheck.store import queries
from factcheck.store.agreement_data import project_agreement
from factcheck.store.database import Database
from factcheck.store.ops import now


def report_meta(
    db: Database,
    article_ids: Sequence[int] | None = None,
    *,
    reviewer: str | None = None,
    title: str = "Verification report",
    generated_at: str | None = None,
) -> ReportMeta:
    cfg = config.load()
    org = queries.get_setting(db, "organisation") or cfg.organisation
    org_url = queries.get_setting(db, "organisation_url") or cfg.organisation_url
    return ReportMeta(
        title=title,
        generated_at=generated_at or now(),
        reviewer=reviewer if reviewer is not None else cfg.reviewer_or_login(),
        organisation=org.strip(),
        organisation_url=org_url.strip(),
        scope=tuple(dict.fromkeys(article_ids)) if article_ids is not None else None,
        generator=f"factcheck {__version__}",
    )


def gather_report(
    db: Database,
    article_ids: Sequence[int] | None = None,
    *,
    reviewer: str | None = None,
    title: str = "Verification report",
    generated_at: str | None = None,
) -> Report:
    """The report of the whole project (``article_ids`` None) or of the chosen articles
    (in id order). Raises :class:`factcheck.errors.NotFound` for an unknown article id.

    Set-based: the claims come as plain rows with their last change joined in, their
    tags and reviewer verdicts in one query each; nothing reads an article's text.
    """
    with paused_gc():
        return _gather(db, article_ids, reviewer=reviewer, title=title,
                       generated_at=generated_at)  # fmt: skip


def _gather(
    db: Database,
    article_ids: Sequence[int] | None,
    *,
    reviewer: str | None,
    title: str,
    generated_at: str | None,
) -> Report:
    articles = queries.article_infos(db, article_ids)
    scope = [a.id for a in articles] if article_ids is not None else None
    where, params = _scope(scope)
    last = _LAST_BY_PASS if scope is None else _LAST_BY_LOOKUP
    rows = db.execute(_CLAIM_ROWS.format(last=last, where=where), params).fetchall()
    _order_ties(rows)
    listed = {r[0] for r in rows}
    evidence = [
        e
        for e in queries.all_evidence(db)
        if e.claim_id in listed or (e.target_claim_id is not None and e.target_claim_id in listed)
    ]
    far_ids = {
        end
        for e in evidence
        for end in (e.claim_id, e.target_claim_id)
        if end is not None and end not in listed
    }
    other_claims = queries.claims_by_ids(db, far_ids)
    in_scope = {a.id for a in articles}
    other_article_ids = {c.article_id for c in other_claims.values()} - in_scope
    other_articles = {a.id: a for a in queries.article_infos(db, sorted(other_article_ids))}
    meta = report_meta(db, scope, reviewer=reviewer, title=title, generated_at=generated_at)
    report = build_report(
        articles, rows, evidence, tags=_tags(db, where, params),
        other_claims=other_claims, other_articles=other_articles, meta=meta,
        verdicts=_verdicts(db, where, params), agreement=_agreement(db, scope),
    )  # fmt: skip
    return replace(report, figure_facts=figure_facts(db, in_scope if scope else None))


# CLAIM_ROW (factcheck.core.report.build), with the last history entry of each claim
# joined in: for the whole project through one pass over the history (measured faster
# than a look-up per claim), for chosen articles by a look-up per claim in the
# history's claim index (a pass would read the whole project's history).
_CLAIM_ROWS = (
    'SELECT c.id, c.article_id, c.start, c."end", c.quote, c.prefix, c.suffix, c.status, '
    "c.note, c.reviewer, c.created_at, c.updated_at, c.placement, c.claimant, "
    "c.gid, c.adjudicated_status, c.adjudicated_by, c.adjudication_note, "
    "h.at, h.reviewer, h.action FROM claims c {last} "
    "{where} ORDER BY c.article_id, c.start"  # the claims index's order; ties: _order_ties
)
_LAST_BY_PASS = (
    "LEFT JOIN (SELECT claim_id, max(id) AS id FROM history WHERE claim_id IS NOT NULL "
    "GROUP BY claim_id) m ON m.claim_id = c.id LEFT JOIN history h ON h.id = m.id"
)
_LAST_BY_LOOKUP = (
    "LEFT JOIN history h ON h.id = (SELECT max(x.id) FROM history x WHERE x.claim_id = c.id)"
)


def _order_ties(rows: list[ClaimRow]) -> None:
    """Put claims that start at the same place in report order (the longest first, then
    by id), in place. SQLite returns them in its index's order, by article and start;
    ordering the few ties here costs less than its sorting the whole result again."""
    i, n = 0, len(rows)
    while i < n:
        article, start = rows[i][1], rows[i][2]
        j = i + 1
        while j < n and rows[j][2] == start and rows[j][1] == article:
            j += 1
        if j - i > 1:
            rows[i:j] = sorted(rows[i:j], key=lambda r: (-r[3], r[0]))
        i = j


def _scope(article_ids: Sequence[int] | None) -> tuple[str, tuple[str, ...]]:
    """The WHERE clause on claims ``c`` for a report's scope (all claims for None)."""
    if article_ids is None:
        return "", ()
    return "WHERE c.article_id IN (SELECT value FROM json_each(?))", (json.dumps(article_ids),)


def _in_scope(alias: str, where: str) -> str:
    """The join that keeps the rows of ``alias`` whose claim is in scope (none needed for
    the whole project: every row's claim exists)."""
    return f"JOIN claims c ON c.id = {alias}.claim_id {where}" if where else ""


def _tags(db: Database, where: str, params: Sequence[str]) -> dict[int, tuple[str, ...]]:
    tags: dict[int, list[str]] = defaultdict(list)
    for claim_id, name in db.execute(
        "SELECT ct.claim_id, t.name FROM claim_tags ct JOIN tags t ON t.id = ct.tag_id "
        f"{_in_scope('ct', where)} ORDER BY t.name COLLATE NOCASE, t.name",
        params,
    ):
        tags[claim_id].append(name)
    # one tuple for each set of tags used (a project has few): fewer objects to build,
    # for the collector to look at and to free than one tuple per tagged claim
    shared: dict[tuple[str, ...], tuple[str, ...]] = {}
    return {claim_id: shared.setdefault(t := tuple(names), t) for claim_id, names in tags.items()}


def _verdicts(
    db: Database, where: str, params: Sequence[str]
) -> dict[int, tuple[ReportVerdict, ...]]:
    status = {s.value: s for s in Status}
    rows = db.execute(
        "SELECT v.claim_id, v.reviewer, v.status, v.note, v.updated_at FROM reviewer_verdicts v "
        f"{_in_scope('v', where)} ORDER BY v.claim_id, v.reviewer",
        params,
    )
    new = tuple.__new__  # a named tuple built in C, not through its __new__
    return {
        claim_id: tuple([new(ReportVerdict, (cid, who, status[value], note, at))
                         for cid, who, value, note, at in found])
        for claim_id, found in groupby(rows, itemgetter(0))
    }  # fmt: skip


def _agreement(db: Database, scope: Sequence[int] | None) -> ProjectAgreement | None:
    """Agreement between reviewers, which a report shows only when two or more gave
    verdicts: with fewer it is not computed at all (it reads every claim)."""
    judges = db.execute("SELECT count(DISTINCT reviewer) FROM reviewer_verdicts "
                        "WHERE status != 'unverified'").fetchone()[0]  # fmt: skip
    return project_agreement(db, scope) if judges > 1 else None


def figure_facts(db: Database, article_ids: set[int] | None = None) -> tuple[FigureFact, ...]:
    """The facts whose figures disagree, each with its figures by source and date and
    the verdicts given to them; with ``article_ids``, the facts touching those articles
    (their figures from other articles still listed, as the comparison needs them)."""
    rows = queries.list_facts(db, conflicts_only=True, min_articles=2)
    details = queries.fact_details(db, rows)
    claim_ids = [f.claim_id for d in details for f in d.figures if f.claim_id is not None]
    verdicts = {c.id: c.status for c in queries.claims_by_ids(db, claim_ids).values()}
    found: list[FigureFact] = []
    for d in details:
        if article_ids is not None and not {f.article_id for f in d.figures} & article_ids:
            continue
        ordered = sorted(d.figures, key=lambda f: (f.when or "9999", f.article_id, f.start))
        found.append(FigureFact(
            label=d.row.label, kind=d.row.kind, summary=d.judgement.summary,
            figures=tuple(FigureItem(
                article_id=f.article_id, article_title=f.article_title, text=f.text,
                range_text=f.range_text, date=f.when, attribution=f.attribution,
                verdict=verdicts.get(f.claim_id) if f.claim_id is not None else None,
            ) for f in ordered),
            reasons=tuple(c.reason for c in d.judgement.conflicts[:20]),
            conflict_count=d.judgement.conflict_count,
        ))  # fmt: skip
    return tuple(found)
