"""Opening a project file: connection settings, schema upgrade, first-run seeding.

Durability choice: WAL journal with ``synchronous=FULL``. In WAL mode ``NORMAL`` already
survives a killed process (the WAL reaches the OS at every commit), but may lose the
last transactions on power loss or an OS crash; ``FULL`` syncs the WAL at every commit,
so an edit the window showed as done survives both. The cost is one fsync per commit,
which the per-edit benchmark measures (bench/bench_review.py).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlite_utils import Database

from factcheck.errors import ProjectError
from factcheck.store import figure_cache
from factcheck.store.migrations import MIGRATION_SET, known_migration_names, migrations

_PRAGMAS = (
    "PRAGMA journal_mode=WAL",
    "PRAGMA synchronous=FULL",
    "PRAGMA foreign_keys=ON",
    "PRAGMA busy_timeout=5000",
)


def _configure(db: Database) -> None:
    for pragma in _PRAGMAS:
        db.execute(pragma)


def _check_not_newer(db: Database, path: str) -> None:
    applied = {m.name for m in migrations.applied(db)}
    unknown = applied - set(known_migration_names())
    if unknown:
        raise ProjectError(
            f"{path}: written by a newer version of factcheck (schema {max(unknown)}); "
            "update factcheck to open it"
        )


def connect(path: str | Path) -> Database:
    """Open (creating if needed) the project at ``path`` and bring its schema up to date.

    ``":memory:"`` opens a throw-away project (tests, benchmarks). Raises
    :class:`ProjectError` with a one-line reason when the file is not a usable project.
    """
    name = str(path)
    if name != ":memory:":
        p = Path(path)
        if p.is_dir():
            raise ProjectError(f"{p}: is a folder, not a project file")
        try:
            p.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise ProjectError(f"{p.parent}: cannot create folder ({exc.strerror})") from None
    try:
        db = Database(name, execute_plugins=False)
        _configure(db)
        _check_not_newer(db, name)
        migrations.apply(db)
        if not figure_cache.is_current(db):
            with db.atomic():
                figure_cache.refresh_all(db)
    except sqlite3.DatabaseError as exc:
        raise ProjectError(f"{name}: not a factcheck project file ({exc})") from None
    return db


def schema_version(db: Database) -> list[str]:
    """Names of the applied migrations, oldest first."""
    return [m.name for m in migrations.applied(db) if m.name]


@contextmanager
def transaction(db: Database) -> Iterator[Database]:
    """One atomic unit of work (a savepoint when nested)."""
    with db.atomic():
        yield db


__all__ = ["MIGRATION_SET", "connect", "schema_version", "transaction"]
