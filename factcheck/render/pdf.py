"""The verification report as a PDF, drawn by Qt's own PDF writer (no browser needed).

The report is rendered with the print template (``report_qt.html.j2``: the same data
and autoescaping as the HTML report, in the HTML subset ``QTextDocument`` lays out),
the summary chart is the same SVG drawn by ``QSvgRenderer`` into a high-resolution
image resource. The report is laid out for the PDF device a bounded batch of parts at
a time (:mod:`factcheck.core.report.parts`) and each batch's A4 pages are drawn
through ``QPdfWriter`` with a footer (title, page n / N) before the next batch is laid
out, so a report of 100,000 claims is written in bounded memory and never cut at Qt's
layout limit (``QTextDocument.print_`` would clone and lay out the whole document
again, and says nothing until it is done). The file is written atomically.

Threads: :func:`report_document` and :func:`write_pdf` touch no widget and may run in a
worker thread, as long as a ``QGuiApplication`` exists (:func:`ensure_gui_app` creates
one, offscreen when there is no display, for the command line).
"""

from __future__ import annotations

import errno
import io
import math
import os
import secrets
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QByteArray, QCoreApplication, QMarginsF, QRectF, QSizeF, Qt, QUrl
from PySide6.QtGui import (
    QColor,
    QFont,
    QImage,
    QPageLayout,
    QPageSize,
    QPaintDevice,
    QPainter,
    QPdfWriter,
    QTextBlock,
    QTextBlockFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
)
from PySide6.QtSvg import QSvgRenderer

from factcheck.core.report.atomic import OutputError, atomic_path
from factcheck.core.report.chart import chart_svg
from factcheck.core.report.html import Progress, render_html
from factcheck.core.report.model import Report, ReportArticle
from factcheck.core.report.parts import Part, batches, report_parts
from factcheck.render.pdf_outline import finish_any_pdf

QT_TEMPLATE = "report_qt.html.j2"
CHART_RESOURCE = "factcheck-chart.png"
CHART_SCALE = 4  # the chart image's pixels per layout point: sharp in print
PDF_DPI = 300
MARGIN_CSS_PX = 68.0  # 18 mm page margins, in CSS pixels (1/96 inch)
BADGE_FILLS = {
    "corroborated": "#d8f0d9",
    "contradicted": "#fbd9da",
    "inconclusive": "#e6e0f3",
    "unverified": "#fcf0c8",
}


# Fonts asked for first for an article's own text, by its language (Debian's
# fonts-noto-core and fonts-noto-cjk; Qt falls back to any font with the glyphs when
# they are missing): a Chinese quote in Chinese glyph forms, not Japanese ones.
SCRIPT_FONTS = {
    "ar": "'Noto Naskh Arabic', 'Noto Sans Arabic'",
    "fa": "'Noto Naskh Arabic', 'Noto Sans Arabic'",
    "ur": "'Noto Nastaliq Urdu', 'Noto Naskh Arabic'",
    "he": "'Noto Serif Hebrew', 'Noto Sans Hebrew'",
    "yi": "'Noto Serif Hebrew', 'Noto Sans Hebrew'",
    "zh": "'Noto Serif CJK SC', 'Noto Sans CJK SC'",
    "zh-Hant": "'Noto Serif CJK TC', 'Noto Sans CJK TC'",
    "ja": "'Noto Serif CJK JP', 'Noto Sans CJK JP'",
    "ko": "'Noto Serif CJK KR', 'Noto Sans CJK KR'",
}


def script_fonts(language: str) -> str:
    """The CSS font families for text in ``language`` (a BCP 47 tag), or ""."""
    if language in SCRIPT_FONTS:
        return SCRIPT_FONTS[language]
    if language.startswith(("zh-Hant", "zh-TW", "zh-HK")):
        return SCRIPT_FONTS["zh-Hant"]
    return SCRIPT_FONTS.get(language.split("-")[0], "")


def ensure_gui_app() -> QCoreApplication:
    """The running Qt application, or a new ``QGuiApplication`` (offscreen when no
    display is available, so ``factcheck report --format pdf`` works in a terminal)."""
    app = QCoreApplication.instance()
    if app is not None:
        return app
    has_display = os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    if not os.environ.get("QT_QPA_PLATFORM") and not has_display and sys.platform != "darwin" \
            and not sys.platform.startswith("win"):  # fmt: skip
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    # A QApplication (not just a QGuiApplication): whatever runs later in this process
    # (the window, a dialog, a widget test) can then still create widgets.
    from PySide6.QtWidgets import QApplication

    return QApplication(sys.argv[:1] or ["factcheck"])


