"""The figures found in articles, the facts they make up, the reviewer's edits of
them, and the queue of articles whose figures are to be found again."""

from __future__ import annotations

from factcheck.store.database import Database
from factcheck.store.migrations.base import run


def figures(db: Database) -> None:
    """The figures found in each article (a cache, rebuilt when an article's text
    changes), the facts they make up (a cache), and the reviewer's edits of facts
    (kept: they are re-applied whenever the caches are rebuilt).

    ``figure_edits`` name a figure by article, position, text and the 32 code points
    before it, so an edit finds its figure again after the text changes around it.
    ``fact_edits`` rename a fact (``kind`` 'rename', ``value`` the name) or merge it into
    another (``kind`` 'merge', ``value`` the other fact's key).
    """
    run(
        db,
        """CREATE TABLE figures (
            id INTEGER PRIMARY KEY,
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            num_start INTEGER NOT NULL,
            num_end INTEGER NOT NULL,
            text TEXT NOT NULL,
            prefix TEXT NOT NULL DEFAULT '',
            kind TEXT NOT NULL,
            value REAL,
            low REAL,
            high REAL,
            low_open INTEGER NOT NULL DEFAULT 0,
            high_open INTEGER NOT NULL DEFAULT 0,
            hedge TEXT NOT NULL DEFAULT '',
            hedge_kind TEXT NOT NULL DEFAULT 'exact',
            date TEXT NOT NULL DEFAULT '',
            unit TEXT NOT NULL DEFAULT '',
            unit_class TEXT NOT NULL DEFAULT '',
            predicate TEXT NOT NULL DEFAULT '',
            predicate_class TEXT NOT NULL DEFAULT '',
            measure TEXT NOT NULL DEFAULT '',
            subject TEXT NOT NULL DEFAULT '',
            subject_key TEXT NOT NULL DEFAULT '',
            subject_name TEXT NOT NULL DEFAULT '',
            time_text TEXT NOT NULL DEFAULT '',
            as_of TEXT NOT NULL DEFAULT '',
            since TEXT NOT NULL DEFAULT '',
            to_date INTEGER NOT NULL DEFAULT 0,
            attribution TEXT NOT NULL DEFAULT '',
            auto_key TEXT NOT NULL DEFAULT '',
            fact_key TEXT NOT NULL DEFAULT '',
            edited TEXT NOT NULL DEFAULT ''
        )""",
        "CREATE INDEX idx_figures_article ON figures(article_id, start)",
        "CREATE INDEX idx_figures_fact ON figures(fact_key, article_id) WHERE fact_key != ''",
        "CREATE INDEX idx_figures_subject ON figures(subject_key) WHERE measure != ''",
        """CREATE TABLE figure_aliases (
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            a TEXT NOT NULL,
            b TEXT NOT NULL
        )""",
        "CREATE INDEX idx_figure_aliases_article ON figure_aliases(article_id)",
        """CREATE TABLE facts (
            id INTEGER PRIMARY KEY,
            key TEXT NOT NULL UNIQUE,
            label TEXT NOT NULL,
            subject TEXT NOT NULL DEFAULT '',
            measure TEXT NOT NULL DEFAULT '',
            kind TEXT NOT NULL,
            figures INTEGER NOT NULL,
            articles INTEGER NOT NULL,
            conflicts INTEGER NOT NULL,
            summary TEXT NOT NULL DEFAULT ''
        )""",
        """CREATE TABLE figure_edits (
            id INTEGER PRIMARY KEY,
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            start INTEGER NOT NULL,
            text TEXT NOT NULL,
            prefix TEXT NOT NULL DEFAULT '',
            action TEXT NOT NULL CHECK (action IN ('move','dismiss')),
            fact_key TEXT NOT NULL DEFAULT '',
            reviewer TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            UNIQUE (article_id, start, text)
        )""",
        """CREATE TABLE fact_edits (
            id INTEGER PRIMARY KEY,
            kind TEXT NOT NULL CHECK (kind IN ('rename','merge')),
            fact_key TEXT NOT NULL,
            value TEXT NOT NULL,
            reviewer TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            UNIQUE (kind, fact_key)
        )""",
    )


def figure_queue(db: Database) -> None:
    """Articles whose figures are to be found again (new, or their text changed).

    Finding figures costs far more than storing an article, so imports and new revisions
    only queue the article; the figures are brought up to date when they are next read
    (the figures board, ``factcheck figures``/``facts``, the report)."""
    run(
        db,
        """CREATE TABLE figure_queue (
            article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE
        )""",
    )


def board(db: Database) -> None:
    """What the figures board shows without judging a fact again, kept with the other
    derived figure data and filled when the facts are next computed: ``figures.conflict``
    (1 when the figure is in a conflicting pair of its fact), ``figures.step`` (how it
    stands against the figure before it in the fact's timeline: first, rising, falling,
    level or undated) and ``figures.place`` (its position in that timeline);
    ``facts.article_ids`` (the articles that give the fact, as little-endian 64-bit
    integers: the board's columns). An index of the articles by date gives the
    columns' order without reading article texts."""
    run(
        db,
        "ALTER TABLE figures ADD COLUMN conflict INTEGER NOT NULL DEFAULT 0",
        "ALTER TABLE figures ADD COLUMN step TEXT NOT NULL DEFAULT ''",
        "ALTER TABLE figures ADD COLUMN place INTEGER NOT NULL DEFAULT 0",
        "CREATE INDEX idx_figures_place ON figures(fact_key, place) WHERE fact_key != ''",
        "ALTER TABLE facts ADD COLUMN article_ids BLOB NOT NULL DEFAULT x''",
        "CREATE INDEX idx_articles_board ON articles(published, id)",
    )
