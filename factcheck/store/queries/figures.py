"""Reads of figures and facts (the caches kept by :mod:`factcheck.store.figure_cache`)."""

from __future__ import annotations

import sys
from array import array
from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from factcheck.core.figures import FactFigure, judge
from factcheck.core.figures.board import (
    BoardCells,
    BoardColumns,
    BoardFact,
    FactDetail,
    FactRow,
    StoredFigure,
)
from factcheck.core.figures.facts import reasons_for
from factcheck.core.figures.model import Figure
from factcheck.errors import NotFound
from factcheck.store.database import Database
from factcheck.store.queries._sql import in_chunks

_FIG_COLS = ('id, article_id, fact_key, edited, start, "end", text, num_start, num_end, kind, '
             "value, low, high, low_open, high_open, hedge, hedge_kind, date, unit, unit_class, "
             "predicate, predicate_class, measure, subject, subject_name, subject_key, "
             "time_text, as_of, since, to_date, attribution")  # fmt: skip


def _stored(r: Sequence[Any]) -> StoredFigure:
    fig = Figure(
        start=r[4], end=r[5], text=r[6], num_start=r[7], num_end=r[8], kind=r[9], value=r[10],
        low=r[11], high=r[12], low_open=bool(r[13]), high_open=bool(r[14]), hedge=r[15],
        hedge_kind=r[16], date=r[17], unit=r[18], unit_class=r[19], predicate=r[20],
        predicate_class=r[21], measure=r[22], subject=r[23], subject_name=r[24],
        subject_key=r[25], time_text=r[26], as_of=r[27], since=r[28], to_date=bool(r[29]),
        attribution=r[30],
    )  # fmt: skip
    return StoredFigure(r[0], r[1], r[2], r[3], fig)


def figures_for_article(db: Database, article_id: int) -> list[StoredFigure]:
    """The article's figures in text order."""
    return [_stored(r) for r in db.execute(
        f"SELECT {_FIG_COLS} FROM figures WHERE article_id = ? ORDER BY start", (article_id,))]


def figure_spans(db: Database, article_id: int) -> list[tuple[int, int, str]]:
    """(start, end, fact key) of the article's figures: what the reader underlines."""
    return [(r[0], r[1], r[2]) for r in db.execute(
        'SELECT start, "end", fact_key FROM figures WHERE article_id = ? ORDER BY start',
        (article_id,))]  # fmt: skip


def figures_of_fact(db: Database, key: str) -> list[StoredFigure]:
    """The figures filed under fact ``key``, by article then text order (from the
    partial index on fact_key: no scan of the project's figures)."""
    return [_stored(r) for r in db.execute(
        f"SELECT {_FIG_COLS} FROM figures WHERE fact_key = ? AND fact_key != '' "
        "ORDER BY article_id, start", (key,))]  # fmt: skip


def all_figures(db: Database, article_ids: Sequence[int] | None = None) -> list[StoredFigure]:
    if article_ids is None:
        return [_stored(r) for r in db.execute(
            f"SELECT {_FIG_COLS} FROM figures ORDER BY article_id, start")]
    found: list[StoredFigure] = []
    for chunk, marks in in_chunks(sorted(set(article_ids))):
        found += [_stored(r) for r in db.execute(
            f"SELECT {_FIG_COLS} FROM figures WHERE article_id IN ({marks}) "
            "ORDER BY article_id, start", chunk)]
    return found


def get_figure(db: Database, figure_id: int) -> StoredFigure:
    row = db.execute(f"SELECT {_FIG_COLS} FROM figures WHERE id = ?", (figure_id,)).fetchone()
    if row is None:
        raise NotFound(f"no figure with id {figure_id}")
    return _stored(row)


def _names(db: Database) -> dict[str, str]:
    return dict(db.execute("SELECT fact_key, value FROM fact_edits WHERE kind = 'rename'"))


def _row(r: Sequence[Any], names: dict[str, str]) -> FactRow:
    name = names.get(r[1], "")
    return FactRow(id=r[0], key=r[1], label=name or r[2], auto_label=r[2], subject=r[3],
                   measure=r[4], kind=r[5], figures=r[6], articles=r[7], conflicts=r[8],
                   summary=r[9], renamed=bool(name))  # fmt: skip


_FACT_COLS = "id, key, label, subject, measure, kind, figures, articles, conflicts, summary"


def list_facts(
    db: Database, *, conflicts_only: bool = False, min_articles: int = 1, named: bool = False
) -> list[FactRow]:
    """Facts, those with the most articles first; only facts whose figures disagree
    with ``conflicts_only``; only those told by at least ``min_articles`` articles (or,
    with ``named``, given a name by the reviewer)."""
    told = ("(articles >= ? OR key IN (SELECT fact_key FROM fact_edits WHERE kind = 'rename'))"
            if named else "articles >= ?")  # fmt: skip
    where = f"WHERE {told}" + (" AND conflicts > 0" if conflicts_only else "")
    names = _names(db)
    return [_row(r, names) for r in db.execute(
        f"SELECT {_FACT_COLS} FROM facts {where} ORDER BY articles DESC, conflicts DESC, "
        "figures DESC, label", (min_articles,))]  # fmt: skip


