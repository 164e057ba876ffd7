"""What every command needs: the open project and the reviewer's name."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from factcheck.errors import ProjectError

TYPE_CHECKING = False
if TYPE_CHECKING:
    from factcheck.store.database import Database
    from factcheck.store.reading import Readable


class DbHelp(str):
    """The help of ``--db``, naming the default project: the path is found (through
    platformdirs) only when the help is shown, not on every start of every command.
    argparse fills a help text in with ``help % params`` just before printing it."""

    def __new__(cls) -> DbHelp:
        return super().__new__(cls, "project file (default: the default project)")

    def __mod__(self, params: object) -> str:
        from factcheck import paths

        path = str(paths.default_project()).replace("%", "%%")
        return f"project file (default: {path})" % params


def add_db_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--db",
        metavar="PATH",
        type=Path,
        default=argparse.SUPPRESS,  # keep a --db given before the command
        help=DbHelp(),
    )


def reviewer(args: argparse.Namespace) -> str:
    from factcheck import config

    name = getattr(args, "reviewer", None)
    return str(name) if name else config.load().reviewer_or_login()


def open_to_read(args: argparse.Namespace) -> Readable:
    """The project for a command that only reads it. An up-to-date project is opened
    without sqlite-utils (a third of such a command's time; see
    :mod:`factcheck.store.reading`); any other is opened as :func:`open_db` opens it,
    upgraded or refused with its message."""
    from factcheck.store.reading import open_current

    if args.db is not None:
        found = open_current(Path(args.db))
    else:
        from factcheck import paths

        found = open_current(paths.default_project(), seeded=True)
    return found if found is not None else open_db(args)


def open_db(args: argparse.Namespace, *, create: bool = False) -> Database:
    """Open the project the user named, or the default one.

    Only the default project receives the sample articles on first use: a project named
    with --db holds exactly what the user puts in it, which is what scripts expect.
    A --db file that does not exist is created only by the commands that put something
    into it (``create``: import, import-annotations, sync pull), and that is said on stderr; the
    others refuse it, and nothing creates folders for a mistyped path.
    """
    from factcheck.store.project import connect

    if args.db is not None:
        path = Path(args.db)
        if not path.exists():
            if not path.parent.is_dir():
                raise ProjectError(f"{path}: no such project, and the folder {path.parent} "
                                   "does not exist")  # fmt: skip
            if not create:
                raise ProjectError(f"{path}: no such project (import articles to create it)")
        db = connect(path)
        if db.created:
            from factcheck.cli.output import safe

            print(f"factcheck: created a new project {safe(str(path))}", file=sys.stderr)
        return db
    from factcheck import paths
    from factcheck.store import importer  # only the default project is seeded

    db = connect(paths.default_project())
    if not db.read_only:
        importer.ensure_seeded(db, reviewer(args))
    return db


def figures_ready(db: Database) -> None:
    """Find the figures of articles imported or changed since they were last read (a
    progress line on stderr when there are many); nothing for a read-only project."""
    from factcheck.store import figure_cache, ops

    if getattr(db, "read_only", False):
        return
    total = figure_cache.pending(db)
    if not total:
        return
    loud = total > 200 and sys.stderr.isatty()

    def progress(done: int, todo: int) -> None:
        if loud:
            print(f"\rfinding figures: {done}/{todo} articles", end="", file=sys.stderr)

    ops.update_figures(db, progress=progress)
    if loud:
        print(file=sys.stderr)
