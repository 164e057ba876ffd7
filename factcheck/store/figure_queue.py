"""The figures queue: which articles' figures are to be found again, and whether the
project's figures were found by the current finder. Cheap bookkeeping, apart from
:mod:`factcheck.store.figure_cache` so that opening a project or importing an article
does not load the figure finder (a tenth of a second of every command's start)."""

from __future__ import annotations

from collections.abc import Iterable

TYPE_CHECKING = False
if TYPE_CHECKING:
    from factcheck.store.database import Database

# Bump when the finder changes what it finds: projects then recompute their figures.
FIGURES_VERSION = "2"
VERSION_KEY = "figures_version"


def queue(db: Database, article_ids: Iterable[int]) -> None:
    """Mark articles whose figures must be found again (cheap: one row each)."""
    db.conn.executemany("INSERT OR IGNORE INTO figure_queue (article_id) VALUES (?)",
                        [(i,) for i in article_ids])  # fmt: skip


def pending(db: Database) -> int:
    return int(db.execute("SELECT count(*) FROM figure_queue").fetchone()[0])


def pending_size(db: Database) -> int:
    """Characters of text waiting for its figures (what finding them will cost)."""
    return int(db.execute("SELECT coalesce(sum(length(a.text)), 0) FROM figure_queue q "
                          "JOIN articles a ON a.id = q.article_id").fetchone()[0])  # fmt: skip


def pending_texts(db: Database) -> list[tuple[int, str]]:
    """``(article id, content hash)`` of each queued article: which texts wait (cheap,
    no text read), so a caller can keep their lengths from one call to the next."""
    return db.execute("SELECT q.article_id, a.content_hash FROM figure_queue q "
                      "JOIN articles a ON a.id = q.article_id").fetchall()  # fmt: skip


def text_lengths(db: Database, article_ids: Iterable[int]) -> dict[int, int]:
    """Characters of each article's text (each text read)."""
    ids = list(article_ids)
    marks = ",".join("?" * len(ids))
    return dict(db.execute(f"SELECT id, length(text) FROM articles WHERE id IN ({marks})",
                           ids).fetchall()) if ids else {}  # fmt: skip


def is_pending(db: Database, article_id: int) -> bool:
    return db.execute("SELECT 1 FROM figure_queue WHERE article_id = ?",
                      (article_id,)).fetchone() is not None  # fmt: skip


def refresh_all(db: Database) -> None:
    """Queue every article (an upgraded finder, a repaired project): their figures are
    found again when next read."""
    db.execute("DELETE FROM facts")
    db.execute("INSERT OR IGNORE INTO figure_queue (article_id) SELECT id FROM articles")
    db.execute("INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE "
               "SET value = excluded.value", (VERSION_KEY, FIGURES_VERSION))  # fmt: skip


def is_current(db: Database) -> bool:
    row = db.execute("SELECT value FROM settings WHERE key = ?", (VERSION_KEY,)).fetchone()
    return row is not None and row[0] == FIGURES_VERSION
