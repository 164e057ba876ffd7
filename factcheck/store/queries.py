"""Reading the project: every query the CLI, the GUI and the exports need.

Read functions return core model objects; they never write. The article list reads no
article text, so it stays cheap in a 10,000-article project.
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Any

from sqlite_utils import Database

from factcheck.core.model import (
    PLACEMENTS,
    Article,
    ArticleSummary,
    Claim,
    Evidence,
    HistoryEntry,
    Relation,
    Revision,
    SearchHit,
    Status,
    Tag,
)
from factcheck.errors import NotFound

_CLAIM_COLS = (
    'c.id, c.article_id, c.start, c."end", c.quote, c.prefix, c.suffix, c.status, c.note, '
    "c.reviewer, c.created_at, c.updated_at, c.placement, c.placement_score, c.original_quote"
)


def _rows(db: Database, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
    cur = db.execute(sql, params)
    cols = [d[0] for d in cur.description]
    return [dict(zip(cols, row, strict=True)) for row in cur.fetchall()]


def article_count(db: Database) -> int:
    return int(db.execute("SELECT count(*) FROM articles").fetchone()[0])


def list_articles(db: Database) -> list[ArticleSummary]:
    """All articles in import order, each with its claim counts by status (no text)."""
    counts: dict[int, dict[str, int]] = defaultdict(dict)
    for article_id, status, n in db.execute(
        "SELECT article_id, status, count(*) FROM claims GROUP BY article_id, status"
    ).fetchall():
        counts[article_id][status] = n
    return [
        ArticleSummary(
            id=r[0], title=r[1], outlet=r[2], published=r[3], url=r[4],
            counts={s.value: counts[r[0]].get(s.value, 0) for s in Status},
        )
        for r in db.execute(
            "SELECT id, title, outlet, published, url FROM articles ORDER BY id"
        ).fetchall()
    ]  # fmt: skip


def get_article(db: Database, article_id: int) -> Article:
    rows = _rows(
        db,
        "SELECT id, title, text, outlet, url, author, published, content_hash, source_path, "
        "imported_at FROM articles WHERE id = ?",
        (article_id,),
    )
    if not rows:
        raise NotFound(f"no article with id {article_id}")
    return Article(**rows[0])


def article_ids_by_hash(db: Database, hashes: Iterable[str]) -> dict[str, int]:
    wanted = list(set(hashes))
    found: dict[str, int] = {}
    for i in range(0, len(wanted), 500):
        chunk = wanted[i : i + 500]
        marks = ",".join("?" * len(chunk))
        for h, aid in db.execute(
            f"SELECT content_hash, min(id) FROM articles WHERE content_hash IN ({marks}) "
            "GROUP BY content_hash",
            chunk,
        ).fetchall():
            found[h] = aid
    return found


def _tags_by_claim(db: Database, where: str, params: Sequence[Any]) -> dict[int, list[str]]:
    tags: dict[int, list[str]] = defaultdict(list)
    for claim_id, name in db.execute(
        "SELECT ct.claim_id, t.name FROM claim_tags ct JOIN tags t ON t.id = ct.tag_id "
        f"JOIN claims c ON c.id = ct.claim_id WHERE {where} ORDER BY t.name COLLATE NOCASE",
        params,
    ).fetchall():
        tags[claim_id].append(name)
    return tags


def _claims(db: Database, where: str, params: Sequence[Any], order: str) -> list[Claim]:
    tags = _tags_by_claim(db, where, params)
    return [
        Claim(
            id=r[0], article_id=r[1], start=r[2], end=r[3], quote=r[4], prefix=r[5],
            suffix=r[6], status=Status(r[7]), note=r[8], reviewer=r[9], created_at=r[10],
            updated_at=r[11], tags=tuple(tags.get(r[0], ())), placement=r[12],
            placement_score=r[13], original_quote=r[14],
        )
        for r in db.execute(
            f"SELECT {_CLAIM_COLS} FROM claims c WHERE {where} ORDER BY {order}", params
        ).fetchall()
    ]  # fmt: skip


def claims_for_article(db: Database, article_id: int) -> list[Claim]:
    """The article's claims in text order (by start, longer spans first at a tie)."""
    return _claims(db, "c.article_id = ?", (article_id,), 'c.start, c."end" DESC, c.id')


def all_claims(db: Database, article_ids: Sequence[int] | None = None) -> list[Claim]:
    """Claims of the given articles (all when None), grouped by article in text order."""
    order = 'c.article_id, c.start, c."end" DESC, c.id'
    if article_ids is None:
        return _claims(db, "1", (), order)
    marks = ",".join("?" * len(article_ids)) or "NULL"
    return _claims(db, f"c.article_id IN ({marks})", tuple(article_ids), order)


