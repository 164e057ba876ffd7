"""``report -o`` aimed at hostile places: long names, devices, FIFOs, links, leftovers."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from factcheck.core.report.atomic import OutputError, remove_stale_parts, write_text_atomic
from tests.conftest import REPO
from tests.hostile.conftest import Run, dump, one_line_naming


def test_the_longest_legal_name_can_be_written(project: Path, tmp_path: Path, run: Run) -> None:
    name = "r" * 250 + ".json"  # 255 bytes: NAME_MAX on Linux file systems
    code, _, err = run("report", "--db", project, "-f", "json", "-o", tmp_path / name)
    assert code == 0, err
    assert (tmp_path / name).stat().st_size > 0
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".part")] == []


def test_a_name_past_the_limit_is_one_line_exit_1(project: Path, tmp_path: Path, run: Run) -> None:
    before = dump(project)
    code, _, err = run("report", "--db", project, "-f", "json", "-o", tmp_path / ("r" * 300))
    assert code == 1 and one_line_naming(err, "rrrr") and "too long" in err
    assert len(err) < 400
    assert dump(project) == before


@pytest.mark.parametrize("kind", ["device", "fifo", "link-to-device"])
def test_non_regular_targets_are_refused_and_left_alone(
    kind: str, project: Path, tmp_path: Path, run: Run
) -> None:
    if kind == "device":
        target = Path("/dev/null")
    elif kind == "fifo":
        target = tmp_path / "pipe"
        os.mkfifo(target)
    else:
        target = tmp_path / "null-link"
        target.symlink_to("/dev/null")
    code, _, err = run("report", "--db", project, "-f", "csv", "-o", target)
    assert code == 1 and one_line_naming(err, str(target)), err
    assert "not a regular file" in err
    mode = os.stat(target).st_mode
    assert stat.S_ISCHR(mode) or stat.S_ISFIFO(mode)
    if kind == "link-to-device":
        assert target.is_symlink()


def test_a_link_to_a_file_is_written_through_and_stays_a_link(
    project: Path, tmp_path: Path, run: Run
) -> None:
    real = tmp_path / "real.md"
    real.write_text("old", encoding="utf-8")
    link = tmp_path / "link.md"
    link.symlink_to(real)
    code, _, err = run("report", "--db", project, "-f", "md", "-o", link)
    assert code == 0, err
    assert link.is_symlink() and real.read_text(encoding="utf-8").startswith("#")


def test_the_existing_files_mode_is_kept(project: Path, tmp_path: Path, run: Run) -> None:
    target = tmp_path / "r.html"
    target.write_text("old", encoding="utf-8")
    target.chmod(0o640)
    assert run("report", "--db", project, "-f", "html", "-o", target)[0] == 0
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert target.read_text(encoding="utf-8") != "old"


def test_the_folder_is_synced_after_the_rename(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    synced: list[int] = []
    real_fsync = os.fsync

    def spy(fd: int) -> None:
        synced.append(os.fstat(fd).st_mode)
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", spy)
    write_text_atomic(tmp_path / "x.txt", lambda fh: fh.write("x"))
    assert any(stat.S_ISDIR(m) for m in synced) and stat.S_ISREG(synced[0])


def test_a_killed_export_leaves_a_part_file_that_the_next_export_removes(
    project: Path, tmp_path: Path, run: Run
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    script = textwrap.dedent(
        f"""
        import os, signal
        from factcheck.core.report.atomic import write_text_atomic
        def write(fh):
            fh.write("half")
            fh.flush()
            os.kill(os.getpid(), signal.SIGKILL)
        write_text_atomic({str(out / "r.csv")!r}, write)
        """
    )
    proc = subprocess.run([sys.executable, "-c", script], cwd=REPO, capture_output=True)
    assert proc.returncode == -9
    left = [p.name for p in out.iterdir()]
    assert len(left) == 1 and left[0].endswith(".part")
    code, _, err = run("report", "--db", project, "-f", "csv", "-o", out / "r.csv")
    assert code == 0, err
    assert sorted(p.name for p in out.iterdir()) == ["r.csv"]


def test_a_part_file_of_a_running_export_is_kept(tmp_path: Path) -> None:
    mine = tmp_path / f".fc-{os.getppid()}-0123abcd.part"  # the parent is alive
    mine.write_text("x", encoding="utf-8")
    other = tmp_path / "notes.part"  # not ours
    other.write_text("x", encoding="utf-8")
    assert remove_stale_parts(tmp_path) == 0
    assert mine.exists() and other.exists()


def test_a_missing_link_target_is_refused(tmp_path: Path) -> None:
    link = tmp_path / "dangling"
    link.symlink_to(tmp_path / "nowhere" / "x")
    with pytest.raises(OutputError, match="link to a missing file"):
        write_text_atomic(link, lambda fh: fh.write("x"))
