"""Operations on claims: mark, verdict, note, tags, delete and restore."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from factcheck.core import ids, quotes
from factcheck.core.anchoring import Anchor, place_in
from factcheck.core.colors import tag_color
from factcheck.core.folding import count_quote, find_quote
from factcheck.core.model import Status
from factcheck.errors import InvalidInput, NotFound
from factcheck.store import queries
from factcheck.store.database import Database
from factcheck.store.ops.base import (
    Change,
    ClaimSnapshot,
    ClaimSpec,
    StaleEdit,
    _article_text,
    _articles_of,
    _audit,
    _claim_row,
    _insert_rows,
    _record_verdict,
    check_text,
    next_id,
    now,
)
from factcheck.store.ops.evidence import _insert_evidence_row
from factcheck.store.queries._sql import in_chunks

# --- claims ---------------------------------------------------------------------------


def _span_window(db: Database, article_id: int, start: int, end: int) -> tuple[str, int, int]:
    """The article text around ``start``-``end`` (the span plus its context) as
    ``(window, window_start, length)``, read without loading the whole text: marking
    one claim in a 1 MB article should not copy a megabyte. SQLite's ``substr`` counts
    characters, as Python indices do.

    ``length`` is what the span check needs: the article's length when the text ends
    inside the window (or before it), else the window's end, which the text goes past
    (counting a megabyte's characters for ``length(text)`` took longer than the rest
    of a mark)."""
    lo = max(0, start - quotes.CONTEXT_CHARS)
    wanted = max(0, end - lo) + quotes.CONTEXT_CHARS
    row = db.execute("SELECT substr(text, ?, ?) FROM articles WHERE id = ?",
                     (lo + 1, wanted, article_id)).fetchone()  # fmt: skip
    if row is None:
        raise NotFound(f"no article with id {article_id}")
    window = str(row[0])
    if len(window) == wanted:  # the text goes on after the window
        return window, lo, lo + wanted
    length = db.execute("SELECT length(text) FROM articles WHERE id = ?",
                        (article_id,)).fetchone()[0]  # fmt: skip
    return window, lo, int(length)


def _claim_row_values(
    text: str, offset: int, length: int, spec: ClaimSpec
) -> tuple[str, str, str]:
    """Check one claim's span and return its (quote, prefix, suffix); ``text`` is the
    article text from ``offset`` on (all of it, or a window around the span) and
    ``length`` the whole article's length."""
    if spec.start >= spec.end:
        raise InvalidInput(f"span {spec.start}-{spec.end}: the start must come before the end")
    if not 0 <= spec.start < spec.end <= length:
        raise InvalidInput(
            f"span {spec.start}-{spec.end} is outside article {spec.article_id} "
            f"(which has {length} characters)"
        )
    start, end = spec.start - offset, spec.end - offset
    quote = text[start:end]
    if not quote.strip():
        raise InvalidInput("a claim cannot be only white space")
    prefix, suffix = quotes.context(text, start, end)
    return quote, prefix, suffix


def _claim_gids(db: Database, specs: Sequence[ClaimSpec]) -> list[str]:
    """Each spec's global id: the one it asks for when no claim (in the project or
    earlier in the batch) has it yet, else a new one."""
    wanted = sorted({s.gid for s in specs if s.gid})
    taken: set[str] = set()
    for chunk, marks in in_chunks(wanted):
        taken.update(r[0] for r in db.execute(
            f"SELECT gid FROM claims WHERE gid IN ({marks})", chunk))  # fmt: skip
    fresh = iter(ids.new_gids(sum(1 for s in specs if not s.gid or s.gid in taken)))
    gids = []
    for spec in specs:
        if spec.gid and spec.gid not in taken:
            taken.add(spec.gid)
            gids.append(spec.gid)
        else:
            gids.append(next(fresh, "") or ids.new_gid())
    return gids


_INSERT_CLAIM = (
    'INSERT INTO claims (id, gid, article_id, start, "end", quote, prefix, suffix, status, '
    "note, reviewer, created_at, updated_at, created_by, claimant)"
)
_INSERT_VERDICT = "INSERT INTO reviewer_verdicts (claim_id, reviewer, status, note, updated_at)"
_INSERT_AUDIT = (
    "INSERT INTO history (at, reviewer, action, article_id, claim_id, field, old, new)"
)


