"""PDF files: text in reading order with paragraphs rejoined, metadata, and refusals."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.core.ingest import read_article_file
from factcheck.errors import ImportRefused
from tests.core.format_files import make_pdf, write_pdf

PAGE_1 = [
    ["Repairs to the Harbour bridge will not be finished until the autumn of 2027,",
     "two years later than the council promised, according to planning documents."],
    ["The documents show that engineers found corrosion in 14 of the 22 cables, a well-",
     "known problem with bridges of that age, far more than the contract allowed for."],
]  # fmt: skip
PAGE_2 = [
    ["The cost of the work has risen from 38 million to 61 million pounds."],
    ["Commuters have used a temporary ferry since January; the operator said passenger",
     "numbers had tripled and it would add two boats to the route from April."],
]  # fmt: skip
INFO = {"/Title": "Harbour bridge repairs delayed", "/Author": "Marta Quispe",
        "/CreationDate": "D:20240314083000Z"}  # fmt: skip


def test_text_in_reading_order_with_paragraphs(tmp_path: Path) -> None:
    path = write_pdf(tmp_path / "bridge.pdf", [PAGE_1, PAGE_2],
                     headings=["Harbour bridge repairs delayed"], info=INFO)  # fmt: skip
    draft = read_article_file(path)
    assert draft.text.split("\n\n") == [
        "Harbour bridge repairs delayed",
        "Repairs to the Harbour bridge will not be finished until the autumn of 2027, two "
        "years later than the council promised, according to planning documents.",
        "The documents show that engineers found corrosion in 14 of the 22 cables, a "
        "well-known problem with bridges of that age, far more than the contract allowed for.",
        "The cost of the work has risen from 38 million to 61 million pounds.",
        "Commuters have used a temporary ferry since January; the operator said passenger "
        "numbers had tripled and it would add two boats to the route from April.",
    ]
    assert (draft.title, draft.author, draft.published) == (
        "Harbour bridge repairs delayed", "Marta Quispe", "2024-03-14"
    )  # fmt: skip


def test_without_metadata_the_text_gives_the_title(tmp_path: Path) -> None:
    path = write_pdf(tmp_path / "untitled.pdf", [PAGE_1], headings=["Bridge repairs delayed"])
    draft = read_article_file(path)
    assert draft.title == "Bridge repairs delayed"
    assert draft.author == ""


def test_pdf_without_text_layer_is_refused(tmp_path: Path) -> None:
    path = write_pdf(tmp_path / "scan.pdf", [[], []], drawing_only=True)
    with pytest.raises(ImportRefused, match=r"^scan\.pdf: the PDF has no text layer \(scanned"):
        read_article_file(path)


def test_encrypted_pdf_is_refused(tmp_path: Path) -> None:
    path = write_pdf(tmp_path / "locked.pdf", [PAGE_1], password="s3cret")
    with pytest.raises(ImportRefused, match=r"^locked\.pdf: the PDF is protected by a password"):
        read_article_file(path)


def test_encrypted_with_empty_password_is_read(tmp_path: Path) -> None:
    path = write_pdf(tmp_path / "perm.pdf", [PAGE_1], password="")
    assert "Harbour bridge" in read_article_file(path).text


@pytest.mark.parametrize(("data", "message"), [
    (b"%PDF-1.4\n" + b"garbage " * 100, "could not be read"),
    (b"<html>not a pdf</html>", "not a PDF file"),
])  # fmt: skip
def test_damaged_pdf_is_refused(tmp_path: Path, data: bytes, message: str) -> None:
    path = tmp_path / "broken.pdf"
    path.write_bytes(data)
    with pytest.raises(ImportRefused, match=rf"^broken\.pdf: .*{message}"):
        read_article_file(path)


def test_truncated_pdf_is_refused_or_read_never_crashes(tmp_path: Path) -> None:
    data = make_pdf([PAGE_1, PAGE_2], info=INFO)
    path = tmp_path / "cut.pdf"
    for cut in (len(data) // 3, len(data) // 2, len(data) - 40):
        path.write_bytes(data[:cut])
        try:
            draft = read_article_file(path)
        except ImportRefused as exc:
            assert str(exc).startswith("cut.pdf: ")
        else:
            assert draft.text.strip()
