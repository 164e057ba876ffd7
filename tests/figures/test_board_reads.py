"""What the figures board reads: each figure's marks kept by the facts cache (in a
conflicting pair, its step in the timeline), the columns, a fact's cells, its bounded
timeline and one figure's reasons — and the marks against a full judgement."""

from __future__ import annotations

import random
from typing import Any

from factcheck.core.figures import FactFigure, conflicting_ids, judge, steps
from factcheck.store import ops, queries


def _figure(i: int, article: int, low: float | None, high: float | None, when: str = "",
            low_open: bool = False, high_open: bool = False) -> FactFigure:  # fmt: skip
    return FactFigure(id=i, article_id=article, article_title=f"a{article}", start=i, end=i + 1,
                      text=str(low), kind="count", low=low, high=high, low_open=low_open,
                      high_open=high_open, hedge="", when=when, when_from="text" if when else "",
                      to_date=False)  # fmt: skip


def test_conflicting_ids_are_the_figures_of_the_judged_pairs() -> None:
    """Random facts (open and closed ends, shared articles, dates or none): the figures
    marked conflicting are exactly those in a pair ``judge`` lists."""
    rng = random.Random(20261129)
    for _ in range(1500):
        figs = []
        for i in range(rng.randint(1, 9)):
            low = rng.choice([None, float(rng.randint(0, 6))])
            high = rng.choice([None, (low or 0.0) + rng.randint(0, 3)])
            figs.append(_figure(i, rng.randint(1, 3), low, high,
                                rng.choice(["", "2020-01-01", "2020-01-02", "2020-01-03"]),
                                rng.random() < 0.3, rng.random() < 0.3))  # fmt: skip
        for kind in ("fixed", "level", "series"):
            pairs = judge(figs, kind).conflicts
            assert conflicting_ids(figs, kind) == {f.id for c in pairs for f in (c.first, c.second)}


def test_steps_read_ranges_not_bare_numbers() -> None:
    figs = [_figure(1, 1, 60_000, None, "2016-10-08", low_open=True),  # over 60,000
            _figure(2, 2, 100_000, None, "2017-10-24", low_open=True),  # more than 100,000
            _figure(3, 3, 114_000, 126_000, "2018-01-01"),  # about 120,000: overlaps
            _figure(4, 4, 80_000, 80_000, "2018-06-01"),  # 80,000: below
            _figure(5, 5, 99_000, None)]  # fmt: skip
    assert steps(figs) == {1: "first", 2: "rising", 3: "level", 4: "falling", 5: "undated"}


def _fact(db: Any, measure: str) -> Any:
    return next(r for r in queries.list_facts(db) if r.measure == measure)


def _marks(db: Any, key: str) -> dict[str, tuple[int, str]]:
    return {r[0]: (r[1], r[2]) for r in db.execute(
        "SELECT text, conflict, step FROM figures WHERE fact_key = ? ORDER BY place", (key,))}


def test_the_cache_marks_each_figure_and_keeps_them_after_an_edit(seeded_db: Any) -> None:
    members = _fact(seeded_db, "size members")
    marks = _marks(seeded_db, members.key)
    assert set(marks) == {"nearly 3,000", "2,700", "more than 3,000"}
    assert all(conflict == 1 for conflict, _step in marks.values())
    saved = _fact(seeded_db, "saved people")
    in_order = list(_marks(seeded_db, saved.key).items())
    assert in_order[0] == ("over 60,000", (0, "first"))
    assert in_order[1] == ("more than 100,000", (0, "rising"))
    assert all(step == "undated" for _t, (_c, step) in in_order[2:])
    # dismiss 2,700 and nearly 3,000: the two "more than 3,000" agree, nothing is marked
    for text in ("2,700", "nearly 3,000"):
        fig = next(f for f in queries.fact_detail(seeded_db, members.key).figures
                   if f.text == text)  # fmt: skip
        ops.dismiss_figure(seeded_db, fig.id, "rev")
    assert _marks(seeded_db, members.key) == {"more than 3,000": (0, "undated")}


def test_board_reads_columns_cells_timeline_and_reasons(seeded_db: Any) -> None:
    rows = queries.list_facts(seeded_db, min_articles=2)
    columns = queries.board_articles(seeded_db, [r.key for r in rows])
    assert len(columns) == 5 == len({a.id for a in columns})
    dated = [a.published for a in columns if a.published]
    assert dated == sorted(dated) and all(not a.published for a in columns[len(dated):])
    titles = queries.board_titles(seeded_db, [a.id for a in columns])
    assert all(titles[a.id][0] for a in columns)
    members = _fact(seeded_db, "size members")
    some = [a.id for a in columns[:2]]
    cells = queries.board_cells(seeded_db, members, some)
    assert set(cells.by_article) <= set(some) and cells.by_article
    assert all(f.id in cells.conflicting for fs in cells.by_article.values() for f in fs)
    whole = queries.board_fact(seeded_db, members)
    assert whole.complete and whole.total == 4 and whole.conflict_count == 5
    assert len(whole.reasons) == 5 and whole.conflicting == {f.id for f in whole.figures}
    cut = queries.board_fact(seeded_db, members, limit=2)
    assert not cut.complete and cut.total == 4 and len(cut.figures) == 2
    assert [f.id for f in cut.figures] == [f.id for f in whole.figures[:2]]  # timeline order
    assert cut.conflict_count == 5  # the count is the whole fact's
    strong = next(f for f in whole.figures if f.text == "2,700")
    reasons = queries.figure_reasons(seeded_db, members, strong)
    assert len(reasons) == 3 and all("“2,700”" in r for r in reasons)
    assert any("nearly 3,000" in r for r in reasons)
    saved = _fact(seeded_db, "saved people")
    lives = queries.board_fact(seeded_db, saved)
    first = lives.figures[0]
    assert queries.figure_reasons(seeded_db, saved, first) == []


def test_one_figures_reasons_are_the_judgements_words() -> None:
    """What the board says of one cell is what the whole judgement says of its pairs."""
    from factcheck.core.figures.facts import reasons_for

    rng = random.Random(7)
    for _ in range(300):
        figs = [_figure(i, rng.randint(1, 4), float(lo), float(lo + rng.randint(0, 2)),
                        rng.choice(["", "2020-01-01", "2020-02-01"]))
                for i, lo in enumerate(rng.sample(range(0, 12), rng.randint(2, 6)))]  # fmt: skip
        for kind in ("fixed", "level", "series"):
            pairs = judge(figs, kind).conflicts
            for f in figs:
                want = {c.reason for c in pairs if f in (c.first, c.second)}
                assert set(reasons_for(f, figs, kind, limit=100)) == want
