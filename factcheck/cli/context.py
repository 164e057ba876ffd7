"""What every command needs: the open project and the reviewer's name."""

from __future__ import annotations

import argparse
from pathlib import Path

from sqlite_utils import Database

from factcheck import config, paths
from factcheck.store.project import connect


def add_db_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--db",
        metavar="PATH",
        type=Path,
        default=argparse.SUPPRESS,  # keep a --db given before the command
        help=f"project file (default: {paths.default_project()})",
    )


def reviewer(args: argparse.Namespace) -> str:
    name = getattr(args, "reviewer", None)
    return str(name) if name else config.load().reviewer_or_login()


def open_db(args: argparse.Namespace) -> Database:
    """Open the project the user named, or the default one.

    Only the default project receives the sample articles on first use: a project named
    with --db holds exactly what the user puts in it, which is what scripts expect.
    """
    if args.db is not None:
        return connect(args.db)
    from factcheck.store import importer  # only the default project is seeded

    db = connect(paths.default_project())
    importer.ensure_seeded(db, reviewer(args))
    return db
