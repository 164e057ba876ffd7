"""A long article opens from its first claims (``placement_rows.FIRST_ROWS``) and reads
the rest right after the first frame, or sooner when something needs them. Whatever
happens in between (a mark, an undo, a redo, a row or a line further down, a change
made elsewhere), the model, the claim list, the reader, the legend and the article
list's counts end up exactly as a window that read every claim at once shows them."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from factcheck.core.model import ArticleDraft, Status
from factcheck.store import ops
from factcheck.ui.session.placement_rows import FIRST_ROWS, with_placements
from factcheck.ui.session.session import Session
from factcheck.ui.shell.main_window import MainWindow
from tests.ui.conftest import WindowFactory, after_the_frame, choose_in_combo, drag_select

CTRL = Qt.KeyboardModifier.ControlModifier
CLAIMS = FIRST_ROWS + 150
STATUSES = list(Status)


def _long_project(path: Path) -> int:
    """A short article, then a long one with more claims than a first read takes, of
    every verdict, some tagged, some naming a claimant; returns the long one's id."""
    words = ("rescue workers said more than people were killed in the northern city "
             "according to officials").split()  # fmt: skip
    paragraphs = [" ".join(words[(i + k) % len(words)] for k in range(40)) + "."
                  for i in range(120)]  # fmt: skip
    text = "\n\n".join(paragraphs)
    session = Session.open(path, "t", seed=False)
    drafts = [ArticleDraft("Short", "A short article about the rescue."),
              ArticleDraft("Long", text)]  # fmt: skip
    imported, _ = ops.import_articles(session.db, drafts, "t")
    article = imported[1].article_id
    step = len(text) // CLAIMS
    # Claimants spelled two ways, the first spelling far down (past the first read).
    names = {FIRST_ROWS + 20: "the Ministry", FIRST_ROWS + 40: "The ministry", 3: "Aid group"}
    specs = [ops.ClaimSpec(article, i * step, i * step + 5 + i % 7, STATUSES[i % 4],
                           ("numbers",) if i % 5 == 0 else (), claimant=names.get(i, ""))
             for i in range(CLAIMS)]  # fmt: skip
    ops.mark_claims(session.db, specs, "t")
    session.close()
    return article


def _rebuilt(window: MainWindow) -> tuple[list[tuple[object, ...]], dict[str, int]]:
    """The open article's claim rows and verdict counts read from scratch."""
    session = window.session
    article = window.article
    assert session is not None and article is not None
    rows = with_placements(session.db, article, session.claim_rows(article))
    counts = dict.fromkeys((s.value for s in Status), 0)
    counts.update(Counter(r.status for r in rows))
    return [tuple(r) for r in rows], counts


def _assert_as_rebuilt(window: MainWindow) -> None:
    rows, counts = _rebuilt(window)
    ids = [r[0] for r in rows]
    listed = window.claim_pane.model
    assert listed.rowCount() == len(rows)
    assert [tuple(r) for r in (listed.row_at(i) for i in range(listed.rowCount())) if r] == rows
    assert [tuple(r) for r in window.article_model.rows()] == rows
    assert window.reader.claim_ids() == ids
    assert window.article_model.counts() == counts
    legend = window.reader_pane.legend.chips
    for status in Status:
        assert legend[status.value].text() == f"{status.label} {counts[status.value]}"
    assert window.claim_pane.count_label.text() == str(len(rows))
    article = window.article
    assert article is not None
    after_the_frame(window)  # the article list's counts follow right after the frame
    row = window.navigator.articles.row_of(article.id)
    assert row is not None
    summary = window.navigator.articles.article_at(row)
    assert summary is not None and summary.counts == counts


class _PaintWatch(QObject):
    def __init__(self, widget: QWidget, order: list[str]) -> None:
        super().__init__(widget)
        self.order = order
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.order.append("painted")
        return False


def _open_with_keys(window: MainWindow, qtbot: QtBot) -> None:
    """Ctrl+PgDown from the short article to the long one: the key is handled before
    any timer runs, so the window holds the long article's first claims only."""
    window.reader.setFocus()
    qtbot.keyClick(window.reader, Qt.Key.Key_PageDown, CTRL)


def test_a_long_article_opens_from_its_first_claims_and_completes_after_the_frame(
    make_window: WindowFactory, project_path: Path, qtbot: QtBot
) -> None:
    article = _long_project(project_path)
    window = make_window(project_path, seed=False)
    window.open_article(window.navigator.articles.ids()[0])
    assert window.article is not None and window.article.id != article
    _open_with_keys(window, qtbot)
    assert window.article is not None and window.article.id == article
    model = window.article_model
    assert not model.is_complete()  # only the first claims were read for this frame
    assert len(model.loaded_rows()) == FIRST_ROWS
    assert len(model) == CLAIMS  # the counts are the whole article's already
    assert window.claim_pane.model.rowCount() == CLAIMS
    assert sum(model.counts().values()) == CLAIMS
    partly = (model.counts(), model.placement_counts(), model.claimants(),
              model.has_unattributed())  # fmt: skip
    choices = [window.claim_pane.claimant_filter.itemText(i)
               for i in range(window.claim_pane.claimant_filter.count())]  # fmt: skip
    # The event loop paints the first frame from the first claims, then reads the rest.
    order: list[str] = []
    watch = _PaintWatch(window.reader.viewport(), order)
    model.completed.connect(lambda _changed: order.append("rest read"))
    qtbot.waitUntil(model.is_complete)
    assert order and order[0] == "painted" and "rest read" in order, order
    del watch
    _assert_as_rebuilt(window)
    assert partly == (model.counts(), model.placement_counts(), model.claimants(),
                      model.has_unattributed())  # fmt: skip
    assert model.claimants() == ["Aid group", "the Ministry"]  # first spelling in the text
    assert choices == [window.claim_pane.claimant_filter.itemText(i)
                       for i in range(window.claim_pane.claimant_filter.count())]  # fmt: skip


