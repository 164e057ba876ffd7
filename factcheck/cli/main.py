"""The ``factcheck`` command: sub-commands for scripts, and the GUI when none is given.

Errors reach the user as one line on stderr and a non-zero exit status: 1 for a problem
with the input or the project, 2 for a command line that does not parse, 3 for an
internal error (whose traceback goes to a log file, never to the terminal).

Start-up: the command modules import the store (and sqlite-utils); ``factcheck`` with
no command must not wait for them before its window paints, so they are imported only
when the command line holds more than the window's own options.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

from factcheck import __version__, paths
from factcheck.errorlog import log_exception
from factcheck.errors import FactcheckError

# Each module adds its sub-commands (a ``register(sub)`` function); a new feature adds
# its module's name here.
COMMAND_MODULES = [
    "factcheck.cli.articles",
    "factcheck.cli.claims",
    "factcheck.cli.revisions",
    "factcheck.cli.report",
    "factcheck.cli.figures",
    "factcheck.cli.suggest",
    "factcheck.cli.project_cli",
    "factcheck.cli.sync",
    "factcheck.cli.agreement",
    "factcheck.cli.curation",
]
_WINDOW_OPTIONS = ("--db", "--reviewer")  # the options that take a value before a command


def window_only(argv: Sequence[str]) -> bool:
    """True when ``argv`` holds nothing but the window's own options (no command, no
    help, nothing argparse could complain about), so the window can start without the
    command modules. Anything else gets the full parser, and so the same behaviour."""
    i = 0
    while i < len(argv):
        arg = argv[i]
        if arg in _WINDOW_OPTIONS and i + 1 < len(argv):
            i += 2
        elif arg.startswith(tuple(f"{o}=" for o in _WINDOW_OPTIONS)):
            i += 1
        else:
            return False
    return True


class _Parser(argparse.ArgumentParser):
    """argparse, with the argument it complains about shown escaped: "unrecognized
    arguments" quotes the command line as typed, terminal escape sequences included."""

    def error(self, message: str) -> NoReturn:
        from factcheck.cli.output import safe

        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: error: {safe(message)}\n")


def build_parser(*, commands: bool = True) -> argparse.ArgumentParser:
    """The ``factcheck`` parser; with ``commands`` false, without the sub-commands (for
    starting the window, whose command line then parses the same)."""
    parser = _Parser(
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
    if commands:
        for name in COMMAND_MODULES:
            importlib.import_module(name).register(sub)
    return parser


def run_gui(args: argparse.Namespace) -> int:
    from factcheck.preflight import window_problem

    problem = window_problem()  # before Qt loads: a message, not Qt's abort
    if problem is not None:
        raise FactcheckError(problem)
    try:
        from factcheck.ui.shell.app import run
    except ImportError as exc:
        raise FactcheckError(f"the window cannot start: Qt is not available ({exc})") from None
    return run(db_path=args.db, reviewer=args.reviewer)


def _is_sqlite_error(exc: BaseException) -> bool:
    sqlite3 = sys.modules.get("sqlite3")  # not imported: cannot be one of its errors
    return sqlite3 is not None and isinstance(exc, sqlite3.Error)


def _error(message: str) -> None:
    """One line on stderr, control characters escaped (imported only when needed: the
    window's start-up imports nothing it does not use)."""
    from factcheck.cli.output import say

    say(f"factcheck: {message}", err=True)


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser(commands=not window_only(argv))
    # Options given before the command (factcheck --db x articles) count as well.
    args = parser.parse_args(argv)
    try:
        if args.command is None:
            return run_gui(args)
        return int(args.func(args))
    except FactcheckError as exc:
        _error(str(exc))
        return 1
    except KeyboardInterrupt:
        print("factcheck: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:
        if _is_sqlite_error(exc):
            from factcheck.store.project import describe_sqlite_error

            where = str(args.db or paths.default_project())
            _error(str(describe_sqlite_error(exc, where, saving=True)))  # type: ignore[arg-type]
            return 1
        log = log_exception(exc)
        where = f"; details in {log}" if log else ""
        _error(f"internal error: {type(exc).__name__}: {exc}{where}")
        return 3


if __name__ == "__main__":
    raise SystemExit(main())
