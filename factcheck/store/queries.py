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
    Article,
    ArticleSummary,
    Claim,
    Evidence,
    HistoryEntry,
    Relation,
    SearchHit,
    Status,
    Tag,
)
from factcheck.errors import NotFound

_CLAIM_COLS = (
    'c.id, c.article_id, c.start, c."end", c.quote, c.prefix, c.suffix, c.status, c.note, '
    "c.reviewer, c.created_at, c.updated_at"
)


def _rows(db: Database, sql: str, params: Sequence[Any] = ()) -> list[sqlite3.Row]:
    cur = db.execute(sql, params)
    cols = [d[0] for d in cur.description]
    return [dict(zip(cols, row, strict=True)) for row in cur.fetchall()]  # type: ignore[misc]


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
    return Article(**rows[0])  # type: ignore[arg-type]


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
            updated_at=r[11], tags=tuple(tags.get(r[0], ())),
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
        HistoryEntry(**r)  # type: ignore[arg-type]
        for r in _rows(
            db,
            "SELECT id, at, reviewer, action, article_id, claim_id, field, old, new "
            "FROM history WHERE claim_id = ? ORDER BY id",
            (claim_id,),
        )
    ]


def history(db: Database, limit: int = 200) -> list[HistoryEntry]:
    return [
        HistoryEntry(**r)  # type: ignore[arg-type]
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
