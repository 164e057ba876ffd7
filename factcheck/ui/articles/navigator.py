"""The left pane: the search box (Ctrl+F) over the article list and the search results.

Typing a query shows full-text hits over all articles and notes; Escape or clearing the
box brings the article list back. Activating a hit emits ``hitActivated(hit)``.

Start-up: QStyle and the rich-text classes cost ~15 ms to load in PySide6 and are first
needed when a search result is painted, so the delegate imports them then.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QStackedWidget,
    QStyledItemDelegate,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from factcheck.core.model import SearchHit
from factcheck.ui.articles.article_list import (
    DATE,
    LANGUAGE,
    OUTLET,
    PROGRESS,
    TITLE,
    ArticleListModel,
    ProgressDelegate,
    TextDelegate,
)
from factcheck.ui.common.focus import show_focus, tab_leaves
from factcheck.ui.common.resources import icon

if TYPE_CHECKING:
    from PySide6.QtGui import QPainter, QTextDocument
    from PySide6.QtWidgets import QStyleOptionViewItem

Index = QModelIndex | QPersistentModelIndex
HIT_ROLE = Qt.ItemDataRole.UserRole
SEARCH_DELAY_MS = 250


def snippet_html(snippet: str) -> str:
    """The FTS snippet with its [matched] words in bold, everything else escaped."""
    import html

    out = html.escape(snippet).replace("[", "<b>").replace("]", "</b>")
    return " ".join(out.split())


class SearchResultsModel(QAbstractListModel):
    def __init__(self) -> None:
        super().__init__()
        self._hits: list[SearchHit] = []

    def set_hits(self, hits: Sequence[SearchHit]) -> None:
        self.beginResetModel()
        self._hits = list(hits)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._hits)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        import html

        hit = self._hits[index.row()]
        kind = "Claim or note" if hit.kind == "claim" else "Article"
        if role == Qt.ItemDataRole.DisplayRole:
            return (f"<span style='font-size:small'>{kind}</span> · "
                    f"<b>{html.escape(hit.title)}</b><br>{snippet_html(hit.snippet)}")  # fmt: skip
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{kind} in {hit.title}: {hit.snippet.replace('[', '').replace(']', '')}"
        if role == HIT_ROLE:
            return hit
        return None


class HtmlDelegate(QStyledItemDelegate):
    """Draws an item's display text as a little rich-text document."""

    def _doc(self, option: QStyleOptionViewItem, index: Index) -> QTextDocument:
        from PySide6.QtGui import QTextDocument

        doc = QTextDocument()
        doc.setDefaultFont(option.font)
        doc.setHtml(str(index.data(Qt.ItemDataRole.DisplayRole) or ""))
        doc.setTextWidth(max(50, option.rect.width() - 8))
        return doc

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        from PySide6.QtGui import QAbstractTextDocumentLayout, QPalette
        from PySide6.QtWidgets import QStyle, QStyleOptionViewItem

        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        doc = self._doc(opt, index)
        opt.text = ""
        style = opt.widget.style() if opt.widget else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        ctx = QAbstractTextDocumentLayout.PaintContext()
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        ctx.palette.setColor(QPalette.ColorRole.Text, option.palette.color(role))
        painter.save()
        painter.translate(option.rect.left() + 4, option.rect.top() + 2)
        doc.documentLayout().draw(painter, ctx)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        doc = self._doc(option, index)
        return QSize(int(doc.idealWidth()), int(doc.size().height()) + 4)


class SearchBox(QLineEdit):
    escaped = Signal()
    downPressed = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.escaped.emit()
            return
        if event.key() == Qt.Key.Key_Down:
            self.downPressed.emit()
            return
        super().keyPressEvent(event)


