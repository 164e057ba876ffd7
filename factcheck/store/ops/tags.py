"""Operations on the tag list itself (not on a claim's tags)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from factcheck.core.codebook import CodebookEntry, valid_color
from factcheck.core.colors import tag_color
from factcheck.errors import InvalidInput, NotFound
from factcheck.store.database import Database
from factcheck.store.ops.base import Change, _articles_of, _audit, next_id


def drop_tag_if_unused(db: Database, name: str, reviewer: str) -> Change:
    """Delete the tag ``name`` when no claim carries it any more.

    Undoing "add tag" uses this to remove a tag that the undone edit had created, so the
    tag list (and its completion) is exactly as before. A tag still in use is kept.
    """
    with db.atomic():
        cur = db.execute(
            "DELETE FROM tags WHERE name = ? COLLATE NOCASE AND NOT EXISTS "
            "(SELECT 1 FROM claim_tags ct WHERE ct.tag_id = tags.id)",
            (name.strip(),),
        )
        if cur.rowcount:
            _audit(db, "drop tag", reviewer, field_name="tags", old=name.strip())
    return Change("drop tag", tags=bool(cur.rowcount))


# --- the tag manager: rename, recolour, describe, merge, delete, codebook import -------


@dataclass(frozen=True, slots=True)
class TagSnapshot:
    """A tag row and the claims that carried it, to put it back (same id)."""

    row: dict[str, Any]
    claim_ids: tuple[int, ...]
    # For a merge: the claims that got the target tag from the merge (undo takes it off).
    gained: tuple[int, ...] = ()
    target: str = ""


def _tag_row(db: Database, name: str) -> dict[str, Any]:
    cur = db.execute("SELECT * FROM tags WHERE name = ? COLLATE NOCASE", (name.strip(),))
    row = cur.fetchone()
    if row is None:
        raise NotFound(f"no tag named {name.strip()!r}")
    return dict(zip([d[0] for d in cur.description], row, strict=True))


def _tagged(db: Database, tag_id: int) -> tuple[int, ...]:
    return tuple(r[0] for r in db.execute(
        "SELECT claim_id FROM claim_tags WHERE tag_id = ? ORDER BY claim_id", (tag_id,)))


def _tag_change(db: Database, action: str, claim_ids: Iterable[int]) -> Change:
    ids = frozenset(claim_ids)
    return Change(action, article_ids=frozenset(_articles_of(db, ids)), claim_ids=ids,
                  tags=True)  # fmt: skip


def rename_tag(db: Database, name: str, new_name: str, reviewer: str) -> Change:
    """Give a tag a new name (its claims keep it). A name another tag already has is
    refused: that is a merge."""
    new_name = new_name.strip()
    if not new_name:
        raise InvalidInput("a tag needs a name")
    with db.atomic():
        row = _tag_row(db, name)
        clash = db.execute("SELECT name FROM tags WHERE name = ? COLLATE NOCASE AND id != ?",
                           (new_name, row["id"])).fetchone()  # fmt: skip
        if clash:
            raise InvalidInput(f"a tag named {clash[0]!r} exists already; merge the two "
                               "instead")  # fmt: skip
        if row["name"] != new_name:
            db.execute("UPDATE tags SET name = ? WHERE id = ?", (new_name, row["id"]))
            _audit(db, "rename tag", reviewer, field_name="tags", old=row["name"], new=new_name)
        claims = _tagged(db, row["id"])
    return _tag_change(db, "rename tag", claims)


def set_tag_color(db: Database, name: str, color: str, reviewer: str) -> Change:
    color = color.strip().lower()
    if not valid_color(color):
        raise InvalidInput(f"{color!r} is not a colour like #1f77b4")
    with db.atomic():
        row = _tag_row(db, name)
        if row["color"] != color:
            db.execute("UPDATE tags SET color = ? WHERE id = ?", (color, row["id"]))
            _audit(db, "recolour tag", reviewer, field_name=f"tag {row['name']}",
                   old=row["color"], new=color)  # fmt: skip
        claims = _tagged(db, row["id"])
    return _tag_change(db, "recolour tag", claims)


def set_tag_description(db: Database, name: str, description: str, reviewer: str) -> Change:
    with db.atomic():
        row = _tag_row(db, name)
        if row.get("description", "") != description:
            db.execute("UPDATE tags SET description = ? WHERE id = ?", (description, row["id"]))
            _audit(db, "describe tag", reviewer, field_name=f"tag {row['name']}",
                   old=row.get("description", ""), new=description)  # fmt: skip
    return Change("describe tag", tags=True)


def delete_tag(db: Database, name: str, reviewer: str) -> tuple[TagSnapshot, Change]:
    """Delete a tag from the project and from every claim carrying it."""
    with db.atomic():
        row = _tag_row(db, name)
        claims = _tagged(db, row["id"])
        db.execute("DELETE FROM tags WHERE id = ?", (row["id"],))
        _audit(db, "delete tag", reviewer, field_name="tags",
               old=f"{row['name']} ({len(claims)} claims)")  # fmt: skip
    return TagSnapshot(row, claims), _tag_change(db, "delete tag", claims)


def merge_tags(db: Database, name: str, into: str, reviewer: str) -> tuple[TagSnapshot, Change]:
    """Give every claim tagged ``name`` the tag ``into`` instead, then delete ``name``."""
    with db.atomic():
        row = _tag_row(db, name)
        target = _tag_row(db, into)
        if row["id"] == target["id"]:
            raise InvalidInput("a tag cannot be merged into itself")
        claims = _tagged(db, row["id"])
        had = set(_tagged(db, target["id"]))
        gained = tuple(c for c in claims if c not in had)
        db.conn.executemany("INSERT OR IGNORE INTO claim_tags VALUES (?, ?)",
                       [(c, target["id"]) for c in gained])  # fmt: skip
        db.execute("DELETE FROM tags WHERE id = ?", (row["id"],))
        _audit(db, "merge tags", reviewer, field_name="tags", old=row["name"],
               new=target["name"])  # fmt: skip
    snap = TagSnapshot(row, claims, gained, target["name"])
    return snap, _tag_change(db, "merge tags", claims)


def restore_tag(db: Database, snap: TagSnapshot, reviewer: str) -> Change:
    """Undo :func:`delete_tag` or :func:`merge_tags`: the tag back with its id, on the
    claims (still there) that carried it; a merge's target comes off the claims that
    only had it from the merge."""
    row = snap.row
    with db.atomic():
        if db.execute("SELECT 1 FROM tags WHERE name = ? COLLATE NOCASE OR id = ?",
                      (row["name"], row["id"])).fetchone():  # fmt: skip
            raise InvalidInput(f"a tag named {row['name']!r} exists already")
        cols = list(row)
        db.execute(f"INSERT INTO tags ({', '.join(cols)}) VALUES ({','.join('?' * len(cols))})",
                   tuple(row.values()))  # fmt: skip
        db.conn.executemany(
            "INSERT OR IGNORE INTO claim_tags SELECT id, ? FROM claims WHERE id = ?",
            [(row["id"], c) for c in snap.claim_ids])
        if snap.target and snap.gained:
            target = _tag_row(db, snap.target)
            db.conn.executemany("DELETE FROM claim_tags WHERE claim_id = ? AND tag_id = ?",
                           [(c, target["id"]) for c in snap.gained])  # fmt: skip
        _audit(db, "restore tag", reviewer, field_name="tags", new=row["name"])
    return _tag_change(db, "restore tag", snap.claim_ids)


@dataclass(frozen=True, slots=True)
class CodebookImport:
    """What importing a codebook did, to report it and to undo it."""

    created: tuple[str, ...]
    updated: tuple[tuple[str, str, str], ...]  # name, old colour, old description


def import_codebook(db: Database, entries: Sequence[CodebookEntry],
                    reviewer: str) -> tuple[CodebookImport, Change]:  # fmt: skip
    """Create the codebook's tags that are missing and set the colour and description
    of those that exist (a blank colour, or a missing description column, keeps the
    tag's own). One transaction."""
    created: list[str] = []
    updated: list[tuple[str, str, str]] = []
    with db.atomic():
        for entry in entries:
            found = db.execute("SELECT id, name, color, description FROM tags WHERE name = ? "
                               "COLLATE NOCASE", (entry.name,)).fetchone()  # fmt: skip
            if found is None:
                (count,) = db.execute("SELECT count(*) FROM tags").fetchone()
                db.execute("INSERT INTO tags (id, name, color, description) VALUES (?, ?, ?, ?)",
                           (next_id(db, "tags"), entry.name, entry.color or tag_color(count),
                            entry.description or ""))  # fmt: skip
                created.append(entry.name)
                continue
            tag_id, name, color, description = found
            new_color = entry.color or color
            new_description = description if entry.description is None else entry.description
            if (new_color, new_description) != (color, description):
                db.execute("UPDATE tags SET color = ?, description = ? WHERE id = ?",
                           (new_color, new_description, tag_id))  # fmt: skip
                updated.append((name, color, description))
        if created or updated:
            _audit(db, "import codebook", reviewer, field_name="tags",
                   new=f"{len(created)} new, {len(updated)} changed")  # fmt: skip
    result = CodebookImport(tuple(created), tuple(updated))
    return result, Change("import codebook", tags=bool(created or updated), article_list=False)


def undo_codebook_import(db: Database, done: CodebookImport, reviewer: str) -> Change:
    """Take back :func:`import_codebook`: its new tags go (if no claim uses them now),
    changed ones get their colour and description back."""
    with db.atomic():
        for name in done.created:
            db.execute("DELETE FROM tags WHERE name = ? AND NOT EXISTS "
                       "(SELECT 1 FROM claim_tags ct WHERE ct.tag_id = tags.id)", (name,))
        for name, color, description in done.updated:
            db.execute("UPDATE tags SET color = ?, description = ? WHERE name = ?",
                       (color, description, name))  # fmt: skip
        _audit(db, "undo codebook import", reviewer, field_name="tags")
    return Change("undo codebook import", tags=True)