def get_claim(db: Database, claim_id: int) -> Claim:
    found = _claims(db, "c.id = ?", (claim_id,), "c.id")
    if not found:
        raise NotFound(f"no claim with id {claim_id}")
    return found[0]


def claim_exists(db: Database, claim_id: int) -> bool:
    return db.execute("SELECT 1 FROM claims WHERE id = ?", (claim_id,)).fetchone() is not None


def list_tags(db: Database) -> list[Tag]:
    return [
        Tag(id=r[0], name=r[1], color=r[2])
        for r in db.execute("SELECT id, name, color FROM tags ORDER BY name COLLATE NOCASE")
    ]


def _evidence(row: dict[str, Any]) -> Evidence:
    rel = row.pop("relation")
    return Evidence(relation=Relation(rel) if rel else None, **row)


def evidence_for_claim(db: Database, claim_id: int) -> list[Evidence]:
    """Evidence attached to the claim, and claim links that point at it (both ends)."""
    return [
        _evidence(r)
        for r in _rows(
            db,
            "SELECT id, claim_id, kind, relation, target_claim_id, url, title, quote, "
            "accessed, note, reviewer, created_at FROM evidence "
            "WHERE claim_id = ? OR target_claim_id = ? ORDER BY id",
            (claim_id, claim_id),
        )
    ]


def all_evidence(db: Database) -> list[Evidence]:
    return [
        _evidence(r)
        for r in _rows(
            db,
            "SELECT id, claim_id, kind, relation, target_claim_id, url, title, quote, "
            "accessed, note, reviewer, created_at FROM evidence ORDER BY id",
        )
    ]


def get_evidence(db: Database, evidence_id: int) -> Evidence:
    rows = _rows(
        db,
        "SELECT id, claim_id, kind, relation, target_claim_id, url, title, quote, accessed, "
        "note, reviewer, created_at FROM evidence WHERE id = ?",
        (evidence_id,),
    )
    if not rows:
        raise NotFound(f"no evidence link with id {evidence_id}")
    return _evidence(rows[0])


def history_for_claim(db: Database, claim_id: int) -> list[HistoryEntry]:
    return [
        HistoryEntry(**r)
        for r in _rows(
            db,
            "SELECT id, at, reviewer, action, article_id, claim_id, field, old, new "
            "FROM history WHERE claim_id = ? ORDER BY id",
            (claim_id,),
        )
    ]


def history(db: Database, limit: int = 200) -> list[HistoryEntry]:
    return [
        HistoryEntry(**r)
        for r in _rows(
            db,
            "SELECT id, at, reviewer, action, article_id, claim_id, field, old, new "
            "FROM history ORDER BY id DESC LIMIT ?",
            (limit,),
        )
    ]


def _fts_query(db: Database, sql: str, query: str, limit: int) -> list[tuple[Any, ...]]:
    """Run an FTS query as typed; if it is not valid FTS5 syntax (a stray quote or
    hyphen), search for the words literally instead of failing."""
    try:
        return list(db.execute(sql, (query, limit)).fetchall())
    except sqlite3.OperationalError:
        return list(db.execute(sql, (db.quote_fts(query), limit)).fetchall())


def search(db: Database, query: str, limit: int = 50) -> list[SearchHit]:
    """Full-text search over article titles and text, and claim quotes and notes.

    Snippets mark matched words with [brackets]; best matches first within each kind.
    """
    query = query.strip()
    if not query:
        return []
    hits: list[SearchHit] = []
    for aid, title, snip in _fts_query(
        db,
        "SELECT a.id, a.title, snippet(articles_fts, -1, '[', ']', '…', 12) "
        "FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid "
        "WHERE articles_fts MATCH ? ORDER BY rank LIMIT ?",
        query,
        limit,
    ):
        hits.append(SearchHit("article", aid, None, title, snip))
    for cid, aid, title, snip in _fts_query(
        db,
        "SELECT c.id, c.article_id, a.title, snippet(claims_fts, -1, '[', ']', '…', 12) "
        "FROM claims_fts JOIN claims c ON c.rowid = claims_fts.rowid "
        "JOIN articles a ON a.id = c.article_id "
        "WHERE claims_fts MATCH ? ORDER BY rank LIMIT ?",
        query,
        limit,
    ):
        hits.append(SearchHit("claim", aid, cid, title, snip))
    return hits


def next_claim_with_status(
    db: Database,
    status: Status,
    after: tuple[int, int, int] | None,
    *,
    backwards: bool = False,
) -> Claim | None:
    """The next (or previous) claim with ``status`` across the project in reading order:
    articles by id, claims by start. ``after`` is (article_id, start, claim_id) of the
    current position; wraps round at the ends."""
    op, order = ("<", "DESC") if backwards else (">", "ASC")
    key = "(c.article_id, c.start, c.id)"
    base = "SELECT c.id FROM claims c WHERE c.status = ? "
    orderby = f" ORDER BY c.article_id {order}, c.start {order}, c.id {order} LIMIT 1"
    row = None
    if after is not None:
        row = db.execute(base + f"AND {key} {op} (?, ?, ?)" + orderby, (status, *after)).fetchone()
    if row is None:
        row = db.execute(base + orderby, (status,)).fetchone()
    return get_claim(db, row[0]) if row else None


