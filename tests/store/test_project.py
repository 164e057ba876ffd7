"""Opening project files: schema, pragmas, refusal of files that are not projects,
and durability of a committed edit across a killed process."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from factcheck.errors import ProjectError
from factcheck.store import importer, queries
from factcheck.store.migrations import known_migration_names, migrations
from factcheck.store.project import connect, schema_version


def test_new_project_has_every_table_and_index(tmp_path: Path) -> None:
    db = connect(tmp_path / "p.db")
    names = set(db.table_names())
    assert {"articles", "claims", "tags", "claim_tags", "evidence", "history", "settings"} <= names
    assert {"articles_fts", "claims_fts"} <= names
    assert schema_version(db) == known_migration_names()


def test_pragmas_give_wal_foreign_keys_and_full_sync(tmp_path: Path) -> None:
    db = connect(tmp_path / "p.db")
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert db.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL


def test_reopening_applies_nothing_twice(tmp_path: Path) -> None:
    path = tmp_path / "p.db"
    connect(path).close()
    db = connect(path)
    rows = db.execute("SELECT name FROM _sqlite_migrations").fetchall()
    assert sorted(r[0] for r in rows) == sorted(known_migration_names())
    assert migrations.pending(db) == []


def test_a_file_from_a_newer_version_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "p.db"
    db = connect(path)
    db["_sqlite_migrations"].insert(
        {"migration_set": "factcheck", "name": "9999_future", "applied_at": "2030-01-01"}
    )
    db.close()
    with pytest.raises(ProjectError, match="newer version of factcheck"):
        connect(path)


def test_a_file_that_is_not_sqlite_is_refused_with_its_name(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_text("just some text, not a database\n" * 100)
    with pytest.raises(ProjectError, match=r"notes\.db: not a factcheck project file"):
        connect(path)
    assert path.read_text().startswith("just some text")  # untouched


def test_a_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ProjectError, match="is a folder"):
        connect(tmp_path)


def test_schema_rejects_an_unknown_status(db) -> None:  # type: ignore[no-untyped-def]
    import sqlite3

    importer.import_drafts(db, [_draft("hello world")], "t")
    with pytest.raises(sqlite3.IntegrityError):
        db.execute(
            'INSERT INTO claims (article_id, start, "end", quote, status, created_at, '
            "updated_at) VALUES (1, 0, 5, 'hello', 'maybe', 'x', 'x')"
        )


def _draft(text: str):  # type: ignore[no-untyped-def]
    from factcheck.core.model import ArticleDraft

    return ArticleDraft(title="t", text=text)


def test_committed_edit_survives_a_killed_process(tmp_path: Path) -> None:
    """An edit acknowledged by the operations layer is on disk even if the process is
    killed straight after (no close, no checkpoint)."""
    path = tmp_path / "p.db"
    seeds = Path(__file__).resolve().parents[2] / "seeds"
    script = textwrap.dedent(
        f"""
        import os, signal
        from factcheck.store.project import connect
        from factcheck.store import importer, ops
        db = connect({str(path)!r})
        importer.import_paths(db, [{str(seeds)!r}], "t")
        change = ops.mark_quote(db, 2, "nearly 3,000 members", "t", status="contradicted")
        print(change.created_id, flush=True)
        os.kill(os.getpid(), signal.SIGKILL)
        """
    )
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert proc.returncode == -signal.SIGKILL, proc.stderr
    claim_id = int(proc.stdout.strip())
    db = connect(path)
    claim = queries.get_claim(db, claim_id)
    assert claim.quote == "nearly 3,000 members"
    assert claim.status == "contradicted"
    assert queries.article_count(db) == 5
    assert os.path.exists(path)


def test_seeding_happens_once_on_an_empty_project(tmp_path: Path, seeds_dir: Path) -> None:
    db = connect(tmp_path / "p.db")
    report = importer.ensure_seeded(db, "t", seeds_dir)
    assert report is not None and report.count(importer.Outcome.IMPORTED) == 5
    assert importer.ensure_seeded(db, "t", seeds_dir) is None
    assert queries.article_count(db) == 5


def test_a_project_marked_empty_is_never_seeded(tmp_path: Path, seeds_dir: Path) -> None:
    db = connect(tmp_path / "p.db")
    importer.mark_seeded(db)
    assert importer.ensure_seeded(db, "t", seeds_dir) is None
    assert queries.article_count(db) == 0
