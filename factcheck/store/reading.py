"""Opening a project only to read it, without sqlite-utils.

``factcheck articles`` spends a few milliseconds on its query and ten times that on
importing sqlite-utils (with click, pluggy and dateutil) to open the project. A command
that only reads asks :func:`open_current` first: a bare ``sqlite3`` connection to a
project that :func:`factcheck.store.project.connect` would leave exactly as it is
(ours, not newer, every migration applied, the figures found by this finder). Anything
else (a new, old, foreign, damaged, busy or read-only file, the samples not yet put in
the default project) gets ``None``, and the command opens the project the ordinary way,
which upgrades it or says what is wrong; so this path never decides anything the
ordinary one would decide differently.

The query functions such a command calls take a :class:`Readable` (anything with
``execute``), which both this connection and the project's ``Database`` are.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from pathlib import Path
from urllib.parse import quote

from factcheck.store.figure_queue import FIGURES_VERSION, VERSION_KEY
from factcheck.store.migrations import MIGRATION_SET, known_migration_names

# "FCK1" in the SQLite header (PRAGMA application_id): marks the file as a factcheck
# project for file(1) and for us. PRAGMA user_version holds the file format generation.
APPLICATION_ID = 0x46434B31
FILE_FORMAT = 1
BUSY_TIMEOUT_MS = 30_000  # how long a reader waits for a writer's checkpoint
SEEDED_KEY = "seeded"  # setting: the samples were put in (or refused for) this project


TYPE_CHECKING = False
if TYPE_CHECKING:  # typing is not imported at run time: a read command goes without it
    from typing import Any, Protocol

    class Readable(Protocol):
        """What a read query needs of a project: SQL in, a cursor out."""

        def execute(
            self, sql: str, parameters: Sequence[Any] | dict[str, Any] | None = None
        ) -> sqlite3.Cursor: ...


class ProjectReader:
    """A project opened for reading only: ``execute`` on a bare connection."""

    read_only = True

    def __init__(self, conn: sqlite3.Connection, path: str) -> None:
        self.conn = conn
        self.path = path

    def execute(
        self, sql: str, parameters: Sequence[Any] | dict[str, Any] | None = None
    ) -> sqlite3.Cursor:
        if parameters is None:
            return self.conn.execute(sql)
        return self.conn.execute(sql, parameters)

    def close(self) -> None:
        self.conn.close()


def open_current(path: Path, *, seeded: bool = False) -> ProjectReader | None:
    """The project at ``path`` opened for reading, when it is an up-to-date project
    (and, with ``seeded``, one that has had its samples); else None."""
    if not path.is_file():
        return None
    try:
        conn = sqlite3.connect(f"file:{quote(str(path.resolve()))}?mode=rw", uri=True)
    except sqlite3.Error:
        return None
    try:
        conn.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        if _is_current(conn, seeded=seeded):
            return ProjectReader(conn, str(path))
    except sqlite3.Error:
        pass
    conn.close()
    return None


def _is_current(conn: sqlite3.Connection, *, seeded: bool) -> bool:
    if conn.execute("PRAGMA application_id").fetchone()[0] != APPLICATION_ID:
        return False
    if conn.execute("PRAGMA user_version").fetchone()[0] != FILE_FORMAT:
        return False
    if conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
        return False
    applied = {name for (name,) in conn.execute(
        "SELECT name FROM _sqlite_migrations WHERE migration_set = ?", (MIGRATION_SET,))}
    if applied != set(known_migration_names()):
        return False
    settings = dict(conn.execute("SELECT key, value FROM settings WHERE key IN (?, ?)",
                                 (VERSION_KEY, SEEDED_KEY)).fetchall())  # fmt: skip
    if settings.get(VERSION_KEY) != FIGURES_VERSION:
        return False
    return not seeded or bool(settings.get(SEEDED_KEY))
