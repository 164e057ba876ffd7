"""One model of the open article (``OpenArticle``) that the reader and the claim list both
observe, and the review controller that fills it: an edit made with the keyboard reaches
both views through the model, never one without the other; the claim commands are enabled
exactly while a claim is selected, however it was selected."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from factcheck.core.model import Article
from factcheck.ui.claims.claim_model import ClaimListModel
from factcheck.ui.common.claim_rows import ClaimRow
from factcheck.ui.reader.reader import ReaderView
from factcheck.ui.session.open_article import OpenArticle
from factcheck.ui.shell.main_window import MainWindow
from tests.ui.conftest import WindowFactory, click_char, drag_select

CTRL = Qt.KeyboardModifier.ControlModifier
CLAIM_COMMANDS = ("delete_claim", "link_claim", "add_source", "add_tag", "corroborated")
PHRASE = "volunteer rescue workers"


def _views(window: MainWindow) -> tuple[list[int], list[int], list[int]]:
    """The claim ids the model holds, the reader paints and the claim list shows."""
    listed = window.claim_pane.model
    shown = [row.id for i in range(listed.rowCount()) if (row := listed.row_at(i))]
    return [r.id for r in window.article_model.rows()], window.reader.claim_ids(), shown


def _enabled(window: MainWindow) -> dict[str, bool]:
    return {k: window.actions_by_key[k].isEnabled() for k in CLAIM_COMMANDS}


def _mark(window: MainWindow, qtbot: QtBot, phrase: str) -> int:
    start = window.article_model.text.find(phrase)
    assert start >= 0, phrase
    drag_select(qtbot, window.reader, start, start + len(phrase))
    qtbot.keyClick(window.reader, Qt.Key.Key_M, CTRL)
    cid = window.article_model.selected
    assert cid is not None
    return cid


def test_an_edit_reaches_the_reader_and_the_list_through_the_one_model(
    make_window: WindowFactory, qtbot: QtBot
) -> None:
    window = make_window()
    model = window.article_model
    assert model.rows() == []
    start = model.text.find(PHRASE)
    cid = _mark(window, qtbot, PHRASE)  # drag, Ctrl+M
    row = model.get(cid)
    assert row is not None and (row.start, row.end, row.quote) == (start, start + len(PHRASE),
                                                                   PHRASE)  # fmt: skip
    assert _views(window) == ([cid], [cid], [cid])
    assert window.reader.selected_claim() == window.claim_pane.selected_claim() == cid
    before = window.reader.highlight_at(start)
    assert before is not None

    qtbot.keyClick(window.reader, Qt.Key.Key_1, CTRL)  # corroborated
    assert model.get(cid).status == "corroborated"  # type: ignore[union-attr]
    listed = window.claim_pane.model.row_at(0)
    assert listed is not None and listed.status == "corroborated"
    assert window.reader.highlight_at(start) not in (None, before)  # repainted green
    assert window.reader_pane.legend.chips["corroborated"].text() == "Corroborated 1"

    qtbot.keyClick(window.reader, Qt.Key.Key_Delete)
    assert _views(window) == ([], [], [])
    assert model.selected is None and window.editor.claim_id() is None
    assert window.reader.highlight_at(start) is None

    qtbot.keyClick(window.reader, Qt.Key.Key_Z, CTRL)  # undo the deletion
    assert _views(window) == ([cid], [cid], [cid])
    assert window.reader.highlight_at(start) is not None
    assert window.claim_pane.model.row_at(0).status == "corroborated"  # type: ignore[union-attr]


def test_opening_another_article_reloads_both_views_from_the_model(
    make_window: WindowFactory, qtbot: QtBot
) -> None:
    window = make_window()
    first = window.article_model.article_id
    cid = _mark(window, qtbot, PHRASE)
    assert _views(window) == ([cid], [cid], [cid])
    qtbot.keyClick(window.reader, Qt.Key.Key_PageDown, CTRL)  # next article
    assert window.article_model.article_id not in (None, first)
    article = window.article_model.article
    assert article is not None and window.reader_pane.title.text() == article.title
    assert window.reader.text_length() == len(article.text)
    assert _views(window) == ([], [], [])
    qtbot.keyClick(window.reader, Qt.Key.Key_PageUp, CTRL)  # back: its claim again
    assert window.article_model.article_id == first
    assert _views(window) == ([cid], [cid], [cid])
    assert window.article_model.selected is None


def test_claim_commands_are_enabled_while_a_claim_is_selected(
    make_window: WindowFactory, qtbot: QtBot
) -> None:
    window = make_window()
    assert not any(_enabled(window).values())  # nothing selected when an article opens
    cid = _mark(window, qtbot, PHRASE)
    assert all(_enabled(window).values())  # the new claim is selected

    text = window.article_model.text
    plain = text.find("the", text.find(PHRASE) + len(PHRASE) + 20)
    click_char(window.reader, plain)  # a click on text no claim covers
    assert window.article_model.selected is None and window.editor.claim_id() is None
    assert not any(_enabled(window).values())

    click_char(window.reader, text.find(PHRASE) + 3)  # a click on the claim
    assert window.article_model.selected == cid == window.editor.claim_id()
    assert all(_enabled(window).values())

    click_char(window.reader, plain)
    assert not any(_enabled(window).values())
    view = window.claim_pane.view  # a click on the claim's row in the list
    rect = view.visualRect(window.claim_pane.model.index(0, 0))
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                     Qt.KeyboardModifier.NoModifier, rect.center())  # fmt: skip
    assert window.article_model.selected == cid == window.reader.selected_claim()
    assert all(_enabled(window).values())

    qtbot.keyClick(window.reader, Qt.Key.Key_PageDown, CTRL)  # another article: none
    assert window.article_model.selected is None
    assert not any(_enabled(window).values())


def test_a_model_without_a_window_drives_a_reader_and_a_claim_list(
    qtbot: QtBot, qtmodeltester: ModelTester
) -> None:
    """The views only listen: what is applied to the model is what both of them show."""
    text = "Ten people came. Twenty left. Thirty stayed."
    article = Article(7, "Counts", text, "", "", "", "", "hash", "", "")
    model = OpenArticle()
    reader = ReaderView()
    qtbot.addWidget(reader)
    reader.resize(600, 300)
    reader.observe(model)
    listed = ClaimListModel(model)
    model.show(article, [ClaimRow(1, 0, 16, "unverified", quote=text[0:16])])
    assert reader.toPlainText() == text
    assert reader.claim_ids() == [1] and listed.rowCount() == 1

    model.apply([ClaimRow(2, 17, 29, "contradicted", quote=text[17:29])], removed=[1])
    assert reader.claim_ids() == [2] and [listed.row_at(0).id] == [2]  # type: ignore[union-attr]
    assert reader.highlight_at(0) is None and reader.highlight_at(18) is not None
    model.select(2)
    assert reader.selected_claim() == 2
    model.select(1)  # no longer in the article: nothing selected
    assert reader.selected_claim() is None and model.selected is None
    listed.set_filter("status", "contradicted")
    model.upsert(ClaimRow(2, 17, 29, "corroborated", quote=text[17:29]))
    assert listed.rowCount() == 0 and reader.claim_ids() == [2]  # filtered out of the list
    qtmodeltester.check(listed)