def mark_claims(
    db: Database, specs: Iterable[ClaimSpec], reviewer: str, *,
    held: Mapping[int, str] | None = None,
) -> Change:  # fmt: skip
    """Create many claims in one transaction (imports, scripts, benchmarks), each with
    its ``mark claim`` audit row, written a table at a time.

    An article with one claim in the batch is read only around the span; one with
    several is read once, whole. ``held``: article id -> the text the caller already
    holds, the one whose SHA-256 the spec's ``text_hash`` is (the window's open
    article); a spec with a ``text_hash`` takes its quote and context from it, once the
    stored hash is found equal, instead of reading the text again (SQLite reads all of
    a 1 MB text even for a slice of it). A refused spec (:class:`InvalidInput`)
    refuses the batch before anything is written."""
    stamp = now()
    todo = list(specs)
    per_article = Counter(spec.article_id for spec in todo)
    texts: dict[int, str] = {}
    claims: list[tuple[Any, ...]] = []
    verdicts: list[tuple[Any, ...]] = []
    audits: list[tuple[Any, ...]] = []
    links: list[tuple[int, int]] = []
    articles: set[int] = set()
    with db.atomic():
        first_id = next_id(db, "claims")
        gids = _claim_gids(db, todo)
        tag_ids: dict[str, int] = {}
        for n, (spec, gid) in enumerate(zip(todo, gids, strict=True)):
            if spec.text_hash is not None:
                check_text(db, spec.article_id, spec.text_hash)
            mine = held.get(spec.article_id) if held and spec.text_hash is not None else None
            if mine is not None:  # the very text stored: its hash was just checked
                quote, prefix, suffix = _claim_row_values(mine, 0, len(mine), spec)
            elif per_article[spec.article_id] == 1:
                window, offset, length = _span_window(db, spec.article_id, spec.start, spec.end)
                quote, prefix, suffix = _claim_row_values(window, offset, length, spec)
            else:
                text = texts.get(spec.article_id)
                if text is None:
                    text = texts[spec.article_id] = _article_text(db, spec.article_id)
                quote, prefix, suffix = _claim_row_values(text, 0, len(text), spec)
            claim_id = first_id + n
            status = spec.status if type(spec.status) is Status else Status(spec.status)
            claims.append((claim_id, gid, spec.article_id, spec.start, spec.end, quote, prefix,
                           suffix, status, spec.note, reviewer, stamp, stamp, reviewer,
                           spec.claimant.strip()))  # fmt: skip
            if status != Status.UNVERIFIED or spec.note:
                verdicts.append((claim_id, reviewer, status.value, spec.note, stamp))
            audits.append((stamp, reviewer, "mark claim", spec.article_id, claim_id, "quote",
                           "", quote))  # fmt: skip
            for name in spec.tags:
                key = name.strip().casefold()
                if key not in tag_ids:
                    tag_ids[key] = _ensure_tag(db, name)
                links.append((claim_id, tag_ids[key]))
            articles.add(spec.article_id)
        _insert_rows(db, _INSERT_CLAIM, claims)
        _insert_rows(db, _INSERT_VERDICT, verdicts)
        _insert_rows(db, _INSERT_AUDIT, audits)
        _insert_rows(db, "INSERT OR IGNORE INTO claim_tags (claim_id, tag_id)", links)
    return Change(
        "mark claims",
        article_ids=frozenset(articles),
        claim_ids=frozenset(c[0] for c in claims),
        tags=bool(tag_ids),
        article_list=bool(claims),
    )


def mark_claim(
    db: Database,
    article_id: int,
    start: int,
    end: int,
    reviewer: str,
    *,
    status: Status = Status.UNVERIFIED,
    tags: Sequence[str] = (),
    note: str = "",
    text_hash: str | None = None,
    claimant: str = "",
    gid: str = "",
    text: str | None = None,
) -> Change:
    """Mark ``text[start:end]`` of the article as a claim; ``created_id`` is its id.

    ``text_hash`` is the SHA-256 of the text the span was taken from (the window passes
    the text it shows): a span from an older text is refused (:class:`StaleEdit`).
    ``text``: that text itself, when the caller holds it (with ``text_hash`` only): the
    quote and its context are taken from it rather than read again.
    ``gid`` keeps a global id the claim already has elsewhere (an imported annotation)."""
    spec = ClaimSpec(article_id, start, end, Status(status), tuple(tags), note,
                     text_hash=text_hash, claimant=claimant, gid=gid)  # fmt: skip
    held = {article_id: text} if text is not None and text_hash is not None else None
    change = mark_claims(db, [spec], reviewer, held=held)
    (claim_id,) = change.claim_ids
    return Change(
        "mark claim",
        article_ids=change.article_ids,
        claim_ids=change.claim_ids,
        tags=bool(tags),
        article_list=True,
        created_id=claim_id,
    )


