"""Reading what agreement needs from a project: each claim's reviewer verdicts, and the
spans each reviewer marked. The computation is :mod:`factcheck.core.agreement`."""

from __future__ import annotations

from collections.abc import Sequence

from factcheck.core.agreement import ClaimVotes, MarkedSpan, ProjectAgreement, summarize
from factcheck.store import queries
from factcheck.store.database import Database


def project_agreement(db: Database, article_ids: Sequence[int] | None = None) -> ProjectAgreement:
    """Agreement of the project, or of the chosen articles (NotFound for an unknown id)."""
    if article_ids is not None:
        queries.get_articles(db, article_ids)  # a clear error for an unknown id
    rows = db.execute("SELECT id, title, length(text) FROM articles ORDER BY id").fetchall()
    wanted = set(article_ids) if article_ids is not None else None
    articles = [(r[0], r[1], r[2]) for r in rows if wanted is None or r[0] in wanted]
    statuses: dict[int, list[str]] = {}
    article_of: dict[int, int] = {}
    for claim_id, article_id, status in db.execute(
        "SELECT v.claim_id, c.article_id, v.status FROM reviewer_verdicts v "
        "JOIN claims c ON c.id = v.claim_id WHERE v.status != 'unverified' "
        "ORDER BY v.claim_id, v.reviewer"
    ):
        statuses.setdefault(claim_id, []).append(status)
        article_of[claim_id] = article_id
    for claim_id, article_id in db.execute("SELECT id, article_id FROM claims"):
        article_of.setdefault(claim_id, article_id)
        statuses.setdefault(claim_id, [])
    votes = [ClaimVotes(c, article_of[c], tuple(s)) for c, s in sorted(statuses.items())]
    spans = [
        MarkedSpan(r[0], r[1], r[2], r[3])
        for r in db.execute(
            'SELECT article_id, created_by, start, "end" FROM claims '
            "WHERE created_by != '' AND placement != 'orphaned'"
        )
    ]
    judges = [
        r[0]
        for r in db.execute(
            "SELECT DISTINCT reviewer FROM reviewer_verdicts WHERE status != 'unverified'"
        )
    ]
    return summarize(articles, votes, spans, judges)
