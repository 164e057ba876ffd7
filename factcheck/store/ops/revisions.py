"""Operations on article revisions: a new text re-anchors every claim; the reviewer then
confirms or re-attaches the claims that did not land exactly.

Placement rules (what a claim's ``placement`` becomes when the text changes):

* The algorithm (:func:`factcheck.core.anchoring.reanchor`) places each claim from its
  stored span, quote, prefix and suffix: ``exact``, ``moved``, ``fuzzy`` or ``orphaned``.
* A claim still waiting for review stays waiting: a ``fuzzy`` claim remains ``fuzzy``
  (keeping the quote the reviewer marked and the lower score) unless it is now orphaned;
  an ``orphaned`` claim found verbatim again becomes ``moved``, found approximately
  ``fuzzy``.
* An orphaned claim keeps its row and its last quote, prefix and suffix (so a later
  revision can find it again), and holds a one-character *marker* span where its text
  used to be: the schema requires ``end > start``, and the marker is where the window
  shows it. ``text[start:end]`` is not its quote; readers must check ``placement``.
* Claims whose placement ends up other than ``exact`` get a ``re-anchor claim`` audit row
  with the old and new span and quote; the revision itself gets a ``new revision`` row.

Undoing a revision (:func:`revert_text`) makes one more revision with the earlier text
and puts each claim back on the span it had there; every revision stays in the project.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from factcheck.core import quotes
from factcheck.core.anchoring import Placement, reanchor
from factcheck.core.model import PLACEMENTS
from factcheck.errors import InvalidInput
from factcheck.store import figure_queue, queries
from factcheck.store.change import RevisionResult as RevisionResult
from factcheck.store.database import Database
from factcheck.store.ops.base import (
    Change,
    StaleEdit,
    _article_text,
    _audit,
    _claim_row,
    check_text,
    content_hash,
    now,
)

REVISION_SOURCES = ("edit", "update-import")  # the schema's CHECK allows these (and import)


class UnchangedText(InvalidInput):
    """The new text is the article's current text: no revision is made."""


@dataclass(frozen=True, slots=True)
class _Row:
    id: int
    start: int
    end: int
    quote: str
    prefix: str
    suffix: str
    placement: str
    score: float
    original_quote: str


def _claim_rows(db: Database, article_id: int) -> list[_Row]:
    return [
        _Row(*r)
        for r in db.execute(
            'SELECT id, start, "end", quote, prefix, suffix, placement, placement_score, '
            "original_quote FROM claims WHERE article_id = ? ORDER BY id",
            (article_id,),
        ).fetchall()
    ]


def _settle(row: _Row, found: Placement, text: str) -> tuple[Any, ...]:
    """The claim's new (start, end, quote, prefix, suffix, placement, score, original)."""
    if found.kind == "orphaned":
        start = min(max(found.start, 0), len(text) - 1)
        original = row.original_quote or row.quote
        return (start, start + 1, row.quote, row.prefix, row.suffix, "orphaned", 0.0, original)
    start, end = found.start, found.end
    if found.kind == "fuzzy" and text[start:end].strip():
        start, end = quotes.trim_whitespace(text, start, end)  # a match may end in a space
    prefix, suffix = quotes.context(text, start, end)
    kind, score, original = found.kind, found.score, ""
    if row.placement == "fuzzy":
        kind, score, original = "fuzzy", min(row.score, found.score), row.original_quote
    elif row.placement == "orphaned":
        kind = "fuzzy" if found.kind == "fuzzy" else "moved"
        original = (row.original_quote or row.quote) if kind == "fuzzy" else ""
    elif kind == "fuzzy":
        original = row.quote
    return (start, end, text[start:end], prefix, suffix, kind, float(score), original)


