"""Word files that inflate far beyond an article: refused from the zip directory before
python-docx parses anything."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from factcheck.core import ingest
from factcheck.core.formats import docx_reader
from factcheck.errors import ImportRefused
from tests.core.format_files import write_docx
from tests.hostile.conftest import Run, one_line_naming


def _rebuild(source: Path, target: Path, replace: dict[str, bytes]) -> Path:
    """``source`` (a real .docx) with some parts replaced or added, well compressed."""
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(
        target, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9
    ) as zout:
        for info in zin.infolist():
            if info.filename not in replace:
                zout.writestr(info, zin.read(info.filename))
        for name, data in replace.items():
            zout.writestr(name, data)
    return target


@pytest.fixture
def real_docx(tmp_path: Path) -> Path:
    return write_docx(tmp_path / "real.docx", ["A paragraph of an article. " * 10] * 3,
                      heading="Title")  # fmt: skip


def _document(paragraphs: int) -> bytes:
    head = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/'
            b'main"><w:body>')  # fmt: skip
    return head + b"<w:p><w:r><w:t>x</w:t></w:r></w:p>" * paragraphs + b"</w:body></w:document>"


def test_a_million_paragraph_bomb_is_refused_quickly(real_docx: Path, tmp_path: Path) -> None:
    bomb = _rebuild(real_docx, tmp_path / "bomb.docx", {"word/document.xml": _document(400_000)})
    assert bomb.stat().st_size < 200_000  # small on disk
    with pytest.raises(ImportRefused, match=r"^bomb\.docx: 400000 paragraphs, over the"):
        ingest.read_article_file(bomb)


def test_too_much_xml_is_refused_from_the_directory(real_docx: Path, tmp_path: Path) -> None:
    xml = _document(10)[:-len(b"</w:body></w:document>")] + b" " * (17 * 1024 * 1024) + (
        b"</w:body></w:document>")  # fmt: skip
    bomb = _rebuild(real_docx, tmp_path / "xml.docx", {"word/document.xml": xml})
    with pytest.raises(ImportRefused, match=r"^xml\.docx: 1\d MiB of document XML"):
        ingest.read_article_file(bomb)


def test_a_huge_inflated_picture_is_refused(
    real_docx: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(docx_reader, "MAX_INFLATED_BYTES", 8 * 1024 * 1024)  # a faster test
    bomb = _rebuild(real_docx, tmp_path / "pic.docx",
                    {"word/media/image1.png": bytes(9 * 1024 * 1024)})  # fmt: skip
    with pytest.raises(ImportRefused, match=r"^pic\.docx: inflates to \d+ MiB"):
        ingest.read_article_file(bomb)


def test_too_many_parts_are_refused(real_docx: Path, tmp_path: Path) -> None:
    extra = {f"word/media/p{i}.bin": b"" for i in range(docx_reader.MAX_PARTS + 1)}
    bomb = _rebuild(real_docx, tmp_path / "parts.docx", extra)
    with pytest.raises(ImportRefused, match=r"^parts\.docx: too many parts"):
        ingest.read_article_file(bomb)


def test_a_real_document_is_still_read(real_docx: Path) -> None:
    draft = ingest.read_article_file(real_docx)
    assert draft.title == "Title" and "paragraph of an article" in draft.text


def test_the_batch_goes_on_past_a_bomb(real_docx: Path, tmp_path: Path, project: Path,
                                       run: Run) -> None:  # fmt: skip
    folder = tmp_path / "in"
    folder.mkdir()
    _rebuild(real_docx, folder / "bomb.docx", {"word/document.xml": _document(100_000)})
    (folder / "ok.txt").write_text("Fine\n\nAn article about a thing.\n", encoding="utf-8")
    code, out, err = run("import", "--db", project, folder)
    assert code == 1 and one_line_naming(err, "bomb.docx") and "1 imported" in out
    code, out, _ = run("articles", "--db", project, "--json")
    assert "Fine" in out