def test_mark_undo_redo_before_the_rest_is_read_leave_what_a_rebuild_shows(
    make_window: WindowFactory, project_path: Path, qtbot: QtBot
) -> None:
    article = _long_project(project_path)
    window = make_window(project_path, seed=False)
    window.open_article(window.navigator.articles.ids()[0])
    _open_with_keys(window, qtbot)
    assert window.article is not None and window.article.id == article
    assert not window.article_model.is_complete()
    # Mark a phrase near the end, before the rest is read: the edit reads it first.
    text = window.article_model.text
    start = text.rindex("northern city")
    window.reader.select_cp(start, start + len("northern city"))
    qtbot.keyClick(window.reader, Qt.Key.Key_M, CTRL)
    marked = window.article_model.selected
    assert marked is not None and window.article_model.is_complete()
    assert marked in window.reader.claim_ids()
    _assert_as_rebuilt(window)
    qtbot.keyClick(window.reader, Qt.Key.Key_Z, CTRL)  # undo the mark
    assert marked not in window.reader.claim_ids()
    _assert_as_rebuilt(window)
    qtbot.keyClick(window.reader, Qt.Key.Key_Z, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert len(window.article_model) == CLAIMS + 1  # redone
    _assert_as_rebuilt(window)


def test_an_undo_before_the_rest_is_read_is_shown_whole(
    make_window: WindowFactory, project_path: Path, qtbot: QtBot
) -> None:
    """A claim marked, another article opened, back to the long one and Ctrl+Z at once:
    the undo removes a claim the first rows never held; the views still agree."""
    article = _long_project(project_path)
    window = make_window(project_path, seed=False)
    window.open_article(article)
    qtbot.waitUntil(window.article_model.is_complete)
    text = window.article_model.text
    start = text.rindex("according to")
    drag_select(qtbot, window.reader, start, start + len("according to"))
    qtbot.keyClick(window.reader, Qt.Key.Key_M, CTRL)
    assert len(window.article_model) == CLAIMS + 1
    qtbot.keyClick(window.reader, Qt.Key.Key_PageUp, CTRL)  # to the short article
    assert window.article is not None and window.article.id != article
    _open_with_keys(window, qtbot)  # back, first claims only
    assert not window.article_model.is_complete()
    qtbot.keyClick(window.reader, Qt.Key.Key_Z, CTRL)
    assert window.article_model.is_complete()
    assert len(window.article_model) == CLAIMS
    _assert_as_rebuilt(window)


def test_a_row_or_a_line_further_down_reads_the_rest_first(
    make_window: WindowFactory, project_path: Path, qtbot: QtBot
) -> None:
    article = _long_project(project_path)
    window = make_window(project_path, seed=False)
    window.open_article(window.navigator.articles.ids()[0])
    _open_with_keys(window, qtbot)
    model = window.article_model
    assert window.article is not None and window.article.id == article
    assert not model.is_complete()
    # The claim list's last row: End in the list shows it, read from the rest.
    view = window.claim_pane.view
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    last = window.claim_pane.model.row_at(CLAIMS - 1)
    assert last is not None and model.is_complete()
    assert window.selected_claim() == last.id
    _assert_as_rebuilt(window)

    # And the reader: scrolled to its end before the rest is read, it paints it whole.
    window.open_article(window.navigator.articles.ids()[0])
    _open_with_keys(window, qtbot)
    assert not model.is_complete()
    bar = window.reader.verticalScrollBar()
    window.reader.document().documentLayout().documentSize()  # laid out to the end
    bar.setValue(bar.maximum())
    window.reader.viewport().repaint()
    assert model.is_complete()
    QApplication.processEvents()
    _assert_as_rebuilt(window)


def test_a_filtered_list_reads_every_claim_before_it_shows_the_long_article(
    make_window: WindowFactory, project_path: Path, qtbot: QtBot
) -> None:
    article = _long_project(project_path)
    window = make_window(project_path, seed=False)
    window.open_article(window.navigator.articles.ids()[0])
    pane = window.claim_pane
    choose_in_combo(qtbot, pane.filters["status"], "contradicted")
    _open_with_keys(window, qtbot)
    assert window.article is not None and window.article.id == article
    model = window.article_model
    assert model.is_complete()  # a filter reads every row: the whole article at once
    rows, _counts = _rebuilt(window)
    wanted = [r for r in rows if r[3] == "contradicted"]
    listed = pane.model
    assert [tuple(r) for r in (listed.row_at(i) for i in range(listed.rowCount())) if r] == wanted
    assert pane.count_label.text() == f"{len(wanted)} of {len(rows)}"
    assert window.reader.claim_ids() == [r[0] for r in rows]
    qtbot.mouseClick(pane.filter_marker, Qt.MouseButton.LeftButton)  # every claim again
    assert not pane.filters_active()
    _assert_as_rebuilt(window)
