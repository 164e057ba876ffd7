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
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable, Sequence
from operator import attrgetter

from PySide6.QtCore import QObject, Signal

from factcheck.core.model import Article, Status
from factcheck.ui.common.claim_rows import ClaimRow
from factcheck.ui.common.placement_style import PLACEMENT_WORDS

RowChange = tuple[ClaimRow | None, ClaimRow | None]


def row_key(row: ClaimRow) -> tuple[int, int, int]:
    """Text order: by start, the longer claim first, then by id."""
    return (row.start, -row.end, row.id)


class OpenArticle(QObject):
    loaded = Signal()
    claimsChanged = Signal(object)  # list[RowChange]
    selectionChanged = Signal(object, bool)  # claim id or None, scroll into view
    detailsChanged = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._article: Article | None = None
        self._rows: list[ClaimRow] = []
        self._keys: list[tuple[int, int, int]] = []
        self._key_of: dict[int, tuple[int, int, int]] = {}  # claim id -> its sort key
        self._statuses: Counter[str] = Counter()  # claims per status, kept per edit
        self._placed: dict[int, str] = {}  # claim id -> placement, for those not exact
        self._selected: int | None = None

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

    def show(self, article: Article | None, rows: Sequence[ClaimRow] = ()) -> None:
        """Open ``article`` (None: no article) with its claims; nothing is selected."""
        self._article = article
        self._selected = None
        self._fill(rows)
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
        self._rows = list(rows)
        self._keys = [(r.start, -r.end, r.id) for r in self._rows]  # row_key, inlined
        if self._keys != sorted(self._keys):  # usually given in text order
            self._rows.sort(key=row_key)
            self._keys = [row_key(r) for r in self._rows]
        self._key_of = {k[2]: k for k in self._keys}
        self._statuses = Counter(map(attrgetter("status"), self._rows))
        self._placed = {r.id: r.placement for r in self._rows if r.placement != "exact"}

    # --- claims --------------------------------------------------------------------

    def apply(self, upserts: Iterable[ClaimRow] = (), removed: Iterable[int] = ()) -> None:
        """Add or replace the rows ``upserts`` and drop the claims ``removed``, then tell
        the observers once (a bulk edit is one signal, not one per claim)."""
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
        key = row_key(row)
        i = bisect_left(self._keys, key)
        self._rows.insert(i, row)
        self._keys.insert(i, key)
        self._key_of[row.id] = key
        self._statuses[row.status] += 1
        if row.placement != "exact":
            self._placed[row.id] = row.placement

    def _drop(self, claim_id: int) -> ClaimRow | None:
        self._placed.pop(claim_id, None)
        key = self._key_of.pop(claim_id, None)
        if key is None:  # found by its key: no scan of thousands of rows per edit
            return None
        i = bisect_left(self._keys, key)
        old = self._rows[i]
        self._statuses[old.status] -= 1
        del self._rows[i], self._keys[i]
        return old

    def rows(self) -> list[ClaimRow]:
        """Every claim of the article, in text order (a copy)."""
        return list(self._rows)

    def __len__(self) -> int:
        return len(self._rows)

    def get(self, claim_id: int) -> ClaimRow | None:
        key = self._key_of.get(claim_id)
        return self._rows[bisect_left(self._keys, key)] if key is not None else None

    def key_of(self, claim_id: int) -> tuple[int, int, int] | None:
        """The claim's place in text order (:func:`row_key`), None if not in the article."""
        return self._key_of.get(claim_id)

    def __contains__(self, claim_id: object) -> bool:
        return claim_id in self._key_of

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
        out["exact"] = len(self._rows) - len(self._placed)
        return out

    def claimants(self) -> list[str]:
        """The claimants of the article's claims, sorted without case, each spelling once."""
        seen: dict[str, str] = {}
        for r in self._rows:
            if r.claimant:
                seen.setdefault(r.claimant.casefold(), r.claimant)
        return sorted(seen.values(), key=str.casefold)

    # --- selection -----------------------------------------------------------------

    @property
    def selected(self) -> int | None:
        return self._selected

    def select(self, claim_id: int | None, *, scroll: bool = True) -> None:
        """Select a claim of this article (or none: a claim not in it selects none)."""
        self._selected = claim_id if claim_id is not None and claim_id in self._key_of else None
        self.selectionChanged.emit(self._selected, scroll)
