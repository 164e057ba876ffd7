"""Importing W3C Web Annotations into a project: how two reviewers merge their work.

Each annotation is matched to an article by its target's source: the article with that
URL, else the article whose text (current or an older revision) has the SHA-256 named
by an ``urn:factcheck:article:`` source or by ``fc:contentHash``. It is then placed on
the article's current text by :func:`locate_quote`. An annotation whose article is not in
the project but whose text the file carries (an export made with ``--embed-text``)
first brings that article in, as an import would (its text must have the SHA-256 its
``urn:factcheck:article:`` IRI names). Annotations that cannot be placed
are reported, never guessed; the others are still imported. Everything is written
through the operations layer, inside one transaction (all of it or none of it).

Merging: an annotation that lands on an existing claim (same article, same span, same
quote) is merged into it instead of adding a claim, so importing the same collection
twice changes nothing the second time:

* tags: the union;
* verdict: taken over if the claim is still unverified; if both are judged and differ,
  the claim keeps its verdict and the conflict is reported;
* note: appended as a new paragraph unless the claim's note already contains it;
* outside sources: added unless the claim already has one with the same URL;
* claim links: added unless the same link (same ends, same relation) exists.

New claims are recorded with the annotation's creator as their reviewer (so a merged
report shows who judged what); timestamps are those of the import. Claim links are
made after every annotation is placed: a link's far end is looked up among the
annotations just imported (by annotation id), else, for a factcheck claim id
(``urn:factcheck:claim:<hash>:<start>-<end>``), among the claims already in the
project.
"""

from __future__ import annotations

import json
import stat
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from factcheck.core.anchoring import (
    FUZZY_MIN_QUOTE_SIMILARITY,
    FUZZY_MIN_SCORE,
    Anchor,
    match_quote,
)
from factcheck.core.interchange.ids import parse_article_iri, parse_claim_iri
from factcheck.core.interchange.w3c_parse import (
    AnnotationRecord,
    EmbeddedArticle,
    embedded_articles,
    parse_annotations,
)
from factcheck.core.model import ArticleDraft, Claim, Status
from factcheck.core.safe_text import display_path
from factcheck.errors import FactcheckError, InvalidInput
from factcheck.store import ops, queries
from factcheck.store.database import Database

# An export holds ~1.5 KB per claim, so this is ~85,000 claims; json.loads needs about
# seven times the file's size in memory, which bounds what an import can take.
MAX_FILE_BYTES = 128 * 1024 * 1024
MAX_NUMBER_DIGITS = 30  # longer JSON numbers are no position or count of ours


@dataclass(frozen=True, slots=True)
class Placed:
    start: int
    end: int
    how: str  # "position", "quote" or "approximate"
    score: float = 1.0


@dataclass(frozen=True, slots=True)
class Unplaced:
    annotation_id: str
    reason: str

    def line(self) -> str:
        return f"{self.annotation_id}: {self.reason}"


@dataclass(frozen=True, slots=True)
class AnnotationImport:
    """What an import did. ``created``/``merged`` map annotation id -> claim id."""

    created: dict[str, int]
    merged: dict[str, int]
    unplaced: tuple[Unplaced, ...]
    notes: tuple[str, ...]  # verdict conflicts, approximate placements, links left out
    links_added: int
    sources_added: int
    change: ops.Change = field(default_factory=lambda: ops.Change("import annotations"))

    @property
    def ok(self) -> bool:
        """True when every annotation was placed."""
        return not self.unplaced

    def summary(self) -> str:
        return (
            f"{len(self.created)} claims added, {len(self.merged)} merged into existing "
            f"claims, {len(self.unplaced)} could not be placed; {self.links_added} links "
            f"and {self.sources_added} sources added"
        )


