"""Claims placed from another copy of the text (an annotation file): each lands as it
really does on this article's text, ``exact``/``moved``, ``fuzzy`` with its score, or
``orphaned`` on a marker, never dropped."""

from __future__ import annotations

from collections.abc import Sequence

from factcheck.core import ids
from factcheck.core.anchoring import Anchor, place_in
from factcheck.core.model import Status
from factcheck.errors import InvalidInput
from factcheck.store.database import Database
from factcheck.store.ops.base import Change, _article_text, _audit, next_id, now
from factcheck.store.ops.claims import _ensure_tag, mark_claim


def mark_placed(
    db: Database,
    article_id: int,
    anchor: Anchor,
    reviewer: str,
    *,
    status: Status = Status.UNVERIFIED,
    tags: Sequence[str] = (),
    note: str = "",
) -> tuple[Change, str]:
    """Create a claim from a quote taken from another copy of the text (an annotation
    file), placed as it really lands on this article's text: ``exact``/``moved``, or
    ``fuzzy`` with its score and the original quote (so it is listed for review), or
    ``orphaned`` with its old quote and context on a one-character marker, never
    dropped. Returns the change and the placement kind."""
    with db.atomic():
        text = _article_text(db, article_id)
        placed = place_in(text, anchor)
        if placed.kind != "orphaned":
            change = mark_claim(db, article_id, placed.start, placed.end, reviewer,
                                status=status, tags=tags, note=note)  # fmt: skip
            if placed.kind == "fuzzy" and change.created_id is not None:
                flag_fuzzy(db, change.created_id, placed.score, anchor.quote)
            return change, placed.kind
        if not text:
            raise InvalidInput(f"article {article_id} has no text to place a claim on")
        stamp = now()
        start = min(placed.start, len(text) - 1)
        claim_id = next_id(db, "claims")
        db.execute(
            'INSERT INTO claims (id, gid, article_id, start, "end", quote, prefix, suffix, '
            "status, note, reviewer, created_at, updated_at, created_by, placement, "
            "placement_score) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,'orphaned',0.0)",
            (claim_id, ids.new_gid(), article_id, start, start + 1, anchor.quote,
             anchor.prefix, anchor.suffix, Status(status), note, reviewer, stamp, stamp,
             reviewer),
        )  # fmt: skip
        for name in tags:
            db.execute("INSERT OR IGNORE INTO claim_tags VALUES (?, ?)",
                       (claim_id, _ensure_tag(db, name)))  # fmt: skip
        _audit(db, "mark claim", reviewer, article_id=article_id, claim_id=claim_id,
               field_name="placement", new={"placement": "orphaned", "quote": anchor.quote},
               at=stamp)  # fmt: skip
    change = Change("mark claim", frozenset({article_id}), frozenset({claim_id}),
                    tags=bool(tags), article_list=True, created_id=claim_id)  # fmt: skip
    return change, "orphaned"


def flag_fuzzy(db: Database, claim_id: int, score: float, original_quote: str) -> None:
    """Record that a claim just created landed approximately (``fuzzy``, with its score
    and the quote it was looking for), so it is listed for review. Part of the calling
    operation's transaction and audit row."""
    db.execute(
        "UPDATE claims SET placement = 'fuzzy', placement_score = ?, original_quote = ? "
        "WHERE id = ?",
        (score, original_quote, claim_id),
    )
