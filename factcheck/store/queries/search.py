"""Full-text search over article titles/text and claim quotes/notes (FTS5)."""

from __future__ import annotations

import sqlite3
from typing import Any

from sqlite_utils import Database

from factcheck.core.model import (
    SearchHit,
)
from factcheck.core.quotes import widen_snippet


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
    A snippet never cuts a figure ("more than [3,000]", not "more than [3]…").
    """
    query = query.strip()
    if not query:
        return []
    hits: list[SearchHit] = []
    for aid, title, snip, text in _fts_query(
        db,
        "SELECT a.id, a.title, snippet(articles_fts, -1, '[', ']', '…', 12), a.text "
        "FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid "
        "WHERE articles_fts MATCH ? ORDER BY rank LIMIT ?",
        query,
        limit,
    ):
        hits.append(SearchHit("article", aid, None, title, widen_snippet(snip, (title, text))))
    for cid, aid, title, snip, quote, note in _fts_query(
        db,
        "SELECT c.id, c.article_id, a.title, snippet(claims_fts, -1, '[', ']', '…', 12), "
        "c.quote, c.note "
        "FROM claims_fts JOIN claims c ON c.rowid = claims_fts.rowid "
        "JOIN articles a ON a.id = c.article_id "
        "WHERE claims_fts MATCH ? ORDER BY rank LIMIT ?",
        query,
        limit,
    ):
        hits.append(SearchHit("claim", aid, cid, title, widen_snippet(snip, (quote, note))))
    return hits
