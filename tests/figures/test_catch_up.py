"""Finding the figures of queued articles in growing batches: the facts come out the
same whatever the batches, and progress is told as articles are read."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from factcheck.store import figure_cache, importer
from factcheck.store.project import connect


def _facts(db: Any) -> list[tuple[Any, ...]]:
    return db.execute(
        "SELECT key, kind, figures, articles, conflicts, summary FROM facts ORDER BY key"
    ).fetchall()


def _figures(db: Any) -> list[tuple[Any, ...]]:
    return db.execute(
        "SELECT article_id, start, fact_key, conflict, step FROM figures ORDER BY 1, 2"
    ).fetchall()


def _project(seeds_dir: Path, corpus: Path) -> Any:
    db = connect(":memory:")
    folders = sorted(p for p in corpus.iterdir() if p.is_dir())
    importer.import_paths(db, [seeds_dir, *folders], "tester")
    return db


def test_batches_that_grow_give_the_facts_of_one_batch(seeds_dir: Path) -> None:
    corpus = Path(__file__).parent.parent / "data" / "figures"
    whole, grown = _project(seeds_dir, corpus), _project(seeds_dir, corpus)
    total = figure_cache.pending(whole)
    assert total >= 16  # enough for batches of 1, 2, 4, 8 and the rest
    figure_cache.catch_up(whole, batch=total)
    told: list[tuple[int, int]] = []
    facts, articles = figure_cache.catch_up(
        grown, batch=1, progress=lambda d, t: told.append((d, t))
    )
    assert len(articles) == total and figure_cache.pending(grown) == 0
    assert _facts(grown) == _facts(whole) and _facts(whole)
    assert _figures(grown) == _figures(whole)
    assert {k for k, *_ in _facts(whole)} <= facts  # every fact made is named as touched
    done = [d for d, _t in told]
    assert done == sorted(done) and done[-1] == total and {t for _d, t in told} == {total}
    # batches of 1, 2, 4, 8, then 8 at most: a report after each
    assert done[:4] == [1, 3, 7, 15] and len(done) == 5
