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
