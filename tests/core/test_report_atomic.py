"""Exports are written completely or not at all, with a clear error naming the file."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from factcheck.core.report.atomic import OutputError, atomic_path, write_text_atomic
from factcheck.errors import FactcheckError


def test_writes_the_file_and_leaves_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    write_text_atomic(target, lambda fh: fh.write("a\r\nb"))
    assert target.read_bytes() == b"a\r\nb"  # newlines as written
    assert os.listdir(tmp_path) == ["out.txt"]
    assert target.stat().st_mode & 0o777 != 0o600  # not the temp file's private mode


def test_a_failing_writer_leaves_the_old_file_untouched(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    target.write_text("old", encoding="utf-8")

    def half(fh: object) -> None:
        fh.write("new, half")  # type: ignore[attr-defined]
        raise RuntimeError("renderer crashed")

    with pytest.raises(RuntimeError):
        write_text_atomic(target, half)
    assert target.read_text(encoding="utf-8") == "old"
    assert os.listdir(tmp_path) == ["out.txt"]


def test_disk_full_is_a_clear_error(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"

    def full(fh: object) -> None:
        raise OSError(28, "No space left on device")

    with pytest.raises(OutputError, match=r"out\.txt: cannot write the file: the disk is full"):
        write_text_atomic(target, full)
    assert os.listdir(tmp_path) == []


def test_a_path_under_a_regular_file_is_refused(tmp_path: Path) -> None:
    blocker = tmp_path / "file.txt"
    blocker.write_text("x", encoding="utf-8")
    with pytest.raises(FactcheckError, match=r"file\.txt/report\.html: cannot write the file"):
        write_text_atomic(blocker / "report.html", lambda fh: fh.write("x"))
    assert blocker.read_text(encoding="utf-8") == "x"


def test_a_missing_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(OutputError, match="the folder does not exist"):
        write_text_atomic(tmp_path / "nope" / "r.html", lambda fh: fh.write("x"))


def test_a_target_that_is_a_folder_is_refused(tmp_path: Path) -> None:
    (tmp_path / "r.html").mkdir()
    with pytest.raises(OutputError, match="it is a folder"):
        write_text_atomic(tmp_path / "r.html", lambda fh: fh.write("x"))
    assert (tmp_path / "r.html").is_dir()
    assert os.listdir(tmp_path) == ["r.html"]


def test_atomic_path_hands_out_a_sibling_temporary(tmp_path: Path) -> None:
    target = tmp_path / "doc.pdf"
    with atomic_path(target) as tmp:
        assert tmp.parent == tmp_path and tmp != target
        assert not target.exists()
        tmp.write_bytes(b"%PDF")
    assert target.read_bytes() == b"%PDF"
    assert os.listdir(tmp_path) == ["doc.pdf"]
