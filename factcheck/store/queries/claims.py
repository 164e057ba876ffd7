"""Reads about claims and tags, including the cheap per-article outline the window draws."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from operator import itemgetter

from factcheck.core.model import (
    CLAIM_COLUMNS,
    PLACEMENTS,
    Claim,
    Status,
    Tag,
    claim_from_row,
)
from factcheck.errors import NotFound
from factcheck.store.queries._sql import in_chunks

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from factcheck.store.database import Database
    from factcheck.store.reading import Readable

_CLAIM_COLS = ", ".join(f'c."{name}"' for name in CLAIM_COLUMNS)


def _tags_by_claim(db: Readable, where: str, params: Sequence[Any]) -> dict[int, list[str]]:
    tags: dict[int, list[str]] = defaultdict(list)
    for claim_id, name in db.execute(
        "SELECT ct.claim_id, t.name FROM claim_tags ct JOIN tags t ON t.id = ct.tag_id "
        f"JOIN claims c ON c.id = ct.claim_id WHERE {where} ORDER BY t.name COLLATE NOCASE",
        params,
    ).fetchall():
        tags[claim_id].append(name)
    return tags


def _claims(db: Readable, where: str, params: Sequence[Any], order: str) -> list[Claim]:
    tags = _tags_by_claim(db, where, params)
    return [
        claim_from_row(r, tuple(tags.get(r[0], ())))
        for r in db.execute(
            f"SELECT {_CLAIM_COLS} FROM claims c WHERE {where} ORDER BY {order}", params
        ).fetchall()
    ]  # fmt: skip


def claims_for_article(db: Readable, article_id: int) -> list[Claim]:
    """The article's claims in text order (by start, longer spans first at a tie)."""
    return _claims(db, "c.article_id = ?", (article_id,), 'c.start, c."end" DESC, c.id')


def all_claims(db: Readable, article_ids: Sequence[int] | None = None) -> list[Claim]:
    """Claims of the given articles (all when None), grouped by article in text order."""
    order = 'c.article_id, c.start, c."end" DESC, c.id'
    if article_ids is None:
        return _claims(db, "1", (), order)
    marks = ",".join("?" * len(article_ids)) or "NULL"
    return _claims(db, f"c.article_id IN ({marks})", tuple(article_ids), order)


def get_claim(db: Database, claim_id: int) -> Claim:
    found = _claims(db, "c.id = ?", (claim_id,), "c.id")
    if not found:
        raise NotFound(f"no claim with id {claim_id}")
    return found[0]


def claim_updated_at(db: Database, claim_id: int) -> str | None:
    """When the claim last changed (None: it does not exist)."""
    row = db.execute("SELECT updated_at FROM claims WHERE id = ?", (claim_id,)).fetchone()
    return None if row is None else str(row[0])


def claim_exists(db: Database, claim_id: int) -> bool:
    return db.execute("SELECT 1 FROM claims WHERE id = ?", (claim_id,)).fetchone() is not None


def list_tags(db: Database) -> list[Tag]:
    return [
        Tag(id=r[0], name=r[1], color=r[2], gid=r[3] or "")
        for r in db.execute(
            "SELECT id, name, color, gid FROM tags ORDER BY name COLLATE NOCASE"
        )
    ]


def claims_by_ids(db: Database, claim_ids: Iterable[int]) -> dict[int, Claim]:
    """The claims with these ids (unknown ids are skipped)."""
    wanted = sorted(set(claim_ids))
    found: dict[int, Claim] = {}
    for chunk, marks in in_chunks(wanted):
        for c in _claims(db, f"c.id IN ({marks})", chunk, "c.id"):
            found[c.id] = c
    return found


def claim_outline(db: Database, article_id: int) -> list[tuple[int, int, int, str, str]]:
    """``(id, start, end, status, claimant)`` of each of the article's claims, in the
    text order of :func:`claims_for_article` (by start, longer spans first at a tie,
    then id). What the window needs to open an article, in one indexed read: the
    index gives the rows by start, and only when two claims share a start are they
    sorted again here (``claimant`` is "" when the article states the claim itself)."""
    rows = db.execute(
        'SELECT id, start, "end", status, claimant FROM claims WHERE article_id = ? '
        "ORDER BY start",
        (article_id,),
    ).fetchall()
    if len(set(map(itemgetter(1), rows))) != len(rows):  # ties are rare: usually no sort
        rows.sort(key=lambda r: (r[1], -r[2], r[0]))
    return rows


