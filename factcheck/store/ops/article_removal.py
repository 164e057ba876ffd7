"""Deleting an article with everything that hangs from it, and putting it back.

An article owns its claims and revisions; claims own their tags and evidence; other
tables may hang from either (a later migration adds its own). Instead of a hand-written
list of those tables, the snapshot follows the schema's foreign keys from ``articles``
outwards and keeps every row that deleting the article would cascade away, so undo
restores exactly what was there (same ids) whatever tables exist. The audit trail
(``history``) has no foreign keys and is never touched.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from typing import Any

from factcheck.errors import InvalidInput, NotFound
from factcheck.store.database import Database
from factcheck.store.ops.base import Change, _audit


@dataclass(frozen=True, slots=True)
class ArticleSnapshot:
    """Rows by table, parents before children (the order to insert them back in)."""

    article_id: int
    title: str
    tables: tuple[tuple[str, tuple[str, ...], tuple[tuple[Any, ...], ...]], ...]
    claim_ids: frozenset[int]
    linked_claims: frozenset[int]  # claims of other articles linked to this one's


def _children(db: Database) -> dict[str, list[tuple[str, str, str]]]:
    """parent table -> [(child table, child column, parent column)] from the schema."""
    out: dict[str, list[tuple[str, str, str]]] = {}
    names = [r[0] for r in db.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")]
    for table in names:
        for fk in db.execute(f"PRAGMA foreign_key_list([{table}])").fetchall():
            parent, column, parent_column = fk[2], fk[3], fk[4] or "id"
            out.setdefault(parent, []).append((table, column, parent_column))
    return out


def _select(db: Database, table: str, column: str,
            keys: list[Any]) -> tuple[list[str], list[tuple[Any, ...]]]:  # fmt: skip
    rows: list[tuple[Any, ...]] = []
    cols: list[str] = []
    for i in range(0, len(keys), 500):
        chunk = keys[i : i + 500]
        cur = db.execute(f"SELECT * FROM [{table}] WHERE [{column}] IN "
                         f"({','.join('?' * len(chunk))})", chunk)  # fmt: skip
        cols = [d[0] for d in cur.description]
        rows.extend(cur.fetchall())
    if not cols:
        cur = db.execute(f"SELECT * FROM [{table}] LIMIT 0")
        cols = [d[0] for d in cur.description]
    return cols, rows


def snapshot_article(db: Database, article_id: int) -> ArticleSnapshot:
    """Everything deleting the article would remove, read before it is deleted."""
    cols, rows = _select(db, "articles", "id", [article_id])
    if not rows:
        raise NotFound(f"no article with id {article_id}")
    title = str(dict(zip(cols, rows[0], strict=True)).get("title", ""))
    children = _children(db)
    tables: list[tuple[str, tuple[str, ...], tuple[tuple[Any, ...], ...]]] = []
    seen: dict[str, set[tuple[Any, ...]]] = {"articles": set(rows)}
    tables.append(("articles", tuple(cols), tuple(rows)))
    queue = [("articles", cols, rows)]
    while queue:
        parent, pcols, prows = queue.pop(0)
        for child, column, parent_column in children.get(parent, []):
            if parent_column not in pcols:
                continue
            at = pcols.index(parent_column)
            keys = sorted({r[at] for r in prows if r[at] is not None})
            if not keys:
                continue
            ccols, crows = _select(db, child, column, keys)
            fresh = [r for r in crows if r not in seen.setdefault(child, set())]
            if not fresh:
                continue
            seen[child].update(fresh)
            tables.append((child, tuple(ccols), tuple(fresh)))
            queue.append((child, ccols, fresh))
    claim_ids = frozenset(int(r[0]) for r in db.execute(
        "SELECT id FROM claims WHERE article_id = ?", (article_id,)))  # fmt: skip
    linked: set[int] = set()
    for t, tcols, trows in tables:
        if t == "evidence":
            for row in trows:
                ev = dict(zip(tcols, row, strict=True))
                linked |= {c for c in (ev.get("claim_id"), ev.get("target_claim_id"))
                           if c is not None and c not in claim_ids}  # fmt: skip
    return ArticleSnapshot(article_id, title, tuple(tables), claim_ids, frozenset(linked))


def delete_article(db: Database, article_id: int, reviewer: str) -> tuple[ArticleSnapshot, Change]:
    """Delete an article with its claims, tags on them, evidence and revisions; returns
    the snapshot :func:`restore_article` takes to undo it."""
    with db.atomic():
        snap = snapshot_article(db, article_id)
        try:
            db.execute("DELETE FROM articles WHERE id = ?", (article_id,))
        except sqlite3.IntegrityError as exc:
            raise InvalidInput(f"article {article_id} cannot be deleted ({exc})") from None
        _audit(db, "delete article", reviewer, article_id=article_id, field_name="title",
               old=f"{snap.title} ({len(snap.claim_ids)} claims)")  # fmt: skip
    others = frozenset(r[0] for r in db.execute(
        f"SELECT DISTINCT article_id FROM claims WHERE id IN "
        f"({','.join('?' * len(snap.linked_claims))})", tuple(snap.linked_claims))
    ) if snap.linked_claims else frozenset()  # fmt: skip
    change = Change("delete article", article_ids=frozenset({article_id}) | others,
                    claim_ids=snap.claim_ids | snap.linked_claims, tags=True,
                    article_list=True)  # fmt: skip
    return snap, change


def restore_article(db: Database, snap: ArticleSnapshot, reviewer: str) -> Change:
    """Put back an article deleted by :func:`delete_article`, with the same ids. Rows
    whose other end has gone since (a link to a claim deleted meanwhile) are skipped."""
    with db.atomic():
        if db.execute("SELECT 1 FROM articles WHERE id = ?", (snap.article_id,)).fetchone():
            raise InvalidInput(f"article {snap.article_id} already exists")
        for table, cols, rows in snap.tables:
            sql = (f"INSERT OR IGNORE INTO [{table}] ({', '.join(f'[{c}]' for c in cols)}) "
                   f"VALUES ({','.join('?' * len(cols))})")  # fmt: skip
            for row in rows:
                try:
                    db.execute(sql, row)
                except sqlite3.IntegrityError:
                    if table == "articles":
                        raise
        _audit(db, "restore article", reviewer, article_id=snap.article_id,
               field_name="title", new=snap.title)  # fmt: skip
    others = frozenset(r[0] for r in db.execute(
        f"SELECT DISTINCT article_id FROM claims WHERE id IN "
        f"({','.join('?' * len(snap.linked_claims))})", tuple(snap.linked_claims))
    ) if snap.linked_claims else frozenset()  # fmt: skip
    return Change("restore article", article_ids=frozenset({snap.article_id}) | others,
                  claim_ids=snap.claim_ids | snap.linked_claims, tags=True,
                  article_list=True)  # fmt: skip
