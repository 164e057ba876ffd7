"""The incremental update that puts the footers and bookmarks on a PDF Qt wrote: every
page keeps what it had (text, links, images) and gets its own footer, drawn last; a
file of any other kind is refused with its name."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QMarginsF, QPointF, QRectF
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter, QPdfWriter, QTextDocument
from pytestqt.qtbot import QtBot

from factcheck.render.pdf import ensure_gui_app
from factcheck.render.pdf_outline import finish_pdf
from factcheck.render.pdf_update import QtPdf


def _qt_pdf(path: Path, pages: list[str], *, image: bool = False, link: bool = False) -> None:
    writer = QPdfWriter(str(path))
    writer.setResolution(300)
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4),
                                     QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0),
                                     QPageLayout.Unit.Millimeter))  # fmt: skip
    painter = QPainter(writer)
    for n, text in enumerate(pages):
        if n:
            writer.newPage()
        if link:  # a link annotation, as the report's URLs make
            doc = QTextDocument()
            doc.documentLayout().setPaintDevice(writer)
            doc.setHtml(f'<p><a href="https://example.org/{n}">{text}</a></p>')
            doc.drawContents(painter, QRectF(0, 0, 2000, 500))
        else:
            painter.drawText(QPointF(300, 300), text)
        if image and n == 0:
            picture = QImage(40, 40, QImage.Format.Format_RGB32)
            picture.fill(0xFF2266AA)
            painter.drawImage(QRectF(300, 600, 400, 400), picture)
    painter.end()
    del writer


def test_each_page_gets_its_footer_last_and_keeps_its_links_and_images(
    qtbot: QtBot, tmp_path: Path
) -> None:
    ensure_gui_app()
    report, footers = tmp_path / "report.pdf", tmp_path / "footers.pdf"
    _qt_pdf(report, ["Summary page", "Article one", "Article two"], image=True, link=True)
    _qt_pdf(footers, [f"Footer {n} / 3" for n in range(1, 4)])
    size = report.stat().st_size
    finish_pdf(report, footers, [(2, "Summary", 0), (2, "Article one", 1), (2, "Article two", 2)],
               ["Article one", "Article two"])  # fmt: skip
    data = report.read_bytes()
    assert report.stat().st_size > size and data.count(b"%%EOF") == 2  # appended, not rewritten
    reader = PdfReader(report, strict=True)
    assert len(reader.pages) == 3
    for n, page in enumerate(reader.pages, start=1):
        text = " ".join(page.extract_text().split())
        assert text.endswith(f"Footer {n} / 3") and text.count("Footer") == 1, text
        assert len(page["/Contents"]) == 3  # q, the page's own content, Q + the footer
        links = [a.get_object()["/A"]["/URI"] for a in page["/Annots"]]
        assert links == [f"https://example.org/{n - 1}"]
    images = [x for x in reader.pages[0]["/Resources"]["/XObject"].values()
              if x.get_object()["/Subtype"] == "/Image"]  # fmt: skip
    assert len(images) == 1
    outline = reader.outline
    assert [str(o.title) for o in outline if not isinstance(o, list)] == ["Summary", "Articles"]
    assert [reader.get_destination_page_number(o) for o in outline[2]] == [1, 2]


def test_footers_for_another_number_of_pages_are_refused(qtbot: QtBot, tmp_path: Path) -> None:
    ensure_gui_app()
    report, footers = tmp_path / "report.pdf", tmp_path / "footers.pdf"
    _qt_pdf(report, ["one", "two"])
    _qt_pdf(footers, ["1 / 1"])
    before = report.read_bytes()
    with pytest.raises(ValueError, match=r"footers.pdf: 1 pages for 2"):
        finish_pdf(report, footers, [], [])
    assert report.read_bytes() == before


@pytest.mark.parametrize("data", [b"", b"not a pdf", b"%PDF-1.4\nstartxref\n99\n%%EOF\n"])
def test_a_file_qt_did_not_write_is_refused_with_its_name(data: bytes) -> None:
    with pytest.raises(ValueError, match=r"^odd\.pdf: "):
        QtPdf(data, "odd.pdf")