def mark_quote(
    db: Database,
    article_id: int,
    quote: str,
    reviewer: str,
    *,
    occurrence: int = 1,
    status: Status = Status.UNVERIFIED,
    tags: Sequence[str] = (),
    note: str = "",
    claimant: str = "",
) -> Change:
    """Mark the ``occurrence``-th occurrence of ``quote`` in the article. Invisible
    direction marks and Unicode normalisation are ignored in the match (a quote typed as
    "geprüft" finds a decomposed "geprüft"); the claim covers the text as stored."""
    if not quote.strip():
        raise InvalidInput("the quote is empty")
    if occurrence < 1:
        raise InvalidInput("--occurrence counts from 1")
    text = _article_text(db, article_id)
    found = find_quote(text, quote, occurrence)
    if found is None:
        n = count_quote(text, quote)
        where = f"article {article_id}"
        if n == 0:
            raise InvalidInput(f"the quote does not occur in {where}: {quote!r}")
        raise InvalidInput(
            f"the quote occurs {n} time{'s' if n != 1 else ''} in {where}, "
            f"not {occurrence}: {quote!r}"
        )
    return mark_claim(db, article_id, found[0], found[1], reviewer, status=status,
                      tags=tags, note=note, claimant=claimant)  # fmt: skip


def set_status(
    db: Database, claim_id: int, status: Status | str, reviewer: str,
    *, expected: Status | str | None = None,
) -> Change:
    """Give a claim a verdict. ``expected``: the verdict the caller saw (an undo, or a
    window that may be out of date); a different one now is refused, not overwritten."""
    try:
        new = Status(status)
    except ValueError:
        choices = ", ".join(s.value for s in Status)
        raise InvalidInput(f"unknown status {status!r} (choose from {choices})") from None
    with db.atomic():
        row = _claim_row(db, claim_id)
        if expected is not None and row["status"] != Status(expected):
            raise StaleEdit(
                f"claim {claim_id}: its verdict was changed elsewhere since (now "
                f"{row['status']}); not overwritten"
            )
        stamp = now()
        _record_verdict(db, claim_id, reviewer, stamp, status=new.value)
        # Once adjudicated, only a new adjudication changes the verdict in effect; the
        # reviewer's own verdict is still kept (above).
        if row["status"] != new and not row["adjudicated_status"]:
            db.execute("UPDATE claims SET status = ?, updated_at = ?, reviewer = ? WHERE id = ?",
                       (new.value, stamp, reviewer, claim_id))  # fmt: skip
            _audit(db, "set status", reviewer, article_id=row["article_id"], claim_id=claim_id,
                   field_name="status", old=row["status"], new=new.value)  # fmt: skip
    return Change("set status", frozenset({row["article_id"]}), frozenset({claim_id}),
                  article_list=True)  # fmt: skip


def set_note(
    db: Database, claim_id: int, note: str, reviewer: str, *, expected: str | None = None
) -> Change:
    """Replace a claim's note; ``expected`` as in :func:`set_status`."""
    with db.atomic():
        row = _claim_row(db, claim_id)
        if expected is not None and row["note"] != expected:
            raise StaleEdit(f"claim {claim_id}: its note was changed elsewhere since; "
                            "not overwritten")  # fmt: skip
        if row["note"] != note:
            stamp = now()
            _record_verdict(db, claim_id, reviewer, stamp, note=note)
            db.execute("UPDATE claims SET note = ?, updated_at = ? WHERE id = ?",
                       (note, stamp, claim_id))  # fmt: skip
            _audit(db, "set note", reviewer, article_id=row["article_id"], claim_id=claim_id,
                   field_name="note", old=row["note"], new=note)  # fmt: skip
    return Change("set note", frozenset({row["article_id"]}), frozenset({claim_id}))


def _ensure_tag(db: Database, name: str) -> int:
    name = name.strip()
    if not name:
        raise InvalidInput("a tag needs a name")
    row = db.execute("SELECT id FROM tags WHERE name = ? COLLATE NOCASE", (name,)).fetchone()
    if row:
        return int(row[0])
    (count,) = db.execute("SELECT count(*) FROM tags").fetchone()
    cur = db.execute("INSERT INTO tags (gid, name, color) VALUES (?, ?, ?)",
                     (ids.tag_gid(name), name, tag_color(count)))  # fmt: skip
    return int(cur.lastrowid or 0)


