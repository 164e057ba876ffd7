"""Finding one's way in the PDF report: bookmarks per article, clickable links, the
Author field, and headings never left alone at the foot of a page."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pypdf import PdfReader
from pytestqt.qtbot import QtBot
from sqlite_utils import Database

from factcheck.core.model import ArticleDraft, Status
from factcheck.render.pdf import (
    KEEP_WITH_NEXT_PX,
    _headings,
    ensure_gui_app,
    keep_headings_with_next,
    report_document,
    write_pdf,
)
from factcheck.store import ops
from factcheck.store.report_data import gather_report
from tests.core.test_report_corpus import review_seed_corpus


def _outline(reader: PdfReader) -> list[tuple[int, str, int]]:
    found: list[tuple[int, str, int]] = []

    def walk(items: list[Any], depth: int) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item, depth + 1)
            else:
                found.append((depth, str(item.title), reader.get_destination_page_number(item)))

    walk(reader.outline, 0)
    return found


def test_bookmarks_links_and_author(qtbot: QtBot, seeded_db: Database, tmp_path: Path) -> None:
    corpus = review_seed_corpus(seeded_db)
    ops.update_article_metadata(seeded_db, 2, "alice", url="https://news.example/helmets")
    ops.add_source(seeded_db, corpus.corroborated, "https://sources.example/report", "alice",
                   title="Annual report")  # fmt: skip
    ops.set_setting(seeded_db, "organisation", "Fact Desk")
    report = gather_report(seeded_db, reviewer="alice")
    out = tmp_path / "report.pdf"
    write_pdf(report, out)
    reader = PdfReader(out)
    assert reader.metadata is not None and reader.metadata.author == "Fact Desk"
    outline = _outline(reader)
    sections = [t for d, t, _ in outline if d == 0]
    assert sections[:2] == ["Summary", "Contradictions"] and sections[-1] == "Articles"
    articles = [(t, p) for d, t, p in outline if d == 1]
    assert [t for t, _ in articles] == [" ".join(a.info.title.split()) for a in report.articles]
    pages = [p for _, p in articles]
    assert pages == sorted(pages)
    for title, page in articles:  # each bookmark opens the page its article starts on
        text = " ".join(reader.pages[page].extract_text().split())
        assert title[:25] in text, title
    everything = " ".join(" ".join(p.extract_text().split()) for p in reader.pages)
    for _, claim in report.claims():  # moving headings to new pages loses nothing
        assert " ".join(claim.quote.split()) in everything
    assert everything.rstrip().endswith(f"{len(reader.pages)} / {len(reader.pages)}")
    links = {str(a.get_object()["/A"]["/URI"]) for page in reader.pages
             for a in (page.get("/Annots") or []) if "/A" in a.get_object()}  # fmt: skip
    assert {"https://news.example/helmets", "https://sources.example/report"} <= links


def test_a_heading_is_kept_with_what_follows(
    qtbot: QtBot, db: Database, tmp_path: Path
) -> None:
    """Many short articles put some heading near a page's foot whatever the font; after
    the check, every heading has room below it on its page or starts a page."""
    ensure_gui_app()
    body = "The council said the bridge would reopen in May after repairs to its deck. " * 3
    drafts = [ArticleDraft(title=f"Article number {i} about the bridge", text=f"{i}. {body}")
              for i in range(40)]  # fmt: skip
    imported, _ = ops.import_articles(db, drafts, "alice")
    for item in imported:
        ops.mark_claim(db, item.article_id, 4, 40, "alice", status=Status.CONTRADICTED,
                       note="Checked against the council's minutes.")  # fmt: skip
    report = gather_report(db, reviewer="alice")
    from PySide6.QtGui import QPdfWriter

    writer = QPdfWriter(str(tmp_path / "unused.pdf"))  # a paint device to lay out for
    writer.setResolution(300)

    def laid_out(keep: bool) -> list[tuple[float, float, float]]:
        doc = report_document(report, device=writer)
        from PySide6.QtCore import QSizeF

        full = writer.pageLayout().fullRectPixels(writer.resolution())
        height = float(full.height())
        doc.setPageSize(QSizeF(float(full.width()), height))
        if keep:
            keep_headings_with_next(doc, height)
        layout = doc.documentLayout()
        out = []
        for _level, block in _headings(doc):
            rect = layout.blockBoundingRect(block)
            out.append((rect.top(), rect.bottom(), height))
        return out

    room = KEEP_WITH_NEXT_PX * writer.logicalDpiY() / 96.0

    def stranded(rows: list[tuple[float, float, float]]) -> list[float]:
        bad = []
        for top, bottom, height in rows:
            page_end = (top // height + 1) * height
            starts_page = top % height < room  # at (or near) the top of its page
            if bottom + room > page_end and not starts_page:
                bad.append(top)
        return bad

    assert stranded(laid_out(False))  # the data does put headings at page feet
    assert stranded(laid_out(True)) == []
