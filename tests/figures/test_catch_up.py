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
    assert done[:4] == [1, 3, 7, 15]  # batches of 1, 2, 4, 8: a report after each


def _many(n: int) -> Any:
    from factcheck.core.model import ArticleDraft
    from factcheck.store import ops

    db = connect(":memory:")
    drafts = [ArticleDraft(title=f"Day {i}", published=f"2020-01-{1 + i % 28:02d}",
                           text=f"The group says it has saved more than {1000 + i:,} lives.")
              for i in range(n)]  # fmt: skip
    ops.import_articles(db, drafts, "tester")
    return db


def test_batches_double_up_to_eight_times_the_first() -> None:
    db = _many(30)
    told: list[int] = []
    figure_cache.catch_up(db, batch=1, progress=lambda d, _t: told.append(d))
    assert told == [1, 3, 7, 15, 23, 30]  # 1, 2, 4, 8, then 8 at most, then the rest
    assert figure_cache.pending(db) == 0


def test_progress_is_told_inside_a_batch_every_fifty_articles() -> None:
    db = _many(130)
    told: list[int] = []
    figure_cache.catch_up(db, batch=20, progress=lambda d, _t: told.append(d))
    # batches of 20, 40, then the last 70, read in a batch of up to 80: told after its
    # first 50 articles as well as at its end
    assert told == [20, 60, 110, 130]