def add_tag(db: Database, claim_id: int, name: str, reviewer: str) -> Change:
    """Tag a claim, creating the tag (with a distinct colour) if it is new."""
    with db.atomic():
        row = _claim_row(db, claim_id)
        tag_id = _ensure_tag(db, name)
        cur = db.execute("INSERT OR IGNORE INTO claim_tags VALUES (?, ?)", (claim_id, tag_id))
        if cur.rowcount:
            db.execute("UPDATE claims SET updated_at = ? WHERE id = ?", (now(), claim_id))
            _audit(db, "add tag", reviewer, article_id=row["article_id"], claim_id=claim_id,
                   field_name="tags", new=name.strip())  # fmt: skip
    return Change("add tag", frozenset({row["article_id"]}), frozenset({claim_id}), tags=True)


def remove_tag(db: Database, claim_id: int, name: str, reviewer: str) -> Change:
    with db.atomic():
        row = _claim_row(db, claim_id)
        cur = db.execute(
            "DELETE FROM claim_tags WHERE claim_id = ? AND tag_id IN "
            "(SELECT id FROM tags WHERE name = ? COLLATE NOCASE)",
            (claim_id, name.strip()),
        )
        if cur.rowcount:
            db.execute("UPDATE claims SET updated_at = ? WHERE id = ?", (now(), claim_id))
            _audit(db, "remove tag", reviewer, article_id=row["article_id"], claim_id=claim_id,
                   field_name="tags", old=name.strip())  # fmt: skip
    return Change("remove tag", frozenset({row["article_id"]}), frozenset({claim_id}), tags=True)


def snapshot_claim(db: Database, claim_id: int) -> ClaimSnapshot:
    """The claim with its tags and all evidence touching it, for a later restore."""
    row = _claim_row(db, claim_id)
    tags = tuple(
        r[0]
        for r in db.execute(
            "SELECT t.name FROM claim_tags ct JOIN tags t ON t.id = ct.tag_id "
            "WHERE ct.claim_id = ? ORDER BY t.name",
            (claim_id,),
        )
    )
    cur = db.execute(
        "SELECT * FROM evidence WHERE claim_id = ? OR target_claim_id = ? ORDER BY id",
        (claim_id, claim_id),
    )
    cols = [d[0] for d in cur.description]
    evidence = tuple(dict(zip(cols, r, strict=True)) for r in cur.fetchall())
    cur = db.execute("SELECT * FROM reviewer_verdicts WHERE claim_id = ? ORDER BY reviewer",
                     (claim_id,))  # fmt: skip
    cols = [d[0] for d in cur.description]
    verdicts = tuple(dict(zip(cols, r, strict=True)) for r in cur.fetchall())
    return ClaimSnapshot(row=row, tags=tags, evidence=evidence, verdicts=verdicts)


def delete_claim(
    db: Database, claim_id: int, reviewer: str, *, expected_updated_at: str | None = None
) -> Change:
    """Delete a claim with its tag links and evidence (undo restores them).

    ``expected_updated_at``: when the caller last saw the claim (undoing a mark); a claim
    edited since (by another window or the command line) is refused, not deleted."""
    with db.atomic():
        snap = snapshot_claim(db, claim_id)
        row = snap.row
        if expected_updated_at is not None and row["updated_at"] != expected_updated_at:
            raise StaleEdit(f"claim {claim_id} was changed elsewhere since; not deleted")
        db.execute("DELETE FROM claims WHERE id = ?", (claim_id,))
        _audit(db, "delete claim", reviewer, article_id=row["article_id"], claim_id=claim_id,
               field_name="quote", old=row["quote"])  # fmt: skip
        linked = {e["claim_id"] for e in snap.evidence} | {
            e["target_claim_id"] for e in snap.evidence if e["target_claim_id"]
        }
    articles = {row["article_id"]} | _articles_of(db, linked - {claim_id})
    return Change("delete claim", frozenset(articles), frozenset(linked | {claim_id}),
                  article_list=True)  # fmt: skip


