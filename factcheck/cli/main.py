"""The ``factcheck`` command: sub-commands for scripts, and the GUI when none is given.

Errors reach the user as one line on stderr and a non-zero exit status: 1 for a problem
with the input or the project, 2 for a command line that does not parse, 3 for an
internal error (whose traceback goes to a log file, never to the terminal).
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
import traceback
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

from factcheck import __version__, paths
from factcheck.cli import articles, claims, report, revisions
from factcheck.errors import FactcheckError

# Each module adds its sub-commands; a new feature adds its module here.
COMMAND_MODULES = [articles, claims, revisions, report]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="factcheck",
        description="Review news articles claim by claim. With no command, opens the window.",
    )
    parser.add_argument("--version", action="version", version=f"factcheck {__version__}")
    parser.add_argument("--db", metavar="PATH", type=Path, default=None,
                        help=f"project file (default: {paths.default_project()})")  # fmt: skip
    parser.add_argument(
        "--reviewer",
        metavar="NAME",
        default=None,
        help="name recorded on edits (default: the configured reviewer)",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in COMMAND_MODULES:
        module.register(sub)
    return parser


def _log_internal_error(exc: BaseException) -> Path | None:
    try:
        folder = paths.log_dir()
        folder.mkdir(parents=True, exist_ok=True)
        log = folder / "factcheck.log"
        with log.open("a", encoding="utf-8") as fh:
            fh.write(f"\n--- {datetime.now().isoformat()} factcheck {__version__}\n")
            fh.write("".join(traceback.format_exception(exc)))
        return log
    except OSError:
        return None


def run_gui(args: argparse.Namespace) -> int:
    try:
        from factcheck.ui.app import run
    except ImportError as exc:
        raise FactcheckError(f"the window cannot start: Qt is not available ({exc})") from None
    return run(db_path=args.db, reviewer=args.reviewer)


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    # Options given before the command (factcheck --db x articles) count as well.
    args = parser.parse_args(argv)
    try:
        if args.command is None:
            return run_gui(args)
        return int(args.func(args))
    except FactcheckError as exc:
        print(f"factcheck: {exc}", file=sys.stderr)
        return 1
    except sqlite3.Error as exc:
        where = args.db or paths.default_project()
        print(f"factcheck: {where}: the project file could not be used ({exc})", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("factcheck: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:
        log = _log_internal_error(exc)
        where = f"; details in {log}" if log else ""
        print(f"factcheck: internal error: {type(exc).__name__}: {exc}{where}", file=sys.stderr)
        return 3


if __name__ == "__main__":
    raise SystemExit(main())
