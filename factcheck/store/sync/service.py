"""Export and pull: the two things a reviewer does with a shared folder.

Export: read the project into an image keyed by global ids, diff it against the
snapshot of the state last synced (the session extension's ``sqlite3session_diff``),
write that changeset to the folder, and move the snapshot forward.

Pull: apply every changeset file in the folder this copy has not seen, oldest first and
once each, to the image (``sqlite3changeset_apply`` with :class:`engine.Merger` as the
conflict handler); record, with a session on the image, what actually changed; write
those net changes into the project through the operations layer, queue the conflicts,
and move the snapshot forward by the same net changes. One transaction for all of it.

Why a diff against a snapshot rather than a session around the edits: a session must
live on the connection that makes the changes, and the project is written through
Python's sqlite3 (sqlite-utils), which cannot load the session extension; apsw brings
its own SQLite, and opening the project file with a second SQLite library in the same
process risks corrupting it (the two do not share POSIX locks). The snapshot diff sees
every change however it was made (the window, the CLI, undo, a re-anchoring), and it
never opens the project with the second library.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import apsw

from factcheck.errors import InvalidInput
from factcheck.store.database import Database
from factcheck.store.ops import sync as sync_ops
from factcheck.store.ops.base import Change
from factcheck.store.sync import engine, folder
from factcheck.store.sync.image import build_image, load_image

Progress = Callable[[int, int, str], None]  # (done, total, what)


@dataclass(frozen=True)
class ExportResult:
    path: Path | None  # None: nothing changed since the last sync
    changes: int


@dataclass
class PullResult:
    applied: list[sync_ops.SyncFile] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)  # one line per bad file
    changes: int = 0
    conflicts: int = 0
    change: Change = field(default_factory=lambda: Change("sync pull"))


def export_to(db: Database, to: Path, reviewer: str) -> ExportResult:
    """Write this copy's changes since the last sync as one file in ``to``."""
    folder.check_folder(to, create=True)
    image = build_image(db)
    changeset = engine.diff(image, sync_ops.load_snapshot(db))
    if not changeset:
        return ExportResult(None, 0)
    changes = engine.check_changeset(changeset)
    path = folder.write(to, reviewer, changeset, changes)
    sync_ops.record_export(db, path.name, changes, image.serialize("main"), reviewer)
    return ExportResult(path, changes)


def pull_from(db: Database, source: Path, reviewer: str,
              progress: Progress | None = None) -> PullResult:  # fmt: skip
    """Apply the other reviewers' files in ``source`` not applied here yet."""
    result = PullResult()
    paths = folder.pending(source, sync_ops.synced_files(db))
    files: list[folder.ChangesetFile] = []
    held: set[str] = set()  # writers of a refused file: their later files wait too
    for path in paths:
        writer = folder.writer_of(path)
        if writer in held:
            result.refused.append(f"{path}: waits for an earlier file of the same reviewer")
            continue
        try:
            files.append(folder.read(path))
        except InvalidInput as exc:
            result.refused.append(str(exc))
            held.add(writer)
    if not files:
        return result
    image = build_image(db)
    snapshot = load_image(sync_ops.load_snapshot(db))
    session = apsw.Session(image, "main")
    session.attach()
    conflicts: list[engine.ConflictRecord] = []
    agreed: list[tuple[str, str, str]] = []
    for n, f in enumerate(files):
        if progress:
            progress(n, len(files), f.name)
        merger = engine.Merger(snapshot, f.name, f.reviewer)
        with image:
            plan = engine.plan(image, f.changeset, f.name, f.reviewer)
            apsw.Changeset.apply(f.changeset, image, conflict=merger,
                                 filter_change=plan.keep if plan.holds_anything else None)
            engine.apply_deferred(image, merger.deferred)
            engine.settle_adjudicated(image)
        found = plan.conflicts + merger.conflicts
        agreed += merger.agreed
        conflicts.extend(found)
        result.applied.append(sync_ops.SyncFile(f.name, f.reviewer, f.changes, len(found)))
    effective = bytes(session.changeset())
    session.close()
    engine.advance_snapshot(snapshot, effective)
    rows = engine.row_changes(effective) if effective else []
    result.change, result.conflicts = sync_ops.apply_pull(
        db, rows, conflicts, result.applied, snapshot.serialize("main"), reviewer, agreed
    )
    result.changes = len(rows)
    if progress:
        progress(len(files), len(files), "")
    return result