class Navigator(QWidget):
    """Signals: ``articleChosen(article_id)``, ``hitActivated(SearchHit)``,
    ``queryChanged(text)`` (debounced; the window runs the search)."""

    articleChosen = Signal(int)
    articleEntered = Signal()  # Return on the article list: on into the text
    articleMenuRequested = Signal(int, QPoint)  # right-click on an article (global point)
    hitActivated = Signal(object)
    queryChanged = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Articles and search")
        self.search = SearchBox()
        self.search.setPlaceholderText("Search articles and notes (Ctrl+F)")
        self.search.setAccessibleName("Search articles and notes")
        self.search.setClearButtonEnabled(True)
        self.search.addAction(icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self._emit_query)
        self.search.textChanged.connect(self._on_text)
        self.search.returnPressed.connect(self._on_return)
        self.search.escaped.connect(self.clear_search)
        self.search.downPressed.connect(self._focus_results)

        self.articles = ArticleListModel()
        self.list = QTableView()
        self.list.setModel(self.articles)
        self.list.setShowGrid(False)
        self.list.setWordWrap(False)
        self.list.verticalHeader().hide()
        self.list.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.list.verticalHeader().setDefaultSectionSize(self.list.fontMetrics().height() + 8)
        self.list.setAlternatingRowColors(True)
        self.list.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setTabKeyNavigation(False)  # Tab leaves the list (rows, not cells)
        self.list.setAccessibleName("Article list")
        self.list.setItemDelegate(TextDelegate(self.articles, self.list))
        self.list.setItemDelegateForColumn(PROGRESS, ProgressDelegate(self.list, self.articles))
        header = self.list.horizontalHeader()
        header.setAccessibleName("Article list columns")
        header.setStretchLastSection(False)
        header.setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)
        for col, width in ((OUTLET, 64), (DATE, 80), (PROGRESS, 72), (LANGUAGE, 40)):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(col, width)
        self.list.selectionModel().currentRowChanged.connect(self._on_article_row)
        self.list.activated.connect(lambda _i: self.articleEntered.emit())
        tab_leaves(self.list)
        show_focus(self.list)
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.list.customContextMenuRequested.connect(self._on_list_menu)

        self.results = SearchResultsModel()
        self.results_view = QListView()
        self.results_view.setModel(self.results)
        self.results_view.setItemDelegate(HtmlDelegate(self.results_view))
        self.results_view.setAccessibleName("Search results")
        self.results_view.setWordWrap(True)
        self.results_view.setAlternatingRowColors(True)
        self.results_view.activated.connect(self._on_hit)
        self.results_view.clicked.connect(self._on_hit)
        tab_leaves(self.results_view)
        show_focus(self.results_view)
        self.results_label = QLabel()
        self.results_label.setAccessibleName("Search result count")
        results_page = QWidget()
        results_layout = QVBoxLayout(results_page)
        results_layout.setContentsMargins(0, 0, 0, 0)
        results_layout.addWidget(self.results_label)
        results_layout.addWidget(self.results_view)

        self.stack = QStackedWidget()
        self.stack.addWidget(self.list)
        self.stack.addWidget(results_page)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search)
        layout.addWidget(self.stack)

    # --- articles --------------------------------------------------------------------

    def current_article(self) -> int | None:
        index = self.list.currentIndex()
        article = self.articles.article_at(index.row()) if index.isValid() else None
        return article.id if article else None

    def select_article(self, article_id: int | None) -> None:
        """Make the article current in the list without emitting ``articleChosen``."""
        row = self.articles.row_of(article_id) if article_id is not None else None
        sm = self.list.selectionModel()
        sm.blockSignals(True)
        if row is None:
            sm.clear()
        else:
            index = self.articles.index(row, 0)
            sm.setCurrentIndex(index, sm.SelectionFlag.ClearAndSelect | sm.SelectionFlag.Rows)
            self.list.scrollTo(index)
        sm.blockSignals(False)
        self.list.viewport().update()

    def _on_list_menu(self, point: QPoint) -> None:
        index = self.list.indexAt(point)
        if not index.isValid():
            index = self.list.currentIndex()  # the menu key: the current article
        article = self.articles.article_at(index.row()) if index.isValid() else None
        if article is not None:
            self.articleMenuRequested.emit(article.id,
                                           self.list.viewport().mapToGlobal(point))

    def _on_article_row(self, current: QModelIndex, _previous: QModelIndex) -> None:
        article = self.articles.article_at(current.row()) if current.isValid() else None
        if article is not None:
            self.articleChosen.emit(article.id)

    # --- search ----------------------------------------------------------------------

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def clear_search(self) -> None:
        self.search.clear()
        self.stack.setCurrentIndex(0)
        self.list.setFocus()

    def show_hits(self, query: str, hits: Sequence[SearchHit]) -> None:
        self.results.set_hits(hits)
        n = len(hits)
        found = f"{n} match{'es' if n != 1 else ''}" if n else "No matches"
        self.results_label.setText(f"{found} for “{query}”")
        self.stack.setCurrentIndex(1)
        if hits:
            self.results_view.setCurrentIndex(self.results.index(0, 0))

    def _on_text(self, text: str) -> None:
        if text.strip():
            self._timer.start()
        else:
            self._timer.stop()
            self.stack.setCurrentIndex(0)

    def _on_return(self) -> None:
        self._timer.stop()
        self._emit_query()
        if self.results.rowCount():
            self._on_hit(self.results_view.currentIndex())

    def _emit_query(self) -> None:
        if self.search.text().strip():
            self.queryChanged.emit(self.search.text().strip())

    def _focus_results(self) -> None:
        if self.stack.currentIndex() == 1:
            self.results_view.setFocus()
        else:
            self.list.setFocus()

    def _on_hit(self, index: QModelIndex) -> None:
        if index.isValid():
            self.hitActivated.emit(index.data(HIT_ROLE))
