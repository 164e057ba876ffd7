"""Suggested claims in the window, with real keys and clicks: shown on demand, stepped
through, accepted with the claimant filled in, rejected for good (and undone); the
claimant edited in the claim editor; a claim marked once, found in other articles."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from factcheck.store import queries
from factcheck.ui.shell.main_window import MainWindow
from tests.ui.conftest import WindowFactory, after_the_frame, click_char, drag_select

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
ALT = Qt.KeyboardModifier.AltModifier


def _open_first(window: MainWindow, qtbot: QtBot) -> None:
    """Show the sample whose first suggestion is "The group says…" (article 1)."""
    window.open_article(1)
    assert window.article is not None and window.article.id == 1
    window.reader.setFocus()


def _suggestions_shown(window: MainWindow, qtbot: QtBot) -> None:
    qtbot.keyClick(window.reader, Qt.Key.Key_G, CTRL | SHIFT)
    qtbot.waitUntil(lambda: window.reader.suggestion_underlines() != [], timeout=20_000)


def test_suggestions_are_stepped_through_and_accepted_with_the_claimant(
    make_window: WindowFactory, qtbot: QtBot
) -> None:
    window = make_window()
    _open_first(window, qtbot)
    assert window.reader.suggestion_underlines() == []  # off until asked for
    _suggestions_shown(window, qtbot)
    qtbot.keyClick(window.reader, Qt.Key.Key_F8, ALT)
    assert "Suggestion 1 of" in window.statusBar().currentMessage()
    assert window.article is not None and window.session is not None
    selected = window.reader.selection_cp()
    assert selected is not None
    text = window.article.text
    assert text[selected[0] : selected[1]] == "The group says it has saved more than 99,000 lives."
    qtbot.keyClick(window.reader, Qt.Key.Key_M, CTRL | SHIFT)
    (claim,) = queries.claims_for_article(window.session.db, 1)
    assert claim.quote == "The group says it has saved more than 99,000 lives."
    assert claim.claimant == "White Helmets"
    # the accepted sentence is no longer suggested
    assert (selected[0], selected[1]) not in window.reader.suggestion_underlines()
    # the claimant is editable in the claim editor
    window.select_claim(claim.id)
    field = window.editor.claimant
    qtbot.mouseClick(field, Qt.MouseButton.LeftButton)
    field.selectAll()
    qtbot.keyClicks(field, "Syria Civil Defence")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert queries.get_claim(window.session.db, claim.id).claimant == "Syria Civil Defence"


def test_a_clicked_suggestion_is_rejected_for_good_and_undone(
    make_window: WindowFactory, qtbot: QtBot, project_path: Path
) -> None:
    window = make_window()
    _open_first(window, qtbot)
    _suggestions_shown(window, qtbot)
    assert window.article is not None and window.session is not None
    second = window.suggest_ctl.items[1]
    click_char(window.reader, second.start + 3)  # a click on its dashed underline
    assert window.suggest_ctl.chosen() == second
    assert "Ctrl+Shift+K rejects" in window.statusBar().currentMessage()
    qtbot.keyClick(window.reader, Qt.Key.Key_K, CTRL | SHIFT)
    assert second not in window.suggest_ctl.items
    qtbot.keyClick(window.reader, Qt.Key.Key_Z, CTRL)
    assert second in window.suggest_ctl.items
    qtbot.keyClick(window.reader, Qt.Key.Key_Z, CTRL | SHIFT)  # redo: rejected again
    assert second not in window.suggest_ctl.items
    window.close()
    again = make_window(project_path)
    again.open_article(1)
    # shown again without asking (the window remembers), and the rejection is remembered
    # in the project
    qtbot.waitUntil(lambda: again.reader.suggestion_underlines() != [], timeout=20_000)
    assert again.suggest_ctl.items and second not in again.suggest_ctl.items


def test_a_marked_figure_is_offered_and_marked_in_the_other_articles(
    make_window: WindowFactory, qtbot: QtBot
) -> None:
    window = make_window()
    _open_first(window, qtbot)
    assert window.article is not None and window.session is not None
    start = window.article.text.index("more than 99,000")
    drag_select(qtbot, window.reader, start, start + len("more than 99,000"))
    qtbot.keyClick(window.reader, Qt.Key.Key_M, CTRL)
    after_the_frame(window)  # the offer comes right after the frame showing the claim
    assert "This appears in 4 other articles" in window.statusBar().currentMessage()
    qtbot.keyClick(window.reader, Qt.Key.Key_E, CTRL | SHIFT)
    claims = queries.all_claims(window.session.db)
    assert len(claims) == 5 and len({c.article_id for c in claims}) == 5
    qtbot.keyClick(window.reader, Qt.Key.Key_Z, CTRL)  # one step takes all four back
    assert len(queries.all_claims(window.session.db)) == 1


def test_the_offer_after_a_mark_leaves_a_long_queued_article_for_later(
    make_window: WindowFactory, qtbot: QtBot
) -> None:
    """The offer after each mark finds queued figures first only when little text waits:
    one long article just imported is not read on the spot (it would freeze the window
    for seconds), while Mark Everywhere, asked for, reads it."""
    from factcheck.core.model import ArticleDraft
    from factcheck.store import figure_queue, ops

    window = make_window()
    assert window.session is not None
    db = window.session.db
    long_text = "Rescuers say they have saved more than 99,000 lives since 2013.\n" * 2000
    (made,), _ = ops.import_articles(
        db, [ArticleDraft(title="A long one", text=long_text, published="2018-01-01")], "test"
    )
    assert figure_queue.pending_size(db) > 100_000
    _open_first(window, qtbot)
    assert window.article is not None
    start = window.article.text.index("more than 99,000")
    drag_select(qtbot, window.reader, start, start + len("more than 99,000"))
    qtbot.keyClick(window.reader, Qt.Key.Key_M, CTRL)
    after_the_frame(window)
    assert len(queries.claims_for_article(db, 1)) == 1
    assert figure_queue.is_pending(db, made.article_id)  # left for the board or an explicit ask
    qtbot.keyClick(window.reader, Qt.Key.Key_E, CTRL | SHIFT)
    assert not figure_queue.is_pending(db, made.article_id)


def test_the_offer_after_a_mark_reads_a_few_short_queued_articles_first(
    make_window: WindowFactory, qtbot: QtBot
) -> None:
    """A short article just imported is read before the offer, so it is counted; past
    fifty queued articles nothing is read on the spot, however short."""
    from factcheck.core.model import ArticleDraft
    from factcheck.store import figure_queue, ops

    window = make_window()
    assert window.session is not None
    db = window.session.db
    text = "The White Helmets say the group has saved more than 99,000 lives since 2013."
    (short,), _ = ops.import_articles(
        db, [ArticleDraft(title="A short one", text=text, published="2018-01-01")], "test"
    )
    _open_first(window, qtbot)
    assert window.article is not None
    start = window.article.text.index("more than 99,000")
    drag_select(qtbot, window.reader, start, start + len("more than 99,000"))
    qtbot.keyClick(window.reader, Qt.Key.Key_M, CTRL)
    after_the_frame(window)
    assert not figure_queue.is_pending(db, short.article_id)
    assert "This appears in 5 other articles" in window.statusBar().currentMessage()
    qtbot.keyClick(window.reader, Qt.Key.Key_Z, CTRL)  # the mark taken back
    many, _ = ops.import_articles(db, [
        ArticleDraft(title=f"Brief {i}", text=f"Brief {i}: the group has saved {i} lives.")
        for i in range(51)], "test")  # fmt: skip
    drag_select(qtbot, window.reader, start, start + len("more than 99,000"))
    qtbot.keyClick(window.reader, Qt.Key.Key_M, CTRL)
    after_the_frame(window)
    assert all(figure_queue.is_pending(db, m.article_id) for m in many)