def chart_image(report: Report, scale: int = CHART_SCALE) -> tuple[QImage, QSizeF]:
    """The summary chart as an image ``scale`` times its nominal size, and that size."""
    renderer = QSvgRenderer(QByteArray(str(chart_svg(report.summary)).encode("utf-8")))
    size = renderer.defaultSize()
    image = QImage(size.width() * scale, size.height() * scale, QImage.Format.Format_ARGB32)
    image.fill(0xFFFFFFFF)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    renderer.render(painter)
    painter.end()
    return image, QSizeF(size.width(), size.height())


def report_html(
    report: Report,
    *,
    progress: Progress | None = None,
    preview_note: str = "",
    articles: tuple[ReportArticle, ...] | None = None,
    chart_zoom: float = 0.75,
    parts: Sequence[Part] | None = None,
    chart_size: QSizeF | None = None,
) -> str:
    """The print-template HTML of ``parts`` of the report (default: all of it;
    ``articles`` limits the per-article part, for previews; ``chart_zoom`` is the
    chart's size relative to its SVG size)."""
    size = chart_size if chart_size is not None else chart_image(report, scale=1)[1]
    buf = io.StringIO()
    shown = list(report_parts(report, articles)) if parts is None else parts
    render_html(report, buf, progress=progress, template=QT_TEMPLATE, extra={
        "chart_width": round(size.width() * chart_zoom),
        "chart_height": round(size.height() * chart_zoom),
        "badge": BADGE_FILLS, "preview_note": preview_note, "script_fonts": script_fonts,
        "parts": shown,
    })  # fmt: skip
    return buf.getvalue()


def _new_document(device: QPaintDevice | None) -> QTextDocument:
    doc = QTextDocument()
    if device is not None:  # before the HTML, so every format is measured for it
        doc.documentLayout().setPaintDevice(device)
    doc.setDefaultFont(_report_font(9.5))
    return doc


def _report_font(points: float) -> QFont:
    font = QFont("DejaVu Sans")
    font.setStyleHint(QFont.StyleHint.SansSerif)
    font.setPointSizeF(points)
    # No ligatures: "fi" stays two letters in the PDF's text, so searching and copying
    # find "verification" (text in other fonts, like the serif quotes, may still use them).
    font.setFeature(QFont.Tag("liga"), 0)
    return font


def report_document(
    report: Report,
    *,
    progress: Progress | None = None,
    preview_note: str = "",
    articles: tuple[ReportArticle, ...] | None = None,
    for_screen: bool = False,
    device: QPaintDevice | None = None,
) -> QTextDocument:
    """The report laid out as one ``QTextDocument`` (chart included as an image: for
    print at several times its size, for the screen at exactly its size, so it is
    drawn unscaled and sharp). ``device``: lay out for that paint device. For previews
    and small reports: :func:`write_pdf` lays out a bounded part at a time."""
    doc = _new_document(device)
    image, _ = chart_image(report, scale=1 if for_screen else CHART_SCALE)
    doc.addResource(QTextDocument.ResourceType.ImageResource, QUrl(CHART_RESOURCE), image)
    doc.setHtml(report_html(report, progress=progress, preview_note=preview_note,
                            articles=articles, chart_zoom=1.0 if for_screen else 0.75))  # fmt: skip
    return doc


def _pdf_writer(path: Path, report: Report) -> QPdfWriter:
    writer = QPdfWriter(str(path))
    writer.setTitle(report.meta.title)
    writer.setCreator(report.meta.generator)
    writer.setAuthor(report.meta.author_name)
    writer.setResolution(PDF_DPI)
    writer.setPageLayout(QPageLayout(
        QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
        QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter,  # the document has margins
    ))  # fmt: skip
    return writer


# Qt lays text out in 26.6 fixed point, whose largest value is INT_MAX / 256: about 8.39
# million device pixels, some 2,390 A4 pages at 300 dpi. A document laid out past it is
# cut silently, so no laid-out document may come near it.
LAYOUT_LIMIT = 8_000_000.0


@dataclass(frozen=True, slots=True)
class _Page:
    width: float
    height: float
    margin: float  # device pixels


@dataclass(slots=True)
class _Batch:
    doc: QTextDocument
    pages: int
    end: float  # where the next batch may start on the last page (device pixels)
    claims: int


