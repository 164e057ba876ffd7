"""Writing a sync into the project: other reviewers' changes (already merged in the
shared image, keyed by global id) become rows with local integer ids, conflicts go to
the queue, and the applied files and the new snapshot are recorded — all in one
transaction with one audit row, so a pull is wholly applied or not at all.
"""

from __future__ import annotations

import contextlib
import functools
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from factcheck.errors import FactcheckError
from factcheck.store.database import Database
from factcheck.store.ops.base import Change, _audit, next_id, now
from factcheck.store.ops.revisions import (
    UnchangedText,
    create_revision,
    insert_first_revision,
)
from factcheck.store.sync.engine import ConflictRecord, RowChange
from factcheck.store.sync.image import IMAGE_VERSION, TABLES

_ORDER = [t.name for t in TABLES]  # parents before children


@dataclass(frozen=True)
class SyncFile:
    name: str
    reviewer: str
    changes: int
    conflicts: int


@functools.lru_cache(maxsize=256)
def _update_sql(table: str, where: str, cols: tuple[str, ...]) -> str:
    sets = ", ".join(f'"{c}" = ?' for c in cols)
    return f"UPDATE {table} SET {sets} WHERE {where}"


def _gid_map(db: Database, table: str) -> dict[str, int]:
    return {g: i for g, i in db.execute(f"SELECT gid, id FROM {table} WHERE gid IS NOT NULL")}


