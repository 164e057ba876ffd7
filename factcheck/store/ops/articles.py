"""Operations on articles: import and metadata edits."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass

from factcheck.core import ids, language_model
from factcheck.core.language import base_direction, detect_many, parse_direction, parse_language
from factcheck.core.model import ArticleDraft
from factcheck.core.urls import require_web_url, web_url
from factcheck.errors import InvalidInput
from factcheck.paths import cache_dir
from factcheck.store import figure_queue, queries
from factcheck.store.database import Database
from factcheck.store.ops.base import Change, _audit, _insert_rows, content_hash, now
from factcheck.store.ops.revisions import RevisionResult, create_revision

# py3langid's model, decompressed once into the user's cache folder, loads in a tenth of
# the time in later processes (factcheck.core.language_cache).
language_model.keep_copy_in(cache_dir)

# --- articles -----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ImportedArticle:
    draft: ArticleDraft
    article_id: int
    duplicate: bool  # True when the same text was already in the project
    revision: RevisionResult | None = None  # set when the draft updated an existing article


def import_articles(
    db: Database, drafts: Sequence[ArticleDraft], reviewer: str
) -> tuple[list[ImportedArticle], Change]:
    """Add articles in one transaction, skipping any whose text is already present.

    Duplicates are recognised by the SHA-256 of the text (within the batch too), against
    every revision of every article, and reported with the id of the article already
    there. A draft whose URL is an existing article's URL but whose text is new becomes a
    new revision of that article (its claims re-anchored), reported in ``revision``.
    Each new article gets its revision 1.
    """
    stamp = now()
    # Only web addresses are kept as an article's URL (a page's canonical link could be
    # javascript: or file:); the article itself is still imported.
    drafts = [d if not d.url or web_url(d.url) == d.url
              else dataclasses.replace(d, url=web_url(d.url) or "") for d in drafts]  # fmt: skip
    hashes = [content_hash(d.text) for d in drafts]
    results: list[ImportedArticle] = []
    created: list[int] = []
    updated: set[int] = set()
    pending: list[tuple[int, str, ArticleDraft, str]] = []  # (id, gid, draft, digest)

    def write_new() -> None:
        """Write the new articles met so far, their languages found together."""
        if not pending:
            return
        languages = _languages_of([draft for _, _, draft, _ in pending])
        new_rows = [(article_id, gid, d.title, d.outlet, d.url, d.author, d.published, d.text,
                     digest, d.source_path, stamp, language, direction)
                    for (article_id, gid, d, digest), (language, direction)
                    in zip(pending, languages, strict=True)]  # fmt: skip
        _insert_rows(db, _INSERT_ARTICLE, new_rows)
        ids = [r[0] for r in new_rows]
        figure_queue.queue(db, ids)
        _insert_rows(db, _INSERT_REVISION, [
            (r[0], 1, "", r[8], stamp, reviewer, "import", r[9], 1) for r in new_rows])
        _insert_rows(db, _INSERT_AUDIT, [
            (stamp, reviewer, "import article", r[0], "title", "", r[2]) for r in new_rows])
        pending.clear()

    with db.atomic():
        known = queries.article_ids_by_revision_hash(db, hashes)
        by_url = queries.article_ids_by_url(db, (d.url for d in drafts))
        next_article = _next_rowid(db)
        for draft, digest in zip(drafts, hashes, strict=True):
            if digest in known:
                results.append(ImportedArticle(draft, known[digest], True))
                continue
            if draft.url in by_url:
                target = by_url[draft.url]
                write_new()  # the target may be new in this batch
                update = create_revision(
                    db, target, draft.text, reviewer,
                    source="update-import", source_path=draft.source_path,
                )  # fmt: skip
                known[digest] = target
                updated.add(target)
                results.append(ImportedArticle(draft, target, False, update))
                continue
            article_id, next_article = next_article, next_article + 1
            pending.append((article_id, _article_gid(db, digest), draft, digest))
            known[digest] = article_id
            if draft.url:
                by_url.setdefault(draft.url, article_id)
            created.append(article_id)
            results.append(ImportedArticle(draft, article_id, False))
        write_new()
    change = Change("import", article_ids=frozenset(created) | frozenset(updated),
                    article_list=bool(created or updated), texts=frozenset(updated),
                    figures=bool(created or updated))  # fmt: skip
    for item in results:
        if item.revision is not None:
            change = change.merged(item.revision.change)
    return results, change


# One statement a batch (see _insert_rows); each new article's revision 1 holds no copy of
# its text (it is read through the article: migration 0012).
_INSERT_ARTICLE = (
    "INSERT INTO articles (id, gid, title, outlet, url, author, published, text, "
    "content_hash, source_path, imported_at, language, direction)"
)
_INSERT_REVISION = (
    "INSERT INTO article_revisions (article_id, number, text, content_hash, created_at, "
    "reviewer, source, source_path, text_in_article)"
)
_INSERT_AUDIT = "INSERT INTO history (at, reviewer, action, article_id, field, old, new)"


def _next_rowid(db: Database) -> int:
    """The id SQLite would give the next article (one above the highest), given here so
    that a batch is written in one statement."""
    return int(db.execute("SELECT coalesce(max(id), 0) + 1 FROM articles").fetchone()[0])


def _article_gid(db: Database, digest: str) -> str:
    """The global id of a new article whose first text has SHA-256 ``digest`` (the same
    in every copy of the project; random only if that name is somehow taken)."""
    gid = ids.article_gid(digest)
    if db.execute("SELECT 1 FROM articles WHERE gid = ?", (gid,)).fetchone():
        return ids.new_gid()
    return gid


def _languages_of(drafts: Sequence[ArticleDraft]) -> list[tuple[str, str]]:
    """Each draft's language and direction where it says them (a page's declared
    language), detected from the text where it does not (all in one batch)."""
    asked = [d for d in drafts if d.language is None]
    detected = iter(detect_many([d.text for d in asked]))
    out: list[tuple[str, str]] = []
    for draft in drafts:
        direction: str
        if draft.language is None:
            language, direction = next(detected)
        else:
            language = draft.language
            direction = base_direction(draft.text, language) if draft.direction is None else ""
        out.append((language, draft.direction or direction))
    return out


def set_article_language(db: Database, article_id: int, reviewer: str, *,
                         language: str | None = None,
                         direction: str | None = None) -> Change:  # fmt: skip
    """Set an article's language (a BCP 47 tag, "" for unknown) and/or its paragraphs'
    base direction ("auto", "ltr", "rtl"), as the reviewer corrects what was detected.
    One audit row per field that changes; raises InvalidInput for a bad value."""
    try:
        lang = None if language is None else parse_language(language)
        dirn = None if direction is None else parse_direction(direction)
    except ValueError as exc:
        raise InvalidInput(str(exc)) from None
    with db.atomic():
        old_lang, old_dir = queries.article_language(db, article_id)
        for key, before, value in (("language", old_lang, lang), ("direction", old_dir, dirn)):
            if value is None or value == before:
                continue
            db.execute(f"UPDATE articles SET {key} = ? WHERE id = ?", (value, article_id))
            _audit(db, "set article language", reviewer, article_id=article_id,
                   field_name=key, old=before, new=value)  # fmt: skip
    return Change("set article language", article_ids=frozenset({article_id}),
                  article_list=True)  # fmt: skip


def update_article_metadata(db: Database, article_id: int, reviewer: str, **values: str) -> Change:
    """Change title, outlet, url, author or published of an article."""
    allowed = {"title", "outlet", "url", "author", "published"}
    if bad := set(values) - allowed:
        raise InvalidInput(f"cannot set {', '.join(sorted(bad))} on an article")
    if "title" in values and not values["title"].strip():
        raise InvalidInput("an article needs a title")
    if values.get("url", "").strip():
        values["url"] = require_web_url(values["url"], "an article's URL")
    with db.atomic():
        old = queries.get_article(db, article_id)
        for key, value in values.items():
            before = getattr(old, key)
            if before == value:
                continue
            db.execute(f"UPDATE articles SET {key} = ? WHERE id = ?", (value, article_id))
            _audit(db, "edit article", reviewer, article_id=article_id, field_name=key,
                   old=before, new=value)  # fmt: skip
        facts: set[str] = set()
        if values.get("published", old.published) != old.published:
            # the date a figure is true for may be the article's: judge its facts again
            facts = {r[0] for r in db.execute(
                "SELECT DISTINCT fact_key FROM figures WHERE article_id = ? AND fact_key != ''",
                (article_id,))}  # fmt: skip
            from factcheck.store import figure_cache  # the figure finder, only here

            figure_cache.rebuild_facts(db, facts)
    return Change("edit article", article_ids=frozenset({article_id}), article_list=True,
                  facts=frozenset(facts), figures=bool(facts))
