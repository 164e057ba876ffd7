"""``factcheck`` with no command starts the window without loading the command modules
(and so the store and sqlite-utils) first; any other command line parses as before."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

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
    assert "each command's --help names" in out
    for name in ("import", "articles", "claims", "report", "import-annotations", "reattach"):
        assert f"    {name}" in out


def test_a_command_imports_its_own_module_only(tmp_path: object) -> None:
    loaded, out = _modules_loaded(["articles", "--help"])
    assert "factcheck.cli.articles" in loaded
    assert not {"factcheck.cli.report", "factcheck.cli.claims", "factcheck.cli.revisions",
                "factcheck.core.report.formats"} & set(loaded)  # fmt: skip
    assert "usage: factcheck articles" in out
    from factcheck import paths

    assert str(paths.default_project()) in "".join(out.split())  # named (wrapped at hyphens)


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


def _loaded_by(argv: list[str], prefixes: tuple[str, ...]) -> tuple[list[str], int]:
    code = (
        "import sys, atexit\n"
        f"atexit.register(lambda: print('LOADED', sorted(n for n in sys.modules "
        f"if n.startswith({prefixes!r}))))\n"
        "from factcheck.cli import main as m\n"
        f"sys.exit(m.main({argv!r}))\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    out = proc.stdout
    return eval(out[out.index("LOADED") + 7:].strip()), proc.returncode


def test_reading_articles_and_claims_loads_neither_sqlite_utils_nor_the_figure_finder(
    tmp_path: Path,
) -> None:
    from factcheck.core.model import ArticleDraft
    from factcheck.store import ops
    from factcheck.store.project import connect

    path = tmp_path / "p.db"
    db = connect(path)
    (item,), _ = ops.import_articles(db, [ArticleDraft(title="A", text="Some 3,000 people.")],
                                     "ann")  # fmt: skip
    ops.mark_claims(db, [ops.ClaimSpec(item.article_id, 0, 4)], "ann")
    db.close()
    heavy = ("numpy", "pandas", "sqlite_utils", "factcheck.core.figures", "factcheck.store.ops",
             "factcheck.core.report", "platformdirs", "py3langid")
    for command in ("articles", "claims"):
        loaded, status = _loaded_by(["--db", str(path), command], heavy)
        assert status == 0 and loaded == [], command


def test_an_abbreviated_option_before_the_command_still_runs_it(tmp_path: Path) -> None:
    path = tmp_path / "p.db"
    from factcheck.store.project import connect

    connect(path).close()
    argv = ["--rev", "Ann", "--db", str(path), "articles", "--json"]
    proc = subprocess.run([sys.executable, "-m", "factcheck", *argv], capture_output=True,
                          text=True)  # fmt: skip
    assert (proc.returncode, proc.stdout.strip(), proc.stderr) == (0, "[]", "")