def get_setting(db: Database, key: str, default: str = "") -> str:
    row = db.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
    return str(row[0]) if row else default


# --- revisions and placements ----------------------------------------------------------

_REVISION_COLS = (
    "id, article_id, number, text, content_hash, created_at, reviewer, source, source_path"
)


def list_revisions(db: Database, article_id: int) -> list[Revision]:
    """The article's revisions, oldest first (the last is the current text)."""
    get_article_title(db, article_id)  # a clear NotFound for an unknown article
    return [
        Revision(**r)
        for r in _rows(
            db,
            f"SELECT {_REVISION_COLS} FROM article_revisions WHERE article_id = ? ORDER BY number",
            (article_id,),
        )
    ]


def get_revision(db: Database, revision_id: int) -> Revision:
    rows = _rows(db, f"SELECT {_REVISION_COLS} FROM article_revisions WHERE id = ?",
                 (revision_id,))  # fmt: skip
    if not rows:
        raise NotFound(f"no revision with id {revision_id}")
    return Revision(**rows[0])


def get_revision_by_number(db: Database, article_id: int, number: int) -> Revision:
    rows = _rows(
        db,
        f"SELECT {_REVISION_COLS} FROM article_revisions WHERE article_id = ? AND number = ?",
        (article_id, number),
    )
    if not rows:
        raise NotFound(f"article {article_id} has no revision {number}")
    return Revision(**rows[0])


def current_revision_number(db: Database, article_id: int) -> int:
    """The number of the article's current revision (0 if it has none, which only an
    article written outside the operations layer could lack)."""
    row = db.execute(
        "SELECT max(number) FROM article_revisions WHERE article_id = ?", (article_id,)
    ).fetchone()
    return int(row[0] or 0)


def get_article_title(db: Database, article_id: int) -> str:
    row = db.execute("SELECT title FROM articles WHERE id = ?", (article_id,)).fetchone()
    if row is None:
        raise NotFound(f"no article with id {article_id}")
    return str(row[0])


def article_ids_by_revision_hash(db: Database, hashes: Iterable[str]) -> dict[str, int]:
    """content hash -> the oldest article having a revision (current or older) with it."""
    wanted = list(set(hashes))
    found: dict[str, int] = {}
    for i in range(0, len(wanted), 500):
        chunk = wanted[i : i + 500]
        marks = ",".join("?" * len(chunk))
        for h, aid in db.execute(
            f"SELECT content_hash, min(article_id) FROM article_revisions "
            f"WHERE content_hash IN ({marks}) GROUP BY content_hash",
            chunk,
        ).fetchall():
            found[h] = aid
    return found | {h: a for h, a in article_ids_by_hash(db, wanted).items() if h not in found}


def article_ids_by_url(db: Database, urls: Iterable[str]) -> dict[str, int]:
    """For each non-empty URL, the oldest article with that URL (an update import
    makes a new revision of it)."""
    wanted = sorted({u for u in urls if u})
    found: dict[str, int] = {}
    for i in range(0, len(wanted), 500):
        chunk = wanted[i : i + 500]
        marks = ",".join("?" * len(chunk))
        for url, aid in db.execute(
            # "url != ''" lets SQLite use the partial index on url
            f"SELECT url, min(id) FROM articles WHERE url != '' AND url IN ({marks}) "
            "GROUP BY url",
            chunk,
        ).fetchall():
            found[url] = aid
    return found


def revision_numbers_by_hash(db: Database, article_id: int) -> dict[str, int]:
    """content hash -> revision number, for every revision of the article."""
    return {
        h: n
        for h, n in db.execute(
            "SELECT content_hash, max(number) FROM article_revisions WHERE article_id = ? "
            "GROUP BY content_hash",
            (article_id,),
        ).fetchall()
    }


def claims_needing_review(db: Database, article_id: int | None = None) -> list[Claim]:
    """Fuzzy and orphaned claims (of one article, or all), in reading order: what the
    reviewer must confirm, re-attach or delete after the text changed."""
    where = "c.placement IN ('fuzzy','orphaned')"
    if article_id is None:
        return _claims(db, where, (), 'c.article_id, c.start, c."end" DESC, c.id')
    return _claims(db, f"c.article_id = ? AND {where}", (article_id,),
                   'c.start, c."end" DESC, c.id')  # fmt: skip


