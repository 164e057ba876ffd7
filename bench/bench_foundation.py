"""Foundation speed: importing 10,000 articles (~5 KB each) and marking 100,000 claims
through the operations layer, against the cheapest honest way to store the same data
searchably, in the same run: bare sqlite3 inserts into plain tables plus an FTS5 index
of the same text (same pragmas), each text hashed once. Target: 3x. The file size per
article is reported too."""

from __future__ import annotations

import random
import sqlite3
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import article_text, main, row, timed

from factcheck.core import language_model
from factcheck.core.model import ArticleDraft
from factcheck.core.quotes import context
from factcheck.store import importer, ops, search_index
from factcheck.store.project import connect

QUICK = "--quick" in sys.argv
ARTICLES = 2_000 if QUICK else 10_000
CLAIMS = 20_000 if QUICK else 100_000
TARGET = 3.0


def _fresh(folder: Path, name: str) -> Path:
    path = folder / name
    connect(path).close()  # real migrations, real pragmas
    return path


def _raw(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(path, isolation_level=None)
    search_index.register(conn)  # the same schema: its search triggers fold the text
    for pragma in ("journal_mode=WAL", "synchronous=FULL", "foreign_keys=ON"):
        conn.execute(f"PRAGMA {pragma}")
    return conn


def _timing_model_load() -> dict[str, float]:
    """How long loading the language model takes, the first time an import needs it
    (in the ops row: it is timed there, and only reported apart)."""
    took = {"s": 0.0}
    load = language_model._load

    def timed_load() -> Any:
        t0 = time.perf_counter()
        try:
            return load()
        finally:
            took["s"] += time.perf_counter() - t0

    language_model._load = timed_load
    return took


def run() -> list[dict[str, Any]]:
    model_load = _timing_model_load()
    rng = random.Random(7)
    texts = [article_text(rng, 5000) for _ in range(ARTICLES)]
    drafts = [ArticleDraft(title=f"Article {i}", text=t, source_path=f"/in/{i}.txt")
              for i, t in enumerate(texts)]  # fmt: skip
    per_article = CLAIMS // ARTICLES
    spans: list[tuple[int, int, int]] = []
    for aid, text in enumerate(texts, start=1):
        for _k in range(per_article):
            start = rng.randrange(0, len(text) - 200)
            while text[start] == " ":
                start += 1
            spans.append((aid, start, start + rng.randint(15, 120)))
    rows: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        # The language model as a first process ever loads it (py3langid decompressing
        # it, the decompressed copy written to the cache folder), reported apart; the
        # ops row then loads it as every later process does, from that copy.
        language_model.keep_copy_in(lambda: folder / "cache")
        language_model._LOADED.clear()
        cold_load = timed(language_model._model)
        cold_from = language_model.LOADED_FROM[0]
        language_model._LOADED.clear()
        model_load["s"] = 0.0
        # -- floor: the cheapest honest way to keep the same data searchable: bare
        # tables with the same columns, an FTS5 index of the same text, one hash per
        # text (duplicates must be recognised), one transaction per phase; no triggers,
        # no second copy of the text, no audit rows.
        floor_path = folder / "floor.db"
        conn = _raw(floor_path)
        conn.execute("CREATE TABLE articles (id INTEGER PRIMARY KEY, title TEXT, text TEXT, "
                     "content_hash TEXT, source_path TEXT, imported_at TEXT)")  # fmt: skip
        conn.execute("CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, "
                     "content='articles', content_rowid='id')")  # fmt: skip
        conn.execute('CREATE TABLE claims (id INTEGER PRIMARY KEY, article_id INTEGER, '
                     'start INTEGER, "end" INTEGER, quote TEXT, prefix TEXT, suffix TEXT, '
                     "status TEXT, note TEXT, created_at TEXT)")  # fmt: skip
        conn.execute("CREATE VIRTUAL TABLE claims_fts USING fts5(quote, note, "
                     "content='claims', content_rowid='id')")  # fmt: skip
        stamp = ops.now()

        def floor_articles() -> None:
            conn.execute("BEGIN")
            for d in drafts:
                cur = conn.execute(
                    "INSERT INTO articles (title, text, content_hash, source_path, imported_at)"
                    " VALUES (?,?,?,?,?)",
                    (d.title, d.text, ops.content_hash(d.text), d.source_path, stamp),
                )
                conn.execute("INSERT INTO articles_fts (rowid, title, text) VALUES (?,?,?)",
                             (cur.lastrowid, d.title, d.text))  # fmt: skip
            conn.execute("COMMIT")

        def floor_claims() -> None:
            conn.execute("BEGIN")
            for aid, s, e in spans:
                text = texts[aid - 1]
                pre, suf = context(text, s, e)
                cur = conn.execute(
                    'INSERT INTO claims (article_id, start, "end", quote, prefix, suffix, '
                    "status, note, created_at) VALUES (?,?,?,?,?,?,?,?,?)",
                    (aid, s, e, text[s:e], pre, suf, "unverified", "", stamp),
                )
                conn.execute("INSERT INTO claims_fts (rowid, quote, note) VALUES (?,?,?)",
                             (cur.lastrowid, text[s:e], ""))  # fmt: skip
            conn.execute("COMMIT")

        floor_a = timed(floor_articles)
        floor_c = timed(floor_claims)
        conn.close()

        # -- the operations layer
        db = connect(_fresh(folder, "ops.db"))
        ops_a = timed(lambda: importer.import_drafts(db, drafts, "b"))
        warm_from = language_model.LOADED_FROM[0]
        if warm_from == "copy":
            warm_from = "its decompressed copy in the cache folder"
        specs = [ops.ClaimSpec(aid, s, e) for aid, s, e in spans]
        ops_c = timed(lambda: ops.mark_claims(db, specs, "b"))
        assert db.execute("SELECT count(*) FROM claims").fetchone()[0] == CLAIMS

        # -- the same articles as files through the importer (reading, decoding,
        # metadata), reported against the same floor
        src = folder / "articles"
        src.mkdir()
        for i, text in enumerate(texts):
            (src / f"{i:05d}.txt").write_text(text, encoding="utf-8")
        db2 = connect(_fresh(folder, "files.db"))
        files_a = timed(lambda: importer.import_paths(db2, [src], "b"))
        assert db2.execute("SELECT count(*) FROM articles").fetchone()[0] == ARTICLES
        db2.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        per_article = (folder / "files.db").stat().st_size / ARTICLES / 1000
        mean_text = sum(len(t.encode()) for t in texts) / ARTICLES / 1000

    for name, value, floor in [
        (f"import {ARTICLES:,} articles (ops layer)", ops_a, floor_a),
        (f"import {ARTICLES:,} article files (importer)", files_a, floor_a),
        (f"mark {CLAIMS:,} claims (ops layer)", ops_c, floor_c),
    ]:
        met = value / floor <= TARGET
        note = "floor: bare inserts + FTS5, one hash per text"
        if "files" in name:
            note += f"; {per_article:.1f} KB of file per {mean_text:.1f} KB article"
        if "ops layer" in name and "import" in name:
            note += (f"; includes loading the language model, once a process "
                     f"({model_load['s']:.3f} s here, from {warm_from}; the first load "
                     f"ever, {cold_from}: {cold_load:.3f} s)")
        rows.append(row(name, value, floor, "s", f"<= {TARGET:g}x floor", met, note))
    return rows


if __name__ == "__main__":
    main(run)
