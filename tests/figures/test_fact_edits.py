"""The reviewer's fact edits: audited, undoable, and kept when figures are recomputed."""

from __future__ import annotations

from typing import Any

import pytest

from factcheck.errors import InvalidInput, NotFound
from factcheck.store import ops, queries
from factcheck.store.figure_cache import refresh_all


def _key(db: Any, measure: str) -> str:
    return next(r.key for r in queries.list_facts(db) if r.measure == measure)


def _history(db: Any) -> list[str]:
    return [r[0] for r in db.execute("SELECT action FROM history ORDER BY id")]


def test_rename_survives_recomputation_and_can_be_undone(seeded_db: Any) -> None:
    key = _key(seeded_db, "size members")
    change = ops.rename_fact(seeded_db, key, "Size of the White Helmets", "rev")
    assert change.facts == {key}
    refresh_all(seeded_db)  # queues every article
    ops.update_figures(seeded_db)
    assert queries.get_fact(seeded_db, key).label == "Size of the White Helmets"
    assert "rename fact" in _history(seeded_db)
    ops.unrename_fact(seeded_db, key, "rev")
    assert queries.get_fact(seeded_db, key).label.endswith("members/volunteers")


def test_dismiss_and_move_survive_a_text_change(seeded_db: Any) -> None:
    members = queries.fact_detail(seeded_db, _key(seeded_db, "size members"))
    strong = next(f for f in members.figures if f.text == "2,700")
    ops.dismiss_figure(seeded_db, strong.id, "rev")
    after = queries.fact_detail(seeded_db, members.row.key)
    assert "2,700" not in {f.text for f in after.figures}
    assert after.row.conflicts == 2  # only nearly 3,000 against the two "more than"
    # the article's text changes before the figure: it is found again and stays dismissed
    article = queries.get_article(seeded_db, strong.article_id)
    ops.create_revision(seeded_db, article.id, "Preface added.\n\n" + article.text, "rev")
    assert ops.update_figures(seeded_db).article_ids == {article.id}  # only that one
    again = queries.fact_detail(seeded_db, members.row.key)
    assert "2,700" not in {f.text for f in again.figures}
    moved = next(s for s in queries.figures_for_article(seeded_db, article.id)
                 if s.figure.text == "2,700")  # fmt: skip
    assert moved.edited == "dismiss" and moved.fact_key == ""
    ops.reset_figure(seeded_db, moved.id, "rev")
    assert "2,700" in {f.text for f in queries.fact_detail(seeded_db, members.row.key).figures}
    assert {"dismiss figure", "reset figure"} <= set(_history(seeded_db))


def test_merge_split_and_refusals(seeded_db: Any) -> None:
    saved = _key(seeded_db, "saved people")
    deaths = next(r.key for r in queries.list_facts(seeded_db) if r.measure == "killed people")
    before = queries.get_fact(seeded_db, saved).figures
    ops.merge_facts(seeded_db, deaths, saved, "rev")
    merged = queries.get_fact(seeded_db, saved)
    assert merged.figures > before
    with pytest.raises(NotFound):
        queries.get_fact(seeded_db, deaths)
    refresh_all(seeded_db)  # the merge is re-applied
    ops.update_figures(seeded_db)
    assert queries.get_fact(seeded_db, saved).figures == merged.figures
    ops.unmerge_fact(seeded_db, deaths, "rev")
    assert queries.get_fact(seeded_db, saved).figures == before
    d = queries.fact_detail(seeded_db, saved)
    undated = [f.id for f in d.figures if not f.when]
    change = ops.split_fact(seeded_db, saved, undated, "Undated tallies", "rev")
    assert change.created_id is not None
    split = queries.get_fact(seeded_db, change.created_id)
    assert (split.label, split.figures) == ("Undated tallies", len(undated))
    with pytest.raises(InvalidInput):
        ops.merge_facts(seeded_db, saved, saved, "rev")
    with pytest.raises(InvalidInput):
        ops.rename_fact(seeded_db, saved, "   ", "rev")
    with pytest.raises(NotFound):
        ops.dismiss_figure(seeded_db, 999999, "rev")


def test_mark_fact_claims_links_with_reasons(seeded_db: Any) -> None:
    key = _key(seeded_db, "founded")
    change = ops.mark_fact_claims(seeded_db, key, "rev")
    assert len(change.claim_ids) == 2
    claims = [queries.get_claim(seeded_db, c) for c in change.claim_ids]
    assert {c.quote for c in claims} == {"2013", "2014"}
    assert {c.status.value for c in claims} == {"contradicted"}
    links = [e for c in change.claim_ids for e in queries.evidence_for_claim(seeded_db, c)]
    assert links and all(e.relation is not None and e.relation.value == "contradicts"
                         for e in links)  # fmt: skip
    assert "different years" in links[0].note
    again = ops.mark_fact_claims(seeded_db, key, "rev")  # reuses claims and links
    assert again.claim_ids == change.claim_ids
    d = queries.fact_detail(seeded_db, key)
    assert {f.claim_id for f in d.figures} == set(change.claim_ids)


def test_imports_queue_figures_and_reading_finds_them(db: Any, seeds_dir: Any) -> None:
    from factcheck.store import figure_cache, importer

    importer.import_paths(db, [seeds_dir], "rev")
    assert figure_cache.pending(db) == 5
    assert db.execute("SELECT count(*) FROM figures").fetchone()[0] == 0
    change = ops.update_figures(db)
    assert change.article_ids == {1, 2, 3, 4, 5} and change.figures
    assert figure_cache.pending(db) == 0 and queries.list_facts(db, min_articles=2)
    assert ops.update_figures(db).article_ids == frozenset()  # nothing left: nothing done