def create_revision(
    db: Database,
    article_id: int,
    text: str,
    reviewer: str,
    *,
    source: str = "edit",
    source_path: str = "",
    expected_hash: str | None = None,
) -> RevisionResult:
    """Make ``text`` the article's current text, as a new revision, and re-anchor its
    claims (rules in the module docstring), all in one transaction.

    Raises :class:`UnchangedText` when ``text`` is the current text,
    :class:`StaleEdit` when ``expected_hash`` is given and the current text is not the one
    the edit started from, and :class:`InvalidInput` for an empty text or an unknown
    ``source``.
    """
    if source not in REVISION_SOURCES:
        raise InvalidInput(f"unknown revision source {source!r}")
    if not text.strip():
        raise InvalidInput(f"article {article_id}: the new text is empty")
    stamp = now()
    with db.atomic():
        check_text(db, article_id, expected_hash)
        old_text = _article_text(db, article_id)
        if text == old_text:
            raise UnchangedText(
                f"article {article_id}: the text is the same as the current revision; "
                "no new revision made"
            )
        number = queries.current_revision_number(db, article_id)
        if number == 0:  # only an article written outside the operations layer
            _insert_revision(db, article_id, 1, old_text, stamp, "", "import", "")
            number = 1
        number += 1
        # The revision this one ends keeps its text in its own row from now on.
        db.execute("UPDATE article_revisions SET text = ?, text_in_article = 0 "
                   "WHERE article_id = ? AND text_in_article = 1",
                   (old_text, article_id))  # fmt: skip
        digest = content_hash(text)
        revision_id = _insert_revision(db, article_id, number, text, stamp, reviewer, source,
                                       source_path, current=True, digest=digest)  # fmt: skip
        db.execute("UPDATE articles SET text = ?, content_hash = ? WHERE id = ?",
                   (text, digest, article_id))  # fmt: skip
        rows = _claim_rows(db, article_id)
        placed = reanchor(old_text, text, [(r.start, r.end, r.quote, r.prefix, r.suffix)
                                           for r in rows])  # fmt: skip
        # each update: (*_settle's 8 values, updated_at or None, claim id, quote changed?)
        updates: list[tuple[Any, ...]] = []
        counts = dict.fromkeys(PLACEMENTS, 0)
        for row, found in zip(rows, placed, strict=True):
            new = _settle(row, found, text)
            counts[new[5]] += 1
            old = (row.start, row.end, row.quote, row.prefix, row.suffix, row.placement,
                   row.score, row.original_quote)  # fmt: skip
            if new == old:
                continue
            touched = new[5] != "exact" or row.placement != "exact"
            updates.append((*new, stamp if touched else None, row.id, new[2] != row.quote))
            if new[5] != "exact":
                _audit(db, "re-anchor claim", reviewer, article_id=article_id, claim_id=row.id,
                       field_name="placement", at=stamp,
                       old={"placement": row.placement, "start": row.start, "end": row.end,
                            "quote": row.quote},
                       new={"placement": new[5], "start": new[0], "end": new[1],
                            "quote": new[2], "score": round(new[6], 4),
                            "revision": number})  # fmt: skip
        _write_claims(db, updates)
        _audit(db, "new revision", reviewer, article_id=article_id, field_name="text",
               old=f"revision {number - 1}", new=f"revision {number}", at=stamp)  # fmt: skip
        figure_queue.queue(db, [article_id])
    change = Change("new revision", article_ids=frozenset({article_id}),
                    claim_ids=frozenset(r.id for r in rows), article_list=True,
                    texts=frozenset({article_id}), figures=True)  # fmt: skip
    return RevisionResult(article_id, revision_id, number, counts, change)


_SET_POSITION = (
    'start = ?, "end" = ?, prefix = ?, suffix = ?, placement = ?, placement_score = ?, '
    "original_quote = ?, updated_at = coalesce(?, updated_at)"
)


def _write_claims(db: Database, updates: list[tuple[Any, ...]]) -> None:
    """Store re-anchored claims. Rows whose quote is unchanged (nearly all, after a small
    edit) are written without touching ``quote``, so the full-text trigger (which fires
    on UPDATE OF quote, note) skips them."""
    same = [(u[0], u[1], *u[3:10]) for u in updates if not u[10]]
    changed = [(u[2], *u[0:2], *u[3:10]) for u in updates if u[10]]
    db.conn.executemany(f"UPDATE claims SET {_SET_POSITION} WHERE id = ?", same)
    db.conn.executemany(f"UPDATE claims SET quote = ?, {_SET_POSITION} WHERE id = ?", changed)


def predict_placements(db: Database, article_id: int, text: str) -> dict[str, int]:
    """How the article's claims would be placed if ``text`` became its new revision
    (the counts :func:`create_revision` would report); writes nothing. For a preview."""
    old_text = _article_text(db, article_id)
    rows = _claim_rows(db, article_id)
    counts = dict.fromkeys(PLACEMENTS, 0)
    if not text.strip():
        return counts
    placed = reanchor(old_text, text, [(r.start, r.end, r.quote, r.prefix, r.suffix)
                                       for r in rows])  # fmt: skip
    for row, found in zip(rows, placed, strict=True):
        counts[_settle(row, found, text)[5]] += 1
    return counts


