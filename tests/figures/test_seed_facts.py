"""The sample corpus: five articles about the White Helmets and their figures."""

from __future__ import annotations

from typing import Any

from factcheck.store import queries


def _fact(db: Any, measure: str) -> Any:
    rows = [r for r in queries.list_facts(db) if r.measure == measure]
    assert len(rows) == 1, [r.label for r in queries.list_facts(db, min_articles=1)]
    return queries.fact_detail(db, rows[0].key)


def test_lives_saved_is_a_rising_series(seeded_db: Any) -> None:
    d = _fact(seeded_db, "saved people")
    assert d.row.kind == "series" and d.row.subject == "White Helmets"
    assert sorted(f.low for f in d.figures) == [60000 * 0.95, 60000, 99000, 100000, 115000]
    assert d.judgement.conflicts == ()
    assert [f.text for f in d.judgement.timeline] == ["over 60,000", "more than 100,000"]
    assert {f.text for f in d.judgement.undated} == {"more than 99,000", "over 115,000",
                                                     "some 60,000"}
    assert d.judgement.summary.startswith("rising:")
    assert "without a date" in d.judgement.summary


def test_members_conflicts_are_explained(seeded_db: Any) -> None:
    d = _fact(seeded_db, "size members")
    assert sorted(f.text for f in d.figures) == ["2,700", "more than 3,000", "more than 3,000",
                                                 "nearly 3,000"]
    pairs = {frozenset((c.first.text, c.second.text)): c for c in d.judgement.conflicts}
    # the two "more than 3,000" agree with each other; every other pair disagrees
    assert len(d.judgement.conflicts) == 5
    small = pairs[frozenset(("2,700", "nearly 3,000"))]
    big = next(c for k, c in pairs.items() if k == frozenset(("2,700", "more than 3,000")))
    assert small.small and not big.small
    assert "5 %" in small.reason and "10 %" in big.reason
    assert "“more than” rules out" in big.reason
    assert "either side of 3,000" in pairs[frozenset(("nearly 3,000", "more than 3,000"))].reason


def test_founding_years_conflict(seeded_db: Any) -> None:
    d = _fact(seeded_db, "founded")
    assert sorted(f.text for f in d.figures) == ["2013", "2014"]
    (c,) = d.judgement.conflicts
    assert "different years" in c.reason


def test_non_facts_stay_out_of_the_facts(seeded_db: Any) -> None:
    main = [_fact(seeded_db, m) for m in ("saved people", "size members", "founded")]
    in_facts = {f.text for d in main for f in d.figures}
    assert not {"around 20", "141", "08/10/2016", "12:53 AM", "Nearly 300", "300",
                "2016", "2011"} & in_facts
    # they are facts of their own (told by one article), not part of the board's rows
    shared = {r.measure for r in queries.list_facts(seeded_db, min_articles=2)}
    assert shared == {"saved people", "size members", "founded", "killed people"}
