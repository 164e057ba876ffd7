"""The operations layer: the only code that writes to a project.

Every user edit — from the GUI, the CLI or the undo stack — is one function here. Each
runs in one transaction, writes an audit row to ``history`` and returns a
:class:`Change` describing what it touched, so views refresh from the change rather than
from guesses. Undo is built from these same functions plus the snapshots below: undoing
"mark" is :func:`delete_claim`, undoing "delete" is :func:`restore_claim`.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlite_utils import Database

from factcheck.core import quotes
from factcheck.core.colors import tag_color
from factcheck.core.model import ArticleDraft, Relation, Status
from factcheck.errors import InvalidInput, NotFound
from factcheck.store import queries


@dataclass(frozen=True, slots=True)
class Change:
    """What an operation changed. Views refresh what the change names, nothing more."""

    action: str
    article_ids: frozenset[int] = frozenset()
    claim_ids: frozenset[int] = frozenset()
    tags: bool = False
    article_list: bool = False  # titles, metadata, counts or membership of the list
    created_id: int | None = None


@dataclass(frozen=True, slots=True)
class ClaimSpec:
    """A claim to create: where, and its initial verdict, tags and note."""

    article_id: int
    start: int
    end: int
    status: Status = Status.UNVERIFIED
    tags: tuple[str, ...] = ()
    note: str = ""


@dataclass(frozen=True, slots=True)
class ClaimSnapshot:
    """Everything needed to put a deleted claim back exactly as it was (same id)."""

    row: dict[str, Any]
    tags: tuple[str, ...]
    evidence: tuple[dict[str, Any], ...] = field(default=())


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _audit(
    db: Database,
    action: str,
    reviewer: str,
    *,
    article_id: int | None = None,
    claim_id: int | None = None,
    field_name: str = "",
    old: Any = "",
    new: Any = "",
    at: str | None = None,
) -> None:
    def text(v: Any) -> str:
        return v if isinstance(v, str) else json.dumps(v, ensure_ascii=False, sort_keys=True)

    db.execute(
        "INSERT INTO history (at, reviewer, action, article_id, claim_id, field, old, new) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (at or now(), reviewer, action, article_id, claim_id, field_name, text(old), text(new)),
    )


def _claim_row(db: Database, claim_id: int) -> dict[str, Any]:
    row = db.execute(
        'SELECT id, article_id, start, "end", quote, prefix, suffix, status, note, reviewer, '
        "created_at, updated_at FROM claims WHERE id = ?",
        (claim_id,),
    ).fetchone()
    if row is None:
        raise NotFound(f"no claim with id {claim_id}")
    keys = ("id", "article_id", "start", "end", "quote", "prefix", "suffix", "status",
            "note", "reviewer", "created_at", "updated_at")  # fmt: skip
    return dict(zip(keys, row, strict=True))


def _article_text(db: Database, article_id: int) -> str:
    row = db.execute("SELECT text FROM articles WHERE id = ?", (article_id,)).fetchone()
    if row is None:
        raise NotFound(f"no article with id {article_id}")
    return str(row[0])


# --- articles -----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ImportedArticle:
    draft: ArticleDraft
    article_id: int
    duplicate: bool  # True when the same text was already in the project


def import_articles(
    db: Database, drafts: Sequence[ArticleDraft], reviewer: str
) -> tuple[list[ImportedArticle], Change]:
    """Add articles in one transaction, skipping any whose text is already present.

    Duplicates are recognised by the SHA-256 of the text (within the batch too) and
    reported with the id of the article already there.
    """
    stamp = now()
    hashes = [content_hash(d.text) for d in drafts]
    results: list[ImportedArticle] = []
    created: list[int] = []
    with db.atomic():
        known = queries.article_ids_by_hash(db, hashes)
        for draft, digest in zip(drafts, hashes, strict=True):
            if digest in known:
                results.append(ImportedArticle(draft, known[digest], True))
                continue
            cur = db.execute(
                "INSERT INTO articles (title, outlet, url, author, published, text, "
                "content_hash, source_path, imported_at) VALUES (?,?,?,?,?,?,?,?,?)",
                (draft.title, draft.outlet, draft.url, draft.author, draft.published,
                 draft.text, digest, draft.source_path, stamp),
            )  # fmt: skip
            article_id = int(cur.lastrowid or 0)
            known[digest] = article_id
            created.append(article_id)
            _audit(db, "import article", reviewer, article_id=article_id, new=draft.title,
                   field_name="title", at=stamp)  # fmt: skip
            results.append(ImportedArticle(draft, article_id, False))
    change = Change("import", article_ids=frozenset(created), article_list=bool(created))
    return results, change


def update_article_metadata(
    db: Database, article_id: int, reviewer: str, **values: str
) -> Change:
    """Change title, outlet, url, author or published of an article."""
    allowed = {"title", "outlet", "url", "author", "published"}
    if bad := set(values) - allowed:
        raise InvalidInput(f"cannot set {', '.join(sorted(bad))} on an article")
    if "title" in values and not values["title"].strip():
        raise InvalidInput("an article needs a title")
    with db.atomic():
        old = queries.get_article(db, article_id)
        for key, value in values.items():
            before = getattr(old, key)
            if before == value:
                continue
            db.execute(f"UPDATE articles SET {key} = ? WHERE id = ?", (value, article_id))
            _audit(db, "edit article", reviewer, article_id=article_id, field_name=key,
                   old=before, new=value)  # fmt: skip
    return Change("edit article", article_ids=frozenset({article_id}), article_list=True)


# --- claims ---------------------------------------------------------------------------


def _insert_claim(
    db: Database, text: str, spec: ClaimSpec, reviewer: str, stamp: str
) -> int:
    if not 0 <= spec.start < spec.end <= len(text):
        raise InvalidInput(
            f"span {spec.start}-{spec.end} is outside article {spec.article_id} "
            f"(which has {len(text)} characters)"
        )
    quote = text[spec.start : spec.end]
    if not quote.strip():
        raise InvalidInput("a claim cannot be only white space")
    prefix, suffix = quotes.context(text, spec.start, spec.end)
    cur = db.execute(
        'INSERT INTO claims (article_id, start, "end", quote, prefix, suffix, status, note, '
        "reviewer, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
        (spec.article_id, spec.start, spec.end, quote, prefix, suffix, Status(spec.status),
         spec.note, reviewer, stamp, stamp),
    )  # fmt: skip
    claim_id = int(cur.lastrowid or 0)
    _audit(db, "mark claim", reviewer, article_id=spec.article_id, claim_id=claim_id,
           field_name="quote", new=quote, at=stamp)  # fmt: skip
    return claim_id


def mark_claims(db: Database, specs: Iterable[ClaimSpec], reviewer: str) -> Change:
    """Create many claims in one transaction (imports, scripts, benchmarks)."""
    stamp = now()
    texts: dict[int, str] = {}
    created: list[int] = []
    articles: set[int] = set()
    with db.atomic():
        tag_ids: dict[str, int] = {}
        for spec in specs:
            text = texts.get(spec.article_id)
            if text is None:
                text = texts[spec.article_id] = _article_text(db, spec.article_id)
            claim_id = _insert_claim(db, text, spec, reviewer, stamp)
            for name in spec.tags:
                key = name.strip().casefold()
                if key not in tag_ids:
                    tag_ids[key] = _ensure_tag(db, name)
                db.execute("INSERT OR IGNORE INTO claim_tags VALUES (?, ?)",
                           (claim_id, tag_ids[key]))  # fmt: skip
            created.append(claim_id)
            articles.add(spec.article_id)
    return Change(
        "mark claims",
        article_ids=frozenset(articles),
        claim_ids=frozenset(created),
        tags=bool(tag_ids),
        article_list=bool(created),
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
) -> Change:
    """Mark ``text[start:end]`` of the article as a claim; ``created_id`` is its id."""
    spec = ClaimSpec(article_id, start, end, Status(status), tuple(tags), note)
    change = mark_claims(db, [spec], reviewer)
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
) -> Change:
    """Mark the ``occurrence``-th exact occurrence of ``quote`` in the article."""
    if not quote.strip():
        raise InvalidInput("the quote is empty")
    if occurrence < 1:
        raise InvalidInput("--occurrence counts from 1")
    text = _article_text(db, article_id)
    start = quotes.find_occurrence(text, quote, occurrence)
    if start is None:
        n = quotes.count_occurrences(text, quote)
        where = f"article {article_id}"
        if n == 0:
            raise InvalidInput(f"the quote does not occur in {where}: {quote!r}")
        raise InvalidInput(
            f"the quote occurs {n} time{'s' if n != 1 else ''} in {where}, "
            f"not {occurrence}: {quote!r}"
        )
    return mark_claim(db, article_id, start, start + len(quote), reviewer, status=status,
                      tags=tags, note=note)  # fmt: skip


def set_status(db: Database, claim_id: int, status: Status | str, reviewer: str) -> Change:
    try:
        new = Status(status)
    except ValueError:
        choices = ", ".join(s.value for s in Status)
        raise InvalidInput(f"unknown status {status!r} (choose from {choices})") from None
    with db.atomic():
        row = _claim_row(db, claim_id)
        if row["status"] != new:
            db.execute("UPDATE claims SET status = ?, updated_at = ?, reviewer = ? WHERE id = ?",
                       (new.value, now(), reviewer, claim_id))  # fmt: skip
            _audit(db, "set status", reviewer, article_id=row["article_id"], claim_id=claim_id,
                   field_name="status", old=row["status"], new=new.value)  # fmt: skip
    return Change("set status", frozenset({row["article_id"]}), frozenset({claim_id}),
                  article_list=True)  # fmt: skip


def set_note(db: Database, claim_id: int, note: str, reviewer: str) -> Change:
    with db.atomic():
        row = _claim_row(db, claim_id)
        if row["note"] != note:
            db.execute("UPDATE claims SET note = ?, updated_at = ? WHERE id = ?",
                       (note, now(), claim_id))  # fmt: skip
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
    cur = db.execute("INSERT INTO tags (name, color) VALUES (?, ?)", (name, tag_color(count)))
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
    return ClaimSnapshot(row=row, tags=tags, evidence=evidence)


def delete_claim(db: Database, claim_id: int, reviewer: str) -> Change:
    """Delete a claim with its tag links and evidence (undo restores them)."""
    with db.atomic():
        snap = snapshot_claim(db, claim_id)
        row = snap.row
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
    evidence whose other end still exists."""
    row = snap.row
    with db.atomic():
        if queries.claim_exists(db, row["id"]):
            raise InvalidInput(f"claim {row['id']} already exists")
        _article_text(db, row["article_id"])  # the article must still be there
        cols = ", ".join(f'"{k}"' for k in row)
        db.execute(f"INSERT INTO claims ({cols}) VALUES ({','.join('?' * len(row))})",
                   tuple(row.values()))  # fmt: skip
        for name in snap.tags:
            db.execute("INSERT OR IGNORE INTO claim_tags VALUES (?, ?)",
                       (row["id"], _ensure_tag(db, name)))  # fmt: skip
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


