"""Word documents: paragraphs and tables in order, core properties, corrupt files."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.core.ingest import read_article_file
from factcheck.errors import ImportRefused
from tests.core.format_files import write_docx, write_zip

PARAGRAPHS = [
    "Repairs to the Harbour bridge will not be finished until the autumn of 2027.",
    "The cost of the work has risen   from 38 million to 61 million pounds.",
    "Opposition councillors called for an independent review of the contract.",
]


def test_paragraphs_and_table_in_document_order(tmp_path: Path) -> None:
    path = write_docx(
        tmp_path / "bridge.docx", PARAGRAPHS, title="Bridge repairs", author="Marta Quispe",
        heading="Harbour bridge repairs delayed",
        table=[["Year", "Cost"], ["2023", "38 million"], ["2024", "61 million"]], table_after=2,
    )  # fmt: skip
    draft = read_article_file(path)
    assert draft.text.split("\n\n") == [
        "Harbour bridge repairs delayed",
        PARAGRAPHS[0],
        "The cost of the work has risen from 38 million to 61 million pounds.",
        "Year\tCost",
        "2023\t38 million",
        "2024\t61 million",
        PARAGRAPHS[2],
    ]
    assert (draft.title, draft.author, draft.published) == (
        "Bridge repairs", "Marta Quispe", "2024-03-14"
    )  # fmt: skip


def test_title_from_the_heading_when_properties_are_empty(tmp_path: Path) -> None:
    path = write_docx(tmp_path / "notitle.docx", PARAGRAPHS, heading="Bridge repairs delayed")
    assert read_article_file(path).title == "Bridge repairs delayed"


@pytest.mark.parametrize(("maker", "message"), [
    (lambda p: p.write_bytes(b"PK\x03\x04 this is not really a zip" * 10), "not a Word document"),
    (lambda p: p.write_bytes(b"plain text pretending to be Word"), "not a Word document"),
    (lambda p: write_zip(p, {"hello.txt": b"hi"}), r"no word/document\.xml inside"),
    (lambda p: write_zip(p, {"[Content_Types].xml": b"<Types/>",
                             "word/document.xml": b"<w:document>broken"}), "could not be read"),
])  # fmt: skip
def test_corrupt_docx_is_refused(tmp_path: Path, maker: object, message: str) -> None:
    path = tmp_path / "broken.docx"
    maker(path)  # type: ignore[operator]
    with pytest.raises(ImportRefused, match=rf"^broken\.docx: .*{message}"):
        read_article_file(path)


def test_docx_without_text_is_refused(tmp_path: Path) -> None:
    path = write_docx(tmp_path / "empty.docx", ["", "   "])
    with pytest.raises(ImportRefused, match=r"^empty\.docx: the Word document contains no text"):
        read_article_file(path)
