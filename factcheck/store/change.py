"""The record of what an operation changed (plain data the views read)."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any

from factcheck.core.model import PLACEMENTS


@dataclass(frozen=True, slots=True)
class Change:
    """What an operation changed. Views refresh what the change names, nothing more.

    ``texts`` names the articles whose *text* changed (a new revision): a view showing
    one of them must re-read its text and every span in it, since offsets taken from the
    old text no longer point at the same words.
    """

    action: str
    article_ids: frozenset[int] = frozenset()
    claim_ids: frozenset[int] = frozenset()
    tags: bool = False
    article_list: bool = False  # titles, metadata, counts or membership of the list
    created_id: int | None = None
    texts: frozenset[int] = frozenset()
    facts: frozenset[str] = frozenset()  # keys of the facts whose figures or name changed
    figures: bool = False  # the figures of ``article_ids`` were found again
    suggestions: bool = False  # the suggested sentences of ``article_ids`` changed

    def merged(self, other: Change, action: str | None = None) -> Change:
        """One change that names everything either change touched: sets are united,
        flags or-ed, the first created id kept (generic over the fields, so a field
        added later merges without touching this)."""
        values: dict[str, Any] = {}
        for f in fields(self):
            mine, theirs = getattr(self, f.name), getattr(other, f.name)
            if f.name == "action":
                values[f.name] = action or mine
            elif isinstance(mine, frozenset):
                values[f.name] = mine | theirs
            elif isinstance(mine, bool):
                values[f.name] = mine or theirs
            else:
                values[f.name] = mine if mine is not None else theirs
        return Change(**values)


@dataclass(frozen=True, slots=True)
class RevisionResult:
    """A new revision and how the article's claims were placed on it.

    ``counts`` has every placement kind as a key: the claims of the article with that
    placement after the re-anchoring (a claim still waiting for review counts as such).
    """

    article_id: int
    revision_id: int
    number: int
    counts: dict[str, int] = field(default_factory=dict)
    change: Change = field(default_factory=lambda: Change("new revision"))

    def summary(self) -> str:
        return ", ".join(f"{self.counts.get(k, 0)} {k}" for k in PLACEMENTS)