def _articles_of(db: Database, claim_ids: Iterable[int]) -> set[int]:
    ids = list(claim_ids)
    if not ids:
        return set()
    marks = ",".join("?" * len(ids))
    return {r[0] for r in db.execute(f"SELECT article_id FROM claims WHERE id IN ({marks})", ids)}


# --- evidence -------------------------------------------------------------------------


def _insert_evidence_row(db: Database, ev: dict[str, Any]) -> int:
    cols = ", ".join(ev)
    cur = db.execute(f"INSERT INTO evidence ({cols}) VALUES ({','.join('?' * len(ev))})",
                     tuple(ev.values()))  # fmt: skip
    return int(cur.lastrowid or 0)


def link_claims(
    db: Database,
    claim_id: int,
    target_claim_id: int,
    relation: Relation | str,
    reviewer: str,
    note: str = "",
) -> Change:
    """Record that ``target_claim_id`` corroborates / contradicts / is the same as the
    claim. The link shows on both claims; ``created_id`` is the evidence id."""
    try:
        rel = Relation(relation)
    except ValueError:
        choices = ", ".join(r.value for r in Relation)
        raise InvalidInput(f"unknown relation {relation!r} (choose from {choices})") from None
    if claim_id == target_claim_id:
        raise InvalidInput("a claim cannot be evidence for itself")
    with db.atomic():
        a, b = _claim_row(db, claim_id), _claim_row(db, target_claim_id)
        evidence_id = _insert_evidence_row(db, {
            "claim_id": claim_id, "kind": "claim", "relation": rel.value,
            "target_claim_id": target_claim_id, "note": note, "reviewer": reviewer,
            "created_at": now(),
        })  # fmt: skip
        _audit(db, "link claim", reviewer, article_id=a["article_id"], claim_id=claim_id,
               field_name="evidence", new={"id": evidence_id, "relation": rel.value,
                                           "claim": target_claim_id})  # fmt: skip
    return Change("link claim", frozenset({a["article_id"], b["article_id"]}),
                  frozenset({claim_id, target_claim_id}), created_id=evidence_id)  # fmt: skip


