"""Opening projects that are busy, read-only, full or not ours; --db typed wrong."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from factcheck.errors import ProjectError
from factcheck.store import ops, queries
from factcheck.store.project import APPLICATION_ID, FILE_FORMAT, connect
from tests.conftest import REPO
from tests.hostile.conftest import Run, dump, one_line_naming

WRITERS, EDITS = 4, 1000

_WRITER = textwrap.dedent(
    """
    import sys
    from factcheck.store import ops
    from factcheck.store.project import connect
    path, claim_id, edits, k = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
    failures = 0
    db = connect(path)
    for i in range(edits):
        try:
            ops.set_note(db, claim_id, f"writer {k} edit {i}", f"writer{k}")
        except Exception as exc:
            failures += 1
            print(type(exc).__name__, exc, file=sys.stderr)
    print(failures)
    """
)


@pytest.mark.slow
def test_four_writers_a_thousand_edits_each_lose_nothing(project: Path) -> None:
    """Writers wait their turn (BEGIN IMMEDIATE + busy_timeout) instead of failing with
    "database is locked"; every acknowledged edit is in the history."""
    db = connect(project)
    claims = [ops.mark_quote(db, 1 + k, "the", "t").created_id for k in range(WRITERS)]
    db.close()
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", _WRITER, str(project), str(cid), str(EDITS), str(k)],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=REPO,
        )
        for k, cid in enumerate(claims)
    ]
    results = [p.communicate() for p in procs]
    assert [int(out.strip() or -1) for out, _ in results] == [0] * WRITERS, [
        err[:500] for _, err in results
    ]
    db = connect(project)
    for k, cid in enumerate(claims):
        rows = db.execute(
            "SELECT new FROM history WHERE reviewer = ? AND action = 'set note' ORDER BY id",
            (f"writer{k}",),
        ).fetchall()
        assert [r[0] for r in rows] == [f"writer {k} edit {i}" for i in range(EDITS)]
        assert queries.get_claim(db, cid).note == f"writer {k} edit {EDITS - 1}"


def test_a_write_transaction_takes_the_write_lock_before_reading(tmp_path: Path) -> None:
    db = connect(tmp_path / "p.db")
    other = sqlite3.connect(tmp_path / "p.db", timeout=0)
    # Another connection cannot start writing while ours is open, even though ours has
    # not written anything yet.
    with db.atomic(), pytest.raises(sqlite3.OperationalError, match="locked"):
        other.execute("BEGIN IMMEDIATE")
    other.execute("BEGIN IMMEDIATE")
    other.rollback()


# --- read-only projects ---------------------------------------------------------------


def _unwritable_run(args: list[str], home: Path, folder: Path) -> subprocess.CompletedProcess[str]:
    """Run the CLI where ``folder`` cannot be written: as root (who may write anything)
    inside a private mount namespace where ``folder`` is a read-only bind mount; as any
    other user after taking away the write permission."""
    env = {**os.environ, "FACTCHECK_DATA_DIR": str(home), "FACTCHECK_CONFIG_DIR": str(home),
           "HOME": str(home), "FACTCHECK_REVIEWER": "ro"}  # fmt: skip
    command = [sys.executable, "-m", "factcheck", *args]
    if os.geteuid() == 0:
        remount = 'mount --bind "$0" "$0" && mount -o remount,bind,ro "$0" && exec "$@"'
        command = ["unshare", "--mount", "--propagation", "private", "sh", "-c", remount,
                   str(folder), *command]  # fmt: skip
    return subprocess.run(command, capture_output=True, text=True, env=env, cwd=REPO)


def _can_make_unwritable() -> bool:
    if os.geteuid() != 0:
        return True
    probe = subprocess.run(
        ["unshare", "--mount", "--propagation", "private", "true"], capture_output=True
    ) if shutil.which("unshare") else None  # fmt: skip
    return probe is not None and probe.returncode == 0


def _copy_project(project: Path, folder: Path) -> Path:
    target = folder / "p.db"
    src = connect(project)
    dst = sqlite3.connect(target)
    src.conn.backup(dst)
    dst.execute("PRAGMA journal_mode=WAL")
    dst.close()
    src.close()
    target.chmod(0o644)
    return target


@pytest.mark.skipif(not _can_make_unwritable(), reason="needs unshare to mount read-only")
def test_a_read_only_project_can_be_read_but_not_edited(project: Path, tmp_path: Path) -> None:
    folder = tmp_path / "proj"
    folder.mkdir()
    path = _copy_project(project, folder)
    home = tmp_path / "home"
    home.mkdir()
    if os.geteuid() != 0:
        folder.chmod(0o555)
    before = dump(path)
    listed = _unwritable_run(["articles", "--db", str(path)], home, folder)
    assert listed.returncode == 0, listed.stderr
    assert "White Helmets" in listed.stdout
    found = _unwritable_run(["search", "--db", str(path), "volunteers"], home, folder)
    assert found.returncode == 0 and "KIND" in found.stdout, found.stderr
    out = home / "r.json"
    report = _unwritable_run(
        ["report", "--db", str(path), "-f", "json", "-o", str(out)], home, folder
    )
    assert report.returncode == 0 and out.exists(), report.stderr
    edit = _unwritable_run(["verdict", "--db", str(path), "1", "corroborated"], home, folder)
    assert edit.returncode == 1
    assert edit.stderr.startswith(f"factcheck: cannot save: the project is read-only ({path}")
    assert edit.stderr.count("\n") == 1
    assert dump(path) == before


def test_a_project_opened_read_only_refuses_every_edit(project: Path) -> None:
    before = dump(project)
    db = connect(project, read_only=True)
    assert db.read_only and queries.article_count(db) == 5
    with pytest.raises(ProjectError, match=r"cannot save: the project is read-only"):
        ops.set_status(db, 1, "corroborated", "t")
    with pytest.raises(ProjectError, match=r"cannot save: the project is read-only"):
        ops.mark_quote(db, 3, "the", "t")
    db.close()
    assert dump(project) == before


# --- a full disk ----------------------------------------------------------------------


def test_a_full_disk_is_named_as_such_and_the_edit_is_not_half_saved(project: Path) -> None:
    db = connect(project)
    pages = db.execute("PRAGMA page_count").fetchone()[0]
    db.execute(f"PRAGMA max_page_count={pages}")  # SQLite says SQLITE_FULL past this
    big = "x" * 200_000
    before = dump(project)
    with pytest.raises(ProjectError, match=rf"cannot save: the disk is full \({project}\)"):
        ops.set_note(db, 1, big, "t")
    assert queries.get_claim(db, 1).note == ""
    db.close()
    assert dump(project) == before


def test_disk_full_permission_and_damage_have_different_messages(tmp_path: Path) -> None:
    from factcheck.store.project import describe_sqlite_error

    def error(code: int) -> sqlite3.Error:
        exc = sqlite3.OperationalError("x")
        exc.sqlite_errorcode = code  # type: ignore[attr-defined]
        return exc

    messages = {
        code: str(describe_sqlite_error(error(code), "p.db", saving=True))
        for code in (13, 8, 3, 11, 26, 10)
    }
    assert "disk is full" in messages[13]
    assert "read-only" in messages[8]
    assert "permission denied" in messages[3]
    assert "damaged" in messages[11]
    assert "not a factcheck project" in messages[26]
    assert "input/output error" in messages[10]
    assert len(set(messages.values())) == len(messages)


def test_a_damaged_project_is_called_damaged(project: Path) -> None:
    db = connect(project)
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    data = bytearray(project.read_bytes())
    page = 4096
    for i in range(page * 2, len(data) - page, page):  # scribble over every page but two
        data[i + 8 : i + 64] = b"\xff" * 56
    project.write_bytes(bytes(data))
    with pytest.raises(ProjectError) as info:
        db = connect(project)
        queries.list_articles(db)
        queries.search(db, "volunteers")
    assert "damaged" in str(info.value) or "malformed" in str(info.value)


# --- files that are not (this version's) projects -------------------------------------


def test_a_new_project_is_marked_as_ours(tmp_path: Path) -> None:
    db = connect(tmp_path / "p.db")
    assert db.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    assert db.execute("PRAGMA user_version").fetchone()[0] == FILE_FORMAT


def test_another_programs_sqlite_file_is_refused_and_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE places (name TEXT)")
    conn.execute("INSERT INTO places VALUES ('home')")
    conn.commit()
    conn.close()
    before = dump(path)
    with pytest.raises(ProjectError, match=r"other\.db: an SQLite file of another program"):
        connect(path)
    assert dump(path) == before
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA application_id=1234")
    conn.close()
    with pytest.raises(ProjectError, match="another program"):
        connect(path)


def test_a_newer_file_format_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "p.db"
    connect(path).close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version={FILE_FORMAT + 1}")
    conn.close()
    with pytest.raises(ProjectError, match="newer version of factcheck"):
        connect(path)


# --- --db typed wrong -----------------------------------------------------------------


def test_db_in_a_missing_folder_is_refused_without_creating_anything(
    tmp_path: Path, run: Run
) -> None:
    target = tmp_path / "typo" / "deeper" / "p.db"
    code, _, err = run("import", "--db", target, REPO / "seeds")
    assert code == 1 and one_line_naming(err, str(target))
    assert "does not exist" in err
    assert not (tmp_path / "typo").exists()


def test_creating_a_project_says_so_and_reading_commands_do_not_create(
    tmp_path: Path, run: Run
) -> None:
    target = tmp_path / "new.db"
    code, _, err = run("articles", "--db", target)
    assert code == 1 and "no such project" in err and not target.exists()
    code, _, err = run("import", "--db", target, REPO / "seeds")
    assert code == 0 and f"created a new project {target}" in err
    code, _, err = run("import", "--db", target, REPO / "seeds")
    assert code == 0 and "created" not in err


def test_a_read_only_file_opens_read_only(project: Path, tmp_path: Path) -> None:
    if os.geteuid() == 0:
        pytest.skip("root may write a read-only file; the mount test covers root")
    project.chmod(0o444)
    try:
        db = connect(project)
        assert db.read_only and "not writable" in db.read_only_message()
    finally:
        project.chmod(0o644)


@pytest.mark.skipif(os.geteuid() != 0 or not _can_make_unwritable(),
                    reason="needs root and unshare to mount a small file system")  # fmt: skip
def test_a_project_on_a_full_disk_can_still_be_read(project: Path, tmp_path: Path) -> None:
    """A real full disk: a 4 MiB tmpfs filled to the last block (in a private mount
    namespace). Reading works; an edit says the disk is full."""
    mount = tmp_path / "small"
    mount.mkdir()
    script = textwrap.dedent(
        """
        set -e
        mount -t tmpfs -o size=4m tmpfs "$0"
        cp "$1" "$0/p.db"
        dd if=/dev/zero of="$0/filler" bs=4096 2>/dev/null || true
        set +e
        "$2" -m factcheck articles --db "$0/p.db"; echo "rc=$?"
        "$2" -m factcheck verdict 1 corroborated --db "$0/p.db"; echo "rc=$?"
        """
    )
    env = {**os.environ, "FACTCHECK_DATA_DIR": str(tmp_path), "FACTCHECK_REVIEWER": "t"}
    proc = subprocess.run(
        ["unshare", "--mount", "--propagation", "private", "sh", "-c", script, str(mount),
         str(project), sys.executable],
        capture_output=True, text=True, env=env, cwd=REPO,
    )  # fmt: skip
    codes = [ln for ln in proc.stdout.splitlines() if ln.startswith("rc=")]
    assert codes == ["rc=0", "rc=1"], proc.stdout + proc.stderr
    assert "White Helmets" in proc.stdout
    assert proc.stderr.strip().splitlines() == [
        f"factcheck: cannot save: the disk is full ({mount / 'p.db'})"
    ]
