"""Text files that are not what they seem: a NUL past the binary test's 8 KiB, only
zero-width characters, UTF-16 without a byte-order mark; PDFs encrypted with AES and
an empty password."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from factcheck.core import ingest
from factcheck.core.decoding import decode_text
from factcheck.errors import ImportRefused
from tests.core.format_files import make_pdf

ARTICLE = "A title\n\nThe White Helmets said on Tuesday that volunteers rescued people.\n"


def test_a_nul_after_the_first_8_kib_is_refused() -> None:
    data = (ARTICLE * 200).encode() + b"\x00 tail\n"
    assert len(data) > 8192
    with pytest.raises(ImportRefused, match=r"^late\.txt: holds a NUL character \(line \d+\)"):
        decode_text(data, "late.txt")


@pytest.mark.parametrize("text", ["\u200b" * 50, "\u200b\u200c\u200d\ufeff\u2060 \n\u00ad"])
def test_only_invisible_characters_are_refused(tmp_path: Path, text: str) -> None:
    path = tmp_path / "ghost.txt"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ImportRefused, match=r"^ghost\.txt: contains no visible text"):
        ingest.read_article_file(path)


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_bom_is_read(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "win.txt"
    text = ARTICLE + "Ünïcödé “quotes” – dash\n"
    path.write_bytes(text.encode(encoding))
    draft = ingest.read_article_file(path)
    assert draft.text == text


def test_binary_with_many_zeros_is_still_binary() -> None:
    data = bytes([0, 1, 2, 3, 0, 0, 7, 0]) * 500
    with pytest.raises(ImportRefused, match="binary"):
        decode_text(data, "b.txt")


def test_an_aes_pdf_with_an_empty_password_is_read(tmp_path: Path) -> None:
    from pypdf import PdfReader, PdfWriter

    plain = make_pdf([[["The White Helmets, a volunteer rescue group, said on Tuesday that",
                        "its members pulled dozens of people from the rubble of a building",
                        "hit in an air strike on the city overnight, and more still."]]],
                     headings=["Rescue"])  # fmt: skip
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(plain)))
    writer.encrypt(user_password="", owner_password="owner-secret", algorithm="AES-256")
    path = tmp_path / "locked.pdf"
    with path.open("wb") as fh:
        writer.write(fh)
    assert PdfReader(path).is_encrypted
    draft = ingest.read_article_file(path)
    assert "pulled dozens of people" in draft.text


def test_a_pdf_with_a_real_password_is_refused(tmp_path: Path) -> None:
    from pypdf import PdfReader, PdfWriter

    plain = make_pdf([[["Some words of an article " * 5]]], headings=["Secret"])
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(plain)))
    writer.encrypt(user_password="open-sesame", algorithm="AES-128")
    path = tmp_path / "secret.pdf"
    with path.open("wb") as fh:
        writer.write(fh)
    with pytest.raises(ImportRefused, match=r"^secret\.pdf: the PDF is protected by a password"):
        ingest.read_article_file(path)
