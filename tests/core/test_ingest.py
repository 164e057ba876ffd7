"""Reading article files: each kind of bad input is refused with a message naming the
file, and good text is kept byte-faithful (apart from line endings)."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.core import ingest
from factcheck.core.ingest import expand_paths, read_article_file
from factcheck.errors import ImportRefused


def test_text_is_kept_exactly(tmp_path: Path) -> None:
    body = "Title line here\n\n  Indented “quote” with trailing spaces   \n\tTabbed\n"
    f = tmp_path / "a.txt"
    f.write_text(body, encoding="utf-8")
    draft = read_article_file(f)
    assert draft.text == body and draft.title == "Title line here"
    assert draft.source_path == str(f)


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("empty.txt", b"", r"^empty\.txt: the file is empty$"),
        ("blank.md", b"  \n\n\t\n", r"^blank\.md: contains only white space$"),
        ("pic.txt", b"\x89PNG\r\n\x1a\n\x00\x00binary", r"^pic\.txt: looks like a binary file"),
        ("sheet.xlsx", b"PK\x03\x04", r"^sheet\.xlsx: unsupported file type"),
    ],
)
def test_bad_files_are_refused(tmp_path: Path, name: str, content: bytes, message: str) -> None:
    f = tmp_path / name
    f.write_bytes(content)
    with pytest.raises(ImportRefused, match=message):
        read_article_file(f)


def test_oversized_file_is_refused_without_being_read(tmp_path: Path) -> None:
    f = tmp_path / "huge.txt"
    with f.open("wb") as fh:
        fh.truncate(ingest.MAX_TEXT_BYTES + 1)  # sparse: costs no disk
    with pytest.raises(ImportRefused, match=r"^huge\.txt: 20\.0 MiB is over the 20 MiB limit"):
        read_article_file(f)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ImportRefused, match="no such file"):
        read_article_file(tmp_path / "gone.txt")


def test_folders_expand_to_supported_files_in_order(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    for rel in ["b/2.md", "a.txt", "b/1.txt", "notes.xlsx", ".hidden.txt"]:
        (tmp_path / rel).write_text("x")
    named = tmp_path / "named.pdfx"
    named.write_text("x")
    got = [(p.relative_to(tmp_path).as_posix(), direct) for p, direct in
           expand_paths([tmp_path, named])]  # fmt: skip
    assert got[:3] == [("a.txt", False), ("b/1.txt", False), ("b/2.md", False)]
    assert got[-1] == ("named.pdfx", True)
