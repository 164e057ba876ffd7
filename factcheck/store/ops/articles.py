"""Operations on articles: import and metadata edits."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass

from sqlite_utils import Database

from factcheck.core import ids
from factcheck.core.language import base_direction, detect, parse_direction, parse_language
from factcheck.core.model import ArticleDraft
from factcheck.core.urls import require_web_url, web_url
from factcheck.errors import InvalidInput
from factcheck.store import figure_cache, queries
from factcheck.store.ops.base import Change, _audit, content_hash, now
from factcheck.store.ops.revisions import RevisionResult, create_revision, insert_first_revision

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
    with db.atomic():
        known = queries.article_ids_by_revision_hash(db, hashes)
        by_url = queries.article_ids_by_url(db, (d.url for d in drafts))
        for draft, digest in zip(drafts, hashes, strict=True):
            if digest in known:
                results.append(ImportedArticle(draft, known[digest], True))
                continue
            if draft.url in by_url:
                target = by_url[draft.url]
                update = create_revision(
                    db, target, draft.text, reviewer,
                    source="update-import", source_path=draft.source_path,
                )  # fmt: skip
                known[digest] = target
                updated.add(target)
                results.append(ImportedArticle(draft, target, False, update))
                continue
            language, direction = _language_of(draft)
            cur = db.execute(
                "INSERT INTO articles (gid, title, outlet, url, author, published, text, "
                "content_hash, source_path, imported_at, language, direction) "
                "VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                (_article_gid(db, digest), draft.title, draft.outlet, draft.url, draft.author,
                 draft.published, draft.text, digest, draft.source_path, stamp, language,
                 direction),
            )  # fmt: skip
            article_id = int(cur.lastrowid or 0)
            insert_first_revision(db, article_id, draft.text, stamp, reviewer, draft.source_path,
                                  digest)  # fmt: skip
            known[digest] = article_id
            if draft.url:
                by_url.setdefault(draft.url, article_id)
            created.append(article_id)
            _audit(db, "import article", reviewer, article_id=article_id, new=draft.title,
                   field_name="title", at=stamp)  # fmt: skip
            results.append(ImportedArticle(draft, article_id, False))
    change = Change("import", article_ids=frozenset(created) | frozenset(updated),
                    article_list=bool(created or updated), texts=frozenset(updated),
                    figures=bool(created or updated))  # fmt: skip
    for item in results:
        if item.revision is not None:
            change = change.merged(item.revision.change)
    return results, change


def _article_gid(db: Database, digest: str) -> str:
    """The global id of a new article whose first text has SHA-256 ``digest`` (the same
    in every copy of the project; random only if that name is somehow taken)."""
    gid = ids.article_gid(digest)
    if db.execute("SELECT 1 FROM articles WHERE gid = ?", (gid,)).fetchone():
        return ids.new_gid()
    return gid


def _language_of(draft: ArticleDraft) -> tuple[str, str]:
    """The draft's language and direction where it says them (a page's declared
    language), detected from the text where it does not."""
    if draft.language is not None and draft.direction is not None:
        return draft.language, draft.direction
    detected, direction = detect(draft.text)
    language = detected if draft.language is None else draft.language
    if draft.direction is None:
        direction = base_direction(draft.text, language)
    return language, draft.direction or direction


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
            figure_cache.rebuild_facts(db, facts)
    return Change("edit article", article_ids=frozenset({article_id}), article_list=True,
                  facts=frozenset(facts), figures=bool(facts))
