"""The article list: a table model over :class:`ArticleSummary` (never article text) and
a delegate drawing the per-status progress figure. (QStyle takes ~12 ms to load in
PySide6; the delegate imports it when it first paints, after the window's first frame.)"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from functools import cache
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
)
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QAbstractItemView, QStyledItemDelegate

from factcheck.core.model import ArticleSummary, Status
from factcheck.ui.common.cell_delegate import CellDelegate
from factcheck.ui.common.theme import status_color

if TYPE_CHECKING:
    from PySide6.QtGui import QPainter
    from PySide6.QtWidgets import QStyleOptionViewItem

Index = QModelIndex | QPersistentModelIndex
TITLE, OUTLET, DATE, PROGRESS, LANGUAGE = range(5)
HEADERS = ("Title", "Outlet", "Date", "Claims", "Lang")
COUNTS_ROLE = Qt.ItemDataRole.UserRole + 1
ID_ROLE = Qt.ItemDataRole.UserRole
# The roles data() answers. A view asks for about seven roles per cell per paint, and a
# 10,000-row list is repainted whole when a jump scrolls it; the rest are refused first.
_ROLES = frozenset({Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole,
                    Qt.ItemDataRole.AccessibleTextRole, ID_ROLE, COUNTS_ROLE})  # fmt: skip
BAR_ORDER = (Status.CORROBORATED, Status.CONTRADICTED, Status.INCONCLUSIVE, Status.UNVERIFIED)


def progress_text(counts: dict[str, int]) -> str:
    """"judged/total" — the claims given a verdict other than unverified, of all."""
    total = sum(counts.values())
    if not total:
        return "–"
    return f"{total - counts.get(Status.UNVERIFIED.value, 0)}/{total}"


def progress_tooltip(counts: dict[str, int]) -> str:
    if not sum(counts.values()):
        return "No claims marked yet"
    return "\n".join(f"{s.label}: {counts.get(s.value, 0)}" for s in Status)


class ArticleListModel(QAbstractTableModel):
    """Rows are articles in import order; ``ID_ROLE`` gives the article id."""

    def __init__(self) -> None:
        super().__init__()
        self._rows: list[ArticleSummary] = []
        self._row_of: dict[int, int] = {}

    def set_articles(self, articles: Sequence[ArticleSummary]) -> None:
        self.beginResetModel()
        self._rows = list(articles)
        self._row_of = {a.id: i for i, a in enumerate(self._rows)}
        self.endResetModel()

    def update(self, summaries: Sequence[ArticleSummary]) -> bool:
        """Replace rows in place; returns False when an id is unknown (reload instead)."""
        for s in summaries:
            row = self._row_of.get(s.id)
            if row is None:
                return False
            self._rows[row] = s
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(HEADERS) - 1))
        return True

    def set_counts(self, article_id: int, counts: dict[str, int]) -> None:
        """Replace one article's claim counts (the window knows the open article's from
        its claim list, so an edit there needs no count query); repaints that row only."""
        row = self._row_of.get(article_id)
        if row is None or self._rows[row].counts == counts:
            return
        self._rows[row] = replace(self._rows[row], counts=dict(counts))
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(HEADERS) - 1))

    def row_of(self, article_id: int) -> int | None:
        return self._row_of.get(article_id)

    def article_at(self, row: int) -> ArticleSummary | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def ids(self) -> list[int]:
        return [a.id for a in self._rows]

    def cell_text(self, row: int, column: int) -> str:
        """What a cell shows (its DisplayRole), read by the painting delegate directly."""
        a = self._rows[row]
        if column == TITLE:
            return a.title
        if column == OUTLET:
            return a.outlet
        if column == LANGUAGE:
            return a.language
        return a.published[:10] if column == DATE else progress_text(a.counts)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # fmt: skip
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return HEADERS[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in _ROLES or not index.isValid():
            return None
        a = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == TITLE:
                return a.title
            if col == OUTLET:
                return a.outlet
            if col == LANGUAGE:
                return a.language
            return a.published[:10] if col == DATE else progress_text(a.counts)
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == PROGRESS:
                return progress_tooltip(a.counts)
            if col == LANGUAGE:
                return f"Language: {a.language or 'unknown'} (Edit ▸ Article Language)"
            return "\n".join(x for x in (a.title, a.outlet, a.published, a.url) if x)
        if role == ID_ROLE:
            return a.id
        if role == COUNTS_ROLE:
            return a.counts
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{a.title}, {a.outlet or 'unknown outlet'}, {progress_tooltip(a.counts)}"
        return None


class TextDelegate(CellDelegate):
    """Paints the list's text cells (title, outlet, date, language) from the model's rows:
    a jump to another article scrolls the list, and the default delegate asked the model
    about a dozen roles per cell, a call into Python each, for every row shown."""

    def __init__(self, model: ArticleListModel, view: QAbstractItemView) -> None:
        super().__init__(view)
        self._model = model

    def cell(self, index: Index) -> tuple[str, QColor | None] | None:
        row = index.row()
        if not 0 <= row < self._model.rowCount():
            return None
        return self._model.cell_text(row, index.column()), None


@cache
def _style_names() -> tuple[Any, int]:
    """QStyle's names the delegate needs, loaded at its first paint (not at start-up);
    the state flag as a plain int (a flag test on the enum costs microseconds a row)."""
    from PySide6.QtWidgets import QStyle

    return QStyle.ControlElement.CE_ItemViewItem, QStyle.StateFlag.State_Selected.value


_RIGHT_MIDDLE = int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight)


class ProgressDelegate(QStyledItemDelegate):
    """Draws "judged/total" beside a thin bar split by verdict colour, reading the
    counts from ``model`` (else through the cell's data)."""

    def __init__(self, parent: QObject | None = None,
                 model: ArticleListModel | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self._colors = [status_color(s) for s in BAR_ORDER]
        self._model = model
        self._text_w: dict[str, int] = {}  # font -> width of "000/000"

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        # The view has already set the cell's state (selected, alternate row); the style
        # draws its background from that, and the text is drawn here, so the model's
        # other roles are not asked for (this runs for every visible row on a scroll).
        item_view_item, state_selected = _style_names()
        if self._model is not None:
            article = self._model.article_at(index.row())
            counts = article.counts if article is not None else {}
        else:
            counts = index.data(COUNTS_ROLE) or {}
        widget = option.widget
        if widget is not None:
            widget.style().drawControl(item_view_item, option, painter, widget)
        rect: tuple[int, int, int, int] = option.rect.getRect()  # type: ignore[assignment]
        x, y, w, h = rect
        x, w = x + 4, w - 8
        font_key = option.font.key()
        text_w = self._text_w.get(font_key)
        if text_w is None:
            text_w = self._text_w[font_key] = option.fontMetrics.horizontalAdvance("000/000")
        text = progress_text(counts)
        if len(text) > 7:  # wider than "000/000": as wide as it is, the bar shorter
            text_w = max(text_w, option.fontMetrics.horizontalAdvance(text))
        selected = bool(option.state.value & state_selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        painter.save()
        painter.setPen(option.palette.color(role))
        painter.drawText(QRect(x, y, text_w, h), _RIGHT_MIDDLE, text)
        total = sum(counts.values())
        bar_x, bar_w = x + text_w + 6, max(0, w - text_w - 6)
        bar_y = y + (h - 1) // 2 - 3  # QRect.center().y() of the cell, less half the bar
        if total and bar_w > 4:
            for status, color in zip(BAR_ORDER, self._colors, strict=True):
                n = counts.get(status.value, 0)
                part = round(bar_w * n / total)
                if n and part:
                    painter.fillRect(QRect(bar_x, bar_y, part, 6), color)
                    bar_x += part
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        size = super().sizeHint(option, index)
        return QSize(option.fontMetrics.horizontalAdvance("000/000") + 60, size.height())