def _lay_out(
    report: Report, parts: list[Part], writer: QPdfWriter, page: _Page, offset: float,
    chart: tuple[QImage, QSizeF], path: str, *, check: bool = True,
) -> _Batch:  # fmt: skip
    """Lay ``parts`` out as one document, its first line ``offset`` pixels down the page
    (where the previous batch ended), and check that Qt laid it out completely (a walk
    over every block: ``check`` False when the same parts were checked already)."""
    doc = _new_document(writer)
    if any(p.kind == "front" for p in parts):
        doc.addResource(QTextDocument.ResourceType.ImageResource, QUrl(CHART_RESOURCE),
                        chart[0])  # fmt: skip
    doc.setHtml(report_html(report, parts=parts, chart_size=chart[1]))
    if offset > page.margin:  # an empty line as tall as the part of the page used
        # (a first block's top margin would be dropped at the top of the frame)
        cursor = QTextCursor(doc)
        cursor.insertBlock()
        cursor.movePosition(QTextCursor.MoveOperation.Start)
        spacer = QTextBlockFormat()
        spacer.setLineHeight((offset - page.margin) * 96.0 / writer.logicalDpiY(),
                             QTextBlockFormat.LineHeightTypes.FixedHeight.value)  # fmt: skip
        cursor.setBlockFormat(spacer)
    doc.setPageSize(QSizeF(page.width, page.height))
    frame = doc.rootFrame().frameFormat()
    frame.setMargin(MARGIN_CSS_PX)  # CSS pixels: the layout scales them to the device
    doc.rootFrame().setFrameFormat(frame)
    keep_headings_with_next(doc, page.height)
    pages = doc.pageCount()  # lays the whole document out
    last = doc.documentLayout().blockBoundingRect(doc.lastBlock())
    if pages * page.height >= LAYOUT_LIMIT or last.bottom() > pages * page.height \
            or (check and not _laid_out(doc)):  # fmt: skip
        raise OutputError(
            f"{path}: cannot write the PDF: one part of the report (near claim "
            f"{_first_claim_id(parts)}) is too long for Qt to lay out; nothing was written"
        )
    # The page count includes the bottom margin after the last line, which may fall on
    # an empty page of its own: count the pages up to the last line.
    used = min(pages, max(1, math.ceil(last.bottom() / page.height)))
    return _Batch(doc, used, last.bottom() - (used - 1) * page.height,
                  sum(p.claim_count for p in parts))  # fmt: skip


def _laid_out(doc: QTextDocument) -> bool:
    """Whether every block of ``doc`` has its lines (Qt lays out lazily, and stops at
    its coordinate limit without a word)."""
    block = doc.firstBlock()
    while block.isValid():
        if block.layout().lineCount() == 0:
            return False
        block = block.next()
    return True


def _first_claim_id(parts: list[Part]) -> str:
    for part in parts:
        if part.claims:
            return str(part.claims[0].id)
    return "–"


def _footer(painter: QPainter, page: _Page, font: QFont, title: str, n: int, total: int) -> None:
    painter.setFont(font)
    painter.setPen(QColor("#5f6368"))
    m = page.margin
    band = QRectF(m, page.height - m * 0.75, page.width - 2 * m, m * 0.4)
    painter.drawText(band, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, title)
    painter.drawText(band, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                     f"{n} / {total}")  # fmt: skip


def _continues(end: float, page: _Page) -> bool:
    """Whether the next batch starts on the same page (there is room for a line)."""
    return end + page.margin * 1.5 < page.height - page.margin