def locate_quote(text: str, record: AnnotationRecord) -> Placed | None:
    """Where ``record`` lies in ``text``, or None.

    The one place that decides placement: the exact quote at the TextPositionSelector's
    span first; else the quote as matched by :func:`factcheck.core.anchoring.match_quote`
    (every verbatim occurrence scored by prefix, suffix and closeness to the old
    position; failing that, the best approximate match, accepted only at the same
    thresholds as re-anchoring a revised article). An annotation with a position but no
    quote is placed at its position when that span is inside the text.
    """
    start, end, exact = record.start, record.end, record.exact
    in_text = start is not None and end is not None and 0 <= start < end <= len(text)
    if in_text and (not exact or text[start:end] == exact):
        return Placed(start, end, "position")  # type: ignore[arg-type]
    if not exact:
        return None
    found = match_quote(text, exact, prefix=record.prefix, suffix=record.suffix, hint=start)
    if found is None:
        return None
    if found.errors == 0:
        return Placed(found.start, found.end, "quote", found.score)
    similarity = 1.0 - found.errors / len(exact)
    if similarity >= FUZZY_MIN_QUOTE_SIMILARITY and found.score >= FUZZY_MIN_SCORE:
        return Placed(found.start, found.end, "approximate", found.score)
    return None


def _bounded_int(text: str) -> int | float:
    """JSON integers for json.loads: a number of thousands of digits would raise
    ValueError (and cost quadratic time); it becomes NaN, which no field accepts."""
    return int(text) if len(text) <= MAX_NUMBER_DIGITS else float("nan")


def read_annotation_file(path: str | Path) -> Any:
    """The parsed JSON of an annotation file; :class:`InvalidInput` naming the file.

    Bounded: the size is checked before reading (and the read stops past the limit,
    for a file that grows or a device that never ends), a nesting deeper than Python's
    parser takes is refused, and over-long numbers are read as no number at all.
    """
    path = Path(path)
    shown = display_path(path)
    try:
        st = path.stat()
        if stat.S_ISDIR(st.st_mode):
            raise InvalidInput(f"{shown}: is a folder, not an annotation file")
        if not stat.S_ISREG(st.st_mode):
            raise InvalidInput(f"{shown}: not a regular file (a device or pipe)")
        if st.st_size > MAX_FILE_BYTES:
            limit = MAX_FILE_BYTES // 1048576
            raise InvalidInput(f"{shown}: {st.st_size / 1048576:.0f} MiB is over the {limit} "
                               "MiB limit for an annotation file")  # fmt: skip
        with path.open("rb") as fh:
            raw = fh.read(MAX_FILE_BYTES + 1)
        if len(raw) > MAX_FILE_BYTES:
            raise InvalidInput(f"{shown}: over the {MAX_FILE_BYTES // 1048576} MiB limit "
                               "for an annotation file")  # fmt: skip
    except OSError as exc:
        raise InvalidInput(f"{shown}: cannot read the file ({exc.strerror})") from None
    try:
        return json.loads(raw.decode("utf-8-sig"), parse_int=_bounded_int)
    except UnicodeDecodeError:
        raise InvalidInput(f"{shown}: not UTF-8 text, so not a JSON-LD file") from None
    except RecursionError:
        raise InvalidInput(f"{shown}: nested too deeply to be an annotation file") from None
    except ValueError as exc:
        detail = f"{exc.msg} at line {exc.lineno}" if isinstance(exc, json.JSONDecodeError) else exc
        raise InvalidInput(f"{shown}: not valid JSON ({detail})") from None


def import_annotation_file(db: Database, path: str | Path, reviewer: str) -> AnnotationImport:
    """Read ``path`` and :func:`import_annotations` it (errors name the file)."""
    return import_annotation_data(db, read_annotation_file(path), path, reviewer)


def import_annotation_data(
    db: Database, data: Any, path: str | Path, reviewer: str
) -> AnnotationImport:
    """:func:`import_annotations` of the parsed content of file ``path`` (errors name it)."""
    try:
        return import_annotations(db, data, reviewer)
    except InvalidInput as exc:
        raise InvalidInput(f"{path}: {exc}") from None


