"""What the claim list and the reader hold per claim: a light row, cheap to build by the
thousand (a full :class:`~factcheck.core.model.Claim` is fetched only for the claim
being edited or hovered)."""

from __future__ import annotations

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
