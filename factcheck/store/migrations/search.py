"""Full-text search: the articles' trigger fixed, and the folded (normalised) search
tables."""

from __future__ import annotations

from factcheck.store.database import Database
from factcheck.store.migrations.base import run


def articles_fts_update(db: Database) -> None:
    """The articles' full-text trigger fires only when the title or text changes.

    It fired on any update, and the trigger naming an article inserted without a global
    id (0007_global_ids) updates the row right after its insert, possibly before the
    full-text insert trigger has run: the index was then told to delete an entry it did
    not have yet, which damages an external-content FTS5 index. Metadata edits no longer
    rewrite the index either. The index is rebuilt once, in case such a row was written.
    """
    run(
        db,
        "DROP TRIGGER IF EXISTS articles_au",
        """CREATE TRIGGER articles_au AFTER UPDATE OF title, text ON articles BEGIN
            INSERT INTO articles_fts (articles_fts, rowid, title, text)
                VALUES ('delete', old.rowid, old.title, old.text);
            INSERT INTO articles_fts (rowid, title, text) VALUES (new.rowid, new.title, new.text);
        END""",
        "INSERT INTO articles_fts (articles_fts) VALUES ('rebuild')",
    )


def search_normalised(db: Database) -> None:
    """Search that finds a word however it is written (see
    :mod:`factcheck.core.search_text`): contentless FTS5 tables over the folded title and
    text of articles and quote and note of claims, kept current by triggers calling
    ``fc_search_text``; built here for the rows already there. The older ``*_fts``
    tables stay: they give snippets when the query matches the text as stored."""
    from factcheck.store.search_index import FUNCTION, register

    register(db.conn)
    f = FUNCTION
    statements = []
    for table, key, cols in (("articles", "id", ("title", "text")),
                             ("claims", "id", ("quote", "note"))):  # fmt: skip
        search = f"{table}_search"
        names = ", ".join(cols)
        new = ", ".join(f"{f}(new.{c})" for c in cols)
        old = ", ".join(f"{f}(old.{c})" for c in cols)
        delete = (f"INSERT INTO {search} ({search}, rowid, {names}) "
                  f"VALUES ('delete', old.{key}, {old});")  # fmt: skip
        insert = f"INSERT INTO {search} (rowid, {names}) VALUES (new.{key}, {new});"
        statements += [
            f"CREATE VIRTUAL TABLE {search} USING fts5({names}, content='', "
            "tokenize='unicode61 remove_diacritics 2')",
            f"INSERT INTO {search} (rowid, {names}) SELECT {key}, "
            + ", ".join(f"{f}({c})" for c in cols) + f" FROM {table}",
            f"CREATE TRIGGER {search}_ai AFTER INSERT ON {table} BEGIN {insert} END",
            f"CREATE TRIGGER {search}_ad AFTER DELETE ON {table} BEGIN {delete} END",
            f"CREATE TRIGGER {search}_au AFTER UPDATE OF {names} ON {table} "
            f"BEGIN {delete} {insert} END",
        ]
    run(db, *statements)