def _insert_revision(
    db: Database, article_id: int, number: int, text: str, stamp: str, reviewer: str,
    source: str, source_path: str, *, current: bool = False, digest: str | None = None,
) -> int:  # fmt: skip
    """Add a revision row. ``current``: the text is the article's current text, kept
    in ``articles.text`` only (the row holds no copy; migration 0012)."""
    cur = db.execute(
        "INSERT INTO article_revisions (article_id, number, text, content_hash, created_at, "
        "reviewer, source, source_path, text_in_article) VALUES (?,?,?,?,?,?,?,?,?)",
        (article_id, number, "" if current else text, digest or content_hash(text), stamp,
         reviewer, source, source_path, int(current)),
    )  # fmt: skip
    return int(cur.lastrowid or 0)


def insert_first_revision(
    db: Database, article_id: int, text: str, stamp: str, reviewer: str, source_path: str,
    digest: str | None = None,
) -> int:  # fmt: skip
    """Revision 1 of a newly imported article (called inside the import's transaction;
    ``digest``: the text's content hash, when the caller has it already); the article's
    figures are queued, to be found when next read."""
    figure_queue.queue(db, [article_id])
    return _insert_revision(db, article_id, 1, text, stamp, reviewer, "import", source_path,
                            current=True, digest=digest)  # fmt: skip


def confirm_placement(db: Database, claim_id: int, reviewer: str) -> Change:
    """The reviewer accepts where a fuzzy (or moved) claim landed: it becomes ``exact``.

    The history row keeps the placement, score and original quote it had. An orphaned
    claim has nothing to confirm (:class:`InvalidInput`): re-attach or delete it.
    """
    with db.atomic():
        row = _claim_row(db, claim_id)
        if row["placement"] == "orphaned":
            raise InvalidInput(
                f"claim {claim_id} is orphaned (its text is no longer in the article): "
                "re-attach it to a new selection or delete it"
            )
        if row["placement"] != "exact" or row["original_quote"]:
            db.execute(
                "UPDATE claims SET placement = 'exact', placement_score = 1.0, "
                "original_quote = '', updated_at = ? WHERE id = ?",
                (now(), claim_id),
            )
            _audit(db, "confirm placement", reviewer, article_id=row["article_id"],
                   claim_id=claim_id, field_name="placement",
                   old={"placement": row["placement"], "score": row["placement_score"],
                        "original_quote": row["original_quote"], "quote": row["quote"]},
                   new="exact")  # fmt: skip
    return Change("confirm placement", frozenset({row["article_id"]}), frozenset({claim_id}),
                  article_list=True)  # fmt: skip


def reattach_claim(
    db: Database, claim_id: int, start: int, end: int, reviewer: str,
    *, text_hash: str | None = None,
) -> Change:
    """Give a claim the new span ``text[start:end]`` of its article's current text (for
    an orphaned or badly placed claim); its placement becomes ``exact``.

    The verdict, note, tags and evidence stay; the history row keeps the old span and
    quote. Raises :class:`InvalidInput` for a span outside the text or only white space,
    :class:`StaleEdit` for a span taken from an older text (``text_hash``).
    """
    with db.atomic():
        row = _claim_row(db, claim_id)
        check_text(db, row["article_id"], text_hash)
        text = _article_text(db, row["article_id"])
        if start >= end:
            raise InvalidInput(f"span {start}-{end}: the start must come before the end")
        if not 0 <= start < end <= len(text):
            raise InvalidInput(
                f"span {start}-{end} is outside article {row['article_id']} "
                f"(which has {len(text)} characters)"
            )
        quote = text[start:end]
        if not quote.strip():
            raise InvalidInput("a claim cannot be only white space")
        prefix, suffix = quotes.context(text, start, end)
        db.execute(
            'UPDATE claims SET start = ?, "end" = ?, quote = ?, prefix = ?, suffix = ?, '
            "placement = 'exact', placement_score = 1.0, original_quote = '', updated_at = ? "
            "WHERE id = ?",
            (start, end, quote, prefix, suffix, now(), claim_id),
        )
        _audit(db, "reattach claim", reviewer, article_id=row["article_id"], claim_id=claim_id,
               field_name="span",
               old={"placement": row["placement"], "start": row["start"], "end": row["end"],
                    "quote": row["quote"], "original_quote": row["original_quote"]},
               new={"start": start, "end": end, "quote": quote})  # fmt: skip
    return Change("reattach claim", frozenset({row["article_id"]}), frozenset({claim_id}),
                  article_list=True)  # fmt: skip


