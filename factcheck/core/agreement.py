"""Agreement between reviewers: on verdicts (Krippendorff's alpha, nominal, and percent
agreement) and on which stretches of text are claims (Krippendorff's unitizing alpha).

Verdicts. Each claim is a unit; each reviewer who gave it a verdict other than
"unverified" contributes one value (no verdict is missing data, which alpha allows).
Alpha is computed from the coincidence matrix (Krippendorff 2011, "Computing
Krippendorff's alpha-reliability"): only units with at least two values count; each
ordered pair of values within a unit of ``m`` values weighs ``1/(m-1)``;
``alpha = 1 - (n-1) * disagreeing pairs / sum over c != k of n_c * n_k``. With one
value used throughout there is no variation and alpha is undefined (None). Percent
agreement is the share of agreeing pairs of reviewers over all pairs, pooled.

Spans. The unitizing alpha of Krippendorff (1995, 2004) as DKPro Statistics computes
it (``KrippendorffAlphaUnitizingAgreement``, which INCEpTION uses): every reviewer
divides the continuum (an article's text, in code points) into units of a category and
gaps; observed disagreement sums, over every pair of reviewers and every overlapping
pair of their segments, the squared distance of two overlapping units (difference of
starts squared plus difference of ends squared) or the squared length of a unit lying
wholly inside the other's gap; expected disagreement considers every way of placing the
same units on the continuum. Per category ``alpha = 1 - D_o / D_e`` (0 when the two
are equal, as DKPro does); over all categories the disagreements are averaged first.
A reviewer's own overlapping units of one category are merged first (the measure
requires that a reviewer's units of a category do not overlap).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import combinations
from typing import Any

# -- nominal alpha and percent agreement ---------------------------------------------


def coincidences(units: Iterable[Sequence[Hashable]]) -> tuple[dict[tuple[Any, Any], float], int]:
    """The coincidence matrix of the units' values (units with fewer than two values are
    left out) and the number of pairable values ``n``."""
    o: dict[tuple[Any, Any], float] = defaultdict(float)
    n = 0
    for values in units:
        m = len(values)
        if m < 2:
            continue
        n += m
        counts = Counter(values)
        for c, nc in counts.items():
            for k, nk in counts.items():
                pairs = nc * (nc - 1) if c == k else nc * nk
                if pairs:
                    o[(c, k)] += pairs / (m - 1)
    return o, n


def nominal_alpha(units: Iterable[Sequence[Hashable]]) -> float | None:
    """Krippendorff's alpha for nominal values; each unit is the sequence of values the
    coders gave it (missing values simply absent). None when undefined."""
    o, n = coincidences(units)
    if n < 2:
        return None
    totals: dict[Any, float] = defaultdict(float)
    for (c, _k), count in o.items():
        totals[c] += count
    observed = sum(count for (c, k), count in o.items() if c != k)
    expected = sum(totals[c] * totals[k] for c in totals for k in totals if c != k)
    if expected == 0:
        return None
    return 1.0 - (n - 1) * observed / expected


def percent_agreement(units: Iterable[Sequence[Hashable]]) -> float | None:
    """Share of agreeing pairs among all pairs of values within units (None: no pairs)."""
    agree = total = 0
    for values in units:
        for a, b in combinations(values, 2):
            total += 1
            agree += a == b
    return agree / total if total else None


# -- unitizing alpha ------------------------------------------------------------------


@dataclass(frozen=True)
class Unit:
    rater: str
    start: int  # from the start of the continuum
    end: int
    category: Hashable


# A segment of one rater's continuum: (start, length, is a unit of the category).
_Segment = tuple[int, int, bool]


def _merged(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[list[int]] = []
    for start, end in sorted(spans):
        if out and start < out[-1][1]:
            out[-1][1] = max(out[-1][1], end)
        else:
            out.append([start, end])
    return [(s, e) for s, e in out]


def _segments(units: list[tuple[int, int]], length: int) -> list[_Segment]:
    """The rater's continuum as alternating gaps and units (no empty gaps)."""
    segs: list[_Segment] = []
    pos = 0
    for start, end in units:
        if start > pos:
            segs.append((pos, start - pos, False))
        segs.append((start, end - start, True))
        pos = end
    if pos < length:
        segs.append((pos, length - pos, False))
    return segs


def _distance(a: _Segment, b: _Segment) -> int:
    (b1, l1, u1), (b2, l2, u2) = a, b
    if u1 and u2 and -l1 < b1 - b2 < l2:
        return (b1 - b2) ** 2 + (b1 + l1 - b2 - l2) ** 2
    if u1 and not u2 and b1 >= b2 and b1 + l1 <= b2 + l2:
        return l1 * l1
    if u2 and not u1 and b2 >= b1 and b2 + l2 <= b1 + l1:
        return l2 * l2
    return 0


def _pair_disagreement(s1: list[_Segment], s2: list[_Segment]) -> int:
    """Sum of distances over every overlapping pair of segments of two raters."""
    i = j = 0
    total = 0
    while i < len(s1) and j < len(s2):
        total += _distance(s1[i], s2[j])
        end1, end2 = s1[i][0] + s1[i][1], s2[j][0] + s2[j][1]
        if end1 <= end2:
            i += 1
        if end2 <= end1:
            j += 1
    return total


@dataclass(frozen=True)
class UnitizingResult:
    alpha: float | None  # None: nothing to compare (fewer than two raters, no units)
    observed: float
    expected: float
    by_category: Mapping[Hashable, float]


