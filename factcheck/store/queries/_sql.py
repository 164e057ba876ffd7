"""Small SQL helpers shared by the query modules."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from factcheck.store.reading import Readable


def fetch_dicts(db: Readable, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
    """Rows as dicts keyed by column name (for building dataclasses by keyword)."""
    cur = db.execute(sql, params)
    cols = [d[0] for d in cur.description]
    return [dict(zip(cols, row, strict=True)) for row in cur.fetchall()]


CHUNK = 500  # stays well under SQLite's limit on bound parameters


def in_chunks(values: Sequence[Any]) -> Iterator[tuple[Sequence[Any], str]]:
    """``values`` in slices for ``... IN (?, ?, ...)`` queries: each slice with its
    placeholder list, so a query over any number of ids binds few parameters at once."""
    for i in range(0, len(values), CHUNK):
        chunk = values[i : i + CHUNK]
        yield chunk, ",".join("?" * len(chunk))


def pairs_in(db: Readable, sql: str, values: Sequence[Any]) -> dict[Any, Any]:
    """Run ``sql`` (whose ``{marks}`` is the IN list) over ``values`` in chunks and map
    the first column of each row to the second."""
    found: dict[Any, Any] = {}
    for chunk, marks in in_chunks(values):
        found.update(db.execute(sql.format(marks=marks), chunk).fetchall())
    return found
