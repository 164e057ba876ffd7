"""Full-text search over article titles/text and claim quotes/notes (FTS5).

Matching runs on the folded index (``articles_search``, ``claims_search``; see
:mod:`factcheck.core.search_text`): Arabic with or without its vowel marks, alef
forms, digits of any script and thousands separators, accents, decomposed or not, and
Chinese or Japanese substrings all match. Snippets show the text as stored: FTS5's own
snippet from the unfolded index when the query matches the stored text as typed, else
one cut around the first folded match.
"""

from __future__ import annotations

import sqlite3
import unicodedata
from typing import Any

from factcheck.core.model import SearchHit
from factcheck.core.quotes import widen_snippet
from factcheck.core.search_text import fold_with_map, query_terms, query_text
from factcheck.store.database import Database

SNIPPET_CONTEXT = 60  # characters each side of the match in a snippet of our own
_WINDOW = 65_536  # a long text is folded a window at a time until a match is found


def _fts_query(db: Database, sql: str, query: str, *args: Any) -> list[tuple[Any, ...]]:
    """Run an FTS query as typed; if it is not valid FTS5 syntax (a stray quote or
    hyphen), search for the words literally instead of failing."""
    try:
        return list(db.execute(sql, (query, *args)).fetchall())
    except sqlite3.OperationalError:
        try:
            return list(db.execute(sql, (db.quote_fts(query), *args)).fetchall())
        except sqlite3.OperationalError:
            return []


def _stored_snippet(db: Database, table: str, rowid: int, query: str) -> str | None:
    """FTS5's snippet from the index of the text as stored, when ``query`` as typed
    matches it there."""
    try:
        row = db.execute(f"SELECT snippet({table}, -1, '[', ']', '…', 12) FROM {table} "
                         f"WHERE {table} MATCH ? AND rowid = ?",
                         (query, rowid)).fetchone()  # fmt: skip
    except sqlite3.OperationalError:
        return None
    return str(row[0]) if row and "[" in str(row[0]) else None


def _first_match(text: str, terms: list[str]) -> tuple[int, int] | None:
    """Span of ``text`` where the first folded term occurs earliest."""
    for lo in range(0, len(text), _WINDOW):
        window = text[lo : lo + _WINDOW + 256]
        folded, source = fold_with_map(window)
        best: tuple[int, int] | None = None
        for term in terms:
            at = folded.find(term)
            if at >= 0 and (best is None or at < best[0]):
                best = (at, at + len(term))
        if best is not None:
            start, end = lo + source[best[0]], lo + source[best[1] - 1] + 1
            while end < len(text) and unicodedata.category(text[end]) in ("Mn", "Me"):
                end += 1  # the last letter's marks, which folding dropped
            return start, end
    return None


def make_snippet(texts: list[str], terms: list[str]) -> str:
    """A snippet of the first of ``texts`` where a term occurs: the match in
    [brackets] with some context; the start of the first text when none does."""
    for text in texts:
        span = _first_match(text, terms) if terms else None
        if span is None:
            continue
        s, e = span
        lo, hi = max(0, s - SNIPPET_CONTEXT), min(len(text), e + SNIPPET_CONTEXT)
        before = ("…" if lo > 0 else "") + text[lo:s]
        after = text[e:hi] + ("…" if hi < len(text) else "")
        return f"{before}[{text[s:e]}]{after}".replace("\n", " ")
    first = next((t for t in texts if t), "")
    return first[: 2 * SNIPPET_CONTEXT].replace("\n", " ")


def search(db: Database, query: str, limit: int = 50) -> list[SearchHit]:
    """Full-text search over article titles and text, and claim quotes and notes.

    Snippets mark matched words with [brackets]; best matches first within each kind.
    A snippet never cuts a figure ("more than [3,000]", not "more than [3]…").
    """
    query = query.strip()
    if not query:
        return []
    fts = query_text(query)
    terms = query_terms(query)
    hits: list[SearchHit] = []
    for aid, title in _fts_query(
        db,
        "SELECT a.id, a.title FROM articles_search s JOIN articles a ON a.id = s.rowid "
        "WHERE articles_search MATCH ? ORDER BY rank LIMIT ?",
        fts,
        limit,
    ):
        snip = _stored_snippet(db, "articles_fts", aid, query)
        row = db.execute("SELECT title, text FROM articles WHERE id = ?", (aid,)).fetchone()
        if snip is None:
            snip = make_snippet([row[1], row[0]], terms)
        # The tokenizer splits "3,000" into "3" and "000": grow a cut figure whole.
        hits.append(SearchHit("article", aid, None, title, widen_snippet(snip, (row[0], row[1]))))
    for cid, aid, title, quote, note in _fts_query(
        db,
        "SELECT c.id, c.article_id, a.title, c.quote, c.note FROM claims_search s "
        "JOIN claims c ON c.id = s.rowid JOIN articles a ON a.id = c.article_id "
        "WHERE claims_search MATCH ? ORDER BY rank LIMIT ?",
        fts,
        limit,
    ):
        snip = _stored_snippet(db, "claims_fts", cid, query) or make_snippet([quote, note], terms)
        hits.append(SearchHit("claim", aid, cid, title, widen_snippet(snip, (quote, note))))
    return hits