def _category(length: int, raters: Sequence[str], spans: dict[str, list[tuple[int, int]]]
              ) -> tuple[float, float]:  # fmt: skip
    r = len(raters)
    segs = {rater: _segments(spans.get(rater, []), length) for rater in raters}
    observed = sum(_pair_disagreement(segs[a], segs[b]) for a, b in combinations(raters, 2))
    d_o = 2.0 * observed / (r * (r - 1) * length * length)
    lengths = [e - s for rater in raters for s, e in spans.get(rater, [])]
    gaps = sorted((ln for rater in raters for _b, ln, unit in segs[rater] if not unit),
                  reverse=True)  # fmt: skip
    n_c = len(lengths)
    squared = sum(ln * (ln - 1) for ln in lengths)
    total = 0.0
    for ln in lengths:
        within = (n_c - 1) * (2 * ln**3 - 3 * ln**2 + ln) / 3.0
        fits = sum(g - ln + 1 for g in gaps if g >= ln)
        total += within + ln * ln * fits
    d_e = total * 2.0 / length / (r * length * (r * length - 1) - squared)
    return d_o, d_e


def unitizing_alpha(length: int, raters: Sequence[str], units: Iterable[Unit]) -> UnitizingResult:
    """Krippendorff's unitizing alpha of ``raters`` over a continuum of ``length``."""
    raters = sorted(set(raters))
    by_cat: dict[Hashable, dict[str, list[tuple[int, int]]]] = {}
    for u in units:
        if 0 <= u.start < u.end <= length and u.rater in raters:
            by_cat.setdefault(u.category, {}).setdefault(u.rater, []).append((u.start, u.end))
    if len(raters) < 2 or length < 1 or not by_cat:
        return UnitizingResult(None, 0.0, 0.0, {})
    per: dict[Hashable, tuple[float, float]] = {}
    for cat, spans in by_cat.items():
        merged = {rater: _merged(s) for rater, s in spans.items()}
        per[cat] = _category(length, raters, merged)

    def alpha(d_o: float, d_e: float) -> float:
        return 0.0 if d_o == d_e else 1.0 - d_o / d_e

    d_o = sum(o for o, _e in per.values()) / len(per)
    d_e = sum(e for _o, e in per.values()) / len(per)
    return UnitizingResult(alpha(d_o, d_e), d_o, d_e,
                           {c: alpha(o, e) for c, (o, e) in per.items()})  # fmt: skip


# -- a project's figures ----------------------------------------------------------------


@dataclass(frozen=True)
class Figures:
    """Agreement over a set of claims (an article, or the project)."""

    verdict_alpha: float | None
    percent: float | None
    span_alpha: float | None
    judged: int  # claims with verdicts from at least two reviewers
    claims: int

    def as_dict(self) -> dict[str, Any]:
        def r(x: float | None) -> float | None:
            return None if x is None else round(x, 4)

        return {"verdict_alpha": r(self.verdict_alpha), "percent_agreement": r(self.percent),
                "span_alpha": r(self.span_alpha), "claims_judged_by_two_or_more": self.judged,
                "claims": self.claims}  # fmt: skip


@dataclass(frozen=True)
class ArticleFigures:
    article_id: int
    title: str
    figures: Figures


@dataclass(frozen=True)
class ProjectAgreement:
    reviewers: tuple[str, ...]  # who gave verdicts
    markers: tuple[str, ...]  # who marked claims (the raters of the spans)
    project: Figures
    articles: tuple[ArticleFigures, ...]


@dataclass(frozen=True)
class ClaimVotes:
    claim_id: int
    article_id: int
    statuses: tuple[str, ...]  # one per reviewer who judged it


@dataclass(frozen=True)
class MarkedSpan:
    article_id: int
    rater: str
    start: int
    end: int


def summarize(
    articles: Sequence[tuple[int, str, int]],  # id, title, text length
    votes: Sequence[ClaimVotes],
    spans: Sequence[MarkedSpan],
    reviewers: Sequence[str],
) -> ProjectAgreement:
    """Per-article and project figures. The project's span alpha treats the articles as
    one continuum, one after the other."""
    markers = sorted({s.rater for s in spans})
    by_article: dict[int, list[ClaimVotes]] = {}
    for v in votes:
        by_article.setdefault(v.article_id, []).append(v)
    spans_of: dict[int, list[MarkedSpan]] = {}
    for s in spans:
        spans_of.setdefault(s.article_id, []).append(s)

    def figures(claims: Sequence[ClaimVotes], length: int, units: list[Unit]) -> Figures:
        values = [c.statuses for c in claims]
        span = unitizing_alpha(length, markers, units) if units else None
        return Figures(nominal_alpha(values), percent_agreement(values),
                       span.alpha if span else None,
                       sum(len(v) >= 2 for v in values), len(claims))  # fmt: skip

    out = []
    offset = 0
    everything: list[Unit] = []
    for article_id, title, length in articles:
        units = [Unit(s.rater, s.start, s.end, "claim") for s in spans_of.get(article_id, [])]
        everything += [Unit(u.rater, u.start + offset, u.end + offset, u.category) for u in units]
        offset += length
        mine = figures(by_article.get(article_id, []), length, units)
        out.append(ArticleFigures(article_id, title, mine))
    listed = {a[0] for a in articles}
    project = figures([v for v in votes if v.article_id in listed], offset, everything)
    return ProjectAgreement(tuple(sorted(set(reviewers))), tuple(markers), project, tuple(out))