class _Writer:
    """Writes row changes with local ids. The bulk of a large pull (verdicts, claim
    fields) is queued and written with ``executemany``; a batch that a constraint refuses
    is rolled back to its savepoint and written row by row, so only the refused rows are
    queued as conflicts."""

    def __init__(self, db: Database, reviewer: str, stamp: str) -> None:
        self.db, self.reviewer, self.stamp = db, reviewer, stamp
        self.ids = {t: _gid_map(db, t) for t in ("articles", "claims", "tags")}
        self.article_of = dict(db.execute("SELECT id, article_id FROM claims").fetchall())
        self.rejected: list[ConflictRecord] = []
        self.claims: set[int] = set()
        self.articles: set[int] = set()
        self.tags = False
        self.source = self.sender = ""
        self._sql = ""
        self._batch: list[tuple[tuple[Any, ...], RowChange]] = []

    def queue(self, sql: str, params: tuple[Any, ...], ch: RowChange) -> None:
        if sql != self._sql:
            self.flush()
            self._sql = sql
        self._batch.append((params, ch))

    def flush(self) -> None:
        batch, sql = self._batch, self._sql
        self._batch, self._sql = [], ""
        if not batch:
            return
        conn = self.db.conn
        conn.execute("SAVEPOINT sync_batch")
        try:
            conn.executemany(sql, [p for p, _ch in batch])
        except sqlite3.IntegrityError:
            conn.execute("ROLLBACK TO sync_batch")
            for params, ch in batch:
                try:
                    conn.execute(sql, params)
                except sqlite3.IntegrityError as exc:
                    self.reject(ch, exc)
        conn.execute("RELEASE sync_batch")

    def reject(self, ch: RowChange, exc: Exception) -> None:
        claim_gid = ch.key[0] if ch.table in ("claims", "claim_tags", "verdicts") else ""
        self.rejected.append(ConflictRecord(
            "rejected", ch.table, "/".join(map(str, ch.key)), str(claim_gid or ""),
            "row", None, {"op": ch.op, "values": ch.values, "reason": str(exc)},
            self.source, self.sender,
        ))  # fmt: skip

    def id_of(self, table: str, gid: Any) -> int:
        found = self.ids[table].get(gid)
        if found is None:
            raise LookupError(f"{table} {gid} is not in this project")
        return found

    def claim(self, gid: Any) -> int:
        claim_id = self.id_of("claims", gid)
        self.claims.add(claim_id)
        return claim_id

    def write(self, ch: RowChange) -> None:
        if not ((ch.op == "UPDATE" and ch.table == "claims") or (
                ch.op != "DELETE" and ch.table == "verdicts")):
            self.flush()  # keep the order of everything but the queued bulk
        try:
            getattr(self, f"_{ch.table}")(ch)
        except (LookupError, sqlite3.IntegrityError, FactcheckError) as exc:
            self.reject(ch, exc)

    # -- per table ----------------------------------------------------------------

    def _update(self, table: str, gid: Any, values: dict[str, Any]) -> None:
        if values:
            sets = ", ".join(f'"{c}" = ?' for c in values)
            params = (*values.values(), gid)
            self.db.conn.execute(f"UPDATE {table} SET {sets} WHERE gid = ?", params)

    def _articles(self, ch: RowChange) -> None:
        (gid,) = ch.key
        v = dict(ch.values)
        if ch.op == "INSERT":
            cur = self.db.conn.execute(
                "INSERT INTO articles (gid, title, outlet, url, author, published, text, "
                "content_hash, source_path, imported_at) VALUES (?,?,?,?,?,?,?,?,'',?)",
                (gid, v["title"], v["outlet"], v["url"], v["author"], v["published"],
                 v["text"], v["content_hash"], self.stamp),
            )  # fmt: skip
            article_id = int(cur.lastrowid or 0)
            self.ids["articles"][gid] = article_id
            insert_first_revision(self.db, article_id, v["text"], self.stamp, self.reviewer, "")
        elif ch.op == "UPDATE":
            article_id = self.id_of("articles", gid)
            text = v.pop("text", None)
            v.pop("content_hash", None)
            if text is not None:  # another reviewer's new revision: re-anchor here too
                with contextlib.suppress(UnchangedText):
                    create_revision(self.db, article_id, text, self.reviewer, source="edit")
            self._update("articles", gid, v)
        else:
            return  # articles are never deleted by the operations
        self.articles.add(article_id)

    def _tags(self, ch: RowChange) -> None:
        (gid,) = ch.key
        self.tags = True
        if ch.op == "INSERT":
            v = ch.values
            existing = self.db.conn.execute("SELECT id FROM tags WHERE name = ? COLLATE NOCASE",
                                       (v["name"],)).fetchone()  # fmt: skip
            if existing:  # the same name under another id: one tag here
                self.ids["tags"][gid] = int(existing[0])
                return
            cur = self.db.conn.execute("INSERT INTO tags (gid, name, color) VALUES (?, ?, ?)",
                                  (gid, v["name"], v["color"]))  # fmt: skip
            self.ids["tags"][gid] = int(cur.lastrowid or 0)
        elif ch.op == "UPDATE":
            self._update("tags", gid, {k: v for k, v in ch.values.items() if k != "color"})
        else:  # a tag still used here stays
            self.db.conn.execute(
                "DELETE FROM tags WHERE gid = ? AND NOT EXISTS "
                "(SELECT 1 FROM claim_tags ct WHERE ct.tag_id = tags.id)",
                (gid,),
            )

    def _claims(self, ch: RowChange) -> None:
        (gid,) = ch.key
        v = dict(ch.values)
        if ch.op == "INSERT":
            article_id = self.id_of("articles", v.pop("article_gid"))
            v.pop("gid", None)
            claim_id = next_id(self.db, "claims")
            cols = ["id", "gid", "article_id", "reviewer", "updated_at", *v]
            values = [claim_id, gid, article_id, v["created_by"], self.stamp, *v.values()]
            self.db.conn.execute(
                f"INSERT INTO claims ({', '.join(chr(34) + c + chr(34) for c in cols)}) "
                f"VALUES ({','.join('?' * len(cols))})",
                values,
            )
            self.ids["claims"][gid] = claim_id
            self.claims.add(claim_id)
            self.articles.add(article_id)
            self.article_of[claim_id] = article_id
        elif ch.op == "UPDATE":
            claim_id = self.claim(gid)
            v.pop("article_gid", None)
            v["updated_at"] = self.stamp
            self.queue(_update_sql("claims", "id = ?", tuple(v)), (*v.values(), claim_id), ch)
        else:
            claim_id = self.ids["claims"].pop(gid, 0)
            self.db.conn.execute("DELETE FROM claims WHERE gid = ?", (gid,))
            self.claims.add(claim_id)
        if claim_id in self.article_of:
            self.articles.add(self.article_of[claim_id])

    def _evidence(self, ch: RowChange) -> None:
        (gid,) = ch.key
        v = dict(ch.values)
        if ch.op == "DELETE":
            self.db.conn.execute("DELETE FROM evidence WHERE gid = ?", (gid,))
            return
        for col in ("claim_gid", "target_claim_gid"):
            if col in v:
                ref = v.pop(col)
                v[col.replace("_gid", "_id")] = self.claim(ref) if ref else None
        if ch.op == "INSERT":
            v.pop("gid", None)
            cols = ["gid", *v]
            marks = ",".join("?" * len(cols))
            self.db.conn.execute(f"INSERT INTO evidence ({', '.join(cols)}) VALUES ({marks})",
                            [gid, *v.values()])  # fmt: skip
        else:
            self._update("evidence", gid, v)

    def _claim_tags(self, ch: RowChange) -> None:
        claim_gid, tag_gid = ch.key
        self.tags = True
        if ch.op == "DELETE":
            claim_id = self.ids["claims"].get(claim_gid)
            tag_id = self.ids["tags"].get(tag_gid)
            if claim_id is not None and tag_id is not None:
                self.claims.add(claim_id)
                self.db.conn.execute("DELETE FROM claim_tags WHERE claim_id = ? AND tag_id = ?",
                                (claim_id, tag_id))  # fmt: skip
            return
        self.db.conn.execute("INSERT OR IGNORE INTO claim_tags VALUES (?, ?)",
                        (self.claim(claim_gid), self.id_of("tags", tag_gid)))  # fmt: skip

    def _verdicts(self, ch: RowChange) -> None:
        claim_gid, reviewer = ch.key
        if ch.op == "DELETE":
            claim_id = self.ids["claims"].get(claim_gid)
            if claim_id is not None:
                self.db.conn.execute(
                    "DELETE FROM reviewer_verdicts WHERE claim_id = ? AND reviewer = ?",
                    (claim_id, reviewer),
                )
            return
        claim_id = self.claim(claim_gid)
        v = {k: x for k, x in ch.values.items() if k not in ("claim_gid", "reviewer")}
        if ch.op == "INSERT":
            self.queue(
                "INSERT OR REPLACE INTO reviewer_verdicts (claim_id, reviewer, status, note, "
                "updated_at) VALUES (?, ?, ?, ?, ?)",
                (claim_id, reviewer, v["status"], v["note"], v["updated_at"]), ch,
            )
        elif v:
            sql = _update_sql("reviewer_verdicts", "claim_id = ? AND reviewer = ?", tuple(v))
            self.queue(sql, (*v.values(), claim_id, reviewer), ch)


