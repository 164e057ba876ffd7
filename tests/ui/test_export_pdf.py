"""The PDF report, drawn by Qt's PDF writer and parsed back with pypdf."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from pypdf import PdfReader
from pytestqt.qtbot import QtBot
from sqlite_utils import Database

from factcheck.core.report.atomic import OutputError
from factcheck.render.pdf import chart_image, ensure_gui_app, report_document, write_pdf
from factcheck.store import ops
from factcheck.store.report_data import gather_report
from tests.core.test_report_corpus import HOSTILE_TITLE, make_hostile, review_seed_corpus


def _pdf_text(path: Path) -> tuple[PdfReader, str]:
    reader = PdfReader(path)
    text = "\n".join(page.extract_text() for page in reader.pages)
    return reader, " ".join(text.split())


def test_the_pdf_holds_every_claim_with_its_verdict(
    qtbot: QtBot, seeded_db: Database, tmp_path: Path
) -> None:
    review_seed_corpus(seeded_db)
    report = gather_report(seeded_db, reviewer="alice")
    (tmp_path / "out").mkdir()
    out = tmp_path / "out" / "report.pdf"
    write_pdf(report, out)
    reader, text = _pdf_text(out)
    assert reader.metadata is not None and reader.metadata.title == "Verification report"
    assert text.startswith("Verification report")
    for heading in ("Summary", "Claims per tag", "Claims per article", "Contradictions"):
        assert heading in text
    for _, claim in report.claims():
        assert " ".join(claim.quote.split()) in text
    for label in ("Corroborated", "Contradicted", "Inconclusive", "Unverified"):
        assert label in text
    assert "Source: About the White Helmets" in text and "accessed 2024-03-01" in text
    assert "Contradicted by" in text and "2,700 is not more than 3,000" in text
    assert any(page.images for page in reader.pages[:1])  # the chart
    assert os.listdir(tmp_path / "out") == ["report.pdf"]


def test_a_long_report_is_paginated_with_page_numbers(
    qtbot: QtBot, seeded_db: Database, tmp_path: Path
) -> None:
    for start in range(0, 1800, 20):
        ops.mark_claim(seeded_db, 2, start, start + 12, "r", note="checked " * 5)
    out = tmp_path / "long.pdf"
    write_pdf(gather_report(seeded_db, reviewer="r"), out)
    reader = PdfReader(out)
    assert len(reader.pages) >= 4
    last = reader.pages[-1].extract_text().split()
    assert last[-1] == str(len(reader.pages))  # the page number at the foot


def test_hostile_text_is_printed_as_text(
    qtbot: QtBot, seeded_db: Database, tmp_path: Path
) -> None:
    make_hostile(seeded_db, review_seed_corpus(seeded_db))
    out = tmp_path / "h.pdf"
    write_pdf(gather_report(seeded_db, reviewer="r"), out)
    _, text = _pdf_text(out)
    assert " ".join(HOSTILE_TITLE.split()) in text
    assert "<script>alert('note')</script>" in text


def test_an_unwritable_pdf_path_is_a_clear_error(
    qtbot: QtBot, seeded_db: Database, tmp_path: Path
) -> None:
    (tmp_path / "out").mkdir()
    blocker = tmp_path / "out" / "file"
    blocker.write_text("x", encoding="utf-8")
    with pytest.raises(OutputError, match="cannot write the file"):
        write_pdf(gather_report(seeded_db, reviewer="r"), blocker / "r.pdf")
    with pytest.raises(OutputError, match="it is a folder"):
        write_pdf(gather_report(seeded_db, reviewer="r"), tmp_path / "out")
    assert os.listdir(tmp_path / "out") == ["file"]


def test_document_and_chart(qtbot: QtBot, seeded_db: Database) -> None:
    assert ensure_gui_app() is ensure_gui_app()
    review_seed_corpus(seeded_db)
    report = gather_report(seeded_db, reviewer="r")
    image, size = chart_image(report, scale=2)
    assert (image.width(), image.height()) == (size.width() * 2, size.height() * 2)
    doc = report_document(report, for_screen=True)
    assert "more than 325,000 signatures" in doc.toPlainText()


def test_a_pdf_qt_writes_another_way_is_finished_through_pypdf(
    qtbot: QtBot, seeded_db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Should a later Qt write its PDFs in a shape the incremental update does not read,
    the footers and bookmarks are put on through pypdf: the report is still whole."""
    from factcheck.render import pdf_outline

    def refuse(data: bytes, name: str) -> None:
        raise ValueError(f"{name}: not a PDF with one cross-reference table at its end")

    monkeypatch.setattr(pdf_outline, "QtPdf", refuse)
    for start in range(0, 1800, 20):
        ops.mark_claim(seeded_db, 2, start, start + 12, "r", note="checked " * 5)
    report = gather_report(seeded_db, reviewer="r")
    out = tmp_path / "long.pdf"
    write_pdf(report, out)
    reader = PdfReader(out, strict=True)
    pages = len(reader.pages)
    assert pages >= 4 and out.read_bytes().count(b"%%EOF") == 1  # rewritten, not appended
    for n, page in enumerate(reader.pages, start=1):
        words = page.extract_text().split()
        assert words[-3:] == [str(n), "/", str(pages)], words[-6:]
    titles = [str(o.title) for o in reader.outline if not isinstance(o, list)]
    assert "Summary" in titles and "Articles" in titles
    text = " ".join(" ".join(p.extract_text() for p in reader.pages).split())
    for _, claim in report.claims():
        assert " ".join(claim.quote.split()) in text
    leftovers = [n for n in os.listdir(tmp_path) if n.startswith(".") or n.startswith("long.pdf.")]
    assert leftovers == []
