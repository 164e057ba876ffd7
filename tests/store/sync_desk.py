"""Reviewers working on copies of one project, for the sync tests: each a project file,
edits through the operations layer, export and pull through the shared folder."""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from factcheck.store.project import connect
from factcheck.store.sync.service import ExportResult, PullResult, export_to, pull_from


@dataclass
class Reviewer:
    name: str
    path: Path
    shared: Path
    db: Database = field(init=False)

    def __post_init__(self) -> None:
        self.db = connect(self.path)

    def export(self) -> ExportResult:
        return export_to(self.db, self.shared, self.name)

    def pull(self) -> PullResult:
        return pull_from(self.db, self.shared, self.name)

    def sync(self) -> None:
        self.export()
        self.pull()

    def claim_id(self, gid: str) -> int | None:
        row = self.db.execute("SELECT id FROM claims WHERE gid = ?", (gid,)).fetchone()
        return int(row[0]) if row else None

    def gid(self, claim_id: int) -> str:
        return str(self.db.execute("SELECT gid FROM claims WHERE id = ?",
                                   (claim_id,)).fetchone()[0])  # fmt: skip

    def claim_row(self, gid: str) -> dict[str, Any] | None:
        cur = self.db.execute("SELECT * FROM claims WHERE gid = ?", (gid,))
        row = cur.fetchone()
        return dict(zip([d[0] for d in cur.description], row, strict=True)) if row else None

    def conflicts(self, claim_gid: str | None = None) -> list[dict[str, Any]]:
        cur = self.db.execute(
            "SELECT kind, table_name, row_key, claim_gid, field, local, incoming, status "
            "FROM sync_conflicts" + (" WHERE claim_gid = ?" if claim_gid else ""),
            (claim_gid,) if claim_gid else (),
        )
        cols = [d[0] for d in cur.description]
        out = []
        for r in cur.fetchall():
            d = dict(zip(cols, r, strict=True))
            d["local"], d["incoming"] = json.loads(d["local"]), json.loads(d["incoming"])
            out.append(d)
        return out


def copies(origin: Path, names: list[str], shared: Path) -> list[Reviewer]:
    """Each reviewer gets a copy of the project file at ``origin``."""
    out = []
    for name in names:
        path = origin.parent / f"{name}.factcheck"
        shutil.copy(origin, path)
        out.append(Reviewer(name, path, shared))
    return out


def mentions(values: Any, wanted: Any) -> bool:
    """``wanted`` is the value, or one of the values, of a conflict side."""
    if values == wanted:
        return True
    if isinstance(values, dict):
        return any(mentions(v, wanted) for v in values.values())
    return False