def _sorted(changes: Sequence[RowChange]) -> list[RowChange]:
    """Parents first for inserts and updates, children first for deletes."""
    n = len(_ORDER)

    def rank(ch: RowChange) -> tuple[int, str]:
        i = _ORDER.index(ch.table)
        return (2 * n - i if ch.op == "DELETE" else i), ch.op

    return sorted(changes, key=rank)


def record_conflicts(db: Database, conflicts: Sequence[ConflictRecord], stamp: str) -> int:
    """Queue conflicts, skipping any already open with the same values."""
    added = 0
    for c in conflicts:
        local, incoming = c.as_json()
        if db.execute(
            "SELECT 1 FROM sync_conflicts WHERE status = 'open' AND table_name = ? AND "
            "row_key = ? AND field = ? AND local = ? AND incoming = ?",
            (c.table, c.row_key, c.field, local, incoming),
        ).fetchone():
            continue
        db.execute(
            "INSERT INTO sync_conflicts (detected_at, source, from_reviewer, kind, table_name, "
            "row_key, claim_gid, field, local, incoming) VALUES (?,?,?,?,?,?,?,?,?,?)",
            (stamp, c.source, c.from_reviewer, c.kind, c.table, c.row_key, c.claim_gid,
             c.field, local, incoming),
        )  # fmt: skip
        added += 1
    return added


