"""The claim list of the open article: columns and filters declared as data.

A new per-claim fact (say, where re-anchoring placed the claim) becomes a column by
adding a :class:`ClaimColumn` to :data:`COLUMNS` and a filter by adding a
:class:`ClaimFilter` to :data:`FILTERS`; the model, the pane and the tests pick them up.
Filtering is done here (not in a proxy) so an unfiltered list of thousands of claims
costs nothing per row.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from operator import attrgetter
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from factcheck.core.model import Status
from factcheck.ui.common.claim_rows import ClaimRow
from factcheck.ui.common.placement_style import (
    NEEDS_REVIEW,
    PLACEMENT_WORDS,
    needs_review,
    placement_label,
)
from factcheck.ui.common.theme import status_color
from factcheck.ui.session.open_article import OpenArticle, RowChange, position, row_key

Index = QModelIndex | QPersistentModelIndex
ID_ROLE = Qt.ItemDataRole.UserRole
# The roles data() answers (add one here when data() learns it). A view asks for seven
# roles per cell each paint, and marking a claim repaints the whole list: the others are
# turned away before any row is looked up.
DATA_ROLES = frozenset({Qt.ItemDataRole.DisplayRole, ID_ROLE, Qt.ItemDataRole.ToolTipRole,
                        Qt.ItemDataRole.DecorationRole, Qt.ItemDataRole.AccessibleTextRole})


def _one_line(text: str, limit: int = 160) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


@dataclass(frozen=True, slots=True)
class ClaimColumn:
    key: str
    header: str
    value: Callable[[ClaimRow], str]
    stretch: bool = False
    width: int = 110  # initial width in pixels (ignored when stretching)


@dataclass(frozen=True, slots=True)
class ClaimFilter:
    """A combo box over the list: "all" plus ``choices``; ``accepts`` keeps a row."""

    key: str
    label: str
    all_label: str
    choices: Callable[[Sequence[str]], list[tuple[str, str]]]  # known tags -> (value, text)
    accepts: Callable[[ClaimRow, str], bool]


COLUMNS: tuple[ClaimColumn, ...] = (
    ClaimColumn("quote", "Claim", lambda r: _one_line(r.quote), stretch=True),
    ClaimColumn("status", "Verdict", lambda r: Status(r.status).label),
    ClaimColumn("tags", "Tags", lambda r: ", ".join(r.tags), width=90),
    ClaimColumn("placement", "Placement", lambda r: placement_label(r.placement, r.score),
                width=78),
)

FILTERS: tuple[ClaimFilter, ...] = (
    ClaimFilter(
        "status", "Verdict", "All verdicts",
        lambda _tags: [(s.value, s.label) for s in Status],
        lambda row, value: row.status == value,
    ),
    ClaimFilter(
        "tag", "Tag", "All tags",
        lambda tags: [(t, t) for t in tags],
        lambda row, value: value.casefold() in (t.casefold() for t in row.tags),
    ),
    ClaimFilter(
        "placement", "Placement", "Any placement",
        lambda _tags: [(NEEDS_REVIEW, "Needs review"), ("fuzzy", "Approximate"),
                       ("orphaned", "Lost")],
        lambda row, value: (needs_review(row.placement) if value == NEEDS_REVIEW
                            else row.placement == value),
    ),
)  # fmt: skip

# The claimant filter's choices come from the open article's claims, not from the project
# (the pane fills that combo itself, see ClaimPane.refresh_claimants): it is kept out of
# FILTERS, whose choices are the project's tags or fixed words.
NO_CLAIMANT = "\x00none"  # the filter value for claims the article states itself


def _claimant_accepts(row: ClaimRow, value: str) -> bool:
    if value == NO_CLAIMANT:
        return not row.claimant
    return row.claimant.casefold() == value.casefold()


CLAIMANT_FILTER = ClaimFilter("claimant", "Claimant", "All claimants", lambda _tags: [],
                              _claimant_accepts)  # fmt: skip

_FILTERS_BY_KEY = {f.key: f for f in (*FILTERS, CLAIMANT_FILTER)}


def _placement_note(row: ClaimRow) -> str:
    """"approximate placement (score 0.82), needs review"; "" unless it needs review."""
    if not needs_review(row.placement):
        return ""
    score = f" (score {row.score:.2f})" if row.placement == "fuzzy" else ""
    return f"{PLACEMENT_WORDS[row.placement]} placement{score}, needs review"


_start = attrgetter("start")


class ClaimListModel(QAbstractTableModel):
    """The claims of the open article in text order, showing those the active filters
    accept: a Qt adapter over :class:`~factcheck.ui.session.open_article.OpenArticle`
    (the one list of the article's claims, which the reader observes too). It keeps only
    which rows are shown; counts and lookups are the source's.

    Given no source, it makes its own (a model tested without a window)."""

    def __init__(self, source: OpenArticle | None = None) -> None:
        super().__init__()
        self.source = source if source is not None else OpenArticle(self)
        self._shown: list[ClaimRow] = []
        self._starts: list[int] = []  # of the rows shown: where to look one up
        self._filters: dict[str, str] = {}
        self.source.loaded.connect(self._reset)
        self.source.claimsChanged.connect(self._on_claims)
        self.source.completed.connect(self._on_completed)
        self._reset()

    # --- content (the source's) --------------------------------------------------------

    def set_rows(self, rows: Sequence[ClaimRow]) -> None:
        self.source.set_rows(rows)

    def upsert(self, row: ClaimRow) -> None:
        """Add or replace one claim (in the source), touching only its row of the view."""
        self.source.upsert(row)

    def remove(self, claim_id: int) -> None:
        self.source.remove(claim_id)

    def all_rows(self) -> list[ClaimRow]:
        return self.source.rows()

    def claimants(self) -> list[str]:
        """The claimants of the article's claims (all, not only those shown), sorted
        without case, each spelling once."""
        return self.source.claimants()

    def has_unattributed(self) -> bool:
        """Whether some claim of the article names no claimant."""
        return self.source.has_unattributed()

    def total(self) -> int:
        """How many claims the article has (filters ignored)."""
        return len(self.source)

    def get(self, claim_id: int) -> ClaimRow | None:
        return self.source.get(claim_id)

    def counts(self) -> dict[str, int]:
        """Claims per status over the whole article (filters ignored)."""
        return self.source.counts()

    def placement_counts(self) -> dict[str, int]:
        """Claims per placement over the whole article (filters ignored)."""
        return self.source.placement_counts()

    # --- following the source ------------------------------------------------------

    def _reset(self) -> None:
        if self._filters:  # filtering reads every row: the rest first, not inside the reset
            self.source.complete()
        self.beginResetModel()
        self._refilter()
        self.endResetModel()

    def _on_completed(self, changed: bool) -> None:
        """The rest of a partly shown article came in: the rows shown so far are its
        first ones, so only the list behind them grows (no signal), unless the project
        changed in between."""
        if changed:
            self._reset()
        else:
            self._refilter()

    def _on_claims(self, pairs: list[RowChange]) -> None:
        for old, new in pairs:
            self._follow(old, new)

    def _follow(self, old: ClaimRow | None, new: ClaimRow | None) -> None:
        """One claim changed in the source: its row of the view moves, changes, comes or
        goes; nothing else is touched."""
        at = self._shown_at(row_key(old)) if old is not None else None
        if new is not None:
            key = row_key(new)
            if at is not None and self._accepts(new) and row_key(self._shown[at]) == key:
                self._shown[at] = new
                self.dataChanged.emit(self.index(at, 0), self.index(at, len(COLUMNS) - 1))
                return
        if at is not None:
            self.beginRemoveRows(QModelIndex(), at, at)
            del self._shown[at], self._starts[at]
            self.endRemoveRows()
        if new is not None and self._accepts(new):
            j = position(self._shown, self._starts, row_key(new))
            self.beginInsertRows(QModelIndex(), j, j)
            self._shown.insert(j, new)
            self._starts.insert(j, new.start)
            self.endInsertRows()

    def _shown_at(self, key: tuple[int, int, int]) -> int | None:
        j = position(self._shown, self._starts, key)
        return j if j < len(self._shown) and row_key(self._shown[j]) == key else None

    # --- filters -------------------------------------------------------------------

    def _accepts(self, row: ClaimRow) -> bool:
        return all(_FILTERS_BY_KEY[k].accepts(row, v) for k, v in self._filters.items())

    def _refilter(self) -> None:
        if not self._filters:  # the usual case: no per-row work for thousands of claims
            # Of a partly shown article, the rows read so far: rowCount() is the whole
            # article's count, and a row further down reads the rest (row_at).
            self._shown = self.source.loaded_rows()
        else:
            self._shown = [r for r in self.source.rows() if self._accepts(r)]
        self._starts = list(map(_start, self._shown))  # in C: no code per row

    def set_filter(self, key: str, value: str | None) -> None:
        """Show only rows whose ``key`` filter accepts ``value`` (None: no filter)."""
        if key not in _FILTERS_BY_KEY:
            raise KeyError(key)
        if value:
            self._filters[key] = value
        else:
            self._filters.pop(key, None)
        self._reset()

    def filters(self) -> dict[str, str]:
        return dict(self._filters)

    def row_of(self, claim_id: int) -> int | None:
        """The view row showing ``claim_id`` (None: not in the article, or filtered out)."""
        key = self.source.key_of(claim_id)
        return self._shown_at(key) if key is not None else None

    def row_at(self, row: int) -> ClaimRow | None:
        if row >= len(self._shown) and not self._filters:
            self.source.complete()  # a row the first ones read do not reach
        return self._shown[row] if 0 <= row < len(self._shown) else None

    # --- Qt model --------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid():
            return 0
        if self._filters or self.source.is_complete():
            return len(self._shown)
        return len(self.source)  # partly shown: the rest is read when a row asks

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # fmt: skip
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section].header
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in DATA_ROLES or not index.isValid():
            return None
        row = self.row_at(index.row())
        if row is None:
            return None
        column = COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.value(row)
        if role == ID_ROLE:
            return row.id
        if role == Qt.ItemDataRole.ToolTipRole:
            tags = f"\nTags: {', '.join(row.tags)}" if row.tags else ""
            note = _placement_note(row)
            placed = f"\n{note[0].upper()}{note[1:]}" if note else ""
            return f"{Status(row.status).label}{tags}{placed}\n\n{_one_line(row.quote, 600)}"
        if role == Qt.ItemDataRole.DecorationRole and column.key == "status":
            return status_color(row.status)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            note = f", {_placement_note(row)}" if needs_review(row.placement) else ""
            return f"{Status(row.status).label} claim{note}: {_one_line(row.quote, 200)}"
        return None
