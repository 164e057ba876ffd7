"""Full-text search in a large project: ``queries.search`` (what the window's search box
and ``factcheck search`` run) against the bare ranked FTS5 query on the same index.

The project holds 50,000 articles of ~2 KB (5,000 with ``--quick``) and a claim on every
tenth. Three queries: a word in nearly every article (the case that grew with the number
of matches before ranking and the limit moved into SQLite), a word in one article in a
hundred, and two words. Each is run 20 times; the row is the p95 of all of them.

Floor: the same MATCH expression, ranked and limited by SQLite (``ORDER BY rank LIMIT
50``) on the articles' and the claims' index, rows fetched, no snippets: the least any
search that returns the 50 best matches of each kind must do. Target: within 3x.
"""

from __future__ import annotations

import random
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import article_text, main, p95, row

from factcheck.core.model import ArticleDraft
from factcheck.core.search_text import query_text
from factcheck.store import ops, queries
from factcheck.store.project import connect

QUICK = "--quick" in sys.argv
ARTICLES = 5_000 if QUICK else 50_000
BATCH = 1_000
RUNS = 20
LIMIT = 50
TARGET = 3.0
QUERIES = ("rescue", "zeolite", "rescue volunteers")


def _build(path: Path) -> None:
    rng = random.Random(11)
    db = connect(path)
    for first in range(0, ARTICLES, BATCH):
        drafts = []
        for i in range(first, min(first + BATCH, ARTICLES)):
            text = article_text(rng, 2_000)
            if i % 100 == 0:
                text += " A zeolite filter was tested."
            drafts.append(ArticleDraft(title=f"Article {i}", text=text))
        items, _ = ops.import_articles(db, drafts, "bench")
        ops.mark_claims(db, [ops.ClaimSpec(item.article_id, 0, 40, note="checked")
                             for k, item in enumerate(items) if k % 10 == 0], "bench")  # fmt: skip
    db.close()


def _bare(conn: Any, query: str) -> None:
    fts = query_text(query)
    conn.execute("SELECT rowid FROM articles_search WHERE articles_search MATCH ? "
                 "ORDER BY rank LIMIT ?", (fts, LIMIT)).fetchall()  # fmt: skip
    conn.execute("SELECT rowid FROM claims_search WHERE claims_search MATCH ? "
                 "ORDER BY rank LIMIT ?", (fts, LIMIT)).fetchall()  # fmt: skip


def run() -> list[dict[str, Any]]:
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "search.db"
        t0 = time.perf_counter()
        _build(path)
        built = time.perf_counter() - t0
        db = connect(path)
        ours: list[float] = []
        bare: list[float] = []
        hits = {}
        for query in QUERIES:  # warm the page cache once
            hits[query] = len(queries.search(db, query, limit=LIMIT))
            _bare(db.conn, query)
        for _ in range(RUNS):
            for query in QUERIES:
                t = time.perf_counter()
                _bare(db.conn, query)
                bare.append(time.perf_counter() - t)
                t = time.perf_counter()
                queries.search(db, query, limit=LIMIT)
                ours.append(time.perf_counter() - t)
        db.close()
    value, floor = p95(ours) * 1000, p95(bare) * 1000
    found = ", ".join(f"{q!r} {n}" for q, n in hits.items())
    return [row(f"search {ARTICLES:,} articles (p95 of 3 queries x {RUNS})", value, floor, "ms",
                f"<= {TARGET:g}x floor", value <= TARGET * floor,
                f"hits returned (articles + claims, {LIMIT} best of each): {found}; project "
                f"built in {built:.0f} s; floor: the same MATCH ranked and limited by "
                "SQLite on both indexes, no snippets")]  # fmt: skip


if __name__ == "__main__":
    main(run)
