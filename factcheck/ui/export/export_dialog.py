"""File > Export report…: choose a format, the articles and the file; see a preview; export.

The report data is read from the project in the GUI thread (SQLite connections stay in
their thread); rendering and writing run in a worker thread that touches no widget and
reports back by signal, so a 100,000-claim export keeps the window responsive and shows
progress. Files are written atomically; success or the one-line reason for a failure is
shown in the dialog, never a traceback.

The preview is the report as Qt's rich-text engine lays it out (the print layout the PDF
uses, chart included as an image, since ``QTextBrowser`` cannot show inline SVG),
limited to the first :data:`PREVIEW_CLAIMS` claims.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QObject, QStandardPaths, Qt, QThread, Signal, Slot
from PySide6.QtGui import QColor, QPalette, QTextDocument
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QStyle,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from factcheck.core.interchange.w3c import write_w3c
from factcheck.core.report.atomic import write_text_atomic
from factcheck.core.report.formats import FORMATS, default_filename, export_folder, export_text
from factcheck.core.report.model import Report, ReportArticle
from factcheck.errors import FactcheckError
from factcheck.render.pdf import chart_image, report_document, write_pdf
from factcheck.ui.common.settings import remember_geometry
from factcheck.ui.export.publisher_box import PublisherBox
from factcheck.ui.session.session import Session

PREVIEW_CLAIMS = 200
_EXTENSIONS = sorted({f.extension for f in FORMATS.values()}, key=len, reverse=True)
log = logging.getLogger(__name__)


class ExportWorker(QObject):
    """Renders and writes one export in a worker thread (no widgets touched)."""

    progress = Signal(int, int)
    succeeded = Signal(str)
    failed = Signal(str)

    def __init__(
        self, report: Report, fmt: str, path: Path, texts: dict[int, str] | None = None
    ) -> None:
        super().__init__()
        self.report, self.fmt, self.path = report, fmt, path
        self.texts = texts  # article texts to embed (w3c), read in the GUI thread

    @Slot()
    def run(self) -> None:
        def tick(done: int, total: int) -> None:
            self.progress.emit(done, total)

        try:
            if FORMATS[self.fmt].folder:
                export_folder(self.report, self.fmt, self.path, tick)
            elif FORMATS[self.fmt].writer is None:
                write_pdf(self.report, self.path, tick)
            elif self.fmt == "w3c" and self.texts is not None:
                texts = self.texts
                write_text_atomic(self.path, lambda out: write_w3c(self.report, out, texts=texts))
            else:
                export_text(self.report, self.fmt, self.path, tick)
        except FactcheckError as exc:
            self.failed.emit(str(exc))
        except Exception as exc:  # never a traceback in the window
            log.exception("export to %s failed", self.path)
            self.failed.emit(f"{self.path}: the export failed ({type(exc).__name__}: {exc})")
        else:
            n = self.report.summary.total
            self.succeeded.emit(f"Exported {n} claim{'s' if n != 1 else ''} to {self.path}")


def _preview_articles(report: Report, limit: int) -> tuple[ReportArticle, ...]:
    shown: list[ReportArticle] = []
    count = 0
    for article in report.articles:
        if count >= limit:
            break
        shown.append(article)
        count += len(article.claims)
    return tuple(shown)


class ExportDialog(QDialog):
    """Export the verification report (or an interchange file) of the project or of
    the chosen articles. ``article_ids`` are the articles chosen in the window (None or
    empty: only the whole project is offered)."""

    exported = Signal(str)  # the path written

    def __init__(
        self,
        session: Session,
        article_ids: list[int] | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Export report")
        self.setObjectName("ExportDialog")
        self.resize(900, 640)
        remember_geometry(self, "export")
        self._session = session
        self._chosen = list(dict.fromkeys(article_ids or []))
        self._report: Report | None = None
        self._preview_doc: QTextDocument | None = None
        self._thread: QThread | None = None
        self._worker: ExportWorker | None = None

        self.formats = QButtonGroup(self)
        format_box = QGroupBox("Format")
        grid = QGridLayout(format_box)
        for i, fmt in enumerate(FORMATS.values()):
            button = QRadioButton(fmt.label)
            button.setObjectName(f"format-{fmt.name}")
            button.setProperty("format", fmt.name)
            self.formats.addButton(button, i)
            grid.addWidget(button, i, 0)
        self.formats.buttons()[0].setChecked(True)
        self.embed_text = QCheckBox("Include each article's text")
        self.embed_text.setObjectName("embed-text")
        self.embed_text.setToolTip("W3C only: another tool can then read the annotated text "
                                   "of articles that have no web address")  # fmt: skip
        self.embed_text.setVisible(False)
        grid.addWidget(self.embed_text, len(FORMATS), 0)
        self.publisher = PublisherBox()
        self.publisher.setVisible(False)

        scope_box = QGroupBox("Articles")
        scope_layout = QVBoxLayout(scope_box)
        self.whole = QRadioButton("Whole project")
        n = len(self._chosen)
        self.chosen = QRadioButton(f"Chosen article{'s' if n != 1 else ''} ({n})")
        self.chosen.setEnabled(bool(self._chosen))
        self.whole.setChecked(True)  # a report is of the project unless asked otherwise
        scope_layout.addWidget(self.whole)
        scope_layout.addWidget(self.chosen)
        scope_layout.addStretch(1)

        self.path_edit = QLineEdit(str(self._default_folder() / default_filename("html")))
        self.path_edit.setObjectName("path")
        self.browse = QPushButton("Choose…")
        file_row = QHBoxLayout()
        file_row.addWidget(QLabel("File:"))
        file_row.addWidget(self.path_edit, 1)
        file_row.addWidget(self.browse)

        self.preview = QTextBrowser()
        self.preview.setObjectName("preview")
        self.preview.setOpenLinks(False)
        self.preview.setMinimumSize(520, 360)
        # The preview is the page as printed: dark text on white paper whatever the
        # window's scheme (the report's colours are chosen for paper, and a dark
        # palette under them left its headings dark on dark).
        paper = self.preview.palette()
        for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
            paper.setColor(group, QPalette.ColorRole.Base, QColor("#ffffff"))
            paper.setColor(group, QPalette.ColorRole.Text, QColor("#1d1d1f"))
        self.preview.setPalette(paper)

        self.progress = QProgressBar()
        self.progress.setVisible(False)
        self.status = QLabel("")
        self.status.setObjectName("status")
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)  # file names are not markup

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.export_button = self.buttons.addButton(
            "Export", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.export_button.setObjectName("export")
        self.export_button.setDefault(True)

        left = QVBoxLayout()
        left.addWidget(format_box)
        left.addWidget(scope_box)
        left.addWidget(self.publisher)
        left.addStretch(1)
        top = QHBoxLayout()
        top.addLayout(left)
        top.addWidget(self.preview, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top, 1)
        layout.addLayout(file_row)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)

        self.formats.idToggled.connect(self._format_toggled)
        self.whole.toggled.connect(self._scope_changed)
        self.browse.clicked.connect(self._choose_file)
        self.buttons.rejected.connect(self.reject)
        self.export_button.clicked.connect(self.start_export)
        self._scope_changed()

    # -- state -----------------------------------------------------------------------

    def selected_format(self) -> str:
        button = self.formats.checkedButton()
        return str(button.property("format")) if button else "html"

    def article_scope(self) -> list[int] | None:
        return self._chosen if self.chosen.isChecked() and self._chosen else None

    def output_path(self) -> Path:
        return Path(self.path_edit.text().strip()).expanduser()

    def report(self) -> Report | None:
        """The report as last gathered (None when it could not be)."""
        return self._report

    def is_exporting(self) -> bool:
        return self._thread is not None

    @staticmethod
    def _default_folder() -> Path:
        docs = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation
        )
        return Path(docs) if docs and Path(docs).is_dir() else Path.home()

    # -- slots -------------------------------------------------------------------------

    @Slot(int, bool)
    def _format_toggled(self, _id: int, checked: bool) -> None:
        if not checked:
            return
        fmt = self.selected_format()
        current = self.output_path()
        name = current.name
        for ext in _EXTENSIONS:  # swap a known extension for the new one
            if name.endswith(ext):
                name = name[: -len(ext)]
                break
        stem = name or "factcheck-report"
        if fmt == "w3c" and stem == "factcheck-report":
            stem = "factcheck-annotations"
        elif fmt != "w3c" and stem == "factcheck-annotations":
            stem = "factcheck-report"
        self.path_edit.setText(str(current.with_name(stem + FORMATS[fmt].extension)))
        self._show_format_options()

    def _show_format_options(self) -> None:
        fmt = self.selected_format()
        self.embed_text.setVisible(fmt == "w3c")
        meta = self._report.meta if self._report is not None else None
        self.publisher.show_for(meta, fmt.startswith("claimreview"))

    @Slot()
    def _scope_changed(self) -> None:
        try:
            self._report = self._session.gather_report(self.article_scope())
        except FactcheckError as exc:
            self._report = None
            self._show_status(str(exc), error=True)
            return
        self._show_format_options()
        self._update_preview()

    def _update_preview(self) -> None:
        report = self._report
        if report is None:
            return
        shown = _preview_articles(report, PREVIEW_CLAIMS)
        shown_claims = sum(len(a.claims) for a in shown)
        note = ""
        if shown_claims < report.summary.total:
            note = (f"Preview: the first {shown_claims} of {report.summary.total} claims; "
                    "the export holds them all.")  # fmt: skip
        doc = report_document(report, preview_note=note, articles=shown, for_screen=True)
        doc.setParent(self.preview)
        # Wide enough for the chart, so it is never cut at the right edge.
        _, chart = chart_image(report, scale=1)
        scrollbar = self.preview.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        frame = 2 * self.preview.frameWidth()
        self.preview.setMinimumWidth(max(520, int(chart.width() + 2 * doc.documentMargin())
                                         + scrollbar + frame + 8))  # fmt: skip
        self.preview.setDocument(doc)
        if self._preview_doc is not None:
            self._preview_doc.deleteLater()
        self._preview_doc = doc

    @Slot()
    def _choose_file(self) -> None:
        fmt = FORMATS[self.selected_format()]
        path, _ = QFileDialog.getSaveFileName(
            self, "Export report", str(self.output_path()),
            f"{fmt.label} (*{fmt.extension});;All files (*)",
        )  # fmt: skip
        if path:
            self.path_edit.setText(path)

    @Slot()
    def start_export(self) -> None:
        """Write the chosen export in a worker thread (one at a time)."""
        if self._thread is not None or self._report is None:
            return
        if not self.path_edit.text().strip():
            self._show_status("Choose a file to export to.", error=True)
            return
        fmt = self.selected_format()
        if self.publisher.isVisible():  # first ClaimReview export: keep who publishes it
            problem = self.publisher.problem()
            if problem:
                self._show_status(problem, error=True)
                return
            if self.publisher.save():
                self._scope_changed()  # the report's author and review addresses change
        report = self.report()  # gathered again when the publisher was just set
        if report is None:
            return
        texts = None
        if fmt == "w3c" and self.embed_text.isChecked():
            ids = [a.info.id for a in report.articles]
            texts = self._session.article_texts(ids)
        path = self.output_path()
        self.export_button.setEnabled(False)
        self.progress.setRange(0, max(1, len(report.articles)))
        self.progress.setValue(0)
        self.progress.setVisible(True)
        self._show_status(f"Exporting to {path}…")
        thread = QThread(self)
        worker = ExportWorker(report, fmt, path, texts)
        worker.moveToThread(thread)
        thread.started.connect(worker.run)
        worker.progress.connect(self._on_progress)
        worker.succeeded.connect(self._on_succeeded)
        worker.failed.connect(self._on_failed)
        worker.succeeded.connect(thread.quit)
        worker.failed.connect(thread.quit)
        thread.finished.connect(self._on_thread_finished)
        self._thread, self._worker = thread, worker
        thread.start()

    @Slot(int, int)
    def _on_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(1, total))
        self.progress.setValue(done)

    @Slot(str)
    def _on_succeeded(self, message: str) -> None:
        self._show_status(message)
        self.exported.emit(str(self.output_path()))

    @Slot(str)
    def _on_failed(self, message: str) -> None:
        self._show_status(f"Not exported: {message}", error=True)

    @Slot()
    def _on_thread_finished(self) -> None:
        if self._thread is not None:
            self._thread.wait()
            self._thread.deleteLater()
        if self._worker is not None:
            self._worker.deleteLater()
        self._thread = self._worker = None
        self.progress.setVisible(False)
        self.export_button.setEnabled(True)

    def _show_status(self, text: str, *, error: bool = False) -> None:
        self.status.setText(text)
        self.status.setStyleSheet("color: #b00020;" if error else "")
        self.status.setProperty("error", error)

    def done(self, result: int) -> None:
        """Closing waits for a running export: a file is never left half-written."""
        if self._thread is not None:
            self._thread.quit()
            self._thread.wait()
            self._on_thread_finished()
        super().done(result)
