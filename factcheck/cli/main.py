"""The ``factcheck`` command: sub-commands for scripts, and the GUI when none is given.

Errors reach the user as one line on stderr and a non-zero exit status: 1 for a problem
with the input or the project, 2 for a command line that does not parse, 3 for an
internal error (whose traceback goes to a log file, never to the terminal).

Start-up: the command modules import the store (and sqlite-utils), the importer, the
report formats; ``factcheck`` with no command must not wait for them before its window
paints, and ``factcheck articles`` must not wait for the report formats. So the parser
lists every command from a table (:data:`COMMANDS`) and imports only the chosen
command's module; ``factcheck --help`` imports none.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence

from factcheck import __version__
from factcheck.errors import FactcheckError

# typing costs a few milliseconds of every start-up and is needed only by mypy here.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from pathlib import Path
    from typing import NoReturn

# Each module adds its sub-commands (a ``register(sub)`` function); a new feature adds
# its module's name here, and its commands to COMMANDS.
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
# Every command with its module and its one-line help, so that the parser can list the
# commands (``factcheck --help``) without importing any module, and import only the
# chosen command's. A test checks this table against what the modules register.
COMMANDS: dict[str, tuple[str, str]] = {
    "import": ("factcheck.cli.articles",
               "import article files (.txt, .md, .html, .pdf, .docx) or folders of them"),
    "articles": ("factcheck.cli.articles", "list the project's articles with claim counts"),
    "mark": ("factcheck.cli.claims", "mark a quote in an article as a claim; prints its id"),
    "claims": ("factcheck.cli.claims", "list claims (of one article, or all)"),
    "search": ("factcheck.cli.claims", "full-text search over articles and claim notes"),
    "verdict": ("factcheck.cli.claims", "set a claim's status"),
    "tag": ("factcheck.cli.claims", "add tags to a claim (or remove them with --remove)"),
    "link": ("factcheck.cli.claims", "link a claim to another claim as evidence"),
    "source": ("factcheck.cli.claims", "attach an outside source to a claim"),
    "delete-claim": ("factcheck.cli.claims", "delete a claim with its tags and evidence"),
    "revisions": ("factcheck.cli.revisions",
                  "list an article's text revisions, or print one with --show N"),
    "review": ("factcheck.cli.revisions",
               "list claims whose placement needs review (fuzzy or orphaned)"),
    "confirm": ("factcheck.cli.revisions", "accept where a fuzzy or moved claim was placed"),
    "reattach": ("factcheck.cli.revisions",
                 "attach a claim to a new quote of its article's current text"),
    "report": ("factcheck.cli.report",
               "write the verification report (html, pdf, md, csv, json) or an export for "
               "other tools (w3c annotations, schema.org claimreview)"),
    "import-annotations": ("factcheck.cli.report", "import a W3C Web Annotation collection "
                           "(e.g. another reviewer's export)"),
    "figures": ("factcheck.cli.figures", "list the figures found in the articles"),
    "facts": ("factcheck.cli.figures", "facts told by several articles, and whether they agree"),
    "fact": ("factcheck.cli.figures",
             "show or edit a fact (rename, merge, split, move, dismiss)"),
    "suggest": ("factcheck.cli.suggest", "check-worthy sentences of an article (or of all), "
                "best first; accept or reject one"),
    "claimant": ("factcheck.cli.suggest", "record who made a claim (and when)"),
    "elsewhere": ("factcheck.cli.suggest", "where a claim appears in other articles (the same "
                  "words, or a figure of the same fact)"),
    "settings": ("factcheck.cli.project_cli",
                 "show or set the organisation named in exports (project settings)"),
    "datasette-config": ("factcheck.cli.project_cli", "print a Datasette configuration for the "
                         "project file (label columns, descriptions, facets)"),
    "sync": ("factcheck.cli.sync", "share the project with other reviewers through a folder"),
    "conflicts": ("factcheck.cli.sync", "the adjudication queue: what a sync could not merge"),
    "resolve-conflict": ("factcheck.cli.sync", "close a conflict, keeping one side"),
    "adjudicate": ("factcheck.cli.sync", "settle a claim's verdict between reviewers"),
    "agreement": ("factcheck.cli.agreement",
                  "agreement between reviewers on verdicts and spans"),
    "article-lang": ("factcheck.cli.articles",
                     "show or correct an article's language and paragraph direction"),
    "edit-article": ("factcheck.cli.curation",
                     "change an article's title, outlet, author, date or URL"),
    "delete-article": ("factcheck.cli.curation", "delete an article with its claims"),
    "tags": ("factcheck.cli.curation",
             "list the tags with their colour, description and use"),
    "tag-edit": ("factcheck.cli.curation", "rename, recolour or describe a tag"),
    "tag-merge": ("factcheck.cli.curation",
                  "give TAG's claims the tag INTO instead; TAG goes"),
    "tag-delete": ("factcheck.cli.curation", "delete a tag from the project and its claims"),
    "codebook": ("factcheck.cli.curation", "export or import the tags as a CSV codebook"),
}  # fmt: skip
_WINDOW_OPTIONS = ("--db", "--reviewer")  # the options that take a value before a command


def chosen_command(argv: Sequence[str]) -> str | None:
    """The command named on the command line (the first word that is not an option or
    the value of one of the window's options), or None."""
    i = 0
    while i < len(argv):
        arg = argv[i]
        if arg in _WINDOW_OPTIONS:
            i += 2
        elif arg.startswith("-"):
            i += 1
        else:
            return arg
    return None


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


def _columns() -> int:
    """The terminal's width as ``shutil.get_terminal_size`` finds it ($COLUMNS, then the
    terminal, then 80), without importing shutil, which brings bz2 and lzma: argparse
    asks for it on every help it prints."""
    try:
        columns = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]
        except (AttributeError, ValueError, OSError):
            columns = 0
    return columns or 80


