"""The board's grid as a Qt model: one row per fact, one column per article, each cell
the figures that article gives for that fact (as written, with their hedge), marked
when they are in a conflicting pair.

A thin adapter: the rows (:class:`FactRow`) and columns (:class:`BoardArticle`) are
given whole, but the figures of a row (:class:`BoardCells`, with the facts cache's
marks) are asked of ``cells_loader`` for the columns around those drawn, when first
drawn, so a project of 10,000 articles opens at the cost of the cells in view. Why a
cell conflicts is asked of ``reasons_loader`` when the reviewer looks at that cell.
"""

from __future__ import annotations

from collections.abc import Callable, Container, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFontMetrics, QPalette
from PySide6.QtWidgets import QApplication

if TYPE_CHECKING:  # the window starts without the figure finder loaded
    from factcheck.core.figures.board import BoardArticle, BoardCells, FactRow
    from factcheck.core.figures.facts import FactFigure

_Index = QModelIndex | QPersistentModelIndex
CONFLICT_MARK = "⚠"
FigureIdsRole = Qt.ItemDataRole.UserRole  # the cell's figure ids
FactKeyRole = Qt.ItemDataRole.UserRole + 1
ConflictRole = Qt.ItemDataRole.UserRole + 2  # True when a figure of the cell conflicts


def short_date(published: str) -> str:
    return published[:10] if published else "no date"


def cell_text(figs: Sequence[FactFigure], kind: str, conflicting: Container[int],
              steps: Mapping[int, str]) -> str:  # fmt: skip
    """A cell: the figures as written (hedge included), on one line; for a running
    total or a level, the date each is true for on the next, and in a series whether
    it rose (↑) or fell (↓) against the figure before it in time."""
    from factcheck.core.figures.board import STEP_MARKS

    conflict = any(f.id in conflicting for f in figs)
    mark = f"{CONFLICT_MARK} " if conflict else ""
    if kind == "series":
        said = "; ".join(f"{STEP_MARKS.get(steps.get(f.id, ''), '')} {f.text}".strip()
                         for f in figs)  # fmt: skip
    else:
        said = "; ".join(f.text for f in figs)
    if kind == "fixed":
        return mark + said
    dates = ", ".join(dict.fromkeys(f.when or "no date" for f in figs))
    return f"{mark}{said}\n{dates}"


def conflict_tint(palette: QPalette) -> QColor:
    """A faint red over the view's base colour, readable in light and dark schemes."""
    base = palette.color(QPalette.ColorRole.Base)
    red = QColor(220, 50, 47)
    alpha = 0.22 if base.lightness() > 128 else 0.35
    return QColor(
        round(base.red() * (1 - alpha) + red.red() * alpha),
        round(base.green() * (1 - alpha) + red.green() * alpha),
        round(base.blue() * (1 - alpha) + red.blue() * alpha),
    )


CellsLoader = Callable[["FactRow", list[int]], "BoardCells"]
ReasonsLoader = Callable[["FactRow", "FactFigure"], list[str]]
TitlesLoader = Callable[[list[int]], dict[int, tuple[str, str]]]
WINDOW = 12  # columns read at once on either side of a cell drawn


class _Row:
    """What is read of one fact's row so far."""

    __slots__ = ("by_article", "conflicting", "kind", "loaded", "steps")

    def __init__(self, kind: str) -> None:
        self.kind = kind
        self.by_article: dict[int, tuple[FactFigure, ...]] = {}
        self.conflicting: set[int] = set()
        self.steps: dict[int, str] = {}
        self.loaded: set[int] = set()  # column numbers read


