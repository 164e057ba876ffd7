"""Foundation speed: importing 10,000 articles (~5 KB each) and marking 100,000 claims
through the operations layer, against plain sqlite3 inserts of the same rows into the
same schema (same pragmas, indexes and FTS triggers) in the same run: the article row,
its first revision and its audit row; the claim row and its audit row. Target: 3x."""

from __future__ import annotations

import random
import sqlite3
import sys
import tempfile
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import article_text, main, row, timed

from factcheck.core.model import ArticleDraft
from factcheck.core.quotes import context
from factcheck.store import importer, ops, search_index
from factcheck.store.project import connect

ARTICLES = 10_000
CLAIMS = 100_000
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


def run() -> list[dict[str, Any]]:
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
        # -- floor: the same rows through bare sqlite3, one transaction each phase
        floor_path = _fresh(folder, "floor.db")
        conn = _raw(floor_path)
        stamp = ops.now()

        def floor_articles() -> None:
            conn.execute("BEGIN")
            for d in drafts:
                cur = conn.execute(
                    "INSERT INTO articles (title, outlet, url, author, published, text, "
                    "content_hash, source_path, imported_at) VALUES (?,?,?,?,?,?,?,?,?)",
                    (d.title, "", "", "", "", d.text, ops.content_hash(d.text), d.source_path,
                     stamp),
                )  # fmt: skip
                digest = ops.content_hash(d.text)
                conn.execute(
                    "INSERT INTO article_revisions (article_id, number, text, content_hash, "
                    "created_at, reviewer, source, source_path) VALUES (?,?,?,?,?,?,?,?)",
                    (cur.lastrowid, 1, d.text, digest, stamp, "b", "import", d.source_path),
                )
                conn.execute(
                    "INSERT INTO history (at, reviewer, action, article_id, field, new) "
                    "VALUES (?,?,?,?,?,?)", (stamp, "b", "import article", cur.lastrowid,
                                               "title", d.title))  # fmt: skip
            conn.execute("COMMIT")

        def floor_claims() -> None:
            conn.execute("BEGIN")
            for aid, s, e in spans:
                text = texts[aid - 1]
                pre, suf = context(text, s, e)
                cur = conn.execute(
                    'INSERT INTO claims (article_id, start, "end", quote, prefix, suffix, '
                    "status, note, reviewer, created_at, updated_at) "
                    "VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                    (aid, s, e, text[s:e], pre, suf, "unverified", "", "b", stamp, stamp),
                )
                conn.execute(
                    "INSERT INTO history (at, reviewer, action, article_id, claim_id, field, new) "
                    "VALUES (?,?,?,?,?,?,?)", (stamp, "b", "mark claim", aid, cur.lastrowid,
                                                 "quote", text[s:e]))  # fmt: skip
            conn.execute("COMMIT")

        floor_a = timed(floor_articles)
        floor_c = timed(floor_claims)
        conn.close()

        # -- the operations layer
        db = connect(_fresh(folder, "ops.db"))
        ops_a = timed(lambda: importer.import_drafts(db, drafts, "b"))
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

    for name, value, floor in [
        (f"import {ARTICLES:,} articles (ops layer)", ops_a, floor_a),
        (f"import {ARTICLES:,} article files (importer)", files_a, floor_a),
        (f"mark {CLAIMS:,} claims (ops layer)", ops_c, floor_c),
    ]:
        met = value / floor <= TARGET
        note = "floor: bare sqlite3 inserts, same schema"
        rows.append(row(name, value, floor, "s", f"<= {TARGET:g}x floor", met, note))
    return rows


if __name__ == "__main__":
    main(run)
