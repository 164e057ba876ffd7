"""Reviewing claims after an article's text changed, with real mouse and keyboard: the
banner and its counts, the "Needs review" filter, confirming an approximately placed
(fuzzy) claim, re-attaching a lost (orphaned) one to a new selection, deleting one,
undo/redo of each, the reader's marker for a lost claim, and a restart."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlite_utils import Database

from factcheck.core.model import Status
from factcheck.store import ops, queries
from factcheck.ui.articles.edit_text_dialog import EditTextDialog
from factcheck.ui.claims.claim_model import FILTERS, ClaimListModel
from factcheck.ui.common.claim_rows import ClaimRow
from factcheck.ui.common.placement_style import NEEDS_REVIEW, placement_label, review_summary
from factcheck.ui.reader.placement_paint import cue_color
from factcheck.ui.session import commands
from factcheck.ui.session.session import Session
from factcheck.ui.shell.main_window import MainWindow
from tests.ui.conftest import (
    REVIEWER,
    WindowFactory,
    choose_menu,
    click_char,
    drag_select,
    point_of,
)

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier

TYPO = ("volunteer rescue workers operating", "volunter rescue workers operating")
FUZZY_QUOTE = "more than 3,000 volunter rescue workers operating in opposition-held areas"
LOST_QUOTE = "They dig for survivors using tools and their bare hands."
EXACT_QUOTE = "a former electronics trader"
OTHER_QUOTE = "Oscar-winning 2016 Netflix documentary"
REATTACH_TO = "They evacuate the injured"


@dataclass
class Review:
    window: MainWindow
    fuzzy: int
    lost: int
    exact: int
    other: int

    @property
    def db(self) -> Database:
        assert self.window.session is not None
        return self.window.session.db


def _mark(window: MainWindow, quote: str) -> int:
    assert window.session is not None and window.article is not None
    start = window.article.text.index(quote)
    cid = window.session.mark(window.article.id, start, start + len(quote))
    assert cid is not None
    return cid


def _edit_text_in_dialog(qtbot: QtBot, window: MainWindow, new_text: str) -> None:
    """Edit ▸ Edit Article Text…, put ``new_text`` in, Preview, Save, Close (clicks)."""
    done: list[bool] = []

    def drive() -> None:
        qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), EditTextDialog))
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, EditTextDialog)
        dialog.editor.setPlainText(new_text)
        qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        assert dialog.result_revision is not None
        qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
        done.append(True)

    choose_menu(qtbot, window, "Edit", "Edit Article Text", during=drive)
    assert done == [True]


def _reviewed(make_window: WindowFactory, qtbot: QtBot) -> Review:
    """Article 1 with a typo in it, four claims (one over the typo), then an edit in the
    window's dialog that fixes the typo (that claim becomes fuzzy) and deletes a
    sentence (that claim is lost)."""
    window = make_window()
    assert window.session is not None and window.article is not None
    text = window.article.text
    ops.create_revision(window.session.db, 1, text.replace(*TYPO), REVIEWER)
    window.reload_after_outside_edit(1)
    ids = [_mark(window, q) for q in (FUZZY_QUOTE, LOST_QUOTE, EXACT_QUOTE, OTHER_QUOTE)]
    window.session.set_status(ids[1], Status.INCONCLUSIVE)
    window.session.set_status(ids[0], Status.CORROBORATED)
    window.select_claim(None)
    _edit_text_in_dialog(qtbot, window, text.replace(LOST_QUOTE + " ", ""))
    window.activateWindow()  # back from the dialog: window shortcuts need it active
    qtbot.waitUntil(window.isActiveWindow)
    window.reader.setFocus()
    return Review(window, *ids)


def _click_row(qtbot: QtBot, window: MainWindow, claim_id: int) -> None:
    view = window.claim_pane.view
    row = window.claim_pane.model.row_of(claim_id)
    assert row is not None, f"claim {claim_id} is not listed"
    rect = view.visualRect(window.claim_pane.model.index(row, 0))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.selected_claim() == claim_id


def _placement(r: Review, cid: int) -> str:
    return queries.get_claim(r.db, cid).placement


def _listed(window: MainWindow) -> list[int]:
    model = window.claim_pane.model
    return [model.row_at(i).id for i in range(model.rowCount())]  # type: ignore[union-attr]


# --- the banner, the filter, confirming ----------------------------------------------


def test_banner_filter_and_confirming_a_fuzzy_claim(make_window: WindowFactory,
                                                    qtbot: QtBot) -> None:  # fmt: skip
    r = _reviewed(make_window, qtbot)
    w = r.window
    banner = w.reader_pane.banner
    assert (_placement(r, r.fuzzy), _placement(r, r.lost)) == ("fuzzy", "orphaned")
    assert banner.isVisible()
    assert banner.message.text() == ("2 claims need review after the text changed: "
                                     "1 approximate, 1 lost")  # fmt: skip
    assert len(_listed(w)) == 4

    qtbot.mouseClick(banner.show_button, Qt.MouseButton.LeftButton)
    assert w.claim_pane.filters["placement"].currentData() == NEEDS_REVIEW
    assert sorted(_listed(w)) == sorted([r.fuzzy, r.lost])
    assert w.claim_pane.count_label.text() == "2 of 4"
    assert w.selected_claim() == _listed(w)[0]

    _click_row(qtbot, w, r.lost)
    _click_row(qtbot, w, r.fuzzy)
    panel = w.editor.placement
    assert panel.isVisible() and panel.confirm_button.isVisible()
    assert "volunteer" in panel.detail.text() and "volunter" in panel.detail.text()
    assert "Placed approximately" in panel.heading.text()
    row = w.claim_pane.model.row_of(r.fuzzy)
    assert row is not None and w.claim_pane.model.index(row, 3).data().startswith("≈")

    qtbot.mouseClick(panel.confirm_button, Qt.MouseButton.LeftButton)
    claim = queries.get_claim(r.db, r.fuzzy)
    assert claim.placement == "exact" and claim.original_quote == ""
    assert claim.quote == FUZZY_QUOTE.replace(TYPO[1], TYPO[0])  # the corrected text
    assert banner.message.text() == "1 claim needs review after the text changed: 1 lost"
    assert _listed(w) == [r.lost]  # the filter now hides the confirmed claim
    assert not panel.isVisible()  # the claim is still selected, and exact

    qtbot.keyClick(w.reader, Qt.Key.Key_Z, CTRL)
    claim = queries.get_claim(r.db, r.fuzzy)
    assert claim.placement == "fuzzy" and claim.original_quote == FUZZY_QUOTE
    assert banner.message.text().startswith("2 claims need review")
    assert w.selected_claim() == r.fuzzy and panel.confirm_button.isVisible()
    qtbot.keyClick(w.reader, Qt.Key.Key_Z, CTRL | SHIFT)
    assert _placement(r, r.fuzzy) == "exact"
    assert banner.message.text().startswith("1 claim needs review")
    actions = [h.action for h in queries.history_for_claim(r.db, r.fuzzy)]
    assert actions[-3:] == ["confirm placement", "restore placement", "confirm placement"]


def test_ctrl_return_confirms_and_is_only_enabled_for_a_fuzzy_claim(
    make_window: WindowFactory, qtbot: QtBot
) -> None:
    r = _reviewed(make_window, qtbot)
    w = r.window
    action = w.actions_by_key["confirm_placement"]
    _click_row(qtbot, w, r.exact)
    assert not action.isEnabled()
    _click_row(qtbot, w, r.lost)
    assert not action.isEnabled()
    _click_row(qtbot, w, r.fuzzy)
    assert action.isEnabled()
    w.reader.setFocus()
    qtbot.keyClick(w.reader, Qt.Key.Key_Return, CTRL)
    assert _placement(r, r.fuzzy) == "exact"
    assert not action.isEnabled()


# --- re-attaching and deleting a lost claim ------------------------------------------


def test_reattaching_a_lost_claim_to_a_selection(make_window: WindowFactory,
                                                 qtbot: QtBot) -> None:  # fmt: skip
    r = _reviewed(make_window, qtbot)
    w = r.window
    before = queries.get_claim(r.db, r.lost)
    assert before.end - before.start == 1 and before.quote == LOST_QUOTE
    qtbot.mouseClick(w.reader_pane.banner.show_button, Qt.MouseButton.LeftButton)
    _click_row(qtbot, w, r.lost)
    panel = w.editor.placement
    assert panel.isVisible() and panel.delete_button.isVisible()
    assert not panel.confirm_button.isVisible()
    assert LOST_QUOTE in panel.detail.text()
    assert not panel.reattach_button.isEnabled()  # nothing selected in the article yet
    assert not w.actions_by_key["reattach_claim"].isEnabled()

    text = w.article.text  # type: ignore[union-attr]
    start = text.index(REATTACH_TO)
    drag_select(qtbot, w.reader, start + 2, start + len(REATTACH_TO) - 3)  # mid-word
    assert w.selected_claim() == r.lost  # selecting text does not change the claim
    assert panel.reattach_button.isEnabled()
    qtbot.mouseClick(panel.reattach_button, Qt.MouseButton.LeftButton)

    claim = queries.get_claim(r.db, r.lost)
    assert (claim.start, claim.end) == (start, start + len(REATTACH_TO))  # snapped to words
    assert claim.quote == REATTACH_TO and claim.placement == "exact"
    assert claim.status is Status.INCONCLUSIVE  # the verdict stays
    assert w.reader.selection_cp() is None
    span = w.reader._index.get(r.lost)
    assert span is not None and span.drawn
    assert (span.start, span.end) == (start, start + len(REATTACH_TO))
    # highlighted there (and only there)
    inconclusive = w.reader._colors.background("inconclusive", 1)
    assert w.reader.highlight_at(start) == inconclusive
    assert w.reader.highlight_at(start + len(REATTACH_TO) - 1) == inconclusive
    assert w.reader.highlight_at(start + len(REATTACH_TO)) != inconclusive
    assert w.reader_pane.banner.message.text() == (
        "1 claim needs review after the text changed: 1 approximate")

    qtbot.keyClick(w.reader, Qt.Key.Key_Z, CTRL)
    claim = queries.get_claim(r.db, r.lost)
    assert (claim.placement, claim.quote) == ("orphaned", LOST_QUOTE)
    assert (claim.start, claim.end) == (before.start, before.end)
    span = w.reader._index.get(r.lost)
    assert span is not None and not span.drawn
    assert w.reader_pane.banner.message.text().startswith("2 claims need review")
    qtbot.keyClick(w.reader, Qt.Key.Key_Z, CTRL | SHIFT)
    assert queries.get_claim(r.db, r.lost).quote == REATTACH_TO


def test_alt_keeps_the_exact_selection_when_reattaching(make_window: WindowFactory,
                                                        qtbot: QtBot) -> None:  # fmt: skip
    r = _reviewed(make_window, qtbot)
    w = r.window
    start = w.article.text.index(REATTACH_TO)  # type: ignore[union-attr]
    _click_row(qtbot, w, r.exact)  # a claim with nothing to review is not moved by Ctrl+R
    drag_select(qtbot, w.reader, start + 2, start + 9)
    assert not w.actions_by_key["reattach_claim"].isEnabled()
    qtbot.keyClick(w.reader, Qt.Key.Key_R, CTRL)
    assert queries.get_claim(r.db, r.exact).quote == EXACT_QUOTE
    _click_row(qtbot, w, r.lost)
    assert w.actions_by_key["reattach_claim"].isEnabled()
    qtbot.keyClick(w.reader, Qt.Key.Key_R, CTRL | Qt.KeyboardModifier.AltModifier)
    claim = queries.get_claim(r.db, r.lost)
    assert (claim.start, claim.end, claim.placement) == (start + 2, start + 9, "exact")


def test_deleting_a_lost_claim_with_the_delete_key(make_window: WindowFactory,
                                                   qtbot: QtBot) -> None:  # fmt: skip
    r = _reviewed(make_window, qtbot)
    w = r.window
    _click_row(qtbot, w, r.lost)
    w.reader.setFocus()
    qtbot.keyClick(w.reader, Qt.Key.Key_Delete)
    assert not queries.claim_exists(r.db, r.lost)
    assert r.lost not in w.reader.claim_ids() and w.claim_pane.model.get(r.lost) is None
    assert w.reader_pane.banner.message.text().startswith("1 claim needs review")
    qtbot.keyClick(w.reader, Qt.Key.Key_Z, CTRL)
    claim = queries.get_claim(r.db, r.lost)
    assert (claim.placement, claim.quote) == ("orphaned", LOST_QUOTE)
    assert w.reader_pane.banner.message.text().startswith("2 claims need review")
    # the editor's own button deletes too; with the fuzzy one confirmed, the bar goes
    _click_row(qtbot, w, r.lost)
    qtbot.mouseClick(w.editor.placement.delete_button, Qt.MouseButton.LeftButton)
    assert not queries.claim_exists(r.db, r.lost)
    _click_row(qtbot, w, r.fuzzy)
    qtbot.mouseClick(w.editor.placement.confirm_button, Qt.MouseButton.LeftButton)
    assert not w.reader_pane.banner.isVisible()
    assert queries.claims_needing_review(r.db, 1) == []


# --- the reader ------------------------------------------------------------------------


def _has_colour_near(image_point: QPoint, window: MainWindow, color: QColor) -> bool:
    """Whether the reader shows ``color`` within a few pixels of ``image_point``."""
    image = window.reader.viewport().grab().toImage()
    for dx in range(-4, 5):
        for dy in range(-14, 14):
            x, y = image_point.x() + dx, image_point.y() + dy
            if 0 <= x < image.width() and 0 <= y < image.height():
                c = image.pixelColor(x, y)
                near = (abs(c.red() - color.red()) + abs(c.green() - color.green())
                        + abs(c.blue() - color.blue())) < 40  # fmt: skip
                if near and c.hsvSaturation() > 50:  # not grey anti-aliased text
                    return True
    return False


def test_a_lost_claim_is_a_marker_not_a_highlight(make_window: WindowFactory,
                                                  qtbot: QtBot) -> None:  # fmt: skip
    r = _reviewed(make_window, qtbot)
    w = r.window
    claim = queries.get_claim(r.db, r.lost)
    reader = w.reader
    reader.scroll_to_cp(claim.start)
    reader.viewport().repaint()
    assert reader.highlight_at(claim.start) is None  # no highlight of its own
    point = point_of(reader, claim.start)
    left = QPoint(point.x() - 3, point.y())
    assert _has_colour_near(left, w, cue_color("inconclusive", reader._colors.dark))
    # hovering says what was lost; a click on the marker selects the claim
    assert "Lost after the text changed: “They dig" in w.describe_claims([r.lost])
    click_char(reader, claim.start)
    assert w.selected_claim() == r.lost and w.editor.placement.isVisible()
    # the fuzzy claim stays highlighted, with a dashed underline in its verdict's colour
    fuzzy = queries.get_claim(r.db, r.fuzzy)
    assert reader._index.get(r.fuzzy).drawn  # type: ignore[union-attr]
    reader.scroll_to_cp(fuzzy.start)
    under = point_of(reader, fuzzy.start + 8)
    under = QPoint(under.x(), under.y() + reader.cursorRect().height() // 2)
    assert _has_colour_near(under, w, cue_color("corroborated", reader._colors.dark))
    assert "≈ Placed approximately" in w.describe_claims([r.fuzzy])


# --- survives a restart; the banner can be hidden -------------------------------------


def test_review_state_survives_a_restart(make_window: WindowFactory, qtbot: QtBot) -> None:
    r = _reviewed(make_window, qtbot)
    w = r.window
    _click_row(qtbot, w, r.exact)
    assert w.session is not None
    path = w.session.path
    w.close()
    again = make_window(path)
    assert again.article is not None and again.article.id == 1
    banner = again.reader_pane.banner
    assert banner.isVisible() and banner.message.text().endswith("1 approximate, 1 lost")
    model = again.claim_pane.model
    labels = {cid: model.index(model.row_of(cid), 3).data()  # type: ignore[arg-type]
              for cid in (r.fuzzy, r.lost, r.exact)}  # fmt: skip
    assert labels[r.lost] == "lost" and labels[r.exact] == ""
    assert labels[r.fuzzy].startswith("≈ 0.")
    lost_row = model.get(r.lost)
    assert lost_row is not None and lost_row.quote == LOST_QUOTE  # not the marker character
    assert not again.reader._index.get(r.lost).drawn  # type: ignore[union-attr]
    _click_row(qtbot, again, r.fuzzy)
    qtbot.mouseClick(again.editor.placement.confirm_button, Qt.MouseButton.LeftButton)
    again.close()
    third = make_window(path)
    assert third.reader_pane.banner.message.text().endswith("1 lost")


def test_hiding_the_banner_until_more_claims_need_review(make_window: WindowFactory,
                                                        qtbot: QtBot) -> None:  # fmt: skip
    r = _reviewed(make_window, qtbot)
    w = r.window
    banner = w.reader_pane.banner
    qtbot.mouseClick(banner.close_button, Qt.MouseButton.LeftButton)
    assert not banner.isVisible()
    _click_row(qtbot, w, r.fuzzy)
    qtbot.keyClick(w.reader, Qt.Key.Key_Return, CTRL)  # fewer waiting: stays hidden
    assert not banner.isVisible() and banner.waiting() == 1
    qtbot.keyClick(w.reader, Qt.Key.Key_Z, CTRL)  # more again: shown
    assert banner.isVisible() and banner.waiting() == 2
    # The View menu command does what the hidden banner's button did.
    assert w.claim_pane.filters["placement"].currentData() != NEEDS_REVIEW
    choose_menu(qtbot, w, "View", "Claims Needing Review")
    assert w.claim_pane.filters["placement"].currentData() == NEEDS_REVIEW
    assert sorted(_listed(w)) == sorted([r.fuzzy, r.lost])
    assert w.selected_claim() == _listed(w)[0]
    w.reader.setFocus()
    qtbot.keyClick(w.reader, Qt.Key.Key_PageDown, CTRL)
    assert w.article is not None and w.article.id == 2
    assert not banner.isVisible()  # article 2 has nothing to review
    choose_menu(qtbot, w, "View", "Claims Needing Review")
    assert w.claim_pane.model.rowCount() == 0
    assert w.statusBar().currentMessage() == "No claims of this article need review"


# --- models and commands without the window -----------------------------------------


def test_placement_column_and_filter() -> None:
    model = ClaimListModel()
    model.set_rows([
        ClaimRow(1, 0, 10, "unverified", (), "a", "exact", 1.0),
        ClaimRow(2, 20, 21, "contradicted", (), "lost words", "orphaned", 0.0),
        ClaimRow(3, 30, 40, "unverified", (), "b", "fuzzy", 0.8234),
        ClaimRow(4, 50, 60, "unverified", (), "c", "moved", 1.0),
    ])  # fmt: skip
    assert [model.index(i, 3).data() for i in range(4)] == ["", "lost", "≈ 0.82", ""]
    assert "needs review" in model.index(1, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert model.placement_counts() == {"exact": 1, "moved": 1, "fuzzy": 1, "orphaned": 1}
    choices = dict(next(f for f in FILTERS if f.key == "placement").choices([]))
    assert choices[NEEDS_REVIEW] == "Needs review"
    model.set_filter("placement", NEEDS_REVIEW)
    assert [model.row_at(i).id for i in range(model.rowCount())] == [2, 3]  # type: ignore[union-attr]
    model.set_filter("placement", "orphaned")
    assert model.rowCount() == 1
    assert placement_label("fuzzy", 0.5) == "≈ 0.50"
    assert review_summary({"fuzzy": 0, "orphaned": 0}) == ""
    assert review_summary({"fuzzy": 2}) == ("2 claims need review after the text changed: "
                                            "2 approximate")  # fmt: skip


def _claims_table(session: Session) -> list[tuple[object, ...]]:
    cols = [c[1] for c in session.db.execute("PRAGMA table_info(claims)").fetchall()
            if c[1] != "updated_at"]  # fmt: skip
    quoted = ", ".join(f'"{c}"' for c in cols)
    return session.db.execute(f"SELECT {quoted} FROM claims ORDER BY id").fetchall()


@pytest.mark.parametrize("kind", ["confirm", "reattach"])
def test_placement_commands_undo_and_redo_exactly(tmp_path: Path, kind: str) -> None:
    session = Session.open(tmp_path / "p.db", "Tess", seed=True)
    try:
        text = queries.get_article(session.db, 1).text
        start = text.index(EXACT_QUOTE)
        fuzzy = session.mark(1, start, start + len(EXACT_QUOTE))
        assert fuzzy is not None
        ops.create_revision(session.db, 1, text.replace("electronics", "electronic"), "Tess")
        assert queries.get_claim(session.db, fuzzy).placement == "fuzzy"
        session.undo_stack.clear()
        before = _claims_table(session)
        new_text = queries.get_article(session.db, 1).text
        if kind == "confirm":
            command: commands.OpCommand = commands.ConfirmPlacement(session, fuzzy)
        else:
            at = new_text.index("Raed al Saleh")
            command = commands.ReattachClaim(session, fuzzy, at, at + len("Raed al Saleh"))
        assert session.run(command) is not None
        after = _claims_table(session)
        assert after != before and queries.get_claim(session.db, fuzzy).placement == "exact"
        for _ in range(2):
            session.undo_stack.undo()
            assert _claims_table(session) == before
            session.undo_stack.redo()
            assert _claims_table(session) == after
    finally:
        session.close()


def test_confirming_a_lost_claim_is_refused_with_a_message(tmp_path: Path) -> None:
    session = Session.open(tmp_path / "p.db", "Tess", seed=True)
    messages: list[str] = []
    session.failed.connect(messages.append)
    try:
        text = queries.get_article(session.db, 1).text
        start = text.index(LOST_QUOTE)
        lost = session.mark(1, start, start + len(LOST_QUOTE))
        assert lost is not None
        ops.create_revision(session.db, 1, text.replace(LOST_QUOTE, ""), "Tess")
        session.undo_stack.clear()
        assert session.run(commands.ConfirmPlacement(session, lost)) is None
        assert messages and "orphaned" in messages[0] and session.undo_stack.count() == 0
    finally:
        session.close()
