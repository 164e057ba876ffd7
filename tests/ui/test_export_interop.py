"""The export dialog's interchange options, driven by real clicks and keys: the first
ClaimReview export asks who publishes it, ClaimReview pages go to a folder, and W3C
annotations can carry the articles' text."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QRadioButton
from pytestqt.qtbot import QtBot
from sqlite_utils import Database

from factcheck import config
from factcheck.ui.export.export_dialog import ExportDialog
from factcheck.ui.session.session import Session
from tests.core.test_report_corpus import review_seed_corpus


@pytest.fixture
def dialog(qtbot: QtBot, seeded_db: Database) -> ExportDialog:
    review_seed_corpus(seeded_db)
    dlg = ExportDialog(Session(seeded_db, ":memory:", "t"), [1, 2])
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.waitExposed(dlg)
    return dlg


def _choose(qtbot: QtBot, dlg: ExportDialog, fmt: str) -> None:
    button = dlg.findChild(QRadioButton, f"format-{fmt}")
    assert isinstance(button, QRadioButton)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=QPoint(8, button.height() // 2))
    assert dlg.selected_format() == fmt


def _type(qtbot: QtBot, edit: object, text: str) -> None:
    qtbot.mouseClick(edit, Qt.MouseButton.LeftButton)  # type: ignore[arg-type]
    qtbot.keyClick(edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)  # type: ignore[arg-type]
    qtbot.keyClicks(edit, text)  # type: ignore[arg-type]


def _export(qtbot: QtBot, dlg: ExportDialog) -> str:
    qtbot.mouseClick(dlg.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dlg.is_exporting() and dlg.export_button.isEnabled(),
                    timeout=30_000)  # fmt: skip
    return dlg.status.text()


def test_first_claimreview_export_asks_for_the_publisher(
    qtbot: QtBot, dialog: ExportDialog, tmp_path: Path
) -> None:
    assert not dialog.publisher.isVisible()  # not for the HTML report
    _choose(qtbot, dialog, "claimreview")
    assert dialog.publisher.isVisible()
    assert "no organisation is configured" in dialog.publisher.missing.text()
    out = tmp_path / "reviews.jsonld"
    _type(qtbot, dialog.path_edit, str(out))
    _type(qtbot, dialog.publisher.organisation, "Coastal Fact Desk")
    _type(qtbot, dialog.publisher.site, "factdesk.example")  # not a web address
    assert "must be a web address" in _export(qtbot, dialog)
    assert not out.exists() and config.load().organisation == ""
    _type(qtbot, dialog.publisher.site, "https://factdesk.example/checks/")
    assert _export(qtbot, dialog).startswith("Exported")
    saved = config.load()
    assert (saved.organisation, saved.organisation_url) == (
        "Coastal Fact Desk", "https://factdesk.example/checks/")  # fmt: skip
    reviews = json.loads(out.read_text(encoding="utf-8"))
    assert reviews and all(r["author"]["name"] == "Coastal Fact Desk" for r in reviews)
    assert all(r["url"].startswith("https://factdesk.example/checks") for r in reviews)
    assert not dialog.publisher.isVisible()  # asked once; now configured


def test_claimreview_pages_go_to_a_folder(
    qtbot: QtBot, seeded_db: Database, tmp_path: Path
) -> None:
    config.save(config.Config(organisation="Desk", organisation_url="https://d.example/"))
    review_seed_corpus(seeded_db)
    dialog = ExportDialog(Session(seeded_db, ":memory:", "t"), [1, 2])
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    _choose(qtbot, dialog, "claimreview-html")
    assert not dialog.publisher.isVisible()
    qtbot.mouseClick(dialog.chosen, Qt.MouseButton.LeftButton,
                     pos=QPoint(8, dialog.chosen.height() // 2))  # the chosen articles only
    assert dialog.chosen.isChecked()
    folder = tmp_path / "pages"
    _type(qtbot, dialog.path_edit, str(folder))
    assert _export(qtbot, dialog).startswith("Exported")
    pages = sorted(p.name for p in folder.glob("claim-*.html"))
    assert len(pages) == 2 and (folder / "index.html").exists()  # the judged claims


def test_w3c_can_carry_the_article_text(
    qtbot: QtBot, dialog: ExportDialog, tmp_path: Path
) -> None:
    assert not dialog.embed_text.isVisible()
    _choose(qtbot, dialog, "w3c")
    assert dialog.embed_text.isVisible() and not dialog.embed_text.isChecked()
    qtbot.mouseClick(dialog.embed_text, Qt.MouseButton.LeftButton,
                     pos=QPoint(8, dialog.embed_text.height() // 2))  # fmt: skip
    assert dialog.embed_text.isChecked()
    out = tmp_path / "annotations.jsonld"
    _type(qtbot, dialog.path_edit, str(out))
    assert _export(qtbot, dialog).startswith("Exported")
    data = json.loads(out.read_text(encoding="utf-8"))
    texts = [n for n in data.get("@included", []) if n.get("type") == "Text"]
    report = dialog.report()
    assert report is not None
    assert sorted(n["fc:title"] for n in texts) == sorted(a.info.title for a in report.articles)
    assert all(len(n["value"]) > 100 for n in texts)
