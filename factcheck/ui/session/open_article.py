"""The article open in the window: one model that the reader and the claim list observe.

It holds the article (its id, text and text hash), its claims as light rows in text order
(a plain Python list, kept sorted), and which claim is selected. It reads nothing and
writes nothing: the window's controller (:mod:`factcheck.ui.shell.review`) fills it from
the session and applies each :class:`~factcheck.store.change.Change` to it; the views only
listen. This is napari's pattern: Qt item models and painted layers are adapters over one
pure-Python container and its events, so two views can never disagree about which claims
the article has, where they are or which one is selected.

Signals (emitted after the model changed):

- ``loaded()``: a different article, none, or the open one's text changed: every offset
  held before belongs to the old text; observers rebuild from :meth:`rows`.
- ``claimsChanged(pairs)``: some claims were added, changed or removed; ``pairs`` is a
  list of ``(old_row or None, new_row or None)``, so an observer finds where a row was.
- ``selectionChanged(claim_id or None, scroll)``: the selected claim (``scroll``: bring it
  into view). Emitted again when the same claim is selected anew (after its row changed),
  and with None after ``loaded`` and when the selected claim is removed.
- ``detailsChanged()``: the title, outlet, date... changed; the text did not.
- ``completed(changed)``: the rest of a partly shown article's claims came in (see
  below). ``changed`` is False when the rows already shown and the count are as they
  were (the usual case: observers swap the data in without a repaint), True when the
  project changed in between (an undo, another program): observers rebuild.

A long article is shown from its first rows: :meth:`show` may be given only the first
claims in text order, with a :class:`ClaimSummary` of all of them (counts, claimants,
placements) and a ``rest`` callable that reads them all. Until then the model answers
the counts from the summary and the first rows as they are; anything that needs a
claim beyond them (a look-up by id, an edit, the selection, a row further down)
reads the rest first (:meth:`complete`), so no caller ever sees a partial answer.
The window completes it right after the first frame.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from operator import attrgetter, lt

from PySide6.QtCore import QObject, Signal

from factcheck.core.model import Article, Status
from factcheck.ui.common.claim_rows import ClaimRow
from factcheck.ui.common.placement_style import PLACEMENT_WORDS

RowChange = tuple[ClaimRow | None, ClaimRow | None]


def row_key(row: ClaimRow) -> tuple[int, int, int]:
    """Text order: by start, the longer claim first, then by id."""
    return (row.start, -row.end, row.id)


_id, _start, _status, _placement, _claimant = map(
    attrgetter, ("id", "start", "status", "placement", "claimant"))


def position(rows: Sequence[ClaimRow], starts: Sequence[int], key: tuple[int, int, int]) -> int:
    """Where a row with sort ``key`` belongs in ``rows`` (text order; ``starts`` are their
    starts): found by its start, then among the few rows sharing it."""
    i = bisect_left(starts, key[0])
    while i < len(rows) and starts[i] == key[0] and row_key(rows[i]) < key:
        i += 1
    return i


def index_of(rows: Sequence[ClaimRow], starts: Sequence[int], row: ClaimRow) -> int | None:
    """Where the claim ``row`` is in ``rows`` (text order; ``starts`` their starts)."""
    i = bisect_left(starts, row.start)
    while i < len(rows) and starts[i] == row.start:
        if rows[i].id == row.id:
            return i
        i += 1
    return None


@dataclass(frozen=True, slots=True)
class ClaimSummary:
    """What the window shows of all of an article's claims before reading each one:
    how many, per verdict and per claimant ("" for the article's own), the first
    spelling of each claimant in text order, and the placement of each claim that is
    not exact."""

    total: int
    statuses: Counter[str]
    claimants: Counter[str]
    spellings: tuple[str, ...] = ()  # each claimant's first spelling, in text order
    placed: dict[int, str] = field(default_factory=dict)


class OpenArticle(QObject):
    loaded = Signal()
    claimsChanged = Signal(object)  # list[RowChange]
    selectionChanged = Signal(object, bool)  # claim id or None, scroll into view
    detailsChanged = Signal()
    completed = Signal(bool)  # whether what was shown changed

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._article: Article | None = None
        self._rows: list[ClaimRow] = []
        self._starts: list[int] = []  # the rows' starts: where to look a row up
        self._by_id: dict[int, ClaimRow] = {}
        self._statuses: Counter[str] = Counter()  # claims per status, kept per edit
        self._claimants: Counter[str] = Counter()  # claims per claimant ("" too)
        self._placed: dict[int, str] = {}  # claim id -> placement, for those not exact
        self._selected: int | None = None
        # Shown partly: the rest of the rows, and what the first rows cover.
        self._rest: Callable[[], Sequence[ClaimRow]] | None = None
        self._total = 0
        self._spellings: tuple[str, ...] = ()

    # --- the article ---------------------------------------------------------------

    @property
    def article(self) -> Article | None:
        return self._article

    @property
    def article_id(self) -> int | None:
        return self._article.id if self._article is not None else None

    @property
    def text(self) -> str:
        return self._article.text if self._article is not None else ""

    @property
    def content_hash(self) -> str:
        return self._article.content_hash if self._article is not None else ""

    def show(self, article: Article | None, rows: Sequence[ClaimRow] = (), *,
             summary: ClaimSummary | None = None,
             rest: Callable[[], Sequence[ClaimRow]] | None = None) -> None:  # fmt: skip
        """Open ``article`` (None: no article) with its claims; nothing is selected.

        Given ``summary`` and ``rest``, ``rows`` are only the first claims in text order
        (the first rows of what ``rest`` returns) and ``summary`` tells of all of them;
        the rest is read when first needed (:meth:`complete`)."""
        self._article = article
        self._selected = None
        self._fill(rows)
        if summary is not None and rest is not None and summary.total > len(self._rows):
            self._rest = rest
            self._total = summary.total
            self._statuses = Counter(summary.statuses)
            self._claimants = Counter(summary.claimants)
            self._spellings = summary.spellings
            self._placed = dict(summary.placed)
        self.loaded.emit()
        self.selectionChanged.emit(None, False)

    def set_rows(self, rows: Sequence[ClaimRow]) -> None:
        """Replace every claim row (the article stays); observers rebuild."""
        self._selected = None
        self._fill(rows)
        self.loaded.emit()
        self.selectionChanged.emit(None, False)

    def set_details(self, article: Article) -> None:
        """The same article with new details (title, outlet...), same text."""
        self._article = article
        self.detailsChanged.emit()

    def _fill(self, rows: Sequence[ClaimRow]) -> None:
        """Take thousands of rows without Python code per row: the starts, the lookup by
        id and the counts are built in C (opening a long article costs about what
        laying out its text does)."""
        self._rest = None
        self._rows = list(rows)
        starts = list(map(_start, self._rows))
        if not all(map(lt, starts, starts[1:])):  # usually in text order, starts distinct
            self._rows.sort(key=row_key)
            starts = list(map(_start, self._rows))
        self._starts = starts
        self._by_id = dict(zip(map(_id, self._rows), self._rows, strict=True))
        self._statuses = Counter(map(_status, self._rows))
        self._claimants = Counter(map(_claimant, self._rows))
        exact = set(map(_placement, self._rows)) <= {"exact"}
        self._placed = {} if exact else {r.id: r.placement for r in self._rows
                                         if r.placement != "exact"}  # fmt: skip

    # --- shown partly ----------------------------------------------------------------

    def is_complete(self) -> bool:
        return self._rest is None

    def complete(self) -> None:
        """Read the rest of a partly shown article's claims (nothing when all are here);
        observers hear ``completed``. The rows held before stay as they were, in front."""
        rest = self._rest
        if rest is None:
            return
        head, total = self._rows, self._total
        self._fill(rest())
        if self._selected not in self._by_id:
            self._selected = None
        changed = len(self._rows) != total or self._rows[: len(head)] != head
        self.completed.emit(changed)

    def loaded_rows(self) -> list[ClaimRow]:
        """The rows read so far, in text order (all, once complete): what a view can
        show at once without reading the rest."""
        return list(self._rows)

    def covered(self) -> int | None:
        """Up to which code point the rows read so far hold every claim starting
        before it (None: all of them are read)."""
        if self._rest is None:
            return None
        return self._rows[-1].start if self._rows else 0

    def row(self, i: int) -> ClaimRow | None:
        """The ``i``-th claim in text order (the rest read first if it lies beyond)."""
        if i >= len(self._rows) and self._rest is not None:
            self.complete()
        return self._rows[i] if 0 <= i < len(self._rows) else None

    # --- claims --------------------------------------------------------------------

    def apply(self, upserts: Iterable[ClaimRow] = (), removed: Iterable[int] = ()) -> None:
        """Add or replace the rows ``upserts`` and drop the claims ``removed``, then tell
        the observers once (a bulk edit is one signal, not one per claim)."""
        self.complete()
        pairs: list[RowChange] = []
        unselected = False
        for claim_id in removed:
            old = self._drop(claim_id)
            if old is not None:
                pairs.append((old, None))
                if self._selected == claim_id:
                    self._selected, unselected = None, True
        for row in upserts:
            pairs.append((self._drop(row.id), row))
            self._insert(row)
        if pairs:
            self.claimsChanged.emit(pairs)
        if unselected:
            self.selectionChanged.emit(None, False)

    def upsert(self, row: ClaimRow) -> None:
        self.apply(upserts=(row,))

    def remove(self, claim_id: int) -> None:
        self.apply(removed=(claim_id,))

    def _insert(self, row: ClaimRow) -> None:
        i = position(self._rows, self._starts, row_key(row))
        self._rows.insert(i, row)
        self._starts.insert(i, row.start)
        self._by_id[row.id] = row
        self._statuses[row.status] += 1
        self._claimants[row.claimant] += 1
        if row.placement != "exact":
            self._placed[row.id] = row.placement

    def _drop(self, claim_id: int) -> ClaimRow | None:
        self._placed.pop(claim_id, None)
        old = self._by_id.pop(claim_id, None)
        if old is None:  # found by its start: no scan of thousands of rows per edit
            return None
        i = index_of(self._rows, self._starts, old)
        if i is not None:
            del self._rows[i], self._starts[i]
        self._statuses[old.status] -= 1
        self._claimants[old.claimant] -= 1
        return old

    def rows(self) -> list[ClaimRow]:
        """Every claim of the article, in text order (a copy)."""
        self.complete()
        return list(self._rows)

    def __len__(self) -> int:
        return self._total if self._rest is not None else len(self._rows)

    def get(self, claim_id: int) -> ClaimRow | None:
        self.complete()
        return self._by_id.get(claim_id)

    def key_of(self, claim_id: int) -> tuple[int, int, int] | None:
        """The claim's place in text order (:func:`row_key`), None if not in the article."""
        self.complete()
        row = self._by_id.get(claim_id)
        return row_key(row) if row is not None else None

    def __contains__(self, claim_id: object) -> bool:
        self.complete()
        return claim_id in self._by_id

    def counts(self) -> dict[str, int]:
        """Claims per status over the whole article."""
        out = dict.fromkeys((s.value for s in Status), 0)
        out.update(self._statuses)
        return out

    def placement_counts(self) -> dict[str, int]:
        """Claims per placement over the whole article (exact, moved, fuzzy, orphaned)."""
        out = dict.fromkeys(PLACEMENT_WORDS, 0)
        for placement in self._placed.values():
            out[placement] = out.get(placement, 0) + 1
        out["exact"] = len(self) - len(self._placed)
        return out

    def claimants(self) -> list[str]:
        """The claimants of the article's claims, sorted without case, each spelling once
        (the first in the text)."""
        if not any(name and n > 0 for name, n in self._claimants.items()):
            return []  # the usual case: no claim names one, no row read
        seen: dict[str, str] = {}
        names = self._spellings if self._rest is not None else map(_claimant, self._rows)
        for name in filter(None, names):
            seen.setdefault(name.casefold(), name)
        return sorted(seen.values(), key=str.casefold)

    def has_unattributed(self) -> bool:
        """Whether some claim names no claimant (the article states it itself)."""
        return self._claimants[""] > 0

    # --- selection -----------------------------------------------------------------

    @property
    def selected(self) -> int | None:
        return self._selected

    def select(self, claim_id: int | None, *, scroll: bool = True) -> None:
        """Select a claim of this article (or none: a claim not in it selects none)."""
        if claim_id is not None:
            self.complete()
        self._selected = claim_id if claim_id is not None and claim_id in self._by_id else None
        self.selectionChanged.emit(self._selected, scroll)