def _save_snapshot(db: Database, snapshot: bytes) -> None:
    for key, value in (("snapshot", snapshot), ("image_version", str(IMAGE_VERSION))):
        db.execute("INSERT INTO sync_state (key, value) VALUES (?, ?) ON CONFLICT(key) "
                   "DO UPDATE SET value = excluded.value", (key, value))  # fmt: skip


def apply_pull(
    db: Database,
    changes: Sequence[RowChange],
    conflicts: Sequence[ConflictRecord],
    files: Sequence[SyncFile],
    snapshot: bytes,
    reviewer: str,
    agreed: Sequence[tuple[str, str, str]] = (),
) -> tuple[Change, int]:
    """Write a pull: the net changes, the conflicts, the files and the new snapshot.
    Returns the change and the number of conflicts queued (rejected rows included)."""
    stamp = now()
    with db.atomic():
        writer = _Writer(db, reviewer, stamp)
        writer.source = ", ".join(f.name for f in files)
        writer.sender = ", ".join(dict.fromkeys(f.reviewer for f in files))
        for ch in _sorted(changes):
            writer.write(ch)
        writer.flush()
        queued = record_conflicts(db, [*conflicts, *writer.rejected], stamp)
        # The other copy took this copy's value: the conflict about it is settled.
        db.conn.executemany(
            "UPDATE sync_conflicts SET status = 'resolved', resolved_at = ?, resolution = "
            "'both copies agree now' WHERE status = 'open' AND table_name = ? AND "
            "row_key = ? AND field = ?",
            [(stamp, *a) for a in agreed],
        )
        # A verdict conflict on a claim someone has adjudicated is settled by that.
        db.execute(
            "UPDATE sync_conflicts SET status = 'resolved', resolved_at = ?, "
            "resolved_by = (SELECT adjudicated_by FROM claims c WHERE c.gid = claim_gid), "
            "resolution = 'adjudicated' WHERE status = 'open' AND field = 'status' AND "
            "claim_gid IN (SELECT gid FROM claims WHERE adjudicated_status != '')",
            (stamp,),
        )
        for f in files:
            db.execute("INSERT OR REPLACE INTO sync_files (name, direction, reviewer, at, "
                       "changes, conflicts) VALUES (?, 'pull', ?, ?, ?, ?)",
                       (f.name, f.reviewer, stamp, f.changes, f.conflicts))  # fmt: skip
        _save_snapshot(db, snapshot)
        _audit(db, "sync pull", reviewer, field_name="sync", at=stamp,
               new={"files": [f.name for f in files], "changes": len(changes),
                    "conflicts": queued})  # fmt: skip
    writer.claims.discard(0)
    change = Change("sync pull", frozenset(writer.articles), frozenset(writer.claims),
                    tags=writer.tags, article_list=bool(changes))  # fmt: skip
    return change, queued


def record_export(db: Database, name: str, changes: int, snapshot: bytes, reviewer: str) -> Change:
    """The file just written is this copy's own (never pulled back), and the snapshot
    moves to the state it carried."""
    stamp = now()
    with db.atomic():
        db.execute("INSERT OR REPLACE INTO sync_files (name, direction, reviewer, at, changes) "
                   "VALUES (?, 'export', ?, ?, ?)", (name, reviewer, stamp, changes))  # fmt: skip
        _save_snapshot(db, snapshot)
        _audit(db, "sync export", reviewer, field_name="sync", new={"file": name,
               "changes": changes}, at=stamp)  # fmt: skip
    return Change("sync export")


def load_snapshot(db: Database) -> bytes | None:
    """The state last synced (None before the first sync, or when this version's
    image differs from the one that wrote it: then everything is exchanged again, which
    the handler merges as no-ops where the rows agree)."""
    rows = dict(db.execute("SELECT key, value FROM sync_state").fetchall())
    if rows.get("image_version") != str(IMAGE_VERSION):
        return None
    value = rows.get("snapshot")
    return bytes(value) if value else None


def synced_files(db: Database) -> set[str]:
    return {r[0] for r in db.execute("SELECT name FROM sync_files")}
