"""``factcheck`` with no command starts the window without loading the command modules
(and so the store and sqlite-utils) first; any other command line parses as before."""

from __future__ import annotations

import subprocess
import sys

import pytest

from factcheck.cli.main import build_parser, window_only


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        ([], True),
        (["--db", "p.db"], True),
        (["--db=p.db", "--reviewer", "Ann"], True),
        (["--db"], False),  # missing value: the full parser reports it
        (["articles"], False),
        (["--db", "p.db", "claims", "list"], False),
        (["-h"], False),
        (["--version"], False),
        (["--rev", "Ann"], False),  # an abbreviation: left to argparse
    ],
)
def test_window_only(argv: list[str], expected: bool) -> None:
    assert window_only(argv) is expected


def test_the_window_parser_reads_the_same_options() -> None:
    args = build_parser(commands=False).parse_args(["--db", "p.db", "--reviewer", "Ann"])
    full = build_parser().parse_args(["--db", "p.db", "--reviewer", "Ann"])
    assert (args.db, args.reviewer, args.command) == (full.db, full.reviewer, None)


def test_starting_the_window_does_not_import_the_store() -> None:
    code = (
        "import sys\n"
        "from factcheck.cli import main as m\n"
        "m.run_gui = lambda args: print(sorted(n for n in sys.modules if n.startswith("
        "('sqlite_utils', 'factcheck.store', 'factcheck.cli.'))))\n"
        "m.main(['--db', 'p.db'])\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout  # fmt: skip
    assert out.strip() == "['factcheck.cli.main']"


def _modules_loaded(argv: list[str]) -> tuple[list[str], str]:
    """Run ``factcheck argv`` in a fresh interpreter; the factcheck.cli / store / report
    modules it imported, and what it printed."""
    code = (
        "import sys, atexit\n"
        "atexit.register(lambda: print('LOADED', sorted(n for n in sys.modules if n.startswith("
        "('sqlite_utils', 'factcheck.store', 'factcheck.cli.', 'factcheck.core.report')))))\n"
        "from factcheck.cli import main as m\n"
        f"sys.exit(m.main({argv!r}))\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    out = proc.stdout
    loaded = out[out.index("LOADED") + 7:].strip()
    return eval(loaded), out  # a list literal printed above


def test_help_lists_every_command_without_importing_their_modules() -> None:
    loaded, out = _modules_loaded(["--help"])
    assert loaded == ["factcheck.cli.main"]
    for name in ("import", "articles", "claims", "report", "import-annotations", "reattach"):
        assert f"    {name}" in out


def test_a_command_imports_its_own_module_only(tmp_path: object) -> None:
    loaded, out = _modules_loaded(["articles", "--help"])
    assert "factcheck.cli.articles" in loaded
    assert not {"factcheck.cli.report", "factcheck.cli.claims", "factcheck.cli.revisions",
                "factcheck.core.report.formats"} & set(loaded)  # fmt: skip
    assert "usage: factcheck articles" in out


def test_the_command_table_matches_what_the_modules_register() -> None:
    import argparse
    import importlib

    from factcheck.cli.main import COMMAND_MODULES, COMMANDS

    registered: dict[str, tuple[str, str]] = {}
    for module in COMMAND_MODULES:
        parser = argparse.ArgumentParser()
        sub = parser.add_subparsers()
        importlib.import_module(module).register(sub)
        for action in sub._choices_actions:
            registered[action.dest] = (module, action.help or "")
    assert registered == COMMANDS