def resolve_fact(db: Database, ref: str | int) -> str:
    """A fact's key from its number (as listed) or its key; :class:`NotFound` else."""
    text = str(ref).strip()
    if text.isdigit():
        row = db.execute("SELECT key FROM facts WHERE id = ?", (int(text),)).fetchone()
    else:
        row = db.execute("SELECT key FROM facts WHERE key = ?", (text,)).fetchone()
    if row is None:
        raise NotFound(f"no fact {text!r} (see `factcheck facts --all` for their numbers)")
    return str(row[0])


def get_fact(db: Database, ref: str | int) -> FactRow:
    key = resolve_fact(db, ref)
    r = db.execute(f"SELECT {_FACT_COLS} FROM facts WHERE key = ?", (key,)).fetchone()
    return _row(r, _names(db))


def fact_details(db: Database, rows: Sequence[FactRow]) -> list[FactDetail]:
    """Each fact with its figures (with the claim marked on each, if any) and judgement."""
    figs = fact_figures(db, [r.key for r in rows])
    details: list[FactDetail] = []
    for row in rows:
        items = tuple(f for f, _name in figs.get(row.key, []))
        details.append(FactDetail(row, items, judge(items, row.kind)))
    return details


def fact_detail(db: Database, ref: str | int) -> FactDetail:
    return fact_details(db, [get_fact(db, ref)])[0]


def id_blob(ids: Sequence[int]) -> bytes:
    """Article numbers packed for ``facts.article_ids`` (read back without parsing)."""
    packed = array("q", ids)
    if sys.byteorder != "little":
        packed.byteswap()
    return packed.tobytes()


def _blob_ids(blob: bytes) -> array[int]:
    packed = array("q")
    packed.frombytes(blob)
    if sys.byteorder != "little":
        packed.byteswap()
    return packed


def board_articles(db: Database, keys: Sequence[str]) -> BoardColumns:
    """The board's columns: the articles giving a figure of one of these facts, by date
    (undated last), then by number. Reads the facts' article lists and an index of the
    articles, no article text and no figure; the titles are read by
    :func:`board_titles` for the columns in view."""
    ids: set[int] = set()
    for chunk, marks in in_chunks(list(keys)):
        for (listed,) in db.execute(f"SELECT article_ids FROM facts WHERE key IN ({marks})",
                                    chunk):  # fmt: skip
            ids.update(_blob_ids(listed))
    if not ids:
        return BoardColumns()
    found: list[tuple[int, str | None]] = db.execute(
        "SELECT id, published FROM articles INDEXED BY idx_articles_board "
        "ORDER BY published, id").fetchall()  # fmt: skip
    if len(ids) < len(found):
        found = [r for r in found if r[0] in ids]
    # NULL and "" sort first: the undated articles are a leading run, moved to the end.
    undated = next((i for i, r in enumerate(found) if r[1]), len(found))
    dated = found[undated:]
    return BoardColumns([r[0] for r in dated] + [r[0] for r in found[:undated]],
                        [r[1] or "" for r in dated] + [""] * undated)


def board_titles(db: Database, article_ids: Sequence[int]) -> dict[int, tuple[str, str]]:
    """Article number -> (title, outlet), for the board's column headers in view."""
    found: dict[int, tuple[str, str]] = {}
    for chunk, marks in in_chunks(list(article_ids)):
        found.update((r[0], (r[1], r[2])) for r in db.execute(
            f"SELECT id, title, outlet FROM articles WHERE id IN ({marks})", chunk))
    return found


_BOARD_COLS = ('f.id, f.article_id, a.title, f.start, f."end", f.text, f.kind, f.low, f.high, '
               "f.low_open, f.high_open, f.hedge, f.as_of, a.published, f.to_date, "
               "f.attribution, f.unit, f.conflict, f.step")  # fmt: skip


def _board_figure(r: Sequence[Any]) -> FactFigure:
    when, when_from = (r[12], "text") if r[12] else ((r[13], "article") if r[13] else ("", ""))
    return FactFigure(
        id=r[0], article_id=r[1], article_title=r[2], start=r[3], end=r[4], text=r[5],
        kind=r[6], low=r[7], high=r[8], low_open=bool(r[9]), high_open=bool(r[10]),
        hedge=r[11], when=when[:10], when_from=when_from, to_date=bool(r[14]),
        attribution=r[15], unit=r[16])  # fmt: skip


