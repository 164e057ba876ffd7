"""The figures board: one row per fact, one column per article, each cell the figure as
that article writes it (hedge and all) with conflicting cells marked; under the grid a
line saying the current cell in words (how each figure reads, its date, who says it,
and why it conflicts), and the chosen fact's timeline: its figures by date, each marked
as rising or falling against the one before, undated ones last.

Mouse: clicking a cell opens its article at the figure. Keyboard: the arrows move
across cells (the line below follows), Enter opens the figure, Tab reaches the
timeline, whose rows open the same way.

The board owns no data and never writes: it shows what the window gives it
(:meth:`FiguresBoard.set_grid`, with loaders that read what comes into view) and says
what the reviewer asked for through its signals.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QByteArray,
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from factcheck.ui.figures.board_views import ArticleHeader, FactGrid, Timeline
from factcheck.ui.figures.grid_model import CONFLICT_MARK, FactGridModel, short_date
from factcheck.ui.figures.timeline_model import (
    T_DATE,
    T_FIGURE,
    T_MARK,
    T_READS,
    T_SOURCE,
    T_STEP,
    TimelineModel,
)

if TYPE_CHECKING:  # the window starts without the figure finder loaded
    from factcheck.core.figures.board import BoardArticle, BoardFact, FactRow
    from factcheck.core.figures.facts import FactFigure
    from factcheck.ui.figures.grid_model import CellsLoader, ReasonsLoader, TitlesLoader

__all__ = ["CONFLICT_MARK", "FactGrid", "FiguresBoard"]

ARTICLE_COLUMN_WIDTH = 140
FACT_HEADER_WIDTH = 230


class FiguresBoard(QWidget):
    """Signals: ``factChosen(key)`` when the current cell moves to another fact;
    ``figureActivated(article_id, start, end)`` when a figure is clicked or Entered
    (open its article at the span); ``conflictsOnlyChanged(bool)``;
    ``renameRequested(key, name)``, ``dismissRequested(figure_id)``,
    ``markClaimsRequested(key)``, ``mergeRequested(key, into_key)``,
    ``moveRequested(figure_id, to_key)``, ``splitRequested(key, figure_ids, name)``."""

    factChosen = Signal(str)
    figureActivated = Signal(int, int, int)
    conflictsOnlyChanged = Signal(bool)
    renameRequested = Signal(str, str)
    dismissRequested = Signal(int)
    markClaimsRequested = Signal(str)
    mergeRequested = Signal(str, str)
    moveRequested = Signal(int, str)
    splitRequested = Signal(str, list, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("figuresBoard")
        self.setAccessibleName("Figures board")
        self._detail: BoardFact | None = None
        self._order: list[FactFigure] = []
        self._detail_loader: Callable[[FactRow], BoardFact] | None = None
        self.conflicts_only = QCheckBox("Only facts whose figures disagree")
        self.conflicts_only.setObjectName("figuresConflictsOnly")
        self.conflicts_only.toggled.connect(self.conflictsOnlyChanged.emit)
        legend = QLabel(f"{CONFLICT_MARK} in a conflicting pair    ↑ ↓ above or below the "
                        "figure before it    under it: the date it is true for")  # fmt: skip
        legend.setObjectName("figuresLegend")
        legend.setEnabled(False)  # drawn in the muted text colour

        self.model = FactGridModel()
        self.grid = FactGrid()
        self.grid.setObjectName("factGrid")
        self.grid.setAccessibleName("Facts by article")
        self.grid.setModel(self.model)
        self.grid.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.grid.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.grid.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.grid.setWordWrap(False)  # lines are the cell's own; long ones are cut (…)
        self.grid.setTabKeyNavigation(False)  # Tab leaves the grid for the timeline
        self.grid.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.grid.setHorizontalHeader(ArticleHeader(Qt.Orientation.Horizontal, self.grid))
        hh = self.grid.horizontalHeader()
        hh.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        hh.setDefaultSectionSize(ARTICLE_COLUMN_WIDTH)
        hh.setDefaultAlignment(Qt.AlignmentFlag.AlignLeading | Qt.AlignmentFlag.AlignVCenter)
        hh.setTextElideMode(Qt.TextElideMode.ElideNone)  # the model cuts the title
        self.model.header_width = ARTICLE_COLUMN_WIDTH - 14
        vh = self.grid.verticalHeader()
        vh.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vh.setDefaultSectionSize(self.fontMetrics().lineSpacing() * 3 + 8)  # 3 lines
        vh.setFixedWidth(FACT_HEADER_WIDTH)
        vh.setDefaultAlignment(Qt.AlignmentFlag.AlignLeading | Qt.AlignmentFlag.AlignVCenter)
        vh.setTextElideMode(Qt.TextElideMode.ElideNone)  # two short lines; the tooltip has all
        vh.sectionClicked.connect(lambda row: self._go_to_row(row))
        self.grid.selectionModel().currentChanged.connect(self._on_current)
        self.grid.clicked.connect(self._open_index)
        self.grid.opened.connect(self._open_index)
        self.grid.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.cell_detail = QLabel()
        self.cell_detail.setObjectName("figureCellDetail")
        self.cell_detail.setAccessibleName("The chosen figure in words")
        self.cell_detail.setWordWrap(True)
        self.cell_detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.cell_detail.setTextFormat(Qt.TextFormat.PlainText)

        self.title = QLabel()
        self.title.setObjectName("factTitle")
        self.title.setWordWrap(True)
        self.timeline = TimelineModel()
        self.figures = Timeline()
        self.figures.setObjectName("factFigures")
        self.figures.setAccessibleName("Timeline of the fact's figures")
        self.figures.setModel(self.timeline)
        self.figures.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.figures.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.figures.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.figures.setTabKeyNavigation(False)
        self.figures.verticalHeader().hide()
        self.figures.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.figures.verticalHeader().setDefaultSectionSize(self.fontMetrics().lineSpacing() + 8)
        header = self.figures.horizontalHeader()
        widths = {T_MARK: 28, T_DATE: 140, T_STEP: 80, T_SOURCE: 150, T_FIGURE: 130, T_READS: 110}
        for col, width in widths.items():
            header.resizeSection(col, width)
        header.setStretchLastSection(True)
        self.figures.clicked.connect(lambda index: self._open_timeline_row(index.row()))
        self.figures.opened.connect(self._open_timeline_row)
        self.figures.selectionModel().currentRowChanged.connect(
            lambda current, _prev: self._say_timeline_row(current.row()))
        self.reasons = QLabel()
        self.reasons.setObjectName("factReasons")
        self.reasons.setWordWrap(True)
        self.reasons.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.rename_button = QPushButton("Rename…")
        self.rename_button.setObjectName("renameFact")
        self.rename_button.clicked.connect(self._rename)
        self.dismiss_button = QPushButton("Dismiss Figure")
        self.dismiss_button.setObjectName("dismissFigure")
        self.dismiss_button.setToolTip("Take the selected figure out of this fact (undoable)")
        self.dismiss_button.clicked.connect(self._dismiss)
        self.mark_button = QPushButton("Mark as Claims and Link")
        self.mark_button.setObjectName("markFactClaims")
        self.mark_button.setToolTip("Mark every figure of the fact as a claim and link them "
                                    "(contradicts / corroborates / same as) with the reason "
                                    "as the note (undoable)")  # fmt: skip
        self.mark_button.clicked.connect(self._mark)
        self.merge_button = QPushButton("Merge Into…")
        self.merge_button.setObjectName("mergeFact")
        self.merge_button.setToolTip("Put this fact's figures into another fact (undoable)")
        self.merge_button.clicked.connect(self._merge)
        self.move_button = QPushButton("Move Figure To…")
        self.move_button.setObjectName("moveFigure")
        self.move_button.setToolTip("Make the selected figure part of another fact (undoable)")
        self.move_button.clicked.connect(self._move)
        self.split_button = QPushButton("Split Off…")
        self.split_button.setObjectName("splitFact")
        self.split_button.setToolTip("Move the selected figures into a new fact (undoable)")
        self.split_button.clicked.connect(self._split)
        self._buttons = (self.rename_button, self.merge_button, self.mark_button,
                         self.split_button, self.move_button, self.dismiss_button)  # fmt: skip
        buttons = QGridLayout()
        fact_label = QLabel("Fact:")
        figure_label = QLabel("Selected figures:")
        buttons.addWidget(fact_label, 0, 0)
        buttons.addWidget(figure_label, 1, 0)
        for i, b in enumerate(self._buttons):
            buttons.addWidget(b, i // 3, 1 + i % 3)
        buttons.setColumnStretch(4, 1)

        words = QWidget()
        words_lay = QVBoxLayout(words)
        words_lay.setContentsMargins(0, 0, 4, 0)
        words_lay.addWidget(self.cell_detail)
        words_lay.addWidget(self.reasons)
        words_lay.addStretch(1)
        words_box = QScrollArea()
        words_box.setObjectName("factWordsArea")
        words_box.setWidgetResizable(True)
        words_box.setFrameShape(QFrame.Shape.NoFrame)
        words_box.setWidget(words)
        words_box.setMinimumHeight(self.fontMetrics().lineSpacing() * 4)
        detail = QWidget()
        lay = QVBoxLayout(detail)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.title)
        lay.addWidget(self.figures, 5)
        lay.addWidget(words_box, 3)
        lay.addLayout(buttons)
        # side by side when the board is wide (docked at the bottom), one above the
        # other when it is tall (docked at a side, or floating): see resizeEvent
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("figuresBoardSplitter")
        self.splitter.addWidget(self.grid)
        self.splitter.addWidget(detail)
        self.splitter.setChildrenCollapsible(False)
        self._split_set = False  # the grid given most of the room on first show
        bar = QHBoxLayout()
        bar.addWidget(self.conflicts_only)
        bar.addStretch(1)
        bar.addWidget(legend)
        outer = QVBoxLayout(self)
        outer.addLayout(bar)
        outer.addWidget(self.splitter, 1)
        self.show_detail(None)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        wide = event.size().width() >= event.size().height() * 3 // 2
        want = Qt.Orientation.Horizontal if wide else Qt.Orientation.Vertical
        if self.splitter.orientation() != want or not self._split_set:
            self.splitter.setOrientation(want)
            self._split_set = True
            total = sum(self.splitter.sizes()) or 1000
            self.splitter.setSizes([total * 3 // 5, total - total * 3 // 5])

    def restore_split(self, state: QByteArray) -> None:
        """The grid/timeline sizes the reviewer left (kept across runs)."""
        if self.splitter.restoreState(state):
            self._split_set = True

    # --- content ---------------------------------------------------------------------

    def set_grid(self, rows: Sequence[FactRow], columns: Sequence[BoardArticle],
                 cells: CellsLoader | None, reasons: ReasonsLoader | None,
                 detail: Callable[[FactRow], BoardFact] | None,
                 titles: TitlesLoader | None = None, keep: str | None = None) -> None:  # fmt: skip
        """Show ``rows`` by ``columns``. The loaders read what comes into view: ``cells``
        a fact's figures in some articles, ``reasons`` why one figure conflicts,
        ``detail`` the chosen fact's timeline, ``titles`` the articles' titles. The fact
        ``keep`` (else the current one) stays current, in the same article's column
        where it can."""
        current = keep or self.current_key()
        here = self.grid.currentIndex()
        article = self.model.article_at(here.column()) if here.isValid() else None
        self._detail = None
        self._detail_loader = detail
        self.model.set_grid(rows, columns, cells, reasons, titles)
        row = self.model.row_of(current) if current else None
        if row is None and rows:
            row = 0
        if row is None:
            self.show_detail(None)
            self.cell_detail.setText("No fact is told by two articles yet." if not rows else "")
            return
        col = self.model.column_of(article.id) if article is not None else None
        if col is None or not self.model.figures_at(row, col):
            col = self.model.first_filled(row)
        self.grid.setCurrentIndex(self.model.index(row, col))
        self.grid.scrollTo(self.model.index(row, col))

    def current_key(self) -> str | None:
        row = self.model.row_at(self.grid.currentIndex().row())
        return row.key if row else None

    def show_detail(self, fact: BoardFact | None) -> None:
        """The chosen fact's title, timeline and reasons (``None``: nothing chosen)."""
        self._detail = fact
        self._order = []
        for b in self._buttons:
            b.setEnabled(fact is not None)
        if fact is None:
            self.timeline.set_fact(None)
            self.title.setText("Choose a fact to see its figures.")
            self.reasons.setText("")
            self.cell_detail.setText("")
            return
        row = fact.row
        what = "timeline" if row.kind == "series" else "figures by date"
        shown = "" if fact.complete else f" (the first {len(fact.figures):,} of {fact.total:,})"
        self.title.setText(f"<b>{_esc(row.label)}</b> ({row.kind}, {what}{shown}) — "
                           f"{_esc(row.summary)}")  # fmt: skip
        self.timeline.set_fact(fact)
        self.figures.setColumnHidden(T_STEP, row.kind != "series")
        self._order = list(fact.figures)
        reasons = [f"{LRM}{CONFLICT_MARK} {_esc(r)}" for r in fact.reasons]
        more = fact.conflict_count - len(fact.reasons)
        if more > 0:
            reasons.append(f"and {more:,} more")
        heading = ("Every conflicting pair of this fact" if fact.complete else
                   "Conflicting pairs among the figures listed")  # fmt: skip
        self.reasons.setText(f"<b>{heading}</b><br>" + "<br>".join(reasons) if reasons
                             else "No conflicting pairs in this fact.")  # fmt: skip
        self._say_cell(self.grid.currentIndex())

    # --- moving and opening ----------------------------------------------------------

    def _go_to_row(self, row: int) -> None:
        col = self.grid.currentIndex().column()
        if col < 0 or not self.model.figures_at(row, col):
            col = self.model.first_filled(row)
        self.grid.setCurrentIndex(self.model.index(row, col))
        self.grid.setFocus()

    def _on_current(self, current: QModelIndex, previous: QModelIndex) -> None:
        fact = self.model.row_at(current.row())
        if fact is None:
            return
        if self._detail is None or self._detail.row.key != fact.key or (
            not previous.isValid() or previous.row() != current.row()
        ):
            loader = self._detail_loader
            self.show_detail(loader(fact) if loader is not None else None)
            self.factChosen.emit(fact.key)
        self._say_cell(current)
        self._select_in_timeline(current)

    def _say_cell(self, index: QModelIndex) -> None:
        if not index.isValid():
            return
        article = self.model.article_at(index.column())
        said = self.model.describe(index.row(), index.column())
        if article is None:
            self.cell_detail.setText("")
            return
        title = f"{_isolate(self.model.title_of(index.column())[0])} " \
                f"({short_date(article.published)})"  # fmt: skip
        if said:
            self.cell_detail.setText(_ltr(f"{title}: {said}"))
        else:
            self.cell_detail.setText(_ltr(f"{title} gives no figure for this fact."))

    def _select_in_timeline(self, index: QModelIndex) -> None:
        """The cell's figures selected in the timeline (what Split Off, Move and
        Dismiss act on)."""
        wanted = {f.id for f in self.model.figures_at(index.row(), index.column())}
        rows = self.timeline.rows_of(wanted)
        self.figures.clearSelection()
        if not rows:
            return
        self.figures.setCurrentIndex(self.timeline.index(rows[0], T_MARK))
        last = self.timeline.columnCount() - 1
        chosen = QItemSelection()
        for r in rows:
            chosen.select(self.timeline.index(r, 0), self.timeline.index(r, last))
        self.figures.selectionModel().select(
            chosen, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        self.figures.scrollTo(self.timeline.index(rows[0], T_MARK))

    def _open_index(self, index: QModelIndex) -> None:
        figs = self.model.figures_at(index.row(), index.column())
        if figs:
            f = figs[0]
            self.figureActivated.emit(f.article_id, f.start, f.end)

    def _open_timeline_row(self, row: int) -> None:
        if self._detail is not None and 0 <= row < len(self._order):
            f = self._order[row]
            self.figureActivated.emit(f.article_id, f.start, f.end)

    def _say_timeline_row(self, row: int) -> None:
        if not self.figures.hasFocus() or not 0 <= row < len(self._order):
            return
        from factcheck.core.figures.board import describe_figure

        f = self._order[row]
        lines = [describe_figure(f)]
        grid_row = self.model.row_of(self._detail.row.key) if self._detail else None
        if grid_row is not None:
            self.model.figures_at(grid_row, self.model.column_of(f.article_id) or 0)
            lines += [f"{CONFLICT_MARK} {r}" for r in self.model.reasons(grid_row, f)]
        self.cell_detail.setText(_ltr(f"{_isolate(f.article_title)}: " + "\n".join(lines)))

    # --- user actions ----------------------------------------------------------------

    def selected_figure(self) -> int | None:
        f = self.timeline.figure_at(self.figures.currentIndex().row())
        return f.id if self._detail is not None and f is not None else None

    def selected_figures(self) -> list[int]:
        if self._detail is None:
            return []
        rows = sorted({i.row() for i in self.figures.selectionModel().selectedIndexes()})
        return [self._order[r].id for r in rows if 0 <= r < len(self._order)]

    def _choose_other_fact(self, title: str) -> str | None:
        """Ask for another fact (by name) among those listed; its key, or None."""
        current = self._detail.row.key if self._detail else None
        others = [self.model.row_at(i) for i in range(self.model.rowCount())]
        choices = [r for r in others if r is not None and r.key != current]
        if not choices:
            return None
        labels = [f"{r.label} ({r.articles} articles)" for r in choices]
        label, ok = QInputDialog.getItem(self, title, "Fact:", labels, 0, False)
        return choices[labels.index(label)].key if ok and label in labels else None

    def _merge(self) -> None:
        if self._detail is None:
            return
        target = self._choose_other_fact("Merge Into Fact")
        if target is not None:
            self.mergeRequested.emit(self._detail.row.key, target)

    def _move(self) -> None:
        fid = self.selected_figure()
        if fid is None:
            return
        target = self._choose_other_fact("Move Figure to Fact")
        if target is not None:
            self.moveRequested.emit(fid, target)

    def _split(self) -> None:
        ids = self.selected_figures()
        if self._detail is None or not ids:
            return
        name, ok = QInputDialog.getText(self, "Split Off a New Fact", "Name of the new fact:")
        if ok and name.strip():
            self.splitRequested.emit(self._detail.row.key, ids, name.strip())

    def _rename(self) -> None:
        if self._detail is None:
            return
        name, ok = QInputDialog.getText(self, "Rename Fact", "Name:",
                                        text=self._detail.row.label)  # fmt: skip
        if ok and name.strip():
            self.renameRequested.emit(self._detail.row.key, name.strip())

    def _dismiss(self) -> None:
        fid = self.selected_figure()
        if fid is not None:
            self.dismissRequested.emit(fid)

    def _mark(self) -> None:
        if self._detail is not None:
            self.markClaimsRequested.emit(self._detail.row.key)


LRM = "\u200e"


def _isolate(text: str) -> str:
    """Text in another direction (an Arabic title) set apart from the sentence around
    it, so neither reorders the other (Unicode first-strong isolate)."""
    return f"\u2068{text}\u2069"


def _ltr(text: str) -> str:
    """The board's sentences are in the interface's language: each line laid out left
    to right even when it begins with an Arabic or Hebrew title or figure."""
    return "\n".join(LRM + line for line in text.split("\n"))


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