class _Importer:
    def __init__(self, db: Database, reviewer: str) -> None:
        self.db = db
        self.reviewer = reviewer
        self.texts: dict[int, str] = {}
        self.claims: dict[int, dict[tuple[int, int], Claim]] = {}
        self.created: dict[str, int] = {}
        self.merged: dict[str, int] = {}
        self.unplaced: list[Unplaced] = []
        self.notes: list[str] = []
        self.links = 0
        self.sources = 0
        self.articles: set[int] = set()
        self.touched: set[int] = set()

    # -- articles ------------------------------------------------------------------

    def match_articles(self, records: Iterable[AnnotationRecord]) -> dict[str, int]:
        """annotation id -> article id, for every record whose article is here."""
        records = list(records)
        by_url = queries.article_ids_by_url(self.db, [r.source for r in records])
        hashes = {r.id: parse_article_iri(r.source) or r.content_hash for r in records}
        by_hash = queries.article_ids_by_revision_hash(self.db, [h for h in hashes.values() if h])
        found: dict[str, int] = {}
        for r in records:
            aid = by_url.get(r.source) or by_hash.get(hashes[r.id])
            if aid is not None:
                found[r.id] = aid
        return found

    def bring_in(
        self, records: Iterable[AnnotationRecord], known: dict[str, int],
        embedded: dict[str, EmbeddedArticle],
    ) -> None:  # fmt: skip
        """Import the embedded text of every article annotated but not in the project."""
        wanted: dict[str, EmbeddedArticle] = {}
        for r in records:
            article = embedded.get(r.source)
            if r.id in known or article is None or r.source in wanted:
                continue
            claimed = parse_article_iri(r.source)
            if claimed and ops.content_hash(article.text) != claimed:
                self.notes.append(f"{r.source}: the embedded text is not the text this IRI "
                                  "names; not imported")  # fmt: skip
                continue
            wanted[r.source] = article
        if not wanted:
            return
        drafts = [ArticleDraft(
            title=a.title or a.text.strip().split("\n")[0][:120], text=a.text, outlet=a.outlet,
            url=a.url, author=a.author, published=a.published, source_path="(embedded)",
        ) for a in wanted.values()]  # fmt: skip
        try:
            with self.db.atomic():
                imported, _change = ops.import_articles(self.db, drafts, self.reviewer)
        except FactcheckError as exc:  # a text an import refuses is named, not imported
            self.notes.append(f"embedded articles not imported: {exc}")
            return
        for item in imported:
            if not item.duplicate:
                self.articles.add(item.article_id)
                self.notes.append(f"article {item.article_id} imported from the file: "
                                  f"{item.draft.title}")  # fmt: skip

    def text(self, article_id: int) -> str:
        if article_id not in self.texts:
            self.texts[article_id] = queries.get_article(self.db, article_id).text
            self.claims[article_id] = {
                (c.start, c.end): c
                for c in reversed(queries.claims_for_article(self.db, article_id))
                if c.placement != "orphaned"
            }
        return self.texts[article_id]

    # -- claims --------------------------------------------------------------------

    def place(self, record: AnnotationRecord, article_id: int) -> int | None:
        text = self.text(article_id)
        where = locate_quote(text, record)
        who = record.creator or self.reviewer
        if where is None:
            return self.keep_lost(record, article_id, who)
        if where.how == "approximate":
            found = text[where.start : where.end]
            self.notes.append(f"{record.id}: placed approximately in article {article_id} "
                              f"(score {where.score:.2f}, for review): “{found}”")  # fmt: skip
        for w in record.warnings:
            self.notes.append(f"{record.id}: {w}")
        existing = self.claims[article_id].get((where.start, where.end))
        if existing is not None and existing.quote == text[where.start : where.end]:
            self.merge(record, existing)
            self.merged[record.id] = existing.id
            return existing.id
        change = ops.mark_claim(
            self.db, article_id, where.start, where.end, who,
            status=record.status, tags=record.tags, note=record.note, gid=record.gid,
            claimant=record.claimant,
        )  # fmt: skip
        claim_id = change.created_id
        assert claim_id is not None
        if where.how == "approximate":  # kept as what it is: approximate, for review
            ops.flag_fuzzy(self.db, claim_id, where.score, record.exact)
        self.claims[article_id][(where.start, where.end)] = queries.get_claim(self.db, claim_id)
        return self.created_claim(record, article_id, claim_id, who)

    def keep_lost(self, record: AnnotationRecord, article_id: int, who: str) -> int | None:
        """The article is here but the annotation's words are not: keep it as an
        orphaned claim with its verdict, tags and note (listed for review)."""
        if not record.exact.strip():
            self.unplaced.append(Unplaced(record.id, f"no quote and no usable position in "
                                                     f"article {article_id}"))  # fmt: skip
            return None
        anchor = Anchor(record.start or 0, record.end or 0, record.exact, record.prefix,
                        record.suffix)  # fmt: skip
        change, kind = ops.mark_placed(self.db, article_id, anchor, who, status=record.status,
                                       tags=record.tags, note=record.note)  # fmt: skip
        claim_id = change.created_id
        assert claim_id is not None
        shown = record.exact if len(record.exact) <= 60 else record.exact[:59] + "…"
        self.notes.append(f"{record.id}: its quote is not in article {article_id} any more; "
                          f"kept as a lost ({kind}) claim for review: “{shown}”")  # fmt: skip
        return self.created_claim(record, article_id, claim_id, who)

    def created_claim(self, record: AnnotationRecord, article_id: int, claim_id: int,
                      who: str) -> int:  # fmt: skip
        self.created[record.id] = claim_id
        self.articles.add(article_id)
        self.touched.add(claim_id)
        for source in record.sources:
            self.add_source(claim_id, source, who)
        return claim_id

    def merge(self, record: AnnotationRecord, claim: Claim) -> None:
        who = record.creator or self.reviewer
        have = {t.casefold() for t in claim.tags}
        for tag in record.tags:
            if tag.casefold() not in have:
                ops.add_tag(self.db, claim.id, tag, who)
                have.add(tag.casefold())
                self.touched.add(claim.id)
        if record.status != claim.status and record.status is not Status.UNVERIFIED:
            if claim.status is Status.UNVERIFIED:
                ops.set_status(self.db, claim.id, record.status, who)
                self.touched.add(claim.id)
            else:  # kept as that reviewer's own verdict: a disagreement, not lost
                ops.record_verdict(self.db, claim.id, record.status, who)
                self.touched.add(claim.id)
                self.notes.append(
                    f"{record.id}: claim {claim.id} keeps its verdict {claim.status.value}; "
                    f"the import says {record.status.value} (kept as {who}'s verdict)"
                )
        note = record.note.strip()
        if note and note not in claim.note:
            merged = f"{claim.note.rstrip()}\n\n{note}" if claim.note.strip() else note
            ops.set_note(self.db, claim.id, merged, who)
            self.touched.add(claim.id)
        for source in record.sources:
            self.add_source(claim.id, source, who)
        self.articles.add(claim.article_id)
        refreshed = queries.get_claim(self.db, claim.id)
        self.claims[claim.article_id][(claim.start, claim.end)] = refreshed

    def add_source(self, claim_id: int, source: Any, who: str) -> None:
        known = {e.url for e in queries.evidence_for_claim(self.db, claim_id) if e.kind == "source"}
        if source.url.strip() in known:
            return
        ops.add_source(self.db, claim_id, source.url, source.reviewer or who, title=source.title,
                       quote=source.quote, accessed=source.accessed, note=source.note,
                       gid=source.gid)  # fmt: skip
        self.sources += 1
        self.touched.add(claim_id)

    def forget(self, annotation_id: str) -> None:
        """Drop what :meth:`place` remembered of an annotation whose savepoint was rolled
        back (the cached claims of its article are re-read)."""
        for placed in (self.created, self.merged):
            claim_id = placed.pop(annotation_id, None)
            if claim_id is not None:
                self.touched.discard(claim_id)
        self.texts.clear()
        self.claims.clear()

    # -- links ---------------------------------------------------------------------

    def resolve(self, annotation_id: str) -> int | None:
        placed = self.created.get(annotation_id) or self.merged.get(annotation_id)
        if placed is not None:
            return placed
        parsed = parse_claim_iri(annotation_id)
        if parsed is None:
            return None
        digest, start, end = parsed
        article_id = queries.article_ids_by_revision_hash(self.db, [digest]).get(digest)
        if article_id is None:
            return None
        self.text(article_id)
        claim = self.claims[article_id].get((start, end))
        return claim.id if claim is not None else None

    def link(self, record: AnnotationRecord) -> None:
        owner = self.created.get(record.id) or self.merged.get(record.id)
        if owner is None:
            return
        existing = {
            (e.claim_id, e.target_claim_id, e.relation)
            for e in queries.evidence_for_claim(self.db, owner)
            if e.kind == "claim"
        }
        for link in record.links:
            target = self.resolve(link.target)
            if target is None:
                self.notes.append(f"{record.id}: link to {link.target} left out: that claim "
                                  "is not in this project")  # fmt: skip
                continue
            if target == owner or (owner, target, link.relation) in existing:
                continue
            who = link.reviewer or record.creator or self.reviewer
            ops.link_claims(self.db, owner, target, link.relation, who, note=link.note,
                            gid=link.gid)
            existing.add((owner, target, link.relation))
            self.links += 1
            self.touched |= {owner, target}