def add_source(
    db: Database,
    claim_id: int,
    url: str,
    reviewer: str,
    *,
    title: str = "",
    quote: str = "",
    accessed: str = "",
    note: str = "",
) -> Change:
    """Attach an outside source (a URL, with title, quoted passage and accessed date)."""
    url = url.strip()
    if not url:
        raise InvalidInput("an outside source needs a URL")
    with db.atomic():
        row = _claim_row(db, claim_id)
        evidence_id = _insert_evidence_row(db, {
            "claim_id": claim_id, "kind": "source", "url": url, "title": title.strip(),
            "quote": quote, "accessed": accessed or now()[:10], "note": note,
            "reviewer": reviewer, "created_at": now(),
        })  # fmt: skip
        _audit(db, "add source", reviewer, article_id=row["article_id"], claim_id=claim_id,
               field_name="evidence", new={"id": evidence_id, "url": url})  # fmt: skip
    return Change("add source", frozenset({row["article_id"]}), frozenset({claim_id}),
                  created_id=evidence_id)  # fmt: skip


def snapshot_evidence(db: Database, evidence_id: int) -> dict[str, Any]:
    cur = db.execute("SELECT * FROM evidence WHERE id = ?", (evidence_id,))
    row = cur.fetchone()
    if row is None:
        raise NotFound(f"no evidence link with id {evidence_id}")
    return dict(zip([d[0] for d in cur.description], row, strict=True))


