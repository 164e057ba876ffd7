"""Agreement measures: nominal alpha and percent agreement checked against NLTK's
independent implementation and Krippendorff's own worked example; unitizing alpha
against cases computed by hand from the published definition."""

from __future__ import annotations

import random

import pytest
from nltk.metrics.agreement import AnnotationTask

from factcheck.core.agreement import (
    ClaimVotes,
    MarkedSpan,
    Unit,
    nominal_alpha,
    percent_agreement,
    summarize,
    unitizing_alpha,
)

LABELS = ("corroborated", "contradicted", "inconclusive")


def _nltk(table: list[list[str]]) -> AnnotationTask:
    data = [(f"r{r}", f"u{u}", v) for u, row in enumerate(table) for r, v in enumerate(row)]
    return AnnotationTask(data=data)


@pytest.mark.parametrize("seed", range(12))
def test_nominal_alpha_and_percent_agreement_match_nltk(seed: int) -> None:
    rng = random.Random(seed)
    raters, units = rng.randint(2, 5), rng.randint(4, 40)
    bias = rng.random()
    table = []
    for _ in range(units):
        truth = rng.choice(LABELS)
        table.append([truth if rng.random() < bias else rng.choice(LABELS)
                      for _ in range(raters)])  # fmt: skip
    task = _nltk(table)
    assert nominal_alpha(table) == pytest.approx(task.alpha(), abs=1e-9)
    assert percent_agreement(table) == pytest.approx(task.avg_Ao(), abs=1e-9)


def test_krippendorffs_worked_example_with_missing_values() -> None:
    """Krippendorff (2011), "Computing Krippendorff's alpha-reliability", the nominal
    example: four observers, twelve units, some values missing; alpha = 0.743."""
    rows = ["1 2 3 3 2 1 4 1 2 . . .", "1 2 3 3 2 2 4 1 2 5 . 3",
            ". 3 3 3 2 3 4 2 2 5 1 .", "1 2 3 3 2 4 4 1 2 5 1 ."]  # fmt: skip
    table = [r.split() for r in rows]
    units = [[table[o][u] for o in range(4) if table[o][u] != "."] for u in range(12)]
    assert nominal_alpha(units) == pytest.approx(0.743, abs=5e-4)


def test_alpha_edge_cases() -> None:
    assert nominal_alpha([["a", "a"], ["b", "b"]]) == 1.0
    assert nominal_alpha([["a", "a"], ["a", "a"]]) is None  # no variation: undefined
    assert nominal_alpha([["a"], ["b"]]) is None  # nothing pairable
    assert percent_agreement([["a"]]) is None
    assert percent_agreement([["a", "b", "a"]]) == pytest.approx(1 / 3)


# Unitizing alpha, by hand from Krippendorff (1995) as DKPro Statistics defines it:
#   D_o = 2 * sum over rater pairs and overlapping segment pairs of delta / (R L^2)
#   D_e = (2/L) * sum over units of [(N-1)(2l^3 - 3l^2 + l)/3 + l^2 sum_{gaps g>=l}(g-l+1)]
#         / (R L (R L - 1) - sum over units of l(l-1))
# Continuum L = 10, two raters, one category.


def test_unitizing_identical_units() -> None:
    # D_o = 0; D_e = (2/10)(2 * (10 + 9*6)) / (380 - 12) = 25.6/368
    r = unitizing_alpha(10, ["a", "b"], [Unit("a", 2, 5, "c"), Unit("b", 2, 5, "c")])
    assert (r.observed, r.expected, r.alpha) == (0.0, pytest.approx(25.6 / 368), 1.0)


def test_unitizing_one_rater_marks_nothing() -> None:
    # the unit 2-5 lies in the other's gap: D_o = 2*9/200 = 0.09
    # D_e = (2/10)(9 * ((10-3+1) + (5-3+1))) / (380 - 6) = 19.8/374; alpha = 1 - 1.7
    r = unitizing_alpha(10, ["a", "b"], [Unit("a", 2, 5, "c")])
    assert r.observed == pytest.approx(0.09)
    assert r.expected == pytest.approx(19.8 / 374)
    assert r.alpha == pytest.approx(-0.7)


def test_unitizing_overlapping_units() -> None:
    # 0-4 against 2-6: delta = (0-2)^2 + (4-6)^2 = 8, D_o = 16/200 = 0.08
    # gaps 6 | 2, 4; each unit: (2*64-48+4)/3 = 28 + 16*((6-4+1)+(4-4+1)) = 64
    # D_e = (2/10)(2*92)/(380-24) = 36.8/356; alpha = 1 - 0.08*356/36.8 = 26/115
    r = unitizing_alpha(10, ["a", "b"], [Unit("a", 0, 4, "c"), Unit("b", 2, 6, "c")])
    assert r.observed == pytest.approx(0.08)
    assert r.expected == pytest.approx(36.8 / 356)
    assert r.alpha == pytest.approx(26 / 115)


def test_unitizing_merges_a_raters_own_overlaps_and_needs_two_raters() -> None:
    nested = [Unit("a", 2, 5, "c"), Unit("a", 3, 4, "c"), Unit("b", 2, 5, "c")]
    assert unitizing_alpha(10, ["a", "b"], nested).alpha == 1.0
    assert unitizing_alpha(10, ["a"], [Unit("a", 2, 5, "c")]).alpha is None


def test_summarize_per_article_and_project() -> None:
    votes = [ClaimVotes(1, 1, ("corroborated", "corroborated")),
             ClaimVotes(2, 1, ("contradicted", "corroborated")),
             ClaimVotes(3, 2, ("inconclusive",))]  # fmt: skip
    spans = [MarkedSpan(1, "a", 2, 5), MarkedSpan(1, "b", 2, 5), MarkedSpan(2, "a", 0, 4)]
    out = summarize([(1, "One", 10), (2, "Two", 10)], votes, spans, ["a", "b"])
    one, two = out.articles
    assert (one.figures.judged, one.figures.claims, two.figures.judged) == (2, 2, 0)
    assert one.figures.percent == pytest.approx(0.5)
    assert one.figures.span_alpha == 1.0
    assert two.figures.verdict_alpha is None and two.figures.percent is None
    assert out.project.judged == 2 and out.project.claims == 3
    # the project's spans: one continuum of 20, where b marked nothing in the second half
    assert out.project.span_alpha == pytest.approx(unitizing_alpha(
        20, ["a", "b"], [Unit("a", 2, 5, "c"), Unit("b", 2, 5, "c"), Unit("a", 10, 14, "c")]
    ).alpha)  # fmt: skip
