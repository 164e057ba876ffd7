"""Reads about articles: the list (without text), whole articles, lookups by hash and URL."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence

from factcheck.core.model import (
    Article,
    ArticleSummary,
    Status,
)
from factcheck.errors import NotFound
from factcheck.store.queries._sql import fetch_dicts, in_chunks, pairs_in

TYPE_CHECKING = False
if TYPE_CHECKING:
    from factcheck.core.report.model import ArticleInfo
    from factcheck.store.database import Database
    from factcheck.store.reading import Readable


def article_count(db: Database) -> int:
    return int(db.execute("SELECT count(*) FROM articles").fetchone()[0])


def existing_article_ids(db: Database, article_ids: Iterable[int]) -> set[int]:
    """Which of ``article_ids`` are articles of the project."""
    found: set[int] = set()
    for chunk, marks in in_chunks(sorted(set(article_ids))):
        found.update(r[0] for r in db.execute(f"SELECT id FROM articles WHERE id IN ({marks})",
                                              chunk))  # fmt: skip
    return found


def article_ids(db: Database) -> list[int]:
    """Every article's id, in import order (no other column read)."""
    return [r[0] for r in db.execute("SELECT id FROM articles ORDER BY id")]


def list_articles(db: Readable) -> list[ArticleSummary]:
    """All articles in import order, each with its claim counts by status (no text)."""
    counts: dict[int, dict[str, int]] = defaultdict(dict)
    for article_id, status, n in db.execute(
        "SELECT article_id, status, count(*) FROM claims GROUP BY article_id, status"
    ).fetchall():
        counts[article_id][status] = n
    return [
        ArticleSummary(
            id=r[0], title=r[1], outlet=r[2], published=r[3], url=r[4],
            counts={s.value: counts[r[0]].get(s.value, 0) for s in Status}, author=r[5],
            language=r[6],
        )
        for r in db.execute(
            "SELECT id, title, outlet, published, url, author, language FROM articles "
            "ORDER BY id"
        ).fetchall()
    ]  # fmt: skip


def get_article(db: Readable, article_id: int) -> Article:
    rows = fetch_dicts(
        db,
        "SELECT id, title, text, outlet, url, author, published, content_hash, source_path, "
        "imported_at, language, direction, coalesce(gid, '') AS gid FROM articles "
        "WHERE id = ?",
        (article_id,),
    )
    if not rows:
        raise NotFound(f"no article with id {article_id}")
    return Article(**rows[0])


def article_ids_by_hash(db: Database, hashes: Iterable[str]) -> dict[str, int]:
    """content hash -> the oldest article whose current text has it."""
    return pairs_in(
        db,
        "SELECT content_hash, min(id) FROM articles WHERE content_hash IN ({marks}) "
        "GROUP BY content_hash",
        list(set(hashes)),
    )


def get_article_title(db: Database, article_id: int) -> str:
    row = db.execute("SELECT title FROM articles WHERE id = ?", (article_id,)).fetchone()
    if row is None:
        raise NotFound(f"no article with id {article_id}")
    return str(row[0])


def article_ids_by_revision_hash(db: Database, hashes: Iterable[str]) -> dict[str, int]:
    """content hash -> the oldest article having a revision (current or older) with it."""
    wanted = list(set(hashes))
    found = pairs_in(
        db,
        "SELECT content_hash, min(article_id) FROM article_revisions "
        "WHERE content_hash IN ({marks}) GROUP BY content_hash",
        wanted,
    )
    return found | {h: a for h, a in article_ids_by_hash(db, wanted).items() if h not in found}


def article_ids_by_url(db: Database, urls: Iterable[str]) -> dict[str, int]:
    """For each non-empty URL, the oldest article with that URL (an update import
    makes a new revision of it)."""
    return pairs_in(
        db,
        # "url != ''" lets SQLite use the partial index on url
        "SELECT url, min(id) FROM articles WHERE url != '' AND url IN ({marks}) GROUP BY url",
        sorted({u for u in urls if u}),
    )