def write_pdf(
    report: Report, path: str | os.PathLike[str], progress: Progress | None = None
) -> None:
    """Write the report as a paginated A4 PDF to ``path``, atomically.

    The report is laid out a bounded batch of parts at a time (:mod:`parts`), each
    batch starting where the previous one ended on the page, and its pages painted
    before the next batch is laid out: memory stays flat whatever the report's size.
    Each batch is laid out once; the footers ("title  page / pages") need the page
    count, known only at the end, so Qt draws them into a second, small PDF of as many
    pages, and each page's footer is put on its page by an incremental update
    (:func:`~factcheck.render.pdf_outline.finish_pdf`, with the bookmarks).
    ``progress`` hears (steps done, steps). Raises :class:`OutputError` naming
    ``path`` when it cannot be written or when any part of the report cannot be laid
    out completely; nothing is written then.
    """
    ensure_gui_app()
    groups = list(batches(report_parts(report)))
    steps = len(groups) + 1
    with atomic_path(path) as tmp:
        writer = _pdf_writer(tmp, report)
        full = writer.pageLayout().fullRectPixels(writer.resolution())
        page = _Page(float(full.width()), float(full.height()),
                     MARGIN_CSS_PX * writer.logicalDpiY() / 96.0)  # fmt: skip
        chart = chart_image(report)
        shown = str(path)
        painter = QPainter()
        if not painter.begin(writer):
            raise OSError(errno.EIO, "Qt's PDF writer could not start")
        n, offset, claims = 0, 0.0, 0
        outline: list[tuple[int, str, int]] = []
        try:
            for done, parts in enumerate(groups, start=1):
                batch = _lay_out(report, parts, writer, page, offset, chart, shown)
                first = n - 1 if offset else n  # the batch's first page, counted from 0
                outline += [(level, title, first + at)
                            for level, title, at in heading_pages(batch.doc)]  # fmt: skip
                for i in range(batch.pages):
                    if not (i == 0 and offset):  # a new page (else: go on on this one)
                        if n and not writer.newPage():
                            raise OSError(errno.EIO, "Qt's PDF writer could not add a page")
                        n += 1
                    painter.save()
                    painter.translate(0, -i * page.height)
                    batch.doc.drawContents(painter, QRectF(0, i * page.height, page.width,
                                                           page.height))  # fmt: skip
                    painter.restore()
                claims += batch.claims
                offset = batch.end if _continues(batch.end, page) else 0.0
                del batch
                if progress is not None:
                    progress(done, steps)
        finally:
            painter.end()
        del writer  # closes the file
        held = sum(len(a.claims) for a in report.articles)
        if claims != held:
            raise OutputError(f"{path}: cannot write the PDF: {claims} of {held} claims "
                              "were laid out")  # fmt: skip
        if tmp.stat().st_size == 0:
            raise OutputError(f"{path}: cannot write the file: Qt's PDF writer failed")
        footers = tmp.with_name(f".fc-{os.getpid()}-{secrets.token_hex(4)}.part")  # as stale
        try:
            _write_footers(footers, report, page, n)
            finish_any_pdf(tmp, footers, outline, [a.info.title for a in report.articles])
        except ValueError as exc:  # neither the update nor pypdf could finish it
            raise OutputError(f"{path}: cannot write the PDF: {exc}") from None
        finally:
            footers.unlink(missing_ok=True)
        if progress is not None:
            progress(steps, steps)


def _write_footers(path: Path, report: Report, page: _Page, pages: int) -> None:
    """A PDF of ``pages`` pages holding only each page's footer, at its place on the
    page (the report's pages get them in :func:`finish_pdf`)."""
    writer = _pdf_writer(path, report)
    font = _report_font(7.5)
    painter = QPainter()
    if not painter.begin(writer):
        raise OSError(errno.EIO, "Qt's PDF writer could not start")
    try:
        for n in range(1, pages + 1):
            if n > 1 and not writer.newPage():
                raise OSError(errno.EIO, "Qt's PDF writer could not add a page")
            _footer(painter, page, font, report.meta.title, n, pages)
    finally:
        painter.end()
    del writer  # closes the file
    if path.stat().st_size == 0:
        raise OSError(errno.EIO, "Qt's PDF writer failed")


# --- navigation: headings kept with what follows, and the PDF outline ----------------

KEEP_WITH_NEXT_PX = 140.0  # room a heading needs below it (a claim's first lines), CSS px


def _headings(doc: QTextDocument) -> list[tuple[int, QTextBlock]]:
    """(level, block) of every ``<h2>``/``<h3>`` of the document, in order."""
    found = []
    block = doc.begin()
    while block.isValid():
        level = block.blockFormat().headingLevel()
        if level in (2, 3) and block.text().strip():
            found.append((level, block))
        block = block.next()
    return found


def keep_headings_with_next(doc: QTextDocument, page_height: float) -> None:
    """Start a heading on a new page when it would sit at the foot of one, cut off from
    the claim (or table) that follows it. Qt's text layout has no keep-with-next, so
    headings are checked top to bottom, each against the layout the previous breaks
    gave."""
    layout = doc.documentLayout()
    room = KEEP_WITH_NEXT_PX * (layout.paintDevice().logicalDpiY() / 96.0
                                if layout.paintDevice() is not None else 1.0)  # fmt: skip
    for _level, block in _headings(doc):
        rect = layout.blockBoundingRect(block)
        if rect.top() < 1:
            continue
        page_end = (int(rect.top() // page_height) + 1) * page_height
        if rect.bottom() + room > page_end:
            fmt = block.blockFormat()
            fmt.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
            QTextCursor(block).setBlockFormat(fmt)
            # Qt re-lays out only the changed block; everything after it moves too
            doc.markContentsDirty(block.position(), doc.characterCount() - block.position())


def heading_pages(doc: QTextDocument) -> list[tuple[int, str, int]]:
    """(level, title, 0-based page) of every heading, for the PDF outline."""
    layout = doc.documentLayout()
    height = doc.pageSize().height()
    return [(level, " ".join(block.text().split()),
             int(layout.blockBoundingRect(block).top() // height))
            for level, block in _headings(doc)]  # fmt: skip
