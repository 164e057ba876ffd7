"""Sync speed: two reviewers each make 5,000 edits on their copy of a project (1,000 new
claims with a verdict, 4,000 verdict changes on claims already shared); a third copy
pulls both changeset files. Floor: bare sqlite3 applying the same rows to a copy of the
same project in the same run (the claim inserts, the verdict changes, each reviewer's
verdict row), one transaction, same pragmas, indexes and triggers. Target: 3x.

The export of one reviewer's 5,000 edits is reported for information (it reads the
project into the shared image and diffs it against the last-synced snapshot)."""

from __future__ import annotations

import random
import shutil
import sqlite3
import sys
import tempfile
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import article_text, main, row, timed

from factcheck.core.model import ArticleDraft
from factcheck.store import ops, search_index
from factcheck.store.ops.base import ClaimSpec
from factcheck.store.project import connect
from factcheck.store.sync.service import export_to, pull_from

ARTICLES = 40
SHARED_CLAIMS = 8_000
NEW_PER_REVIEWER = 1_000
CHANGES_PER_REVIEWER = 4_000
TARGET = 3.0
STATUSES = ("corroborated", "contradicted", "inconclusive")


def _spans(rng: random.Random, texts: list[str], n: int) -> list[ClaimSpec]:
    out = []
    for _ in range(n):
        aid = rng.randrange(len(texts))
        text = texts[aid]
        start = rng.randrange(0, len(text) - 200)
        while text[start] == " ":
            start += 1
        out.append(ClaimSpec(aid + 1, start, start + rng.randint(15, 120)))
    return out


def _edit(path: Path, name: str, rng: random.Random, texts: list[str], shared: Path,
          targets: list[int]) -> tuple[float, list[tuple[Any, ...]]]:  # fmt: skip
    """The reviewer's 5,000 edits, then the export (timed). Returns the export time
    and, for the floor, the rows the edits wrote."""
    db = connect(path)
    specs = [ClaimSpec(s.article_id, s.start, s.end, rng.choice(STATUSES))
             for s in _spans(rng, texts, NEW_PER_REVIEWER)]  # fmt: skip
    with db.atomic():
        ops.mark_claims(db, specs, name)
        for claim_id in targets:
            ops.set_status(db, claim_id, rng.choice(STATUSES), name)
    cur = db.execute(
        "SELECT c.gid, c.article_id, c.start, c.\"end\", c.quote, c.prefix, c.suffix, "
        "c.status, c.note, c.reviewer, c.created_at, c.updated_at, c.created_by, "
        "v.reviewer, v.status, v.note, v.updated_at FROM claims c JOIN reviewer_verdicts v "
        "ON v.claim_id = c.id WHERE v.reviewer = ?",
        (name,),
    )
    written = cur.fetchall()
    seconds = timed(lambda: export_to(db, shared, name))
    db.close()
    return seconds, written


def _floor(path: Path, written: list[tuple[Any, ...]]) -> float:
    conn = sqlite3.connect(path, isolation_level=None)
    # the project's triggers keep the folded search index up to date through this
    # function: any connection that writes claims must have it (as the app's do)
    search_index.register(conn)
    for pragma in ("journal_mode=WAL", "synchronous=FULL", "foreign_keys=ON"):
        conn.execute(f"PRAGMA {pragma}")
    known = dict(conn.execute("SELECT gid, id FROM claims").fetchall())

    def apply() -> None:
        conn.execute("BEGIN")
        for r in written:
            gid = r[0]
            claim_id = known.get(gid)
            if claim_id is None:
                cur = conn.execute(
                    'INSERT INTO claims (gid, article_id, start, "end", quote, prefix, suffix, '
                    "status, note, reviewer, created_at, updated_at, created_by) "
                    "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)", r[:13],
                )  # fmt: skip
                claim_id = cur.lastrowid
            else:
                conn.execute("UPDATE claims SET status = ?, updated_at = ? WHERE id = ?",
                             (r[7], r[11], claim_id))  # fmt: skip
            conn.execute("INSERT OR REPLACE INTO reviewer_verdicts (claim_id, reviewer, status, "
                         "note, updated_at) VALUES (?,?,?,?,?)", (claim_id, *r[13:]))  # fmt: skip
        conn.execute("COMMIT")

    seconds = timed(apply)
    conn.close()
    return seconds


def run() -> list[dict[str, Any]]:
    rng = random.Random(11)
    texts = [article_text(rng, 20_000) for _ in range(ARTICLES)]
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        shared = folder / "shared"
        origin = folder / "origin.factcheck"
        db = connect(origin)
        ops.import_articles(db, [ArticleDraft(f"Article {i}", t) for i, t in enumerate(texts)],
                            "lead")  # fmt: skip
        ops.mark_claims(db, _spans(rng, texts, SHARED_CLAIMS), "lead")
        export_to(db, shared, "lead")
        db.close()
        for name in ("ana", "ben", "cy", "floor"):
            shutil.copy(origin, folder / f"{name}.factcheck")
        ids = list(range(1, SHARED_CLAIMS + 1))
        rng.shuffle(ids)
        export_s, written_a = _edit(folder / "ana.factcheck", "ana", rng, texts, shared,
                                    ids[:CHANGES_PER_REVIEWER])  # fmt: skip
        _s, written_b = _edit(folder / "ben.factcheck", "ben", rng, texts, shared,
                              ids[CHANGES_PER_REVIEWER:2 * CHANGES_PER_REVIEWER])  # fmt: skip
        cy = connect(folder / "cy.factcheck")
        pulled: list[Any] = []
        pull_s = timed(lambda: pulled.append(pull_from(cy, shared, "cy")))
        result = pulled[0]
        edits = 2 * (NEW_PER_REVIEWER + CHANGES_PER_REVIEWER)
        assert len(result.applied) == 2 and result.conflicts == 0, result
        (claims,) = cy.execute("SELECT count(*) FROM claims").fetchone()
        assert claims == SHARED_CLAIMS + 2 * NEW_PER_REVIEWER
        cy.close()
        floor_s = _floor(folder / "floor.factcheck", written_a + written_b)
    ratio = pull_s / floor_s
    pull = row(f"sync pull: {edits:,} edits from two reviewers", pull_s, floor_s, "s",
               f"<= {TARGET:g}x floor", ratio <= TARGET, f"{result.changes:,} row changes")
    export = row(f"sync export: {edits // 2:,} edits of one reviewer (for information)",
                 export_s, floor_s / 2, "s", "informative", True)
    return [pull, export]


if __name__ == "__main__":
    main(run)
