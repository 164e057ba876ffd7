"""The report's data as JSON, as-is: what the other formats are rendered from.

Field names follow the report model (:mod:`factcheck.core.report.model`); verdicts and
relations are their string values. Built with plain dict literals rather than
``dataclasses.asdict`` (which deep-copies every value) so 100,000 claims serialise at
close to ``json.dumps`` speed.
"""

from __future__ import annotations

from typing import Any, TextIO

from factcheck.core.report import json_text
from factcheck.core.report.model import (
    ClaimRef,
    EvidenceItem,
    Report,
    ReportArticle,
    ReportClaim,
)

FORMAT_VERSION = 1
PRETTY_LIMIT = 5000  # reports with more claims than this are written compact


def _ref(r: ClaimRef | None) -> dict[str, Any] | None:
    if r is None:
        return None
    return {
        "claim_id": r.claim_id, "article_id": r.article_id, "article_title": r.article_title,
        "start": r.start, "end": r.end, "quote": r.quote, "status": r.status.value,
        "in_report": r.in_report,
    }  # fmt: skip


def _evidence(e: EvidenceItem) -> dict[str, Any]:
    return {
        "id": e.id, "gid": e.gid, "kind": e.kind, "label": e.label,
        "relation": e.relation.value if e.relation else None, "outgoing": e.outgoing,
        "claim": _ref(e.other), "url": e.url, "title": e.title, "quote": e.quote,
        "accessed": e.accessed, "note": e.note, "reviewer": e.reviewer,
        "created_at": e.created_at,
    }  # fmt: skip


def claim_dict(c: ReportClaim) -> dict[str, Any]:
    ch = c.last_change
    return {
        "id": c.id, "gid": c.gid, "article_id": c.article_id, "start": c.start, "end": c.end,
        "quote": c.quote, "prefix": c.prefix, "suffix": c.suffix, "status": c.status.value,
        "tags": list(c.tags), "note": c.note, "reviewer": c.reviewer, "claimant": c.claimant,
        "created_at": c.created_at, "updated_at": c.updated_at,
        "evidence": [_evidence(e) for e in c.evidence],
        "placement": c.placement,
        "verdicts": [{"reviewer": v.reviewer, "status": v.status.value, "note": v.note,
                      "updated_at": v.updated_at} for v in c.verdicts],
        "adjudication": {"by": c.adjudicated_by, "note": c.adjudication_note}
        if c.adjudicated_by else None,
        "last_change": {"at": ch.at, "reviewer": ch.reviewer, "action": ch.action}
        if ch else None,
    }  # fmt: skip


def _article(a: ReportArticle) -> dict[str, Any]:
    i = a.info
    return {
        "id": i.id, "gid": i.gid, "title": i.title, "outlet": i.outlet, "url": i.url,
        "author": i.author, "published": i.published, "content_hash": i.content_hash,
        "counts": dict(a.counts),
        "claims": [claim_dict(c) for c in a.claims],
    }  # fmt: skip


def report_dict(report: Report) -> dict[str, Any]:
    """The whole report as JSON-ready dicts and lists."""
    m, s = report.meta, report.summary
    return {
        "format": "factcheck-report", "version": FORMAT_VERSION,
        "meta": {
            "title": m.title, "generated_at": m.generated_at, "generator": m.generator,
            "reviewer": m.reviewer, "organisation": m.organisation,
            "organisation_url": m.organisation_url,
            "scope": list(m.scope) if m.scope is not None else "project",
        },
        "summary": {
            "total": s.total, "by_status": dict(s.by_status),
            "by_tag": {t.name: t.count for t in s.by_tag}, "untagged": s.untagged,
            "by_article": [
                {"article_id": a.info.id, "title": a.info.title, "counts": dict(a.counts)}
                for a in report.articles
            ],
        },
        "contradictions": [
            {"evidence_id": c.evidence_id, "claim": _ref(c.first),
             "contradicted_by": _ref(c.second), "note": c.note, "reviewer": c.reviewer,
             "across_articles": c.across_articles}
            for c in report.contradictions
        ],
        "agreement": _agreement(report),
        "figures_that_disagree": [
            {"fact": f.label, "kind": f.kind, "summary": f.summary,
             "conflict_count": f.conflict_count, "reasons": list(f.reasons),
             "figures": [{"article_id": i.article_id, "article_title": i.article_title,
                          "text": i.text, "range": i.range_text, "date": i.date or None,
                          "attribution": i.attribution,
                          "verdict": i.verdict.value if i.verdict else None}
                         for i in f.figures]}
            for f in report.figure_facts
        ],
        "articles": [_article(a) for a in report.articles],
    }  # fmt: skip


def _agreement(report: Report) -> dict[str, Any] | None:
    ag = report.agreement
    if ag is None:
        return None
    return {
        "reviewers": list(ag.reviewers), "markers": list(ag.markers),
        "project": ag.project.as_dict(),
        "articles": [{"article_id": a.article_id, **a.figures.as_dict()} for a in ag.articles],
    }  # fmt: skip


def write_json(report: Report, out: TextIO) -> None:
    """Indented for reading when small; compact when large (``json.dumps`` then runs in
    C, while an indented dump runs in pure Python and takes several times longer)."""
    indent = 1 if report.summary.total <= PRETTY_LIMIT else None
    out.write(json_text.dumps(report_dict(report), indent=indent))
    out.write("\n")
