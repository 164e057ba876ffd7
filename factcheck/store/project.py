"""Opening a project file: connection settings, schema upgrade, first-run seeding.

Durability choice: WAL journal with ``synchronous=FULL``. In WAL mode ``NORMAL`` already
survives a killed process (the WAL reaches the OS at every commit), but may lose the
last transactions on power loss or an OS crash; ``FULL`` syncs the WAL at every commit,
so an edit the window showed as done survives both. The cost is one fsync per commit,
which the per-edit benchmark measures (bench/bench_review.py).

Concurrent writers (two windows, a window and a script): every write transaction starts
with ``BEGIN IMMEDIATE``, which takes the write lock before the first read, so a second
writer waits (``busy_timeout``) instead of failing with "database is locked" when it
tries to turn its read into a write. See :class:`Project`.

A project that cannot be written (a read-only file, folder or mount) is opened read-only:
reading, searching and exporting work, and every edit is refused with one line saying
why. Errors from SQLite are told apart for the user: a full disk, a permission problem,
a damaged file and a file that is no project at all each get their own message.
"""

from __future__ import annotations

import errno
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from urllib.parse import quote

from factcheck.errors import ProjectError
from factcheck.store import figure_queue, search_index
from factcheck.store.database import Database
from factcheck.store.migrations import MIGRATION_SET, known_migration_names, migrations
from factcheck.store.reading import APPLICATION_ID, BUSY_TIMEOUT_MS, FILE_FORMAT

# APPLICATION_ID ("FCK1" in the SQLite header) marks the file as a factcheck project;
# PRAGMA user_version holds the file format generation (FILE_FORMAT), and a file with a
# higher one comes from a newer factcheck and is not opened. BUSY_TIMEOUT_MS is how long
# a writer waits for another one before giving up.

