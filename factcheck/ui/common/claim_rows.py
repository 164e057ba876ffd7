"""What the claim list and the reader hold per claim: a light row, cheap to build by the
thousand (a full :class:`~factcheck.core.model.Claim` is fetched only for the claim
being edited or hovered)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import partial
from itertools import repeat
from typing import NamedTuple


class ClaimRow(NamedTuple):
    """One claim of the open article. ``start``/``end`` are code-point offsets.

    ``placement``/``score`` say how the claim landed when the text last changed (see
    :class:`factcheck.core.model.Claim`); for an ``orphaned`` claim ``start``/``end`` is
    a one-character marker and ``quote`` its last known quote, not ``text[start:end]``.

    New per-claim facts are added here with a default, then given a column and/or a
    filter in :mod:`factcheck.ui.claims.claim_model`.
    """

    id: int
    start: int
    end: int
    status: str
    tags: tuple[str, ...] = ()
    quote: str = ""
    placement: str = "exact"
    score: float = 1.0
    claimant: str = ""  # who made the claim ("" = the article states it itself)


# ClaimRow((...)) without the Python-level __new__ of a NamedTuple: mapped over thousands
# of rows it keeps the whole loop in C.
_new_row = partial(tuple.__new__, ClaimRow)


def rows_in_text(outline: Sequence[tuple[int, int, int, str, str]],
                 tags: Mapping[int, tuple[str, ...]], text: str) -> list[ClaimRow]:  # fmt: skip
    """The rows of an article's claims from their outline ``(id, start, end, status,
    claimant)`` in text order, their tags (untagged claims absent) and the article's
    text (each quote is its slice), every claim placed exactly. Opening an article
    builds thousands of these, so no Python code runs per row."""
    if not outline:
        return []
    ids, starts, ends, statuses, claimants = zip(*outline, strict=True)
    quotes = map(text.__getitem__, map(slice, starts, ends))
    return list(map(_new_row, zip(ids, starts, ends, statuses, map(tags.get, ids, repeat(())),
                                  quotes, repeat("exact"), repeat(1.0), claimants)))  # fmt: skip
