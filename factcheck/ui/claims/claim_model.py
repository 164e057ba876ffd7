"""The claim list of the open article: columns and filters declared as data.

A new per-claim fact (say, where re-anchoring placed the claim) becomes a column by
adding a :class:`ClaimColumn` to :data:`COLUMNS` and a filter by adding a
:class:`ClaimFilter` to :data:`FILTERS`; the model, the pane and the tests pick them up.
Filtering is done here (not in a proxy) so an unfiltered list of thousands of claims
costs nothing per row.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from operator import attrgetter, lt
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


def _key(row: ClaimRow) -> tuple[int, int, int]:
    return (row.start, -row.end, row.id)


_start, _status, _placement = attrgetter("start"), attrgetter("status"), attrgetter("placement")
_claimant = attrgetter("claimant")


def _position(rows: list[ClaimRow], starts: list[int], key: tuple[int, int, int]) -> int:
    """Where a row with sort ``key`` belongs in ``rows`` (in text order, ``starts`` their
    starts): found by its start, then among the few rows sharing it."""
    i = bisect_left(starts, key[0])
    while i < len(rows) and starts[i] == key[0] and _key(rows[i]) < key:
        i += 1
    return i


def _index_of(rows: list[ClaimRow], starts: list[int], row: ClaimRow) -> int | None:
    """Where ``row`` (that very claim) is in ``rows``, or None."""
    i = bisect_left(starts, row.start)
    while i < len(rows) and starts[i] == row.start:
        if rows[i].id == row.id:
            return i
        i += 1
    return None


class ClaimListModel(QAbstractTableModel):
    """All claims of one article in text order; shows those the active filters accept.

    Setting thousands of rows does no Python work per row (the starts, the lookup by
    id and the counts are taken in C), and the view asks data() only for the rows it
    shows: opening a long article costs next to nothing here."""

    def __init__(self) -> None:
        super().__init__()
        self._all: list[ClaimRow] = []
        self._all_starts: list[int] = []
        self._shown: list[ClaimRow] = []
        self._starts: list[int] = []  # of the rows shown
        self._filters: dict[str, str] = {}
        self._placed: dict[int, str] = {}  # claim id -> placement, for those not exact
        self._by_id: dict[int, ClaimRow] = {}
        self._statuses: Counter[str] = Counter()  # claims per status, kept per edit
        self._claimants: Counter[str] = Counter()  # claims per claimant ("" too)

    # --- content ---------------------------------------------------------------------

    def set_rows(self, rows: Sequence[ClaimRow]) -> None:
        self.beginResetModel()
        self._all = list(rows)
        starts = list(map(_start, self._all))
        # Usually given in text order with distinct starts: a cheap check, no sort.
        if not all(map(lt, starts, starts[1:])):
            self._all.sort(key=_key)
            starts = list(map(_start, self._all))
        self._all_starts = starts
        self._by_id = dict(zip(map(attrgetter("id"), self._all), self._all, strict=True))
        self._statuses = Counter(map(_status, self._all))
        self._claimants = Counter(map(_claimant, self._all))
        exact = set(map(_placement, self._all)) <= {"exact"}
        self._placed = {} if exact else {r.id: r.placement for r in self._all
                                         if r.placement != "exact"}  # fmt: skip
        self._refilter()
        self.endResetModel()

    def all_rows(self) -> list[ClaimRow]:
        return list(self._all)

    def total(self) -> int:
        """How many claims the article has (filters ignored)."""
        return len(self._all)

    def claimants(self) -> list[str]:
        """The claimants of the article's claims (all, not only those shown), sorted
        without case, each spelling once."""
        if not any(n and count > 0 for n, count in self._claimants.items()):
            return []  # the usual case: no claim names one, nothing read per row
        seen: dict[str, str] = {}
        for name in filter(None, map(_claimant, self._all)):  # first spelling in the text
            seen.setdefault(name.casefold(), name)
        return sorted(seen.values(), key=str.casefold)

    def has_unattributed(self) -> bool:
        """Whether some claim names no claimant (the article states it itself)."""
        return self._claimants[""] > 0

    def _accepts(self, row: ClaimRow) -> bool:
        return all(_FILTERS_BY_KEY[k].accepts(row, v) for k, v in self._filters.items())

    def _refilter(self) -> None:
        if not self._filters:  # the usual case: no per-row work for thousands of claims
            self._shown, self._starts = list(self._all), list(self._all_starts)
            return
        self._shown = [r for r in self._all if self._accepts(r)]
        self._starts = list(map(_start, self._shown))

    def set_filter(self, key: str, value: str | None) -> None:
        """Show only rows whose ``key`` filter accepts ``value`` (None: no filter)."""
        if key not in _FILTERS_BY_KEY:
            raise KeyError(key)
        if value:
            self._filters[key] = value
        else:
            self._filters.pop(key, None)
        self.beginResetModel()
        self._refilter()
        self.endResetModel()

    def filters(self) -> dict[str, str]:
        return dict(self._filters)

    def upsert(self, row: ClaimRow) -> None:
        """Add or replace one claim, touching only its row of the view."""
        key = _key(row)
        old = self.row_of(row.id)  # where it is shown now, if it is
        self._drop(row.id)
        if row.placement != "exact":
            self._placed[row.id] = row.placement
        i = _position(self._all, self._all_starts, key)
        self._all.insert(i, row)
        self._all_starts.insert(i, row.start)
        self._by_id[row.id] = row
        self._statuses[row.status] += 1
        self._claimants[row.claimant] += 1
        if old is not None and self._accepts(row) and _key(self._shown[old]) == key:
            self._shown[old] = row
            self.dataChanged.emit(self.index(old, 0), self.index(old, len(COLUMNS) - 1))
            return
        if old is not None:
            self._remove_shown(old)
        if self._accepts(row):
            j = _position(self._shown, self._starts, key)
            self.beginInsertRows(QModelIndex(), j, j)
            self._shown.insert(j, row)
            self._starts.insert(j, row.start)
            self.endInsertRows()

    def remove(self, claim_id: int) -> None:
        old = self.row_of(claim_id)
        self._drop(claim_id)
        if old is not None:
            self._remove_shown(old)

    def _remove_shown(self, row: int) -> None:
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._shown[row], self._starts[row]
        self.endRemoveRows()

    def _drop(self, claim_id: int) -> None:
        self._placed.pop(claim_id, None)
        row = self._by_id.pop(claim_id, None)
        if row is not None:  # found by its start: no scan of thousands of rows per edit
            i = _index_of(self._all, self._all_starts, row)
            if i is not None:
                del self._all[i], self._all_starts[i]
            self._statuses[row.status] -= 1
            self._claimants[row.claimant] -= 1

    def row_of(self, claim_id: int) -> int | None:
        row = self._by_id.get(claim_id)
        return None if row is None else _index_of(self._shown, self._starts, row)

    def row_at(self, row: int) -> ClaimRow | None:
        return self._shown[row] if 0 <= row < len(self._shown) else None

    def get(self, claim_id: int) -> ClaimRow | None:
        return self._by_id.get(claim_id)

    def counts(self) -> dict[str, int]:
        """Claims per status over the whole article (filters ignored)."""
        out = dict.fromkeys((s.value for s in Status), 0)
        out.update(self._statuses)
        return out

    def placement_counts(self) -> dict[str, int]:
        """Claims per placement over the whole article (filters ignored); kept up to date
        per row, since the window asks after every edit."""
        out = dict.fromkeys(PLACEMENT_WORDS, 0)
        for placement in self._placed.values():
            out[placement] = out.get(placement, 0) + 1
        out["exact"] = len(self._all) - len(self._placed)
        return out

    # --- Qt model --------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._shown)

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
        row = self._shown[index.row()]
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
