"""Judging a fact's figures, on hand-made figures."""

from __future__ import annotations

from factcheck.core.figures import FactFigure, judge
from factcheck.core.figures import facts as facts_module


def fig(fid: int, article: int, low: float | None, high: float | None, when: str = "",
        text: str = "", low_open: bool = False, hedge: str = "") -> FactFigure:  # fmt: skip
    return FactFigure(fid, article, f"A{article}", 0, 1, text or str(low), "count", low, high,
                      low_open, False, hedge, when, "article" if when else "", True)  # fmt: skip


def test_series_rising_is_consistent_and_falling_back_is_a_conflict() -> None:
    rising = [fig(1, 1, 60000, 60000, "2016-10-08"), fig(2, 2, 100000, None, "2017-10-24",
              "more than 100,000", True, "more than"), fig(3, 3, 99000, None, "")]
    j = judge(rising, "series")
    assert j.conflicts == () and [f.id for f in j.timeline] == [1, 2]
    assert [f.id for f in j.undated] == [3] and "without a date" in j.summary
    falling = [fig(1, 1, 212, 212, "2024-03-03"), fig(2, 2, 198, 198, "2024-03-05")]
    (c,) = judge(falling, "series").conflicts
    assert "lower than" in c.reason and "2024-03-05" in c.reason


def test_fixed_overlap_same_article_and_the_work_cap(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    assert judge([fig(1, 1, 2013, 2013), fig(2, 1, 2014, 2014)], "fixed").conflicts == ()
    assert judge([fig(1, 1, 10, 20), fig(2, 2, 15, 25)], "fixed").conflicts == ()
    many = [fig(i, i, float(i), float(i)) for i in range(1, 200)]
    full = judge(many, "fixed")
    assert full.count_exact and full.conflict_count == 199 * 198 // 2
    assert len(full.conflicts) == facts_module.LIMIT
    monkeypatch.setattr(facts_module, "WORK", 100)
    capped = judge(many, "fixed")
    assert not capped.count_exact and capped.summary.startswith("at least ")