def import_annotations(db: Database, data: Any, reviewer: str) -> AnnotationImport:
    """Import the annotations in ``data`` (parsed W3C JSON-LD; see the module docstring).

    Raises :class:`InvalidInput` when ``data`` holds no annotations container at all;
    an annotation that cannot be read or placed is reported in ``unplaced``.
    """
    records, problems = parse_annotations(data)
    imp = _Importer(db, reviewer)
    imp.unplaced.extend(Unplaced(p.id or f"#{p.index + 1}", p.message) for p in problems)
    embedded = embedded_articles(data)
    with db.atomic():
        articles = imp.match_articles(records)
        if embedded:
            imp.bring_in(records, articles, embedded)
            articles = imp.match_articles(records)
        for record in records:
            article_id = articles.get(record.id)
            if article_id is None:
                imp.unplaced.append(Unplaced(record.id, f"no article in this project for "
                                                        f"{record.source}"))  # fmt: skip
                continue
            # Each annotation in its own savepoint: one that an operation refuses (a
            # blank span, a source without a URL) is named and left out, nothing of it
            # is kept, and the others are still imported.
            sources = imp.sources
            try:
                with db.atomic():
                    imp.place(record, article_id)
            except FactcheckError as exc:
                imp.sources = sources
                imp.forget(record.id)
                imp.unplaced.append(Unplaced(record.id, f"not imported: {exc}"))
        for record in records:
            try:
                with db.atomic():
                    imp.link(record)
            except FactcheckError as exc:
                imp.notes.append(f"{record.id}: links left out: {exc}")
    change = ops.Change(
        "import annotations",
        article_ids=frozenset(imp.articles),
        claim_ids=frozenset(imp.touched),
        tags=True,
        article_list=bool(imp.created or imp.touched),
    )
    return AnnotationImport(
        created=imp.created, merged=imp.merged, unplaced=tuple(imp.unplaced),
        notes=tuple(imp.notes), links_added=imp.links, sources_added=imp.sources,
        change=change,
    )  # fmt: skip
