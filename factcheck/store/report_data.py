"""Gathering a verification report from a project: every read the report needs, done in
a handful of queries, then assembled by :func:`factcheck.core.report.build.build_report`.

Who the report is by: the organisation and its URL come from the project settings
(``organisation``, ``organisation_url``) when set there, else from the user's settings
(:func:`factcheck.config.load`); the reviewer is the name given, else the configured
one.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from sqlite_utils import Database

from factcheck import __version__, config
from factcheck.core.report.build import build_report
from factcheck.core.report.model import FigureFact, FigureItem, Report, ReportMeta
from factcheck.store import queries
from factcheck.store.agreement_data import project_agreement
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
    """
    articles = queries.article_infos(db, article_ids)
    scope = [a.id for a in articles] if article_ids is not None else None
    claims = queries.all_claims(db, scope)
    listed = {c.id for c in claims}
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
        articles, claims, evidence,
        other_claims=other_claims, other_articles=other_articles,
        last_changes=queries.last_changes(db), meta=meta,
        verdicts=queries.reviewer_verdicts(db, listed),
        adjudications=queries.adjudications(db),
        agreement=project_agreement(db, scope),
    )  # fmt: skip
    return replace(report, figure_facts=figure_facts(db, in_scope if scope else None))


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