def restore_claim(db: Database, snap: ClaimSnapshot, reviewer: str) -> Change:
    """Put back a claim deleted by :func:`delete_claim`, with the same id, tags and the
    evidence whose other end still exists.

    The snapshot's span belongs to the text it was taken from. When the article's text
    has changed since, the claim is placed again from its quote and context (``moved``
    or, approximately, ``fuzzy`` for review); when its words are gone the restore is
    refused (:class:`StaleEdit`) rather than put over other words.
    """
    row = dict(snap.row)
    with db.atomic():
        if queries.claim_exists(db, row["id"]):
            raise InvalidInput(f"claim {row['id']} already exists")
        text = _article_text(db, row["article_id"])  # the article must still be there
        _replace_span(row, text)
        cols = ", ".join(f'"{k}"' for k in row)
        db.execute(f"INSERT INTO claims ({cols}) VALUES ({','.join('?' * len(row))})",
                   tuple(row.values()))  # fmt: skip
        for name in snap.tags:
            db.execute("INSERT OR IGNORE INTO claim_tags VALUES (?, ?)",
                       (row["id"], _ensure_tag(db, name)))  # fmt: skip
        for v in snap.verdicts:
            db.execute("INSERT OR REPLACE INTO reviewer_verdicts (claim_id, reviewer, status, "
                       "note, updated_at) VALUES (?, ?, ?, ?, ?)",
                       (row["id"], v["reviewer"], v["status"], v["note"],
                        v["updated_at"]))  # fmt: skip
        linked: set[int] = set()
        for ev in snap.evidence:
            ends = {ev["claim_id"], ev["target_claim_id"]} - {None, row["id"]}
            if all(queries.claim_exists(db, c) for c in ends):
                _insert_evidence_row(db, ev)
                linked |= ends
        _audit(db, "restore claim", reviewer, article_id=row["article_id"],
               claim_id=row["id"], field_name="quote", new=row["quote"])  # fmt: skip
    articles = {row["article_id"]} | _articles_of(db, linked)
    return Change("restore claim", frozenset(articles), frozenset(linked | {row["id"]}),
                  tags=bool(snap.tags), article_list=True)  # fmt: skip


def _replace_span(row: dict[str, Any], text: str) -> None:
    """Fit a snapshotted claim row onto the article's current ``text`` (in place)."""
    start, end, quote = row["start"], row["end"], row["quote"]
    if row.get("placement") == "orphaned":  # a marker, not its quote: keep it inside
        if end > len(text):
            row["start"], row["end"] = max(0, len(text) - 1), max(1, len(text))
        return
    if text[start:end] == quote:
        return
    placed = place_in(text, Anchor(start, end, quote, row["prefix"], row["suffix"]))
    if placed.kind == "orphaned":
        shown = quote if len(quote) <= 60 else quote[:59] + "…"
        raise StaleEdit(
            f"claim {row['id']}: its words “{shown}” are no longer in article "
            f"{row['article_id']}; it was not put back"
        )
    row["start"], row["end"], row["quote"] = placed.start, placed.end, placed.quote
    row["prefix"], row["suffix"] = quotes.context(text, placed.start, placed.end)
    if placed.kind == "fuzzy":
        row["placement"], row["placement_score"] = "fuzzy", placed.score
        row["original_quote"] = row.get("original_quote") or quote
    else:
        row["placement"] = "moved" if row.get("placement", "exact") == "exact" else row["placement"]


def set_claimant(
    db: Database, claim_id: int, claimant: str, reviewer: str, *,
    claimed_at: str | None = None, expected: str | None = None,
) -> Change:
    """Record who made the claim (and, if given, when: an ISO date). ``expected`` as in
    :func:`set_status`: the claimant the caller saw."""
    claimant = " ".join(claimant.split())
    if len(claimant) > 300:
        raise InvalidInput("a claimant's name is at most 300 characters")
    if claimed_at is not None and claimed_at and not _ISO_DATE.fullmatch(claimed_at):
        raise InvalidInput(f"not a date (YYYY, YYYY-MM or YYYY-MM-DD): {claimed_at!r}")
    with db.atomic():
        row = _claim_row(db, claim_id)
        if expected is not None and row["claimant"] != expected:
            raise StaleEdit(f"claim {claim_id}: its claimant was changed elsewhere since; "
                            "not overwritten")  # fmt: skip
        when = row["claimed_at"] if claimed_at is None else claimed_at
        if (row["claimant"], row["claimed_at"]) != (claimant, when):
            db.execute("UPDATE claims SET claimant = ?, claimed_at = ?, updated_at = ? "
                       "WHERE id = ?", (claimant, when, now(), claim_id))  # fmt: skip
            _audit(db, "set claimant", reviewer, article_id=row["article_id"],
                   claim_id=claim_id, field_name="claimant",
                   old=row["claimant"], new=claimant)  # fmt: skip
    return Change("set claimant", frozenset({row["article_id"]}), frozenset({claim_id}))


_ISO_DATE = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?")
