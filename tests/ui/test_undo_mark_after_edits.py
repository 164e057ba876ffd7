"""Undoing a mark after this window's own later edits were undone (it used to be
refused as "changed elsewhere" whenever a millisecond had passed), and still refused
when someone else changed the claim meanwhile — all by key presses."""

from __future__ import annotations

import itertools
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from factcheck.core.model import Status
from factcheck.store import ops, queries
from factcheck.store.project import connect
from factcheck.ui.session.session import Session
from factcheck.ui.shell.main_window import MainWindow
from tests.ui.conftest import WindowFactory

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


@pytest.fixture(autouse=True)
def ticking_clock(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Every stamp a new millisecond, as between a person's key presses (the failure
    this guards against needed time to pass between the mark and the verdict)."""
    ticks = itertools.count()

    def now() -> str:
        n = next(ticks)
        return f"2026-01-01T00:{n // 60000 % 60:02d}:{n // 1000 % 60:02d}.{n % 1000:03d}Z"

    monkeypatch.setattr(ops.claims, "now", now)
    yield


def _mark_first_words(window: MainWindow, qtbot: QtBot) -> int:
    """Select the article's first two words with the keyboard and press Ctrl+M."""
    assert window.session is not None and window.article is not None
    window.reader.setFocus()
    qtbot.keyClick(window.reader, Qt.Key.Key_Home, CTRL)
    qtbot.keyClick(window.reader, Qt.Key.Key_Right, CTRL | SHIFT)
    qtbot.keyClick(window.reader, Qt.Key.Key_Right, CTRL | SHIFT)
    before = {c.id for c in queries.claims_for_article(window.session.db, window.article.id)}
    qtbot.keyClick(window.reader, Qt.Key.Key_M, CTRL)
    after = {c.id for c in queries.claims_for_article(window.session.db, window.article.id)}
    (claim_id,) = after - before
    return claim_id


def _undo(window: MainWindow, qtbot: QtBot) -> None:
    qtbot.keyClick(window.reader, Qt.Key.Key_Z, CTRL)


def _window_telling(make_window: WindowFactory) -> tuple[MainWindow, Session, list[str]]:
    """A window, its session, and the refusals it tells the reviewer."""
    window = make_window()
    session = window.session
    assert session is not None
    messages: list[str] = []
    session.failed.connect(messages.append)
    return window, session, messages


def _note_from_elsewhere(session: Session, claim_id: int, note: str) -> None:
    """Another program (the command line, say) writes a note on the claim."""
    other = connect(session.path)
    try:
        ops.set_note(other, claim_id, note, "cli")
    finally:
        other.close()


def test_a_mark_is_undone_after_its_verdict_was_given_and_undone(
    make_window: WindowFactory, qtbot: QtBot
) -> None:
    window, session, messages = _window_telling(make_window)
    claim_id = _mark_first_words(window, qtbot)
    qtbot.keyClick(window.reader, Qt.Key.Key_2, CTRL)  # contradicted
    qtbot.keyClick(window.reader, Qt.Key.Key_T, CTRL)
    qtbot.keyClicks(window.editor.tag_input, "headline")
    qtbot.keyClick(window.editor.tag_input, Qt.Key.Key_Return)
    window.reader.setFocus()
    assert queries.get_claim(session.db, claim_id).tags == ("headline",)
    _undo(window, qtbot)  # the tag
    _undo(window, qtbot)  # the verdict
    assert queries.get_claim(session.db, claim_id).status is Status.UNVERIFIED
    _undo(window, qtbot)  # the mark
    assert not queries.claim_exists(session.db, claim_id)
    assert messages == []
    # Redo brings it all back, in order, and undo takes it away again.
    for _ in range(3):
        qtbot.keyClick(window.reader, Qt.Key.Key_Z, CTRL | SHIFT)
    claim = queries.get_claim(session.db, claim_id)
    assert (claim.status, claim.tags) == (Status.CONTRADICTED, ("headline",))
    for _ in range(3):
        _undo(window, qtbot)
    assert not queries.claim_exists(session.db, claim_id)
    assert messages == []


def test_a_mark_is_not_undone_over_another_programs_edit(
    make_window: WindowFactory, qtbot: QtBot
) -> None:
    window, session, messages = _window_telling(make_window)
    claim_id = _mark_first_words(window, qtbot)
    qtbot.keyClick(window.reader, Qt.Key.Key_1, CTRL)
    _undo(window, qtbot)  # the verdict: this window's own, undone
    _note_from_elsewhere(session, claim_id, "checked against the 2016 annual report")
    _undo(window, qtbot)  # the mark: refused, the note stays
    assert queries.get_claim(session.db, claim_id).note == (
        "checked against the 2016 annual report"
    )
    assert len(messages) == 1 and "changed elsewhere" in messages[0]


def test_a_claim_changed_elsewhere_then_edited_here_is_still_protected(
    make_window: WindowFactory, qtbot: QtBot
) -> None:
    """Another program's note, then this window's verdict and its undo: the window
    cannot vouch for the claim any more, so undoing the mark is refused."""
    window, session, messages = _window_telling(make_window)
    claim_id = _mark_first_words(window, qtbot)
    _note_from_elsewhere(session, claim_id, "a note from elsewhere")
    qtbot.keyClick(window.reader, Qt.Key.Key_1, CTRL)
    _undo(window, qtbot)  # the verdict
    _undo(window, qtbot)  # the mark: refused
    assert queries.get_claim(session.db, claim_id).note == "a note from elsewhere"
    assert len(messages) == 1 and "changed elsewhere" in messages[0]