def placement_counts(db: Database, article_id: int) -> dict[str, int]:
    """How many of the article's claims have each placement (every kind present, 0 too)."""
    counts = dict.fromkeys(PLACEMENTS, 0)
    for kind, n in db.execute(
        "SELECT placement, count(*) FROM claims WHERE article_id = ? GROUP BY placement",
        (article_id,),
    ).fetchall():
        counts[kind] = n
    return counts


# --- what the review window reads per article ---------------------------------------
# An article may carry thousands of claims. Drawing them needs only spans and verdicts,
# so these reads skip building a Claim object per row (the window fetches full claims
# one at a time, when one is selected or hovered).


def claim_outline(db: Database, article_id: int) -> list[tuple[int, int, int, str]]:
    """``(id, start, end, status)`` of each of the article's claims, in the text order of
    :func:`claims_for_article` (by start, longer spans first at a tie, then id)."""
    rows = db.execute(
        'SELECT id, start, "end", status FROM claims WHERE article_id = ? ORDER BY start',
        (article_id,),
    ).fetchall()
    rows.sort(key=lambda r: (r[1], -r[2], r[0]))  # ties are rare: nearly sorted already
    return [(r[0], r[1], r[2], r[3]) for r in rows]


def claim_tags_for_article(db: Database, article_id: int) -> dict[int, tuple[str, ...]]:
    """Tag names of each tagged claim of the article (sorted without case); untagged
    claims are absent."""
    return {
        claim_id: tuple(names)
        for claim_id, names in _tags_by_claim(db, "c.article_id = ?", (article_id,)).items()
    }


def article_summaries(db: Database, article_ids: Iterable[int]) -> list[ArticleSummary]:
    """:func:`list_articles` for just these articles (in id order; unknown ids skipped),
    so a view can refresh the rows an edit touched without reloading the list."""
    wanted = sorted(set(article_ids))
    found: list[ArticleSummary] = []
    for i in range(0, len(wanted), 500):
        chunk = wanted[i : i + 500]
        marks = ",".join("?" * len(chunk))
        counts: dict[int, dict[str, int]] = defaultdict(dict)
        for article_id, status, n in db.execute(
            f"SELECT article_id, status, count(*) FROM claims WHERE article_id IN ({marks}) "
            "GROUP BY article_id, status",
            chunk,
        ).fetchall():
            counts[article_id][status] = n
        found.extend(
            ArticleSummary(
                id=r[0], title=r[1], outlet=r[2], published=r[3], url=r[4],
                counts={s.value: counts[r[0]].get(s.value, 0) for s in Status},
            )
            for r in db.execute(
                f"SELECT id, title, outlet, published, url FROM articles WHERE id IN ({marks}) "
                "ORDER BY id",
                chunk,
            ).fetchall()
        )  # fmt: skip
    return found


# --- what the verification report reads -----------------------------------------------


def get_articles(db: Database, article_ids: Sequence[int] | None = None) -> list[Article]:
    """Whole articles (text included) by id, in id order; all when ``article_ids`` is
    None. Raises :class:`NotFound` naming the first unknown id."""
    cols = ("SELECT id, title, text, outlet, url, author, published, content_hash, "
            "source_path, imported_at FROM articles")  # fmt: skip
    if article_ids is None:
        return [Article(**r) for r in _rows(db, f"{cols} ORDER BY id")]
    wanted = sorted(set(article_ids))
    found: list[Article] = []
    for i in range(0, len(wanted), 500):
        chunk = wanted[i : i + 500]
        marks = ",".join("?" * len(chunk))
        found.extend(Article(**r) for r in _rows(db, f"{cols} WHERE id IN ({marks})", chunk))
    missing = sorted(set(wanted) - {a.id for a in found})
    if missing:
        raise NotFound(f"no article with id {missing[0]}")
    return sorted(found, key=lambda a: a.id)


def claims_by_ids(db: Database, claim_ids: Iterable[int]) -> dict[int, Claim]:
    """The claims with these ids (unknown ids are skipped)."""
    wanted = sorted(set(claim_ids))
    found: dict[int, Claim] = {}
    for i in range(0, len(wanted), 500):
        chunk = wanted[i : i + 500]
        marks = ",".join("?" * len(chunk))
        for c in _claims(db, f"c.id IN ({marks})", chunk, "c.id"):
            found[c.id] = c
    return found


def last_changes(db: Database) -> dict[int, HistoryEntry]:
    """Claim id -> the latest history entry about that claim, for every claim that has
    one (one pass over the history, for reports)."""
    return {
        r[5]: HistoryEntry(*r)
        for r in db.execute(
            "SELECT h.id, h.at, h.reviewer, h.action, h.article_id, h.claim_id, h.field, "
            "h.old, h.new FROM history h JOIN (SELECT max(id) AS id FROM history "
            "WHERE claim_id IS NOT NULL GROUP BY claim_id) m ON m.id = h.id"
        ).fetchall()
    }
