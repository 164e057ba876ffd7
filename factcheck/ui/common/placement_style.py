"""How a claim's placement shows in the window: words, and whether it is highlighted.

Plain Python (no Qt), so the reader, the claim list, the banner and the editor agree on
one vocabulary. A claim whose text was lost when the article changed (``orphaned``) is
*not* highlighted: its span is only a one-character marker where the text used to be,
so the reader draws a small marker there instead (:mod:`factcheck.ui.reader.placement_paint`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from itertools import repeat

from factcheck.ui.common.claim_rows import ClaimRow
from factcheck.ui.common.positions import PositionMap
from factcheck.ui.common.spans import Span, new_span

#: The claim-list filter value for "fuzzy or orphaned" (see ``claim_model.FILTERS``).
NEEDS_REVIEW = "review"

#: What each placement is called in sentences ("2 approximate, 1 lost").
PLACEMENT_WORDS = {"exact": "exact", "moved": "moved", "fuzzy": "approximate",
                   "orphaned": "lost"}  # fmt: skip


def is_highlighted(placement: str) -> bool:
    """Whether the claim's span is painted as its quote (all but a lost claim's)."""
    return placement != "orphaned"


def needs_review(placement: str) -> bool:
    return placement in ("fuzzy", "orphaned")


def span_for(row: ClaimRow, to_qt: Callable[[int], int]) -> Span:
    """The reader's span for a claim row (``to_qt`` maps code points to Qt positions)."""
    return Span(row.id, to_qt(row.start), to_qt(row.end), row.status,
                drawn=is_highlighted(row.placement), placement=row.placement)  # fmt: skip


def spans_for(rows: Sequence[ClaimRow], positions: PositionMap) -> list[Span]:
    """The reader's spans for an article's rows. In the usual case (positions are code
    points, no claim lost) thousands are built without Python code per row."""
    if not rows:
        return []
    ids, starts, ends, statuses, _tags, _quotes, placements, *_rest = zip(*rows, strict=True)
    if not positions.identity or "orphaned" in placements:
        return [span_for(r, positions.to_qt) for r in rows]
    return list(map(new_span, zip(ids, starts, ends, statuses, repeat(True), placements)))


def placement_label(placement: str, score: float) -> str:
    """The claim list's short text: "≈ 0.82" for an approximately placed claim, "lost"
    for an orphaned one, blank for the rest (exact or moved: nothing to do), so the
    claims waiting stand out."""
    if placement == "fuzzy":
        return f"≈ {score:.2f}"
    return "lost" if placement == "orphaned" else ""


def review_counts(placements: Mapping[str, int]) -> tuple[int, int]:
    """(approximate, lost) from claim counts by placement."""
    return placements.get("fuzzy", 0), placements.get("orphaned", 0)


def review_summary(placements: Mapping[str, int]) -> str:
    """The banner's sentence, or "" when nothing waits for review:
    "3 claims need review after the text changed: 2 approximate, 1 lost"."""
    fuzzy, lost = review_counts(placements)
    total = fuzzy + lost
    if total == 0:
        return ""
    verb = "claim needs" if total == 1 else "claims need"
    parts = [f"{n} {word}" for n, word in ((fuzzy, "approximate"), (lost, "lost")) if n]
    return f"{total} {verb} review after the text changed: {', '.join(parts)}"


def _short(text: str, limit: int = 120) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def placement_hint(placement: str, score: float, quote: str, original_quote: str) -> str:
    """A line for hover text about a claim that did not land exactly ("" otherwise)."""
    if placement == "orphaned":
        return f"Lost after the text changed: “{_short(original_quote or quote)}”"
    if placement == "fuzzy":
        was = f": was “{_short(original_quote)}”" if original_quote else ""
        return f"≈ Placed approximately after the text changed (score {score:.2f}){was}"
    if placement == "moved":
        return "Moved when the text changed (found verbatim elsewhere)"
    return ""