_PLACEMENT_FIELDS = ("start", "end", "quote", "prefix", "suffix", "placement",
                     "placement_score", "original_quote")  # fmt: skip


@dataclass(frozen=True, slots=True)
class PlacementSnapshot:
    """A claim's span and placement, to undo :func:`confirm_placement` or
    :func:`reattach_claim` with :func:`restore_placement`."""

    claim_id: int
    values: tuple[Any, ...]  # in the order of _PLACEMENT_FIELDS


def _holds(snap: PlacementSnapshot, text: str) -> bool:
    """Whether the snapshot's span fits ``text`` and (unless it is an orphan's marker)
    still holds the claim's words."""
    start, end, quote, placement = snap.values[0], snap.values[1], snap.values[2], snap.values[5]
    if not 0 <= start < end <= len(text):
        return False
    return bool(placement == "orphaned" or text[start:end] == quote)


def snapshot_placement(db: Database, claim_id: int) -> PlacementSnapshot:
    row = _claim_row(db, claim_id)
    return PlacementSnapshot(claim_id, tuple(row[k] for k in _PLACEMENT_FIELDS))


def restore_placement(db: Database, snap: PlacementSnapshot, reviewer: str) -> Change:
    """Put a claim's span, quote, context and placement back as snapshotted (undo)."""
    with db.atomic():
        row = _claim_row(db, snap.claim_id)
        text = _article_text(db, row["article_id"])
        if not _holds(snap, text):
            # the text changed since: refuse, never put the claim over other words
            raise StaleEdit(f"claim {snap.claim_id}: the article's text changed since; "
                            "its earlier span no longer holds its words")  # fmt: skip
        cols = ", ".join(f'"{k}" = ?' for k in _PLACEMENT_FIELDS)
        db.execute(f"UPDATE claims SET {cols}, updated_at = ? WHERE id = ?",
                   (*snap.values, now(), snap.claim_id))  # fmt: skip
        _audit(db, "restore placement", reviewer, article_id=row["article_id"],
               claim_id=snap.claim_id, field_name="placement",
               old={"placement": row["placement"], "quote": row["quote"]},
               new={"placement": snap.values[5], "quote": snap.values[2]})  # fmt: skip
    return Change("restore placement", frozenset({row["article_id"]}),
                  frozenset({snap.claim_id}), article_list=True)  # fmt: skip


def revert_text(
    db: Database,
    article_id: int,
    text: str,
    placements: list[PlacementSnapshot],
    reviewer: str,
    *,
    expected_hash: str,
) -> RevisionResult:
    """Undo (or redo) a change of text: one more revision with ``text``, then each claim
    in ``placements`` is put back on the span it had on that text (when it still exists
    and its words are there), so a round trip leaves every claim exactly as it was.

    ``expected_hash`` is the text the undo entry left behind; if the text changed since
    (another revision, another program), the undo is refused (:class:`StaleEdit`).
    """
    with db.atomic():
        result = create_revision(db, article_id, text, reviewer, source="edit",
                                 expected_hash=expected_hash)  # fmt: skip
        cols = ", ".join(f'"{k}" = ?' for k in _PLACEMENT_FIELDS)
        for snap in placements:
            exists = db.execute("SELECT 1 FROM claims WHERE id = ?", (snap.claim_id,)).fetchone()
            if exists is None or not _holds(snap, text):
                continue
            db.execute(f"UPDATE claims SET {cols} WHERE id = ?", (*snap.values, snap.claim_id))
    return result


def placements_of(db: Database, article_id: int) -> list[PlacementSnapshot]:
    """Every claim of the article as it is placed now (to undo a change of text)."""
    ids = [r[0] for r in db.execute("SELECT id FROM claims WHERE article_id = ?", (article_id,))]
    return [snapshot_placement(db, cid) for cid in ids]