class _Formatter(argparse.HelpFormatter):
    """argparse's help layout, at the terminal's width found by :func:`_columns`."""

    def __init__(self, prog: str, indent_increment: int = 2, max_help_position: int = 24,
                 width: int | None = None) -> None:  # fmt: skip
        super().__init__(prog, indent_increment, max_help_position,
                         _columns() - 2 if width is None else width)  # fmt: skip


def _path(value: str) -> Path:
    """``--db``'s type: pathlib is imported when a path is given, not for ``--help``."""
    from pathlib import Path

    return Path(value)


class _Parser(argparse.ArgumentParser):
    """argparse, with the argument it complains about shown escaped: "unrecognized
    arguments" quotes the command line as typed, terminal escape sequences included;
    its sub-commands' parsers lay their help out the same way."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        kwargs.setdefault("formatter_class", _Formatter)
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]

    def error(self, message: str) -> NoReturn:
        from factcheck.cli.output import safe

        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: error: {safe(message)}\n")


_UNBUILT = _Parser(add_help=False)  # stands for a parser not yet built


class _CommandTable(dict[str, _Parser]):
    """argparse's table of sub-command parsers (``choices``), where a command listed only
    for ``--help`` and for the choices gets its parser the first time argparse looks it
    up (building thirty-odd parsers that are never used was a fifth of ``--help``).
    That happens when the command line names its command in a way
    :func:`chosen_command` does not see (an abbreviated option before it, such as
    ``--rev NAME articles``): the command's module is imported then."""

    def __init__(self, sub: argparse._SubParsersAction[_Parser]) -> None:
        super().__init__(sub._name_parser_map)
        self._sub = sub
        sub._name_parser_map = sub.choices = self

    def list_only(self, name: str, text: str) -> None:
        # what add_parser(name, help=text) lists in --help, without the parser
        self._sub._choices_actions.append(argparse.Action([], name, help=text, metavar=name))
        super().__setitem__(name, _UNBUILT)

    def __getitem__(self, name: str) -> _Parser:
        if super().__getitem__(name) is _UNBUILT:
            module = COMMANDS[name][0]
            for other, (its_module, _text) in COMMANDS.items():
                if its_module == module:
                    super().__delitem__(other)
            importlib.import_module(module).register(self._sub)
        return super().__getitem__(name)


def build_parser(
    *, commands: bool = True, argv: Sequence[str] | None = None
) -> argparse.ArgumentParser:
    """The ``factcheck`` parser; with ``commands`` false, without the sub-commands (for
    starting the window, whose command line then parses the same). Only the module of
    the command chosen in ``argv`` is imported (None: every command's module)."""
    parser = _Parser(
        prog="factcheck",
        description="Review news articles claim by claim. With no command, opens the window.",
    )
    parser.add_argument("--version", action="version", version=f"factcheck {__version__}")
    # The default project's path is named in each command's help (context.DbHelp), not here:
    # finding it (platformdirs, pathlib) was a third of ``factcheck --help``.
    parser.add_argument("--db", metavar="PATH", type=_path, default=None,
                        help="project file (default: the default project, whose path "
                        "each command's --help names)")  # fmt: skip
    parser.add_argument(
        "--reviewer",
        metavar="NAME",
        default=None,
        help="name recorded on edits (default: the configured reviewer)",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    if not commands:
        return parser
    listed = {module for module, _ in COMMANDS.values()}
    if argv is None:
        chosen = listed
    else:
        command = chosen_command(argv)
        chosen = {COMMANDS[command][0]} if command in COMMANDS else set()
    table = _CommandTable(sub)
    for name, (module, text) in COMMANDS.items():
        if module not in chosen:  # listed for --help and for argparse's choices only
            table.list_only(name, text)
    # The chosen command's module adds its real parsers; so does any module the table
    # does not list yet.
    for module in COMMAND_MODULES:
        if module in chosen or module not in listed:
            importlib.import_module(module).register(sub)
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
    parser = build_parser(commands=not window_only(argv), argv=argv)
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
            from factcheck import paths
            from factcheck.store.project import describe_sqlite_error

            where = str(args.db or paths.default_project())
            _error(str(describe_sqlite_error(exc, where, saving=True)))  # type: ignore[arg-type]
            return 1
        from factcheck.errorlog import log_exception

        log = log_exception(exc)
        where = f"; details in {log}" if log else ""
        _error(f"internal error: {type(exc).__name__}: {exc}{where}")
        return 3


if __name__ == "__main__":
    raise SystemExit(main())
