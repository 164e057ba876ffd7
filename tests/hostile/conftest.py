"""Shared by the hostile-input tests: a seeded project on disk, the CLI driven as a user
types it, and a dump of a project to prove a refusal left it unchanged."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from factcheck.cli.main import main
from factcheck.store import importer
from factcheck.store.project import connect
from tests.conftest import REPO

Run = Callable[..., tuple[int, str, str]]


def dump(path: Path) -> str:
    """Every row of every table, in a stable order: equal dumps, equal projects."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return "\n".join(conn.iterdump())
    finally:
        conn.close()


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A project with the five sample articles and two claims (ids 1 and 2, on articles 2 and 3)."""
    path = tmp_path / "project" / "p.db"
    db = connect(path)
    importer.import_paths(db, [REPO / "seeds"], "tester")
    from factcheck.store import ops

    ops.mark_quote(db, 2, "nearly 3,000 members", "tester")
    ops.mark_quote(db, 3, "the", "tester", occurrence=2)
    db.close()
    return path


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str]) -> Run:
    """Run the ``factcheck`` command in-process; (exit status, stdout, stderr)."""

    def _run(*argv: str | Path) -> tuple[int, str, str]:
        try:
            code = main([str(a) for a in argv])
        except SystemExit as exc:  # argparse errors
            code = int(exc.code or 0)
        out, err = capsys.readouterr()
        return code, out, err

    return _run


def one_line_naming(err: str, name: str) -> bool:
    """True when ``err`` is exactly one line that names ``name`` (argparse usage lines
    excepted: exit status 2 prints the usage first, then the one error line)."""
    lines = [ln for ln in err.splitlines() if ln and not ln.startswith(("usage:", " "))]
    return len(lines) == 1 and name in lines[0] and "Traceback" not in err
