"""What the reader puts on screen: highlights painted under the text, in the first frame
after opening a long article (while Qt is still laying it out), and repainted where a
claim changes. Checked on the window's actual pixels."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QGuiApplication, QTextCursor
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from factcheck.core.model import ArticleDraft, Status
from factcheck.store import ops
from factcheck.ui.reader.highlight_paint import range_rects, scroll_offset
from factcheck.ui.session.session import Session
from factcheck.ui.shell.main_window import MainWindow
from tests.ui.conftest import WindowFactory, drag_select

CTRL = Qt.KeyboardModifier.ControlModifier
SENTENCE = "Rescue workers said the shelling went on through the night in the north. "


def _long_project(path: Path) -> tuple[int, int, int]:
    """A project with a short article (a few screens), then a ~300 KB one (Qt lays it
    out over many background steps) carrying a claim in its first line and one far
    down; the long article's id and the two claims'."""
    paragraphs = [SENTENCE * 8 for _ in range(500)]
    text = "\n\n".join(paragraphs)
    session = Session.open(path, "t", seed=False)
    short = "\n\n".join(paragraphs[:12])  # scrolls too, so opening the long one keeps
    drafts = [ArticleDraft("Short", short), ArticleDraft("Long", text)]  # the width
    imported, _ = ops.import_articles(session.db, drafts, "t")
    article = imported[1].article_id
    near = ops.mark_claim(session.db, article, 8, 22, "t", status=Status.CONTRADICTED)
    # The far claim opens the last paragraph, so its 20 characters share the first
    # line whatever font the machine picks (a slice mid-paragraph may wrap).
    far_start = text.rindex("\n\n") + 2
    far = ops.mark_claim(session.db, article, far_start, far_start + 20, "t")
    assert near.created_id is not None and far.created_id is not None
    session.close()
    return article, near.created_id, far.created_id


def _box(window: MainWindow, start: int, end: int) -> QRect:
    """The inside of the on-screen box of ``[start, end)`` (one line; viewport pixels)."""
    cursor = QTextCursor(window.reader.document())
    cursor.setPosition(start)
    first = window.reader.cursorRect(cursor)
    cursor.setPosition(end)
    last = window.reader.cursorRect(cursor)
    assert first.top() == last.top()
    return QRect(first.left() + 2, first.top() + 2, last.left() - first.left() - 4,
                 first.height() - 4)  # fmt: skip


def _line_box(window: MainWindow, start: int, end: int) -> QRect:
    """The inside of ``[start, end)`` on one line, from the block layout (viewport)."""
    view = window.reader
    block = view.document().findBlock(start)
    rects = list(range_rects(block, start, end, scroll_offset(view)))
    assert len(rects) == 1, rects  # one line: the range opens its paragraph
    r = rects[0].toAlignedRect()
    return QRect(r.left() + 2, r.top() + 2, r.width() - 4, r.height() - 4)


def _on_screen(window: MainWindow, box: QRect, color: QColor) -> float:
    """The share of ``box`` showing ``color`` in what the window last painted."""
    QApplication.processEvents()
    window.reader.viewport().repaint()  # a scroll may still be queued; paint what is current
    origin = window.reader.viewport().mapTo(window, box.topLeft())
    shot = QGuiApplication.primaryScreen().grabWindow(window.winId()).toImage()
    image = shot.copy(QRect(origin, box.size()))
    rgb = color.rgb()
    hits = sum(image.pixel(x, y) == rgb for x in range(image.width())
               for y in range(image.height()))  # fmt: skip
    return hits / max(1, image.width() * image.height())


def _open_by_click(window: MainWindow, qtbot: QtBot, article_id: int) -> None:
    articles = window.navigator.articles
    row = articles.row_of(article_id)
    assert row is not None
    rect = window.navigator.list.visualRect(articles.index(row, 0))
    qtbot.mouseClick(window.navigator.list.viewport(), Qt.MouseButton.LeftButton,
                     pos=rect.center())  # fmt: skip
    assert window.article is not None and window.article.id == article_id


def test_a_long_article_is_highlighted_in_its_first_frame(
    make_window: WindowFactory, project_path: Path, qtbot: QtBot
) -> None:
    article, near, _far = _long_project(project_path)
    window = make_window(project_path, seed=False)  # shows the short article
    _open_by_click(window, qtbot, article)  # one frame follows: it must be right
    colors = window.reader._colors
    span = window.reader._index.get(near)
    assert span is not None
    box = _box(window, span.start, span.end)
    assert _on_screen(window, box, colors.background("contradicted", 1)) > 0.4
    plain = _box(window, span.end + 10, span.end + 24)
    assert _on_screen(window, plain, window.reader.palette().base().color()) > 0.6


def test_a_claim_far_down_is_painted_when_scrolled_to(
    make_window: WindowFactory, project_path: Path, qtbot: QtBot
) -> None:
    article, _near, far = _long_project(project_path)
    window = make_window(project_path, seed=False)
    _open_by_click(window, qtbot, article)
    window.reader.setFocus()
    qtbot.keyClick(window.reader, Qt.Key.Key_F8)  # the only unverified claim: scrolls there
    assert window.selected_claim() == far
    span = window.reader._index.get(far)
    assert span is not None
    # F8 scrolls once the long text is laid out that far: measure the box after the
    # view has settled there, in the reader's own geometry.
    # The box comes from the block's own line geometry: cursorRect answers from a
    # paragraph Qt has not laid out yet while the long text is still being laid out.
    # Blocks shift while Qt lays the rest of the text out in the background; finish it.
    document = window.reader.document()
    document.documentLayout().blockBoundingRect(document.lastBlock())
    QApplication.processEvents()
    viewport = window.reader.viewport().rect()
    qtbot.waitUntil(lambda: viewport.contains(_line_box(window, span.start, span.start + 12)))
    box = _line_box(window, span.start, span.start + 12)
    assert _on_screen(window, box, window.reader._colors.background("unverified", 1)) > 0.4


def test_marking_repaints_the_new_claim_at_once(
    make_window: WindowFactory, project_path: Path, qtbot: QtBot
) -> None:
    article, _near, _far = _long_project(project_path)
    window = make_window(project_path, seed=False)
    _open_by_click(window, qtbot, article)
    start = len(SENTENCE) + SENTENCE.index("shelling")
    end = start + len("shelling")
    box = _box(window, start, end)
    unverified = window.reader._colors.background("unverified", 1)
    assert _on_screen(window, box, unverified) == 0
    drag_select(qtbot, window.reader, start, end)
    qtbot.keyClick(window.reader, Qt.Key.Key_M, CTRL)
    assert len(window.reader.claim_ids()) == 3
    assert _on_screen(window, box, unverified) > 0.4
    qtbot.keyClick(window.reader, Qt.Key.Key_Z, CTRL)  # undo takes the colour away again
    assert _on_screen(window, box, unverified) == 0