def claim_outline_first(db: Database, article_id: int,
                        limit: int) -> list[tuple[int, int, int, str, str]]:  # fmt: skip
    """The first ``limit`` rows of :func:`claim_outline` (the same order): what a window
    paints at the top of a long article before reading the rest."""
    return db.execute(
        'SELECT id, start, "end", status, claimant FROM claims WHERE article_id = ? '
        'ORDER BY start, "end" DESC, id LIMIT ?',
        (article_id, limit),
    ).fetchall()


def claim_tallies(db: Database, article_id: int,
                  ) -> tuple[dict[str, int], list[tuple[str, int, int]]]:  # fmt: skip
    """How many of the article's claims have each verdict, and ``(claimant, count,
    first start)`` for each claimant spelling (claims the article states itself are
    left out): counts without reading each claim (each a pass over an index)."""
    statuses = dict(db.execute(
        "SELECT status, count(*) FROM claims WHERE article_id = ? GROUP BY status",
        (article_id,)).fetchall())  # fmt: skip
    claimants = db.execute(
        "SELECT claimant, count(*), min(start) FROM claims WHERE article_id = ? "
        "AND claimant != '' GROUP BY claimant",
        (article_id,),
    ).fetchall()
    return statuses, claimants


def claim_tags_for_claims(db: Database, claim_ids: Sequence[int]) -> dict[int, tuple[str, ...]]:
    """Tag names of each of these claims that has tags (sorted without case)."""
    found: dict[int, tuple[str, ...]] = {}
    for chunk, marks in in_chunks(list(claim_ids)):
        found.update((cid, tuple(names)) for cid, names in
                     _tags_by_claim(db, f"c.id IN ({marks})", chunk).items())  # fmt: skip
    return found


def claim_tags_for_article(db: Database, article_id: int) -> dict[int, tuple[str, ...]]:
    """Tag names of each tagged claim of the article (sorted without case); untagged
    claims are absent."""
    return {
        claim_id: tuple(names)
        for claim_id, names in _tags_by_claim(db, "c.article_id = ?", (article_id,)).items()
    }


def claimants_for_article(db: Database, article_id: int) -> dict[int, str]:
    """Who made each of the article's claims that names a claimant (others are absent)."""
    rows = db.execute(
        "SELECT id, claimant FROM claims WHERE article_id = ? AND claimant IS NOT NULL"
        " AND claimant != ''",
        (article_id,),
    ).fetchall()
    return {int(r[0]): str(r[1]) for r in rows}


def next_claim_with_status(
    db: Database,
    status: Status,
    after: tuple[int, int, int] | None,
    *,
    backwards: bool = False,
) -> Claim | None:
    """The next (or previous) claim with ``status`` across the project in reading order:
    articles by id, claims by start. ``after`` is (article_id, start, claim_id) of the
    current position; wraps round at the ends."""
    op, order = ("<", "DESC") if backwards else (">", "ASC")
    key = "(c.article_id, c.start, c.id)"
    base = "SELECT c.id FROM claims c WHERE c.status = ? "
    orderby = f" ORDER BY c.article_id {order}, c.start {order}, c.id {order} LIMIT 1"
    row = None
    if after is not None:
        row = db.execute(base + f"AND {key} {op} (?, ?, ?)" + orderby, (status, *after)).fetchone()
    if row is None:
        row = db.execute(base + orderby, (status,)).fetchone()
    return get_claim(db, row[0]) if row else None


def claims_needing_review(db: Database, article_id: int | None = None) -> list[Claim]:
    """Fuzzy and orphaned claims (of one article, or all), in reading order: what the
    reviewer must confirm, re-attach or delete after the text changed."""
    where = "c.placement IN ('fuzzy','orphaned')"
    if article_id is None:
        return _claims(db, where, (), 'c.article_id, c.start, c."end" DESC, c.id')
    return _claims(db, f"c.article_id = ? AND {where}", (article_id,),
                   'c.start, c."end" DESC, c.id')  # fmt: skip


def placement_counts(db: Database, article_id: int) -> dict[str, int]:
    """How many of the article's claims have each placement (every kind present, 0 too)."""
    counts = dict.fromkeys(PLACEMENTS, 0)
    for kind, n in db.execute(
        "SELECT placement, count(*) FROM claims WHERE article_id = ? GROUP BY placement",
        (article_id,),
    ).fetchall():
        counts[kind] = n
    return counts
