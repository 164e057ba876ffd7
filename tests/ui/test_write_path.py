"""The one write path, as a user meets it: the open article replaced by an import, undo
after the text changed, and other writers (a second window, the command line).

Each test reproduces a way edits went around the session's change record and stored a
claim over the wrong words, or overwrote a newer value."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from factcheck.core.model import Status
from factcheck.store import ops, queries
from factcheck.store.project import connect
from factcheck.ui.shell.main_window import MainWindow
from tests.ui.conftest import WindowFactory, drag_select, drop_files
from tests.ui.test_review_placement import _edit_text_in_dialog

CTRL = Qt.KeyboardModifier.ControlModifier
URL = "https://news.example.org/floods"
FIRST = (
    "Floods force thousands from homes\n\nURL: " + URL + "\n\n"
    "Rescue crews worked through the night. About 3,000 people were evacuated on Sunday "
    "after the river burst its banks.\n"
)
# The newer version puts a sentence in front: every later offset shifts.
SECOND = FIRST.replace("Rescue crews", "Officials gave an update today. Rescue crews")
# A version in which the evacuation figure is gone altogether.
THIRD = SECOND.replace("About 3,000 people were evacuated on Sunday", "Many left on Sunday")


def _project(tmp_path: Path) -> tuple[Path, int]:
    path = tmp_path / "floods.db"
    first = tmp_path / "first.txt"
    first.write_text(FIRST, encoding="utf-8")
    db = connect(path)
    from factcheck.store import importer

    report = importer.import_paths(db, [first], "t")
    (result,) = report.results
    assert result.article_id is not None
    db.close()
    return path, result.article_id


def _select_and_mark(qtbot: QtBot, window: MainWindow, phrase: str) -> None:
    assert window.article is not None
    start = window.article.text.index(phrase)
    drag_select(qtbot, window.reader, start, start + len(phrase))
    qtbot.keyClick(window.reader, Qt.Key.Key_M, CTRL)


def _newer(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _drop_newer(qtbot: QtBot, window: MainWindow, path: Path) -> None:
    """Drop a newer version of the open article on the window; wait for the import."""
    drop_files(window, [path])
    qtbot.waitUntil(lambda: "1 updated" in window.statusBar().currentMessage())


def _claims(window: MainWindow, article_id: int) -> list[tuple[str, str]]:
    """(quote, the article's current text at the claim's span) for every claim."""
    assert window.session is not None
    db = window.session.db
    text = queries.get_article(db, article_id).text
    return [(c.quote, text[c.start : c.end]) for c in queries.claims_for_article(db, article_id)]


def test_update_import_of_the_open_article_shows_the_new_text_and_marks_right(
    make_window: WindowFactory, tmp_path: Path, qtbot: QtBot
) -> None:
    path, article = _project(tmp_path)
    window = make_window(path, seed=False)
    assert window.article is not None and window.article.id == article
    _drop_newer(qtbot, window, _newer(tmp_path, "second.txt", SECOND))
    # The reader now shows the new revision, not the old text with old offsets.
    assert window.article is not None
    assert "Officials gave an update today." in window.article.text
    assert window.reader.toPlainText().startswith(window.article.text[:40])
    _select_and_mark(qtbot, window, "Sunday")
    assert _claims(window, article) == [("Sunday", "Sunday")]


def test_undoing_a_delete_after_the_text_moved_puts_the_claim_on_its_own_words(
    make_window: WindowFactory, tmp_path: Path, qtbot: QtBot
) -> None:
    path, article = _project(tmp_path)
    window = make_window(path, seed=False)
    _select_and_mark(qtbot, window, "3,000 people")
    assert _claims(window, article) == [("3,000 people", "3,000 people")]
    qtbot.keyClick(window.reader, Qt.Key.Key_Delete)
    assert _claims(window, article) == []
    _drop_newer(qtbot, window, _newer(tmp_path, "second.txt", SECOND))
    qtbot.keyClick(window.reader, Qt.Key.Key_Z, CTRL)  # undo the delete
    assert _claims(window, article) == [("3,000 people", "3,000 people")]
    assert window.session is not None
    (claim,) = queries.claims_for_article(window.session.db, article)
    assert claim.placement == "moved"  # said as it is: found again, elsewhere
    # and the reader draws it where the words now are
    span = window.reader._index.get(claim.id)
    assert span is not None and (span.start, span.end) == (claim.start, claim.end)


def test_undoing_a_delete_whose_words_are_gone_is_refused_and_said(
    make_window: WindowFactory, tmp_path: Path, qtbot: QtBot
) -> None:
    path, article = _project(tmp_path)
    window = make_window(path, seed=False)
    _select_and_mark(qtbot, window, "3,000 people")
    qtbot.keyClick(window.reader, Qt.Key.Key_Delete)
    _drop_newer(qtbot, window, _newer(tmp_path, "third.txt", THIRD))
    qtbot.keyClick(window.reader, Qt.Key.Key_Z, CTRL)
    assert _claims(window, article) == []  # never put over other words
    assert "no longer in article" in window.statusBar().currentMessage()
    # the refused step left the history; the mark before it can still be undone/redone
    assert window.session is not None
    assert window.session.undo_stack.canUndo()


def test_a_selection_in_text_replaced_meanwhile_is_not_marked(
    make_window: WindowFactory, tmp_path: Path, qtbot: QtBot
) -> None:
    path, article = _project(tmp_path)
    window = make_window(path, seed=False)
    assert window.article is not None
    start = window.article.text.index("Sunday")
    drag_select(qtbot, window.reader, start, start + len("Sunday"))
    _drop_newer(qtbot, window, _newer(tmp_path, "second.txt", SECOND))
    qtbot.keyClick(window.reader, Qt.Key.Key_M, CTRL)
    # The selection belonged to the old text: it is gone, nothing was stored over
    # "e atte" (the words now at those offsets).
    assert _claims(window, article) == []


def test_editing_the_text_is_undoable_and_puts_every_claim_back(
    make_window: WindowFactory, tmp_path: Path, qtbot: QtBot
) -> None:
    path, article = _project(tmp_path)
    window = make_window(path, seed=False)
    _select_and_mark(qtbot, window, "3,000 people")
    _select_and_mark(qtbot, window, "Sunday")
    assert window.session is not None and window.article is not None
    db = window.session.db

    def placed() -> list[tuple[int, int, int, str]]:
        return sorted((c.id, c.start, c.end, c.placement)
                      for c in queries.claims_for_article(db, article))  # fmt: skip

    before, old_text = placed(), window.article.text
    _edit_text_in_dialog(qtbot, window, old_text.replace(
        "About 3,000 people were evacuated on Sunday", "Many left on Sunday"))  # fmt: skip
    assert "orphaned" in {p[3] for p in placed()}  # "3,000 people" is gone from it
    assert window.article is not None and "Many left" in window.reader.toPlainText()
    window.activateWindow()  # back from the dialog (the offscreen platform does not)
    qtbot.waitUntil(window.isActiveWindow)
    window.reader.setFocus()
    qtbot.keyClick(window.reader, Qt.Key.Key_Z, CTRL)  # undo the new text
    assert placed() == before
    assert window.article is not None and window.article.text == old_text
    assert window.reader.toPlainText() == old_text
    assert len(queries.list_revisions(db, article)) == 3  # every revision stays
    qtbot.keyClick(window.reader, Qt.Key.Key_Z, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert "Many left" in window.reader.toPlainText()
    qtbot.keyClick(window.reader, Qt.Key.Key_Z, CTRL)
    assert placed() == before


def test_undo_refuses_to_overwrite_a_verdict_changed_by_another_program(
    make_window: WindowFactory, tmp_path: Path, qtbot: QtBot
) -> None:
    path, article = _project(tmp_path)
    window = make_window(path, seed=False)
    _select_and_mark(qtbot, window, "3,000 people")
    assert window.session is not None
    (claim,) = queries.claims_for_article(window.session.db, article)
    qtbot.keyClick(window.reader, Qt.Key.Key_1, CTRL)  # corroborated
    assert queries.get_claim(window.session.db, claim.id).status is Status.CORROBORATED
    other = connect(path)  # a second window, or the command line
    ops.set_status(other, claim.id, Status.CONTRADICTED, "someone else")
    other.close()
    qtbot.keyClick(window.reader, Qt.Key.Key_Z, CTRL)
    assert queries.get_claim(window.session.db, claim.id).status is Status.CONTRADICTED
    assert "changed elsewhere" in window.statusBar().currentMessage()


def test_the_window_shows_what_the_command_line_changed(
    make_window: WindowFactory, tmp_path: Path, qtbot: QtBot
) -> None:
    path, article = _project(tmp_path)
    window = make_window(path, seed=False)
    row = window.navigator.articles.row_of(article)
    assert row is not None
    subprocess.run(
        [sys.executable, "-m", "factcheck", "mark", str(article), "--db", str(path),
         "--quote", "3,000 people", "--status", "contradicted"],
        check=True, capture_output=True,
    )  # fmt: skip
    # Noticed without any action in the window (the poll of SQLite's data_version).
    qtbot.waitUntil(lambda: window.reader.claim_ids() != [], timeout=10_000)
    assert window.session is not None
    (claim,) = queries.claims_for_article(window.session.db, article)
    assert window.reader.claim_ids() == [claim.id]
    assert window.claim_pane.model.counts()[Status.CONTRADICTED] == 1