class FactGridModel(QAbstractTableModel):
    def __init__(self) -> None:
        super().__init__()
        self._rows: list[FactRow] = []
        self._columns: Sequence[BoardArticle] = ()
        self._ids: list[int] = []  # the columns' article numbers, in order
        self._position: dict[int, int] | None = None  # article number -> column
        self._read: dict[int, _Row] = {}
        self._cells_loader: CellsLoader | None = None
        self._reasons_loader: ReasonsLoader | None = None
        self._reasons: dict[int, list[str]] = {}
        self._titles_loader: TitlesLoader | None = None
        self._titles: dict[int, tuple[str, str]] = {}
        self._tint: QBrush | None = None
        self.header_width = 100  # an article's title is cut to this many pixels

    # --- content ---------------------------------------------------------------------

    def set_grid(self, rows: Sequence[FactRow], columns: Sequence[BoardArticle],
                 cells_loader: CellsLoader | None,
                 reasons_loader: ReasonsLoader | None = None,
                 titles_loader: TitlesLoader | None = None) -> None:  # fmt: skip
        self.beginResetModel()
        self._rows = list(rows)
        from factcheck.core.figures.board import BoardColumns

        self._columns = columns = BoardColumns.of(columns)
        self._ids = columns.ids
        self._position = None
        self._read = {}
        self._reasons = {}
        self._cells_loader = cells_loader
        self._reasons_loader = reasons_loader
        self._titles_loader = titles_loader
        self._titles = {}
        self._tint = None
        self.endResetModel()

    def restyle(self) -> None:
        """The scheme changed: the conflict tint is recomputed from the new palette."""
        self._tint = None
        if self._rows and self._columns:
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(len(self._rows) - 1, len(self._columns) - 1),
                                  [Qt.ItemDataRole.BackgroundRole])  # fmt: skip

    def row_at(self, row: int) -> FactRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, key: str) -> int | None:
        return next((i for i, r in enumerate(self._rows) if r.key == key), None)

    def article_at(self, column: int) -> BoardArticle | None:
        return self._columns[column] if 0 <= column < len(self._columns) else None

    def column_of(self, article_id: int) -> int | None:
        if self._position is None:
            self._position = dict(zip(self._ids, range(len(self._ids)), strict=True))
        return self._position.get(article_id)

    def title_of(self, column: int) -> tuple[str, str]:
        """The column's article (title, outlet), read with its neighbours on first use."""
        article = self.article_at(column)
        if article is None:
            return ("", "")
        if article.id not in self._titles and self._titles_loader is not None:
            ids = [i for i in self._ids[max(0, column - 2 * WINDOW) : column + 4 * WINDOW]
                   if i not in self._titles]  # fmt: skip
            self._titles.update(self._titles_loader(ids))
        return self._titles.get(article.id, (f"article {article.id}", ""))

    def _row_read(self, row: int, column: int) -> _Row | None:
        """The row as read so far, reading the columns around ``column`` if need be."""
        fact = self.row_at(row)
        if fact is None or self._cells_loader is None:
            return None
        read = self._read.get(row)
        if read is None:
            read = self._read[row] = _Row(fact.kind)
        if column not in read.loaded and 0 <= column < len(self._columns):
            cols = [c for c in range(max(0, column - WINDOW),
                                     min(len(self._columns), column + 2 * WINDOW))
                    if c not in read.loaded]  # fmt: skip
            ids = self._ids
            got = self._cells_loader(fact, [ids[c] for c in cols])
            read.by_article.update(got.by_article)
            read.conflicting |= got.conflicting
            read.steps.update(got.steps)
            read.loaded.update(cols)
        return read

    def figures_at(self, row: int, column: int) -> tuple[FactFigure, ...]:
        read = self._row_read(row, column)
        article = self.article_at(column)
        if read is None or article is None:
            return ()
        return read.by_article.get(article.id, ())

    def first_filled(self, row: int) -> int:
        """The first column where the fact has a figure (0 if none is read)."""
        for c in range(len(self._columns)):
            if self.figures_at(row, c):
                return c
            if c > 4 * WINDOW:  # a fact told far to the right: start at the left
                break
        return 0

    # --- the model -------------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # fmt: skip
        if orientation == Qt.Orientation.Horizontal:
            a = self.article_at(section)
            if a is None:
                return None
            if role == Qt.ItemDataRole.DisplayRole:
                title = QFontMetrics(QApplication.font()).elidedText(
                    self.title_of(section)[0], Qt.TextElideMode.ElideRight, self.header_width)
                return f"{short_date(a.published)}\n{title}"
            if role == Qt.ItemDataRole.ToolTipRole:
                title, outlet = self.title_of(section)
                return f"{title}{f' — {outlet}' if outlet else ''}\n{short_date(a.published)}"
            return None
        r = self.row_at(section)
        if r is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            head, sep, tail = r.label.partition(" — ")
            mark = f"  {CONFLICT_MARK} {r.conflicts}" if r.conflicts else ""
            return f"{head}{mark}\n{tail}" if sep else f"{r.label}{mark}"
        if role == Qt.ItemDataRole.ToolTipRole:
            what = {"series": "a running total (read as a timeline)",
                    "level": "a size at a time", "fixed": "one true value"}.get(r.kind, r.kind)
            return (f"{r.label}\n{what}; {r.articles} articles, {r.figures} figures\n"
                    f"{r.summary}")  # fmt: skip
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, col = index.row(), index.column()
        if role == FactKeyRole:
            r = self.row_at(row)
            return r.key if r else None
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole,
                        Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.BackgroundRole,
                        FigureIdsRole, ConflictRole):  # fmt: skip
            return None
        read = self._row_read(row, col)
        figs = self.figures_at(row, col)
        if read is None:
            return None
        conflict = any(f.id in read.conflicting for f in figs)
        if role == Qt.ItemDataRole.DisplayRole:
            return cell_text(figs, read.kind, read.conflicting, read.steps) if figs else ""
        if role == Qt.ItemDataRole.AccessibleTextRole:
            if not figs:
                return "no figure"
            said = cell_text(figs, read.kind, read.conflicting, read.steps)
            said = said.replace(CONFLICT_MARK, "conflicting:")
            return said.replace("\n", ", ")
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.describe(row, col) or None
        if role == Qt.ItemDataRole.BackgroundRole:
            if not conflict:
                return None
            if self._tint is None:
                self._tint = QBrush(conflict_tint(QApplication.palette()))
            return self._tint
        if role == FigureIdsRole:
            return [f.id for f in figs]
        return conflict

    def reasons(self, row: int, f: FactFigure) -> list[str]:
        """Why the figure conflicts, in words (asked once per figure)."""
        fact = self.row_at(row)
        read = self._read.get(row)
        if fact is None or read is None or f.id not in read.conflicting:
            return []
        if f.id not in self._reasons:
            loader = self._reasons_loader
            self._reasons[f.id] = loader(fact, f) if loader is not None else []
        return self._reasons[f.id]

    def describe(self, row: int, col: int) -> str:
        """The cell in words: each figure (how it reads, when, who says it) and the
        reason of every conflicting pair it is in."""
        from factcheck.core.figures.board import describe_figure

        figs = self.figures_at(row, col)
        if not figs:
            return ""
        lines = []
        for f in figs:
            lines.append(describe_figure(f))
            lines += [f"{CONFLICT_MARK} {reason}" for reason in self.reasons(row, f)]
        return "\n".join(lines)
