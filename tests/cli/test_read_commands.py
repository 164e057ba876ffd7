"""``factcheck articles`` and ``claims`` read an up-to-date project over a bare SQLite
connection (no sqlite-utils); any project the ordinary opening would change or refuse is
left to it, so the output and the messages are the same either way."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from factcheck.cli.main import main
from factcheck.core.model import ArticleDraft
from factcheck.store import ops, queries
from factcheck.store.figure_queue import FIGURES_VERSION, VERSION_KEY
from factcheck.store.project import connect
from factcheck.store.reading import open_current


def _project(path: Path) -> Path:
    db = connect(path)
    (a, b), _ = ops.import_articles(db, [
        ArticleDraft(title="Rescuers", text="The group says it saved 115,000 lives."),
        ArticleDraft(title="منقذون", text="يقول الدفاع المدني إنه أنقذ 99 ألف شخص."),
    ], "ann")  # fmt: skip
    ops.mark_claims(db, [ops.ClaimSpec(a.article_id, 4, 9, tags=("figure",), note="n"),
                         ops.ClaimSpec(b.article_id, 0, 4)], "ann")  # fmt: skip
    db.close()
    return path


def _cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _expected(path: Path) -> tuple[list[Any], list[Any]]:
    db = connect(path)
    try:
        articles = [(a.id, a.title, a.language, a.counts) for a in queries.list_articles(db)]
        claims = [(c.id, c.article_id, c.quote, list(c.tags), c.note)
                  for c in queries.all_claims(db)]  # fmt: skip
    finally:
        db.close()
    return articles, claims


def test_an_up_to_date_project_is_read_without_sqlite_utils(tmp_path: Path) -> None:
    path = _project(tmp_path / "p.db")
    reader = open_current(path)
    assert reader is not None
    reader.close()
    code = (
        "import sys, io\n"
        "from factcheck.cli.main import main\n"
        f"status = main(['--db', {str(path)!r}, 'claims', '--json'])\n"
        "print(status, 'sqlite_utils' in sys.modules, 'factcheck.store.project' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout.splitlines()  # fmt: skip
    assert out[-1] == "0 False False"
    assert [c["quote"] for c in json.loads("\n".join(out[:-1]))] == ["group", "يقول"]


def test_both_ways_print_what_the_store_holds(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _project(tmp_path / "p.db")
    articles, claims = _expected(path)
    # the bare connection (the project is current)
    code, out, err = _cli(capsys, "articles", "--db", str(path), "--json")
    assert (code, err) == (0, "")
    assert [(a["id"], a["title"], a["language"], a["claims"]) for a in json.loads(out)] == [
        (i, t, lang, counts) for i, t, lang, counts in articles]  # fmt: skip
    code, out, err = _cli(capsys, "claims", "--db", str(path), "--json")
    assert (code, err) == (0, "")
    assert [(c["id"], c["article_id"], c["quote"], c["tags"], c["note"])
            for c in json.loads(out)] == claims  # fmt: skip
    # a project whose figures came from an older finder: opened (and refreshed) the
    # ordinary way, with the same output
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE settings SET value = 'old' WHERE key = ?", (VERSION_KEY,))
    conn.close()
    assert open_current(path) is None
    code, out, err = _cli(capsys, "claims", "--db", str(path), "--json")
    assert (code, err) == (0, "")
    assert [(c["id"], c["article_id"], c["quote"], c["tags"], c["note"])
            for c in json.loads(out)] == claims  # fmt: skip
    with sqlite3.connect(path) as conn:
        version = conn.execute("SELECT value FROM settings WHERE key = ?",
                               (VERSION_KEY,)).fetchone()[0]  # fmt: skip
    conn.close()
    assert version == FIGURES_VERSION
    assert open_current(path) is not None


def _edit(path: Path, *sql: str) -> None:
    conn = sqlite3.connect(path)
    with conn:
        for statement in sql:
            conn.execute(statement)
    conn.close()


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (("INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
          "VALUES ('factcheck', '9999_from_the_future', '2030-01-01')",),
         "written by a newer version of factcheck (schema 9999_from_the_future)"),
        (("PRAGMA user_version=7",), "written by a newer version of factcheck (file format 7)"),
        (("PRAGMA application_id=1",), "an SQLite file of another program"),
    ],
)
def test_a_project_the_ordinary_opening_refuses_is_refused_with_its_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], change: tuple[str, ...], message: str
) -> None:
    path = _project(tmp_path / "p.db")
    _edit(path, *change)
    assert open_current(path) is None
    for command in ("articles", "claims"):
        code, out, err = _cli(capsys, command, "--db", str(path))
        assert (code, out) == (1, "")
        assert message in err and err.count("\n") == 1 and "Traceback" not in err


def test_files_that_are_no_current_project_are_left_to_the_ordinary_opening(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = tmp_path / "notes.db"
    text.write_text("not a database at all\n" * 50)
    folder = tmp_path / "folder.db"
    folder.mkdir()
    rollback = _project(tmp_path / "rollback.db")
    _edit(rollback, "PRAGMA journal_mode=DELETE")  # opening it turns WAL back on
    missing = _project(tmp_path / "missing.db")
    _edit(missing, "DELETE FROM _sqlite_migrations WHERE name = '0013_winperf_outline'")
    for path in (text, folder, rollback, missing, tmp_path / "absent.db"):
        assert open_current(path) is None, path
    code, _, err = _cli(capsys, "articles", "--db", str(text))
    assert code == 1 and "not a factcheck project file" in err
    code, _, err = _cli(capsys, "articles", "--db", str(folder))
    assert code == 1 and "is a folder, not a project file" in err
    code, _, err = _cli(capsys, "articles", "--db", str(tmp_path / "absent.db"))
    assert code == 1 and "no such project" in err
    assert not (tmp_path / "absent.db").exists()
    code, out, _ = _cli(capsys, "articles", "--db", str(rollback), "--json")
    assert code == 0 and len(json.loads(out)) == 2
    assert open_current(rollback) is not None  # the ordinary opening made it current
    # a migration's record gone: the ordinary opening runs it again (and here fails
    # with its one-line message, as it did before this path existed)
    code, out, err = _cli(capsys, "claims", "--db", str(missing), "--json")
    assert (code, out) == (1, "") and err.count("\n") == 1 and "Traceback" not in err


def test_the_default_project_is_read_directly_only_once_it_has_its_samples(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FACTCHECK_DATA_DIR", str(tmp_path))
    default = tmp_path / "factcheck.db"
    connect(default).close()  # a current project, but without the samples yet
    assert open_current(default) is not None
    assert open_current(default, seeded=True) is None
    code, out, _ = _cli(capsys, "articles", "--json")
    assert code == 0 and len(json.loads(out)) == 5  # seeded on this first use
    assert open_current(default, seeded=True) is not None
    code, out, _ = _cli(capsys, "articles", "--json")
    assert code == 0 and len(json.loads(out)) == 5
