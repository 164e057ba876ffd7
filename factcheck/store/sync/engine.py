"""Changesets between images: what to send (a diff against the last-synced snapshot)
and how to take another reviewer's changes in (apply with a conflict handler that merges
what can be merged column group by column group and queues the rest).

Nothing here touches the project file; :mod:`factcheck.store.sync.service` reads the
project into an image, runs these, and hands the net result to the operations layer.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, NamedTuple

import apsw

from factcheck.store.sync.image import BY_NAME, TABLES, Table, create_schema

_OMIT = apsw.SQLITE_CHANGESET_OMIT
_REPLACE = apsw.SQLITE_CHANGESET_REPLACE
_DATA = apsw.SQLITE_CHANGESET_DATA
_NOTFOUND = apsw.SQLITE_CHANGESET_NOTFOUND
_CONFLICT = apsw.SQLITE_CHANGESET_CONFLICT


def diff(image: apsw.Connection, snapshot: bytes | None) -> bytes:
    """The changeset that turns the last-synced ``snapshot`` into ``image`` (the
    session extension's ``sqlite3session_diff``); empty bytes when nothing changed."""
    image.execute("ATTACH ':memory:' AS base")
    try:
        if snapshot:
            image.deserialize("base", snapshot)
        else:
            create_schema(image, "base")
        session = apsw.Session(image, "main")
        try:
            for t in TABLES:
                session.attach(t.name)
                session.diff("base", t.name)
            return bytes(session.changeset())
        finally:
            session.close()
    finally:
        image.execute("DETACH base")


@dataclass(frozen=True)
class ConflictRecord:
    """Something another reviewer changed that was not merged (see ``sync_conflicts``)."""

    kind: str
    table: str
    row_key: str
    claim_gid: str
    field: str
    local: Any
    incoming: Any
    source: str
    from_reviewer: str

    def as_json(self) -> tuple[str, str]:
        return (json.dumps(self.local, ensure_ascii=False, sort_keys=True),
                json.dumps(self.incoming, ensure_ascii=False, sort_keys=True))  # fmt: skip


@dataclass
class Merger:
    """The conflict handler for one changeset applied to the image.

    Rules (never silently one side):
    * an update whose columns this copy did not change since is taken; one whose values
      are already here is a no-op; when both changed the same column group differently
      (a verdict, a note, a span), this copy keeps its value and the other value goes to
      the queue; "soft" columns (a tag's colour, a timestamp) merge without a record;
    * a row deleted here but edited there, or deleted there but edited here, stays as it
      is here and is queued with the other side's values;
    * a row created on both sides with different values keeps this copy's, queued.
    """

    base: apsw.Connection
    source: str
    from_reviewer: str
    conflicts: list[ConflictRecord] = field(default_factory=list)
    deferred: list[tuple[Table, tuple[Any, ...], dict[str, Any]]] = field(default_factory=list)
    # (table, row key, field) the other copy has now set to this copy's value: a conflict
    # recorded there earlier is settled
    agreed: list[tuple[str, str, str]] = field(default_factory=list)

    def __call__(self, reason: int, change: apsw.TableChange) -> int:
        t = BY_NAME[change.name]
        try:
            if change.op == "UPDATE" and reason == _DATA:
                return self._update(t, change)
            if change.op == "UPDATE" and reason == _NOTFOUND:
                new = _named(t, change.new)
                key = _key(t, change.old)
                self._record("deleted here", t, key, _fields(t, new), None, new)
                return _OMIT
            if change.op == "DELETE" and reason == _DATA:
                return self._delete(t, change)
            if change.op == "INSERT" and reason == _CONFLICT:
                return self._insert(t, change)
            if reason in (_NOTFOUND, _CONFLICT) and change.op in ("DELETE", "INSERT"):
                return _OMIT  # deleted on both sides / the same row created on both
            values = _named(t, change.new if change.op == "INSERT" else change.old)
            self._record("rejected", t, _key(t, change.new or change.old), "row", None, values)
        except Exception as exc:  # the handler must answer; keep the change, queued
            self._record("rejected", t, repr(change.old or change.new), "row", None, str(exc))
        return _OMIT

    # -- the cases ------------------------------------------------------------------

    def _update(self, t: Table, change: apsw.TableChange) -> int:
        cur = _named(t, change.conflict)
        old, new = _named(t, change.old), _named(t, change.new)
        key = _key(t, change.old)
        base = self._base_row(t, key)
        take: dict[str, Any] = {}
        for group in _changed_groups(t, new):
            changed = [c for c in group if c in new]
            if all(cur[c] == new[c] for c in changed):
                row_key = "/".join(str(k) for k in key)
                self.agreed.append((t.name, row_key, t.group_name(group)))
                continue
            local_edit = any(cur[c] != old[c] for c in changed) or (
                len(group) > 1 and base is not None and any(cur[c] != base[c] for c in group)
            )
            if not local_edit:
                take.update((c, new[c]) for c in changed)
            elif all(c in t.soft for c in changed):
                for c in changed:
                    if t.soft[c] == "max" and str(new[c]) > str(cur[c]):
                        take[c] = new[c]
            else:
                self._record("edit/edit", t, key, t.group_name(group),
                             _pick(cur, group), _pick({**cur, **new}, group))  # fmt: skip
        if take:
            self.deferred.append((t, key, take))
        return _OMIT

    def _delete(self, t: Table, change: apsw.TableChange) -> int:
        cur, old = _named(t, change.conflict), _named(t, change.old)
        if all(cur[c] == old[c] for c in t.cols if c not in t.soft):
            return _REPLACE  # only bookkeeping differs: the delete goes through
        self._record("deleted there", t, _key(t, change.old), "row", cur, None)
        return _OMIT

    def _insert(self, t: Table, change: apsw.TableChange) -> int:
        cur, new = _named(t, change.conflict), _named(t, change.new)
        key = _key(t, change.new)
        seen: set[tuple[str, ...]] = set()
        for c in t.cols:
            group = t.group_of(c)
            if c in t.pk or c in t.soft or group in seen or cur[c] == new[c]:
                continue
            seen.add(group)
            self._record("both created", t, key, t.group_name(group), _pick(cur, group),
                         _pick(new, group))  # fmt: skip
        return _OMIT

    # -- lookups --------------------------------------------------------------------

    def _base_row(self, t: Table, key: tuple[Any, ...]) -> dict[str, Any] | None:
        where = " AND ".join(f'"{c}" = ?' for c in t.pk)
        row = self.base.execute(f'SELECT * FROM "{t.name}" WHERE {where}', key).fetchone()
        return dict(zip(t.cols, row, strict=True)) if row else None

    def _record(self, kind: str, t: Table, key: tuple[Any, ...] | str, field_name: str,
                local: Any, incoming: Any) -> None:  # fmt: skip
        row_key = key if isinstance(key, str) else "/".join(str(k) for k in key)
        claim_gid = self._claim_gid(t, key, local, incoming)
        self.conflicts.append(ConflictRecord(kind, t.name, row_key, claim_gid, field_name,
                                             local, incoming, self.source, self.from_reviewer))

    def _claim_gid(self, t: Table, key: Any, local: Any, incoming: Any) -> str:
        if isinstance(key, str):
            return ""
        if t.name == "claims":
            return str(key[0])
        if "claim_gid" in t.pk:
            return str(key[t.pk.index("claim_gid")])
        for values in (local, incoming, self._base_row(t, key)):
            if isinstance(values, dict) and values.get("claim_gid"):
                return str(values["claim_gid"])
        return ""


# Rows that belong to a claim, and the columns naming it.
_CLAIM_REFS = {"claim_tags": ("claim_gid",), "evidence": ("claim_gid", "target_claim_gid"),
               "verdicts": ("claim_gid",)}  # fmt: skip


def _refs(t: Table, values: dict[str, Any]) -> set[str]:
    return {values[c] for c in _CLAIM_REFS.get(t.name, ()) if values.get(c)}


def _sig(t: Table, values: dict[str, Any]) -> tuple[Any, ...]:
    return (t.name, *(values.get(c) for c in t.cols if c not in t.soft))


def _children(image: apsw.Connection, gid: str) -> set[tuple[Any, ...]]:
    out = set()
    for name, cols in _CLAIM_REFS.items():
        t = BY_NAME[name]
        where = " OR ".join(f'"{c}" = ?' for c in cols)
        for row in image.execute(f'SELECT * FROM "{name}" WHERE {where}', (gid,) * len(cols)):
            out.add(_sig(t, dict(zip(t.cols, row, strict=True))))
    return out


@dataclass
class Plan:
    """What to hold back from a changeset before applying it, decided claim by claim
    (the row-by-row conflict handler cannot see that rows belong together):

    * another reviewer deleted a claim that this copy changed since (its fields, tags,
      evidence or any reviewer's verdict on it): the claim stays with all its rows, and
      one "deleted there" conflict is queued;
    * another reviewer added or changed a tag, evidence or verdict of a claim this copy
      deleted: held back and queued as "deleted here" with the values.
    """

    held: set[str] = field(default_factory=set)  # claims whose deletion is held back
    held_rows: set[tuple[str, tuple[Any, ...]]] = field(default_factory=set)
    conflicts: list[ConflictRecord] = field(default_factory=list)

    @property
    def holds_anything(self) -> bool:
        return bool(self.held or self.held_rows)

    def keep(self, change: apsw.TableChange) -> bool:
        """The ``filter_change`` of the apply: False holds the change back."""
        t = BY_NAME[change.name]
        if change.op == "DELETE":
            old = _named(t, change.old)
            gid = old.get("gid") if t.name == "claims" else None
            return not ({gid} | _refs(t, old)) & self.held
        values = change.new if change.op == "INSERT" else change.old
        return (t.name, _key(t, values)) not in self.held_rows


def plan(image: apsw.Connection, changeset: bytes, source: str, from_reviewer: str) -> Plan:
    """Look through ``changeset`` before applying it (see :class:`Plan`), in one pass."""
    result = Plan()
    deleted: dict[str, dict[str, Any]] = {}
    deleted_children: dict[str, set[tuple[Any, ...]]] = {}
    inserted: set[str] = set()
    here = {r[0] for r in image.execute("SELECT gid FROM claims")}
    maybe_orphans: list[tuple[Table, dict[str, Any], tuple[Any, ...]]] = []
    claims_t = BY_NAME["claims"]
    for ch in apsw.Changeset.iter(changeset):
        op, name = ch.op, ch.name
        if op == "DELETE":
            t = BY_NAME[name]
            old = _named(t, ch.old)
            if name == "claims":
                deleted[old["gid"]] = old
            for gid in _refs(t, old):
                deleted_children.setdefault(gid, set()).add(_sig(t, old))
        elif name == "claims":
            if op == "INSERT":
                inserted.add(str((ch.new or ("",))[0]))
        elif name in _CLAIM_REFS:
            key_values = ch.new if op == "INSERT" else ch.old
            if not key_values or (name != "evidence" and key_values[0] in here):
                continue  # the claim (named first) is here: the common case
            t = BY_NAME[name]
            values = {**_named(t, key_values), **_named(t, ch.new)}
            maybe_orphans.append((t, values, _key(t, key_values)))
    for gid, old in deleted.items():
        row = image.execute("SELECT * FROM claims WHERE gid = ?", (gid,)).fetchone()
        if row is None:
            continue
        cur = dict(zip(claims_t.cols, row, strict=True))
        changed = any(cur[c] != old[c] for c in claims_t.cols)
        if changed or not _children(image, gid) <= deleted_children.get(gid, set()):
            result.held.add(gid)
            result.conflicts.append(ConflictRecord("deleted there", "claims", gid, gid, "row",
                                                   cur, None, source, from_reviewer))  # fmt: skip
    present = here | inserted
    for t, values, key in maybe_orphans:
        missing = sorted(g for g in _refs(t, values) if g not in present)
        if missing:
            result.held_rows.add((t.name, key))
            result.conflicts.append(ConflictRecord(
                "deleted here", t.name, "/".join(map(str, key)), missing[0], "row", None,
                values, source, from_reviewer,
            ))  # fmt: skip
    return result


_NO_CHANGE = apsw.no_change


def _named(t: Table, values: Sequence[Any] | None) -> dict[str, Any]:
    """Column name -> value, leaving out what a change does not carry."""
    if values is None:
        return {}
    return {c: v for c, v in zip(t.cols, values, strict=True) if v is not _NO_CHANGE}


def _key(t: Table, values: Sequence[Any] | None) -> tuple[Any, ...]:
    """The primary key (the key columns come first in every image table)."""
    return tuple(values[: len(t.pk)]) if values else (None,) * len(t.pk)


def _changed_groups(t: Table, new: dict[str, Any]) -> list[tuple[str, ...]]:
    groups: list[tuple[str, ...]] = []
    for c in t.cols:
        if c in new and c not in t.pk:
            g = t.group_of(c)
            if g not in groups:
                groups.append(g)
    return groups


def _pick(values: dict[str, Any], group: tuple[str, ...]) -> Any:
    if len(group) == 1:
        return values.get(group[0])
    return {c: values.get(c) for c in group}


def _fields(t: Table, new: dict[str, Any]) -> str:
    return ",".join(t.group_name(g) for g in _changed_groups(t, new)) or "row"


def apply_deferred(image: apsw.Connection, deferred: list[tuple[Table, tuple[Any, ...],
                   dict[str, Any]]]) -> None:  # fmt: skip
    """The column merges the handler decided on (it cannot write during the apply)."""
    for t, key, values in deferred:
        sets = ", ".join(f'"{c}" = ?' for c in values)
        where = " AND ".join(f'"{c}" = ?' for c in t.pk)
        image.execute(f'UPDATE "{t.name}" SET {sets} WHERE {where}', (*values.values(), *key))


def settle_adjudicated(image: apsw.Connection) -> None:
    """An adjudicated claim's verdict in effect is its adjudicated one, whatever else a
    reviewer's change set it to."""
    image.execute(
        "UPDATE claims SET status = adjudicated_status "
        "WHERE adjudicated_status != '' AND status != adjudicated_status"
    )


def _follow(reason: int, change: apsw.TableChange) -> int:
    """Conflict handler for the snapshot: it follows what this copy took in."""
    if reason in (_DATA, _CONFLICT):
        return _REPLACE
    return _OMIT


def advance_snapshot(snapshot: apsw.Connection, effective: bytes) -> None:
    """Move the last-synced snapshot forward by what a pull actually changed here, so
    the next export does not send other reviewers' changes back, but does send this
    copy's side of every conflict (the snapshot keeps the value the conflict was about,
    and the other copies then see the conflict too)."""
    if effective:
        apsw.Changeset.apply(effective, snapshot, conflict=_follow)


class RowChange(NamedTuple):
    """One net change to a shared row, for the write-back to the project (a named tuple:
    a large pull makes tens of thousands)."""

    table: str
    op: str  # INSERT, UPDATE, DELETE
    key: tuple[Any, ...]
    values: dict[str, Any]  # INSERT: every column; UPDATE: the changed ones; DELETE: old


def row_changes(changeset: bytes) -> list[RowChange]:
    out: list[RowChange] = []
    append = out.append
    for ch in apsw.Changeset.iter(changeset):
        t = BY_NAME[ch.name]
        op = ch.op
        if op == "INSERT":
            new: Sequence[Any] = ch.new or ()
            append(RowChange(t.name, op, _key(t, new), dict(zip(t.cols, new, strict=True))))
        elif op == "UPDATE":
            k = len(t.pk)
            values: Sequence[Any] = ch.new or ()
            changed = {c: v for c, v in zip(t.cols[k:], values[k:], strict=True)
                       if v is not _NO_CHANGE}  # fmt: skip
            append(RowChange(t.name, op, _key(t, ch.old), changed))
        else:
            append(RowChange(t.name, op, _key(t, ch.old), _named(t, ch.old)))
    return out


_INTEGERS = frozenset({"start", "end"})
_NUMBERS = frozenset({"placement_score"})
_NULLABLE = frozenset({"relation", "target_claim_gid"})


def _check_values(t: Table, values: Sequence[Any] | None) -> None:
    """Every value a change would write has the kind its column holds (inlined: a large
    changeset has hundreds of thousands of values)."""
    for col, value in zip(t.cols, values or (), strict=False):
        kind = type(value)
        if kind is str:
            ok = col not in _INTEGERS and col not in _NUMBERS
        elif kind is int:
            ok = col in _INTEGERS or col in _NUMBERS
        elif kind is float:
            ok = col in _NUMBERS
        else:
            ok = value is _NO_CHANGE or (value is None and col in _NULLABLE)
        if not ok:
            raise ValueError(f"{t.name}.{col}: a value of the wrong kind ({kind.__name__})")


def check_changeset(changeset: bytes) -> int:
    """The number of changes in a changeset made by this version; raises ValueError
    naming what is wrong (corrupt data, a table, shape or value this version does not
    know), so a damaged or foreign file is refused before anything is applied."""
    n = 0
    try:
        for ch in apsw.Changeset.iter(changeset):
            t = BY_NAME.get(ch.name)
            if t is None or ch.column_count != len(t.cols):
                raise ValueError(f"unknown table or columns ({ch.name}, {ch.column_count})")
            _check_values(t, ch.new)  # what would be written (old values only compare)
            n += 1
    except apsw.Error as exc:
        raise ValueError(f"damaged changeset ({exc})") from None
    return n
