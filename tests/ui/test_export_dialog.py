"""File > Export report…: the dialog on its own, driven by real mouse and keyboard events."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextImageFormat
from PySide6.QtWidgets import QRadioButton
from pytestqt.qtbot import QtBot
from sqlite_utils import Database

from factcheck.ui.export.export_dialog import ExportDialog
from factcheck.ui.session.session import Session
from tests.core.test_report_corpus import HOSTILE_TITLE, make_hostile, review_seed_corpus


@pytest.fixture
def dialog(qtbot: QtBot, seeded_db: Database) -> ExportDialog:
    review_seed_corpus(seeded_db)
    dlg = ExportDialog(Session(seeded_db, ":memory:", "t"), [1, 2])
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.waitExposed(dlg)
    assert dlg.whole.isChecked()  # the whole project unless the reviewer says otherwise
    _click(qtbot, dlg.chosen)
    assert dlg.chosen.isChecked()
    return dlg


def _radio(dlg: ExportDialog, fmt: str) -> QRadioButton:
    button = dlg.findChild(QRadioButton, f"format-{fmt}")
    assert isinstance(button, QRadioButton)
    return button


def _click(qtbot: QtBot, button: QRadioButton) -> None:
    """Click a radio button on its indicator (its centre may lie past its label)."""
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=QPoint(8, button.height() // 2))


def _type_path(qtbot: QtBot, dlg: ExportDialog, path: Path) -> None:
    qtbot.mouseClick(dlg.path_edit, Qt.MouseButton.LeftButton)
    qtbot.keyClick(dlg.path_edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(dlg.path_edit, str(path))


def _export(qtbot: QtBot, dlg: ExportDialog) -> str:
    qtbot.mouseClick(dlg.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dlg.is_exporting() and dlg.export_button.isEnabled(),
                    timeout=30_000)  # fmt: skip
    return dlg.status.text()


def test_preview_shows_the_chosen_articles(dialog: ExportDialog) -> None:
    text = dialog.preview.toPlainText()
    assert "Verification report" in text and "chosen articles" in text
    assert "more than 325,000 signatures" in text  # article 2
    assert "There are nearly 3,000 members" in text  # article 2's other claim
    assert "The group claims to have rescued" not in text  # article 4 is not chosen
    assert dialog.chosen.isChecked() and dialog.chosen.text() == "Chosen articles (2)"
    assert dialog.selected_format() == "html"
    assert dialog.path_edit.text().endswith("factcheck-report.html")


def test_choose_format_with_mouse_and_keyboard_then_export(
    qtbot: QtBot, dialog: ExportDialog, tmp_path: Path
) -> None:
    _click(qtbot, _radio(dialog, "csv"))
    assert dialog.selected_format() == "csv"
    assert dialog.path_edit.text().endswith("factcheck-report.csv")
    qtbot.keyClick(_radio(dialog, "csv"), Qt.Key.Key_Down)  # arrow to the next format
    assert dialog.selected_format() == "json"
    assert dialog.path_edit.text().endswith("factcheck-report.json")
    qtbot.keyClick(_radio(dialog, "json"), Qt.Key.Key_Up)
    assert dialog.selected_format() == "csv"
    out = tmp_path / "out" / "claims.csv"
    out.parent.mkdir()
    _type_path(qtbot, dialog, out)
    with qtbot.waitSignal(dialog.exported, timeout=30_000) as blocker:
        status = _export(qtbot, dialog)
    assert blocker.args == [str(out)]
    assert status == f"Exported 3 claims to {out}"
    rows = list(csv.reader(io.StringIO(out.read_text(encoding="utf-8"), newline="")))
    assert len(rows) == 4  # header + the claims of articles 1 and 2
    assert sorted(p.name for p in out.parent.iterdir()) == ["claims.csv"]


def test_whole_project_export_as_pdf(qtbot: QtBot, dialog: ExportDialog, tmp_path: Path) -> None:
    _click(qtbot, dialog.whole)
    assert dialog.article_scope() is None
    assert "whole project" in dialog.preview.toPlainText()
    _click(qtbot, _radio(dialog, "pdf"))
    out = tmp_path / "all.pdf"
    _type_path(qtbot, dialog, out)
    assert _export(qtbot, dialog) == f"Exported 7 claims to {out}"
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(out).pages).split())
    assert "the group's 2,700-strong members" in text and "7 claims" in text


def test_every_format_can_be_exported(qtbot: QtBot, dialog: ExportDialog, tmp_path: Path) -> None:
    for fmt in ("html", "md", "json", "w3c", "claimreview"):
        _click(qtbot, _radio(dialog, fmt))
        out = tmp_path / f"x.{fmt}"
        _type_path(qtbot, dialog, out)
        assert _export(qtbot, dialog).startswith("Exported 3 claims"), fmt
        if fmt in ("json", "w3c", "claimreview"):
            json.loads(out.read_text(encoding="utf-8"))
        else:
            assert "more than 325,000 signatures" in out.read_text(encoding="utf-8")


def test_a_failed_export_is_reported_in_the_dialog(
    qtbot: QtBot, dialog: ExportDialog, tmp_path: Path
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("x", encoding="utf-8")
    _type_path(qtbot, dialog, blocker / "report.html")
    status = _export(qtbot, dialog)
    assert status.startswith(f"Not exported: {blocker / 'report.html'}: cannot write the file")
    assert dialog.status.property("error") is True
    assert "Traceback" not in status and dialog.isVisible()
    # and the next export works
    _type_path(qtbot, dialog, tmp_path / "ok.html")
    assert _export(qtbot, dialog).startswith("Exported")
    assert dialog.status.property("error") is False


def test_without_chosen_articles_only_the_whole_project(qtbot: QtBot, seeded_db: Database) -> None:
    dlg = ExportDialog(Session(seeded_db, ":memory:", "t"), None)
    qtbot.addWidget(dlg)
    assert dlg.whole.isChecked() and not dlg.chosen.isEnabled()
    assert dlg.article_scope() is None


def test_hostile_titles_stay_text_in_the_preview(qtbot: QtBot, seeded_db: Database) -> None:
    make_hostile(seeded_db, review_seed_corpus(seeded_db))
    dlg = ExportDialog(Session(seeded_db, ":memory:", "t"), [1])
    qtbot.addWidget(dlg)
    assert HOSTILE_TITLE in dlg.preview.toPlainText()
    images = []
    block = dlg.preview.document().begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fmt = it.fragment().charFormat()
            if fmt.isImageFormat():
                images.append(QTextImageFormat(fmt).name())
            it += 1
        block = block.next()
    assert images == ["factcheck-chart.png"]  # the hostile <img>/<svg> are text
    assert not [a for a in dlg.preview.toHtml().split("href=")[1:] if "javascript" in a[:30]]


def test_a_big_project_previews_only_the_first_claims(qtbot: QtBot, seeded_db: Database) -> None:
    from factcheck.store import ops, queries

    specs = []
    for article_id in (2, 3, 5):
        text = queries.get_article(seeded_db, article_id).text
        starts = [i for i in range(0, 1500) if not text[i].isspace()][:150]
        specs += [ops.ClaimSpec(article_id, s, s + 1) for s in starts]
    ops.mark_claims(seeded_db, specs, "r")
    dlg = ExportDialog(Session(seeded_db, ":memory:", "t"), None)
    qtbot.addWidget(dlg)
    text = dlg.preview.toPlainText()
    assert "Preview: the first 300 of 450 claims; the export holds them all." in text


def test_the_preview_is_readable_paper_with_the_whole_chart(
    qtbot: QtBot, seeded_db: Database
) -> None:
    """Dark scheme: the preview stays dark text on white (its headings were dark on
    dark); at the dialog's own size the chart is not cut at the right edge."""
    from PySide6.QtGui import QPalette

    from factcheck.ui.common.theme import apply_scheme, palette_is_dark

    review_seed_corpus(seeded_db)
    apply_scheme("dark")
    try:
        dlg = ExportDialog(Session(seeded_db, ":memory:", "t"), [1])
        qtbot.addWidget(dlg)
        dlg.show()
        qtbot.waitExposed(dlg)
        assert palette_is_dark(dlg.palette())
        paper = dlg.preview.viewport().palette()
        assert paper.color(QPalette.ColorRole.Base).lightness() > 240
        assert paper.color(QPalette.ColorRole.Text).lightness() < 60
        assert dlg.preview.horizontalScrollBar().maximum() == 0
    finally:
        apply_scheme("light")