def board_cells(db: Database, row: FactRow, article_ids: Sequence[int]) -> BoardCells:
    """A fact's figures in these articles, with the cache's marks (one indexed query per
    900 articles: the board asks for the columns in view)."""
    by_article: dict[int, list[FactFigure]] = defaultdict(list)
    conflicting: set[int] = set()
    steps: dict[int, str] = {}
    for chunk, marks in in_chunks(list(article_ids)):
        for r in db.execute(
            f"SELECT {_BOARD_COLS} FROM figures f JOIN articles a ON a.id = f.article_id "
            f"WHERE f.fact_key = ? AND f.article_id IN ({marks}) ORDER BY f.article_id, f.start",
            [row.key, *chunk],
        ):  # fmt: skip
            f = _board_figure(r)
            by_article[f.article_id].append(f)
            if r[17]:
                conflicting.add(f.id)
            steps[f.id] = r[18]
    return BoardCells(row.key, row.kind, {a: tuple(fs) for a, fs in by_article.items()},
                      frozenset(conflicting), steps)  # fmt: skip


BOARD_LIMIT = 200  # figures of one fact listed under the board's grid
JUDGED = 40  # of a fact with more, the pairs among this many are put in words


def board_fact(db: Database, row: FactRow, limit: int = BOARD_LIMIT) -> BoardFact:
    """The chosen fact for the board: at most ``limit`` figures in timeline order, the
    cache's marks on each, and the conflicting pairs among them in words (all of them
    when the fact has no more than ``limit`` figures)."""
    rows = db.execute(
        f"SELECT {_BOARD_COLS} FROM figures f JOIN articles a ON a.id = f.article_id "
        "WHERE f.fact_key = ? AND f.fact_key != '' ORDER BY f.place LIMIT ?",
        (row.key, limit + 1)).fetchall()  # fmt: skip
    figs = [_board_figure(r) for r in rows[:limit]]
    complete = len(rows) <= limit
    # a fact too large to list whole: the reasons of the pairs among its first figures
    verdict = judge(figs if complete else figs[:JUDGED], row.kind, limit=JUDGED)
    return BoardFact(
        row=row, figures=tuple(figs),
        conflicting=frozenset(r[0] for r in rows[:limit] if r[17]),
        steps={r[0]: r[18] for r in rows[:limit]},
        reasons=tuple(c.reason for c in verdict.conflicts),
        conflict_count=row.conflicts if not complete else verdict.conflict_count,
        total=len(figs) if complete else row.figures,
    )  # fmt: skip


def figure_reasons(db: Database, row: FactRow, f: FactFigure, limit: int = 12) -> list[str]:
    """Why one figure conflicts, in words: against the figures of its fact from other
    articles whose range lies clear of its own (at most 50 looked at)."""
    lo = f.low if f.low is not None else float("-inf")
    hi = f.high if f.high is not None else float("inf")
    others = [_board_figure(r) for r in db.execute(
        f"SELECT {_BOARD_COLS} FROM figures f JOIN articles a ON a.id = f.article_id "
        "WHERE f.fact_key = ? AND f.article_id != ? AND (f.low >= ? OR f.high <= ?) "
        "LIMIT 50", (row.key, f.article_id, hi, lo))]  # fmt: skip
    return reasons_for(f, others, row.kind, limit)


def fact_figures(db: Database, keys: Sequence[str]) -> dict[str, list[tuple[FactFigure, str]]]:
    """The figures of each fact as :class:`FactFigure`, with each figure's subject name."""
    found: dict[str, list[tuple[FactFigure, str]]] = defaultdict(list)
    for chunk, marks in in_chunks(list(keys)):
        for r in db.execute(
            'SELECT f.id, f.article_id, a.title, f.start, f."end", f.text, f.kind, f.low, '
            "f.high, f.low_open, f.high_open, f.hedge, f.as_of, a.published, f.to_date, "
            "f.attribution, f.unit, f.fact_key, f.subject_name, "
            "(SELECT c.id FROM claims c WHERE c.article_id = f.article_id AND c.start = f.start"
            ' AND c."end" = f."end" ORDER BY c.id LIMIT 1) '
            "FROM figures f JOIN articles a ON a.id = f.article_id "
            f"WHERE f.fact_key IN ({marks}) ORDER BY f.article_id, f.start", chunk,
        ).fetchall():  # fmt: skip
            when, when_from = (r[12], "text") if r[12] else ((r[13], "article") if r[13]
                                                               else ("", ""))  # fmt: skip
            found[r[17]].append((FactFigure(
                id=r[0], article_id=r[1], article_title=r[2], start=r[3], end=r[4], text=r[5],
                kind=r[6], low=r[7], high=r[8], low_open=bool(r[9]), high_open=bool(r[10]),
                hedge=r[11], when=when[:10], when_from=when_from, to_date=bool(r[14]),
                attribution=r[15], unit=r[16], claim_id=r[19]), r[18]))  # fmt: skip
    return found
