"""The folded search index: SQL function the index triggers call.

The tables ``articles_search`` and ``claims_search`` (migration 0009b) hold each
article's title and text and each claim's quote and note as
:func:`factcheck.core.search_text.index_text` folds them, kept current by triggers that
call ``fc_search_text``. SQLite knows that function only on a connection it was given
to: :func:`register` is called on every connection the app opens (and by the migration
itself). A program writing articles or claims through a bare connection must register
it too, or SQLite refuses the write ("no such function") — it never half-writes.
"""

from __future__ import annotations

import sqlite3

from factcheck.core.search_text import index_text

FUNCTION = "fc_search_text"


def _fold(value: str | bytes | int | float | None) -> str | bytes | int | float | None:
    return index_text(value) if isinstance(value, str) and value else value


def register(conn: sqlite3.Connection) -> None:
    conn.create_function(FUNCTION, 1, _fold, deterministic=True)