def article_summaries(db: Database, article_ids: Iterable[int]) -> list[ArticleSummary]:
    """:func:`list_articles` for just these articles (in id order; unknown ids skipped),
    so a view can refresh the rows an edit touched without reloading the list."""
    wanted = sorted(set(article_ids))
    found: list[ArticleSummary] = []
    for chunk, marks in in_chunks(wanted):
        counts: dict[int, dict[str, int]] = defaultdict(dict)
        for article_id, status, n in db.execute(
            f"SELECT article_id, status, count(*) FROM claims WHERE article_id IN ({marks}) "
            "GROUP BY article_id, status",
            chunk,
        ).fetchall():
            counts[article_id][status] = n
        found.extend(
            ArticleSummary(
                id=r[0], title=r[1], outlet=r[2], published=r[3], url=r[4],
                counts={s.value: counts[r[0]].get(s.value, 0) for s in Status}, author=r[5],
                language=r[6],
            )
            for r in db.execute(
                "SELECT id, title, outlet, published, url, author, language FROM articles "
                f"WHERE id IN ({marks}) "
                "ORDER BY id",
                chunk,
            ).fetchall()
        )  # fmt: skip
    return found


def get_articles(db: Database, article_ids: Sequence[int] | None = None) -> list[Article]:
    """Whole articles (text included) by id, in id order; all when ``article_ids`` is
    None. Raises :class:`NotFound` naming the first unknown id."""
    cols = ("SELECT id, title, text, outlet, url, author, published, content_hash, "
            "source_path, imported_at, language, direction, coalesce(gid, '') AS gid "
            "FROM articles")  # fmt: skip
    if article_ids is None:
        return [Article(**r) for r in fetch_dicts(db, f"{cols} ORDER BY id")]
    wanted = sorted(set(article_ids))
    found: list[Article] = []
    for chunk, marks in in_chunks(wanted):
        found.extend(Article(**r) for r in fetch_dicts(db, f"{cols} WHERE id IN ({marks})", chunk))
    missing = sorted(set(wanted) - {a.id for a in found})
    if missing:
        raise NotFound(f"no article with id {missing[0]}")
    return sorted(found, key=lambda a: a.id)


def article_infos(db: Database, article_ids: Sequence[int] | None = None) -> list[ArticleInfo]:
    """Articles' metadata without their text (what a report shows), in id order; all
    when ``article_ids`` is None. Raises :class:`NotFound` naming the first unknown id.
    A report of 100,000 claims needs each claim's context, never the articles' text."""
    # the report's model loads with the report, not with every read of the article list
    from factcheck.core.report.model import ArticleInfo

    cols = ("SELECT id, title, outlet, url, author, published, content_hash, "
            "language, direction, coalesce(gid, '') AS gid FROM articles")  # fmt: skip
    if article_ids is None:
        return [ArticleInfo(**r) for r in fetch_dicts(db, f"{cols} ORDER BY id")]
    wanted = sorted(set(article_ids))
    found: list[ArticleInfo] = []
    for chunk, marks in in_chunks(wanted):
        found.extend(ArticleInfo(**r)
                     for r in fetch_dicts(db, f"{cols} WHERE id IN ({marks})", chunk))  # fmt: skip
    missing = sorted(set(wanted) - {a.id for a in found})
    if missing:
        raise NotFound(f"no article with id {missing[0]}")
    return sorted(found, key=lambda a: a.id)


def article_language(db: Database, article_id: int) -> tuple[str, str]:
    """(language, direction) of an article."""
    row = db.execute("SELECT language, direction FROM articles WHERE id = ?",
                     (article_id,)).fetchone()  # fmt: skip
    if row is None:
        raise NotFound(f"no article with id {article_id}")
    return str(row[0]), str(row[1])


def get_setting(db: Database, key: str, default: str = "") -> str:
    row = db.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
    return str(row[0]) if row else default