def remove_evidence(db: Database, evidence_id: int, reviewer: str) -> Change:
    with db.atomic():
        ev = snapshot_evidence(db, evidence_id)
        db.execute("DELETE FROM evidence WHERE id = ?", (evidence_id,))
        ends = {ev["claim_id"], ev["target_claim_id"]} - {None}
        _audit(db, "remove evidence", reviewer, claim_id=ev["claim_id"],
               article_id=next(iter(_articles_of(db, [ev["claim_id"]])), None),
               field_name="evidence", old={"id": evidence_id, "url": ev["url"],
                                           "claim": ev["target_claim_id"]})  # fmt: skip
    return Change("remove evidence", frozenset(_articles_of(db, ends)), frozenset(ends))


def restore_evidence(db: Database, ev: dict[str, Any], reviewer: str) -> Change:
    with db.atomic():
        _insert_evidence_row(db, ev)
        ends = {ev["claim_id"], ev["target_claim_id"]} - {None}
        _audit(db, "restore evidence", reviewer, claim_id=ev["claim_id"],
               field_name="evidence", new={"id": ev["id"]})  # fmt: skip
    return Change("restore evidence", frozenset(_articles_of(db, ends)), frozenset(ends))


# --- settings -------------------------------------------------------------------------


def set_setting(db: Database, key: str, value: str) -> None:
    """Project-level settings (e.g. the organisation named in exports)."""
    with db.atomic():
        db.execute("INSERT INTO settings (key, value) VALUES (?, ?) "
                   "ON CONFLICT(key) DO UPDATE SET value = excluded.value", (key, value))  # fmt: skip