_PRAGMAS = (
    "PRAGMA journal_mode=WAL",
    "PRAGMA synchronous=FULL",
    "PRAGMA foreign_keys=ON",
    f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}",
)
_READ_PRAGMAS = ("PRAGMA foreign_keys=ON", f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")

# SQLite primary result codes (sqlite3.Error.sqlite_errorcode & 0xff).
_SQLITE_PERM, _SQLITE_BUSY, _SQLITE_LOCKED = 3, 5, 6
_SQLITE_READONLY, _SQLITE_IOERR, _SQLITE_CORRUPT = 8, 10, 11
_SQLITE_FULL, _SQLITE_CANTOPEN, _SQLITE_NOTADB = 13, 14, 26


class DiskWriteError(ProjectError):
    """The disk is full or failed a write (as opposed to a permission or a damaged file)."""


def describe_sqlite_error(exc: sqlite3.Error, path: str, *, saving: bool) -> ProjectError:
    """One line for the user about ``exc``, telling apart the causes they can act on:
    a full disk, no permission (or a read-only project), a project busy in another
    program, a damaged file, and a file that is not a project."""
    code = (getattr(exc, "sqlite_errorcode", None) or 0) & 0xFF
    verb = "cannot save" if saving else "cannot open"
    if code == _SQLITE_FULL:
        return DiskWriteError(f"{verb}: the disk is full ({path})")
    if code == _SQLITE_READONLY:
        return ProjectError(f"cannot save: the project is read-only ({path})")
    if code in (_SQLITE_PERM, _SQLITE_CANTOPEN):
        return ProjectError(f"{verb}: permission denied or the file cannot be opened ({path})")
    if code in (_SQLITE_BUSY, _SQLITE_LOCKED):
        return ProjectError(f"{verb}: the project is busy in another program; try again ({path})")
    if code == _SQLITE_NOTADB:
        return ProjectError(f"{path}: not a factcheck project file ({exc})")
    if code == _SQLITE_CORRUPT:
        return ProjectError(f"{path}: the project file is damaged ({exc})")
    if code == _SQLITE_IOERR:
        return DiskWriteError(f"{verb}: the disk reported an input/output error ({path}: {exc})")
    return ProjectError(f"{path}: the project file could not be used ({exc})")


class Project(Database):
    """A sqlite-utils :class:`Database` for one project file.

    ``atomic()`` (used by every operation) begins a top-level transaction with ``BEGIN
    IMMEDIATE``: the write lock is taken before the operation reads, so a concurrent
    writer waits its turn under ``busy_timeout``. (A deferred transaction that reads
    first and then writes cannot wait: SQLite fails it at once with "database is
    locked", because its snapshot may be stale.) On a read-only project ``atomic()``
    refuses before anything starts; SQLite errors inside it become a
    :class:`ProjectError` saying whether the disk is full, the file read-only or damaged.
    """

    path: str = ":memory:"
    read_only: bool = False
    read_only_reason: str = ""
    created: bool = False

    @contextmanager
    def atomic(self) -> Iterator[Database]:
        if self.read_only:
            raise ProjectError(self.read_only_message())
        if self.conn.in_transaction:
            with super().atomic():
                yield self
            return
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            raise describe_sqlite_error(exc, self.path, saving=True) from None
        try:
            yield self
        except sqlite3.OperationalError as exc:
            self._rollback_quietly()
            raise describe_sqlite_error(exc, self.path, saving=True) from None
        except BaseException:
            self._rollback_quietly()
            raise
        try:
            self.conn.execute("COMMIT")
        except sqlite3.Error as exc:
            self._rollback_quietly()
            raise describe_sqlite_error(exc, self.path, saving=True) from None

    def _rollback_quietly(self) -> None:
        if self.conn.in_transaction:
            with suppress(sqlite3.Error):
                self.conn.execute("ROLLBACK")

    def read_only_message(self) -> str:
        if self.read_only_reason == "the disk is full":
            return f"cannot save: the disk is full ({self.path})"
        why = f": {self.read_only_reason}" if self.read_only_reason else ""
        return f"cannot save: the project is read-only ({self.path}{why})"


def _check_not_newer(db: Database, path: str) -> None:
    applied = {m.name for m in migrations.applied(db)}
    unknown = applied - set(known_migration_names())
    if unknown:
        raise ProjectError(
            f"{path}: written by a newer version of factcheck (schema {max(unknown)}); "
            "update factcheck to open it"
        )
    version = db.execute("PRAGMA user_version").fetchone()[0]
    if version > FILE_FORMAT:
        raise ProjectError(
            f"{path}: written by a newer version of factcheck (file format {version}); "
            "update factcheck to open it"
        )


def _check_ours(db: Database, path: str) -> None:
    """Refuse an SQLite file that belongs to another program (before writing to it)."""
    app_id = db.execute("PRAGMA application_id").fetchone()[0]
    if app_id not in (0, APPLICATION_ID):
        raise ProjectError(f"{path}: an SQLite file of another program, not a factcheck project")
    if app_id == APPLICATION_ID or migrations.applied(db):
        return
    tables = db.execute(
        "SELECT count(*) FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'"
    ).fetchone()[0]
    if tables:
        raise ProjectError(f"{path}: an SQLite file of another program, not a factcheck project")


def _why_read_only(p: Path) -> str:
    """Why the project at ``p`` cannot be written, or "" when it can."""
    if p.exists() and not os.access(p, os.W_OK):
        return "the file is not writable"
    folder = p.parent
    if not os.access(folder, os.W_OK):
        # SQLite creates the -wal and -shm files next to the project; when they are
        # already there and writable, a folder we cannot write to does not matter.
        sidecars = [p.with_name(p.name + suffix) for suffix in ("-wal", "-shm")]
        if not all(f.exists() and os.access(f, os.W_OK) for f in sidecars):
            return "its folder is not writable"
    try:
        if os.statvfs(folder).f_flag & os.ST_RDONLY:
            return "it is on a read-only disk"
    except OSError:
        pass
    return ""


def _open_read_only(p: Path, reason: str) -> Project:
    """Open ``p`` without writing anything to it (not even the WAL index)."""
    uri = f"file:{quote(str(p.resolve()))}"
    try:
        conn = sqlite3.connect(f"{uri}?mode=ro", uri=True)
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.Error:
        # A WAL project in a folder we cannot write: SQLite cannot create the shared
        # memory file; nobody can be writing it without that file, so immutable is safe.
        conn = sqlite3.connect(f"{uri}?immutable=1", uri=True)
    db = Project(conn, execute_plugins=False)
    db.read_only, db.read_only_reason = True, reason
    return db


def connect(path: str | Path, *, read_only: bool = False) -> Project:
    """Open (creating if needed) the project at ``path`` and bring its schema up to date.

    ``":memory:"`` opens a throw-away project (tests, benchmarks). A project that cannot
    be written is opened read-only (``db.read_only``; edits raise :class:`ProjectError`),
    as is any project with ``read_only``. ``db.created`` tells whether the file is new.
    Raises :class:`ProjectError` with a one-line reason when the file is not a usable
    project, telling apart a full disk, a permission problem and a damaged file.
    """
    name = str(path)
    if name == ":memory:":
        return _prepare(Project(name, execute_plugins=False), name)
    p = Path(path)
    if p.is_dir():
        raise ProjectError(f"{p}: is a folder, not a project file")
    if not p.exists() and not p.parent.is_dir():
        try:
            p.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise ProjectError(f"{p.parent}: cannot create folder ({_os_reason(exc)})") from None
    reason = "opened read-only" if read_only else _why_read_only(p)
    if reason:
        if not p.exists():
            raise ProjectError(f"{p}: cannot create the project: {reason}")
        try:
            db = _open_read_only(p, reason)
            return _prepare(db, name)
        except sqlite3.Error as exc:
            raise describe_sqlite_error(exc, name, saving=False) from None
    existed = p.exists() and p.stat().st_size > 0
    try:
        try:
            db = Project(name, execute_plugins=False)
        except sqlite3.Error as exc:
            error = describe_sqlite_error(exc, name, saving=False)
            raise (_CannotWrite(str(error)) if existed and _write_failure(exc) else error) from None
        db.created = not existed
        return _prepare(db, name)
    except _CannotWrite as exc:
        # An existing project on a full (or failing) disk: reading needs no room, so
        # open it read-only and let every edit say why it cannot be saved.
        why = "the disk is full" if _disk_full(p.parent) else "the disk cannot be written"
        try:
            return _prepare(_open_read_only(p, why), name)
        except (sqlite3.Error, ProjectError):
            raise ProjectError(str(exc)) from None


class _CannotWrite(ProjectError):
    """Opening for writing failed for want of room or a disk that fails writes (an
    existing project can still be opened read-only)."""


def _write_failure(exc: sqlite3.Error) -> bool:
    code = (getattr(exc, "sqlite_errorcode", None) or 0) & 0xFF
    return code in (_SQLITE_FULL, _SQLITE_IOERR)


def _disk_full(folder: Path) -> bool:
    try:
        st = os.statvfs(folder)
    except OSError:
        return False
    return st.f_bavail * st.f_frsize < 256 * 1024


def _os_reason(exc: OSError) -> str:
    if exc.errno == errno.ENOSPC:
        return "the disk is full"
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return "permission denied"
    return exc.strerror or str(exc)


def _prepare(db: Project, name: str) -> Project:
    db.path = name
    search_index.register(db.conn)  # before any write: the search triggers call it
    try:
        _check_ours(db, name)
        _check_not_newer(db, name)
        if db.read_only:
            for pragma in _READ_PRAGMAS:
                db.execute(pragma)
            if migrations.pending(db):
                raise ProjectError(
                    f"{name}: made by an older version of factcheck and needs upgrading, "
                    f"but it is read-only ({db.read_only_reason})"
                )
            return db
        for pragma in _PRAGMAS:
            db.execute(pragma)
        if migrations.pending(db):
            # Under the write lock, so two programs opening a new project at once do
            # not both create its tables.
            with db.atomic():
                if migrations.pending(db):
                    migrations.apply(db)
        if not figure_queue.is_current(db):
            with db.atomic():
                figure_queue.refresh_all(db)
        if db.execute("PRAGMA application_id").fetchone()[0] != APPLICATION_ID:
            db.execute(f"PRAGMA application_id={APPLICATION_ID}")
            db.execute(f"PRAGMA user_version={FILE_FORMAT}")
    except DiskWriteError as exc:  # from a write transaction (upgrade, figure cache)
        db.close()
        if not db.created:
            raise _CannotWrite(str(exc)) from None
        raise
    except ProjectError:
        db.close()
        raise
    except sqlite3.Error as exc:
        db.close()
        error = describe_sqlite_error(exc, name, saving=False)
        if not db.created and _write_failure(exc):
            raise _CannotWrite(str(error)) from None
        raise error from None
    return db


def schema_version(db: Database) -> list[str]:
    """Names of the applied migrations, oldest first."""
    return [m.name for m in migrations.applied(db) if m.name]


@contextmanager
def transaction(db: Database) -> Iterator[Database]:
    """One atomic unit of work (a savepoint when nested)."""
    with db.atomic():
        yield db


__all__ = [
    "APPLICATION_ID", "MIGRATION_SET", "DiskWriteError", "Project", "connect",
    "describe_sqlite_error", "schema_version", "transaction",
]  # fmt: skip
