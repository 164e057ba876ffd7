"""File ▸ Sync with Shared Folder and Claim ▸ Curate Disagreements, driven with real
mouse and keyboard events."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction
from pytestqt.qtbot import QtBot
from sqlite_utils import Database

from factcheck.core.model import Status
from factcheck.store import importer, ops, queries
from factcheck.store.project import connect
from factcheck.store.sync.service import export_to
from factcheck.ui.claims.curation_dialog import CurationDialog
from factcheck.ui.session.session import Session
from factcheck.ui.shell.sync_dialog import SyncDialog
from tests.conftest import REPO
from tests.ui.conftest import REVIEWER, WindowFactory, choose_in_combo


def _other_reviewer(tmp_path: Path, shared: Path) -> Database:
    """Ben's copy: the same sample articles (the same global ids), his claim and
    verdict, exported to the shared folder."""
    ben = connect(tmp_path / "ben.factcheck")
    importer.import_paths(ben, [REPO / "seeds"], "ben")
    ops.mark_quote(ben, 1, "White Helmets", "ben", status="contradicted", note="ben's view")
    export_to(ben, shared, "ben")
    return ben


def _type(qtbot: QtBot, widget: object, text: str) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)  # type: ignore[arg-type]
    qtbot.keyClick(widget, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)  # type: ignore[arg-type]
    qtbot.keyClicks(widget, text)  # type: ignore[arg-type]


def test_sync_dialog_sends_gets_and_remembers_the_folder(
    qtbot: QtBot, make_window: WindowFactory, tmp_path: Path
) -> None:
    shared = tmp_path / "shared"
    ben = _other_reviewer(tmp_path, shared)
    window = make_window()
    action = window.findChild(QAction, "action_sync")
    assert isinstance(action, QAction) and action.isEnabled()
    assert window.session is not None
    dialog = SyncDialog(window.session, window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.mouseClick(dialog.pull_button, Qt.MouseButton.LeftButton)
    assert "Choose the shared folder" in dialog.message.text()
    _type(qtbot, dialog.folder, str(shared))
    qtbot.mouseClick(dialog.pull_button, Qt.MouseButton.LeftButton)
    assert "Applied 1 files from ben" in dialog.message.text()
    assert not dialog.progress.isVisible() and dialog.pull_button.isEnabled()
    claims = window.session.all_claims()
    assert [(c.quote, c.status.value) for c in claims] == [("White Helmets", "contradicted")]
    # the window shows what arrived: the article list counts the claim
    assert any(a.claim_count == 1 for a in window.session.articles())
    # an edit here, sent back; ben pulls it
    window.session.set_status(claims[0].id, Status.CORROBORATED)
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert dialog.message.text().startswith("Sent ")
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert "Nothing to send" in dialog.message.text()
    from factcheck.store.sync.service import pull_from

    assert pull_from(ben, shared, "ben").conflicts == 0
    verdicts = {v.reviewer: v.status.value for v in queries.reviewer_verdicts(ben)[1]}
    assert verdicts == {"ben": "contradicted", REVIEWER: "corroborated"}
    dialog.close()
    # the folder is remembered for this project
    again = SyncDialog(window.session, window)
    qtbot.addWidget(again)
    assert again.folder.text() == str(shared)
    # a folder that is not there: said in the dialog, nothing applied
    _type(qtbot, again.folder, str(tmp_path / "nowhere"))
    again.show()
    qtbot.mouseClick(again.pull_button, Qt.MouseButton.LeftButton)
    assert "no such folder" in again.message.text()


@pytest.fixture
def curation(qtbot: QtBot, seeded_db: Database) -> CurationDialog:
    """Two claims the reviewers judged differently, one they agree on."""
    a = ops.mark_quote(seeded_db, 1, "White Helmets", "ana", status="corroborated")
    ops.set_note(seeded_db, a.created_id or 0, "ana: photos", "ana")
    ops.set_status(seeded_db, a.created_id or 0, "contradicted", "ben")
    ops.add_source(seeded_db, a.created_id or 0, "https://example.org/ben", "ben", title="Ben's")
    b = ops.mark_quote(seeded_db, 2, "volunteer", "ana", status="inconclusive")
    ops.set_status(seeded_db, b.created_id or 0, "corroborated", "cy")
    c = ops.mark_quote(seeded_db, 3, "Syria", "ana", status="corroborated")
    ops.set_status(seeded_db, c.created_id or 0, "corroborated", "ben")
    dialog = CurationDialog(Session(seeded_db, ":memory:", "lead"))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def _row_point(dialog: CurationDialog, row: int) -> QPoint:
    return dialog.verdicts.visualItemRect(dialog.verdicts.item(row, 0)).center()  # type: ignore[arg-type]


def test_curation_lists_disagreements_side_by_side(qtbot: QtBot, curation: CurationDialog) -> None:
    assert curation.claims.count() == 2  # the agreed claim is not listed
    assert "White Helmets" in curation.claims.item(0).text()  # type: ignore[union-attr]
    table = curation.verdicts
    rows = {table.item(r, 0).text(): (table.item(r, 1).text(), table.item(r, 2).text(),  # type: ignore[union-attr]
                                      table.item(r, 3).text()) for r in range(table.rowCount())}  # type: ignore[union-attr]  # fmt: skip
    assert rows == {"ana": ("Corroborated", "ana: photos", ""),
                    "ben": ("Contradicted", "", "Ben's")}  # fmt: skip
    # filter by reviewer: cy judged only the second claim
    choose_in_combo(qtbot, curation.reviewer_filter, "cy")
    assert curation.claims.count() == 1 and "volunteer" in curation.claims.item(0).text()  # type: ignore[union-attr]
    choose_in_combo(qtbot, curation.reviewer_filter, "")
    choose_in_combo(qtbot, curation.article_filter, 1)
    assert curation.claims.count() == 1 and "White Helmets" in curation.claims.item(0).text()  # type: ignore[union-attr]


def test_accept_a_verdict_then_undo(qtbot: QtBot, curation: CurationDialog) -> None:
    session = curation.session
    claim_id = curation.current_claim_id()
    assert claim_id is not None
    qtbot.mouseClick(curation.verdicts.viewport(), Qt.MouseButton.LeftButton,
                     pos=_row_point(curation, 1))  # ben  # fmt: skip
    qtbot.mouseClick(curation.accept_button, Qt.MouseButton.LeftButton)
    settled = session.claim(claim_id)
    assert settled is not None
    assert (settled.status.value, settled.adjudicated_by) == ("contradicted", "lead")
    assert curation.claims.count() == 1  # settled: no longer listed
    qtbot.keyClick(curation.claims, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    undone = session.claim(claim_id)
    assert undone is not None and undone.adjudicated_by == ""
    assert curation.claims.count() == 2


def test_write_the_adjudicated_verdict(qtbot: QtBot, curation: CurationDialog) -> None:
    claim_id = curation.current_claim_id()
    assert claim_id is not None
    choose_in_combo(qtbot, curation.status, "inconclusive")
    _type(qtbot, curation.note, "neither source holds")
    qtbot.mouseClick(curation.adjudicate_button, Qt.MouseButton.LeftButton)
    settled = curation.session.claim(claim_id)
    assert settled is not None
    assert settled.status.value == "inconclusive"
    assert settled.adjudication_note == "neither source holds"
    qtbot.mouseClick(curation.undo_button, Qt.MouseButton.LeftButton)
    assert curation.session.claim(claim_id).adjudicated_status == ""  # type: ignore[union-attr]


def test_the_pdf_shows_reviewers_and_agreement(curation: CurationDialog) -> None:
    from factcheck.render.pdf import report_html

    claim_id = curation.current_claim_id()
    assert claim_id is not None
    curation.session.adjudicate(claim_id, Status.CONTRADICTED, "the count")
    printed = report_html(curation.session.gather_report(None))
    assert "Agreement between reviewers" in printed
    assert "adjudicated by</span> lead: Contradicted (the count)" in printed
    assert "not yet adjudicated" in printed  # the other disputed claim


def test_a_note_conflict_from_a_sync_is_resolved_and_undone(
    qtbot: QtBot, tmp_path: Path
) -> None:
    shared = tmp_path / "shared"
    ana = connect(tmp_path / "ana.factcheck")
    importer.import_paths(ana, [REPO / "seeds"], "ana")
    ops.mark_quote(ana, 1, "White Helmets", "ana")
    export_to(ana, shared, "ana")
    ben = connect(tmp_path / "ben.factcheck")
    from factcheck.store.sync.service import pull_from

    pull_from(ben, shared, "ben")
    ops.set_note(ana, 1, "ana's note", "ana")
    ben_claim = queries.all_claims(ben)[0].id
    ops.set_note(ben, ben_claim, "ben's note", "ben")
    export_to(ben, shared, "ben")
    assert pull_from(ana, shared, "ana").conflicts == 1
    dialog = CurationDialog(Session(ana, tmp_path / "ana.factcheck", "ana"))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)  # shortcuts need an active window
    assert dialog.claims.count() == 1 and dialog.conflict_list.count() == 1
    assert "ben's note" in dialog.conflict_list.item(0).text()  # type: ignore[union-attr]
    qtbot.mouseClick(dialog.take_theirs, Qt.MouseButton.LeftButton)
    assert queries.get_claim(ana, 1).note == "ben's note"
    assert queries.conflicts(ana) == [] and dialog.claims.count() == 0
    qtbot.keyClick(dialog.focusWidget() or dialog, Qt.Key.Key_Z,
                   Qt.KeyboardModifier.ControlModifier)  # fmt: skip
    assert queries.get_claim(ana, 1).note == "ana's note"
    assert len(queries.conflicts(ana)) == 1 and dialog.claims.count() == 1
    qtbot.mouseClick(dialog.keep_mine, Qt.MouseButton.LeftButton)
    assert queries.get_claim(ana, 1).note == "ana's note" and queries.conflicts(ana) == []
