"""Facts: the same thing counted in several articles, and whether the figures agree.

A fact is keyed by (subject, measure): the subject's name key after aliases are joined
(:class:`Aliases`), and the figure's measure ("saved people", "size members",
"founded", "revenue 2023"). Judging depends on the measure's *kind*:

* ``fixed`` — one true value (a founding year, a year's revenue): two figures conflict
  when their ranges do not overlap.
* ``level`` — a size at a time (members, centres): judged like a fixed fact, and the
  reason names the two dates, since the size may have changed between them.
* ``series`` — a running total (lives saved, deaths "so far"): the figures are ordered
  by the date they are true for (the text's "as of"/"in 2016", else the article's
  date); a later figure lower than an earlier one is a conflict, a rising one is
  consistent. A figure without a date is listed as such, never guessed into place.

Only figures from different articles are compared: one article repeating a number with
and without "nearly" is not a disagreement between sources.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace

from factcheck.core.figures.model import Figure, describe_range, fmt_number

SERIES_PREFIXES = ("saved", "killed", "injured", "missing", "displaced")
LEVEL_PREFIXES = ("size", "trapped", "initial")

_MEASURE_LABELS = {
    "saved people": "lives saved", "killed people": "deaths", "killed members": "members killed",
    "injured people": "injured", "missing people": "missing", "displaced people": "displaced",
    "size members": "members/volunteers", "size sites": "sites", "size stores": "stores",
    "size countries": "countries", "trapped people": "trapped", "trapped members": "trapped",
    "initial members": "members at the start", "founded": "founding year",
    "signatures": "signatures", "turnout": "turnout", "seats won": "seats won",
    "voted people": "voters", "registered voters": "registered voters", "revenue": "revenue",
    "profit": "profit",
}  # fmt: skip


def measure_kind(measure: str) -> str:
    """fixed / level / series (a part of a series is a series of its own)."""
    head = measure.split(" ")[0]
    if head in SERIES_PREFIXES:
        return "series"
    if head in LEVEL_PREFIXES:
        return "level"
    return "fixed"


def measure_label(measure: str) -> str:
    if measure.endswith(PART):
        return f"{measure_label(measure[: -len(PART)])}, a part only"
    if measure in _MEASURE_LABELS:
        return _MEASURE_LABELS[measure]
    head, _, rest = measure.partition(" ")
    if head in _MEASURE_LABELS and rest[:4].isdigit():
        return f"{_MEASURE_LABELS[head]} {rest}"
    return measure


class Aliases:
    """Names said to be the same thing, joined (union-find over name keys). The
    representative of a group is its smallest key, so it does not depend on the order
    the pairs came in."""

    def __init__(self, pairs: Iterable[tuple[str, str]] = ()) -> None:
        self._parent: dict[str, str] = {}
        for a, b in pairs:
            self.join(a, b)

    def find(self, key: str) -> str:
        parent = self._parent.get(key, key)
        if parent == key:
            return key
        root = self.find(parent)
        self._parent[key] = root
        return root

    def join(self, a: str, b: str) -> None:
        if not a or not b:
            return
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            lo, hi = sorted((ra, rb))
            self._parent[hi] = lo
            self._parent.setdefault(lo, lo)


def fact_key(subject_key: str, measure: str, aliases: Aliases | None = None) -> str:
    """The automatic fact a figure belongs to ("" when it has no measure)."""
    if not measure:
        return ""
    subject = aliases.find(subject_key) if aliases is not None else subject_key
    return f"{subject}|{measure}"


@dataclass(frozen=True, slots=True)
class FactFigure:
    """A figure as a fact sees it: where it is, what it says, and when it is true for."""

    id: int
    article_id: int
    article_title: str
    start: int
    end: int
    text: str
    kind: str
    low: float | None
    high: float | None
    low_open: bool
    high_open: bool
    hedge: str
    when: str  # the date it is true for (text's own, else the article's), "" if unknown
    when_from: str  # "text" or "article" or ""
    to_date: bool
    attribution: str = ""
    unit: str = ""
    claim_id: int | None = None

    @property
    def range_text(self) -> str:
        return describe_range(self.low, self.high, self.low_open, self.high_open, self.kind)

    @property
    def source(self) -> str:
        return f"article {self.article_id}" + (f", {self.attribution}" if self.attribution else "")


@dataclass(frozen=True, slots=True)
class Conflict:
    first: FactFigure
    second: FactFigure
    reason: str
    small: bool  # the gap is under 10 % of the larger number


@dataclass(frozen=True, slots=True)
class Judgement:
    kind: str  # fixed / level / series
    conflicts: tuple[Conflict, ...]
    summary: str  # one line in words
    undated: tuple[FactFigure, ...] = ()
    timeline: tuple[FactFigure, ...] = ()  # dated figures in date order (series)
    conflict_count: int = 0
    count_exact: bool = True  # False: the count stopped at WORK pairs examined


def _below(a: FactFigure, b: FactFigure) -> float | None:
    """How far ``a`` lies entirely below ``b`` (a.high < b.low), else None."""
    if a.high is None or b.low is None:
        return None
    if a.high < b.low or (a.high == b.low and (a.high_open or b.low_open)):
        return b.low - a.high
    return None


def _q(f: FactFigure) -> str:
    return f"“{f.text}”"


def _gap_words(lower: FactFigure, upper: FactFigure, gap: float) -> tuple[str, bool]:
    ref = max(abs(upper.low or 0.0), abs(lower.high or 0.0), 1.0)
    pct = gap / ref * 100
    if lower.kind == "year" or upper.kind == "year":
        years = round(gap)
        return (f"{years} year{'s' if years != 1 else ''} apart", years <= 1)
    small = pct < 10
    if gap == 0:
        return ("they only touch at the boundary", True)
    how = f"{fmt_number(gap)} ({pct:.0f} %)"
    return (how, small)


def _when(f: FactFigure) -> str:
    return f.when or "undated"


def _pair_reason(lower: FactFigure, upper: FactFigure, gap: float, kind: str) -> tuple[str, bool]:
    how, small = _gap_words(lower, upper, gap)
    if lower.kind == "year":
        reason = f"{_q(lower)} ({lower.source}) and {_q(upper)} ({upper.source}) give " \
                 f"different years: {how}"
    elif gap == 0:
        reason = (f"{_q(lower)} ({lower.source}) and {_q(upper)} ({upper.source}) fall on "
                  f"either side of {fmt_number(upper.low or 0)}: {lower.range_text} against "
                  f"{upper.range_text}")  # fmt: skip
    else:
        reason = (f"{_q(lower)} ({lower.source}) is below {_q(upper)} ({upper.source}): "
                  f"{lower.range_text} against {upper.range_text}, a gap of {how}")  # fmt: skip
    if lower.kind != "year" and gap > 0 and upper.hedge and upper.low_open:
        reason += f"; “{upper.hedge}” rules out anything up to {fmt_number(upper.low or 0)}"
    elif lower.kind != "year" and gap > 0 and upper.hedge:
        reason += f"; even read loosely, “{upper.hedge}” does not reach down that far"
    if kind == "level":
        if lower.when and upper.when and lower.when != upper.when:
            reason += f" (dated {lower.when} and {upper.when}: the number may have changed)"
        elif not (lower.when and upper.when):
            reason += " (one of them has no date)"
    return reason, small


def _series_conflict(early: FactFigure, late: FactFigure, gap: float) -> Conflict:
    how, small = _gap_words(late, early, gap)
    return Conflict(early, late, (
        f"{_q(late)} on {late.when} ({late.source}) is lower than {_q(early)} "
        f"on {early.when} ({early.source}) although a running total can only "
        f"grow: {late.range_text} against {early.range_text}, down {how}"), small)  # fmt: skip


def reasons_for(f: FactFigure, others: Iterable[FactFigure], kind: str,
                limit: int = 12) -> list[str]:  # fmt: skip
    """Why ``f`` conflicts, in the words :func:`judge` uses: one reason per figure of
    another article among ``others`` that it conflicts with (at most ``limit``, the
    largest gaps first). What the board says of one cell without judging the whole
    fact again."""
    found: list[tuple[float, str]] = []
    for g in others:
        if g.article_id == f.article_id or g.id == f.id:
            continue
        if kind == "series":
            if not (f.when and g.when) or f.when[:10] == g.when[:10]:
                continue
            early, late = (g, f) if g.when[:10] < f.when[:10] else (f, g)
            gap = _below(late, early)
            if gap is not None:
                found.append((gap, _series_conflict(early, late, gap).reason))
            continue
        for lower, upper in ((f, g), (g, f)):
            gap = _below(lower, upper)
            if gap is not None:
                found.append((gap, _pair_reason(lower, upper, gap, kind)[0]))
    found.sort(key=lambda item: -item[0])
    return [reason for _gap, reason in found[:limit]]


LIMIT = 200  # conflicting pairs listed per fact; the count covers them all
WORK = 200_000  # pairs examined per fact at most; past it the count is a lower bound


def judge(figures: Sequence[FactFigure], kind: str, limit: int = LIMIT) -> Judgement:
    """Which pairs of figures (from different articles) conflict, and why, in words.

    At most ``limit`` pairs are listed (``Judgement.conflict_count`` counts them all);
    the pairs are found through sorted bounds, so a fact with thousands of figures and
    few disagreements is judged in about n log n."""
    conflicts: list[Conflict] = []
    count = 0
    work = 0
    if kind == "series":
        dated = sorted((f for f in figures if f.when), key=lambda f: (f.when, f.low or 0))
        undated = tuple(f for f in figures if not f.when)
        by_low = sorted(dated, key=lambda f: f.low if f.low is not None else -1.0)
        lows = [f.low if f.low is not None else -1.0 for f in by_low]
        for late in dated:
            if late.high is None:
                continue
            i = bisect.bisect_left(lows, late.high)
            for early in by_low[i:]:
                work += 1
                if work > WORK:
                    break
                if not early.when or early.when[:10] >= late.when[:10]:
                    continue
                if early.article_id == late.article_id:
                    continue
                gap = _below(late, early)
                if gap is None:
                    continue
                count += 1
                if len(conflicts) < limit:
                    conflicts.append(_series_conflict(early, late, gap))
        exact = work <= WORK
        summary = _series_summary(dated, undated, count, exact)
        return Judgement(kind, tuple(conflicts), summary, undated, tuple(dated), count, exact)
    by_low = sorted(figures, key=lambda f: (f.low if f.low is not None else -1.0, f.id))
    lows = [f.low if f.low is not None else -1.0 for f in by_low]
    for lower in sorted(figures, key=lambda f: (f.high is None, f.high or 0.0, f.id)):
        if lower.high is None:
            continue
        i = bisect.bisect_left(lows, lower.high)
        for upper in by_low[i:]:
            work += 1
            if work > WORK:
                break
            if upper.article_id == lower.article_id:
                continue
            gap = _below(lower, upper)
            if gap is None:
                continue
            count += 1
            if len(conflicts) < limit:
                reason, small = _pair_reason(lower, upper, gap, kind)
                conflicts.append(Conflict(lower, upper, reason, small))
    undated = tuple(f for f in figures if not f.when)
    articles = len({f.article_id for f in figures})
    exact = work <= WORK
    if count:
        summary = (f"{'' if exact else 'at least '}{count} conflicting "
                   f"pair{'s' if count != 1 else ''} "
                   f"among {len(figures)} figures from {articles} article"
                   f"{'s' if articles != 1 else ''}")  # fmt: skip
    elif articles > 1:
        summary = f"consistent: {len(figures)} figures from {articles} articles overlap"
    else:
        summary = f"{len(figures)} figure{'s' if len(figures) != 1 else ''} from one article"
    return Judgement(kind, tuple(conflicts), summary, undated, (), count, exact)


def _series_summary(
    dated: list[FactFigure], undated: tuple[FactFigure, ...], count: int, exact: bool = True
) -> str:
    parts: list[str] = []
    if dated:
        shown = dated if len(dated) <= 12 else [*dated[:6], *dated[-6:]]
        steps = " → ".join(f"{f.text} ({f.when})" for f in shown)
        if count:
            parts.append(f"falls back ({'' if exact else 'at least '}{count} later "
                         f"figure{'s' if count != 1 else ''} below "
                         f"an earlier one): {steps}")  # fmt: skip
        elif len(dated) > 1:
            parts.append(f"rising: {steps}")
        else:
            parts.append(f"one dated figure: {steps}")
    if undated:
        texts = ", ".join(f.text for f in undated[:12]) + (", …" if len(undated) > 12 else "")
        parts.append(f"{len(undated)} without a date (not placed in the series): {texts}")
    return "; ".join(parts) or "no figures"


def default_label(subject: str, measure: str) -> str:
    label = measure_label(measure)
    return f"{subject} — {label}" if subject else label


def _top_two(items: Iterable[FactFigure], key: Callable[[FactFigure], tuple[float, int]],
             ) -> tuple[FactFigure | None, FactFigure | None]:  # fmt: skip
    """The figure with the greatest ``key``, and the greatest among the figures of the
    other articles (what a figure of the first one's article is compared with)."""
    best: FactFigure | None = None
    other: FactFigure | None = None
    for f in items:
        if best is None or key(f) > key(best):
            if best is not None and best.article_id != f.article_id:
                other = best
            best = f
        elif f.article_id != best.article_id and (other is None or key(f) > key(other)):
            other = f
    return best, other


def _pick(pair: tuple[FactFigure | None, FactFigure | None], f: FactFigure) -> FactFigure | None:
    best, other = pair
    return best if best is not None and best.article_id != f.article_id else other


def _highest_low(f: FactFigure) -> tuple[float, int]:
    return (f.low if f.low is not None else float("-inf"), int(f.low_open))


def _lowest_high(f: FactFigure) -> tuple[float, int]:
    return (-(f.high if f.high is not None else float("inf")), int(f.high_open))


def conflicting_ids(figures: Sequence[FactFigure], kind: str) -> set[int]:
    """Every figure in at least one conflicting pair, by the same rules as :func:`judge`
    but without listing the pairs: O(n log n) whatever the number of conflicts, so the
    board can mark every conflicting figure of a fact with thousands of them.

    A figure conflicts when a figure of another article lies entirely above or below it
    (fixed, level); in a series, when an earlier figure of another article lies above it
    or a later one below it. Checking against the extreme figures suffices: if any
    figure lies above ``f``, the one with the highest lower end does."""
    found: set[int] = set()
    if kind != "series":
        tops = _top_two(figures, _highest_low)
        bottoms = _top_two(figures, _lowest_high)
        for f in figures:
            up, down = _pick(tops, f), _pick(bottoms, f)
            if (up is not None and _below(f, up) is not None) or (
                down is not None and _below(down, f) is not None
            ):
                found.add(f.id)
        return found
    dated = sorted((f for f in figures if f.when), key=lambda f: f.when[:10])
    days = sorted({f.when[:10] for f in dated})
    by_day: dict[str, list[FactFigure]] = {}
    for f in dated:
        by_day.setdefault(f.when[:10], []).append(f)
    # before[d]: the extreme figures of the days strictly before d; after[d] likewise
    before: dict[str, tuple[FactFigure | None, FactFigure | None]] = {}
    seen: list[FactFigure] = []
    for day in days:
        before[day] = _top_two(seen, _highest_low)
        seen += by_day[day]
        seen[:] = [x for x in _top_two(seen, _highest_low) if x is not None]
    after: dict[str, tuple[FactFigure | None, FactFigure | None]] = {}
    seen = []
    for day in reversed(days):
        after[day] = _top_two(seen, _lowest_high)
        seen += by_day[day]
        seen[:] = [x for x in _top_two(seen, _lowest_high) if x is not None]
    for f in dated:
        up, down = _pick(before[f.when[:10]], f), _pick(after[f.when[:10]], f)
        if (up is not None and _below(f, up) is not None) or (
            down is not None and _below(down, f) is not None
        ):
            found.add(f.id)
    return found


def step(prev: FactFigure, cur: FactFigure) -> str:
    """How ``cur`` stands against the figure before it in time, by ranges rather than
    bare numbers: both ends up (or one up, the other the same) is rising — "over
    60,000" then "more than 100,000" — both down is falling, anything else level."""
    inf = float("inf")

    def ends(f: FactFigure) -> tuple[float, float]:
        return (f.low if f.low is not None else -inf, f.high if f.high is not None else inf)

    (pl, ph), (cl, ch) = ends(prev), ends(cur)
    if cl >= pl and ch >= ph and (cl > pl or ch > ph):
        return "rising"
    if cl <= pl and ch <= ph and (cl < pl or ch < ph):
        return "falling"
    return "level"


def timeline(figures: Sequence[FactFigure]) -> tuple[list[FactFigure], list[FactFigure]]:
    """The dated figures in the order a series is read (date, then lower first), and
    the undated ones in article order."""
    dated = sorted((f for f in figures if f.when), key=lambda f: (f.when, f.low or 0.0, f.id))
    undated = sorted((f for f in figures if not f.when), key=lambda f: (f.article_id, f.start))
    return dated, undated


def steps(figures: Sequence[FactFigure]) -> dict[int, str]:
    """Each figure against the one before it in the timeline: "first", "rising",
    "falling", "level", or "undated"."""
    dated, undated = timeline(figures)
    found = {f.id: ("first" if i == 0 else step(dated[i - 1], f)) for i, f in enumerate(dated)}
    found.update((f.id, "undated") for f in undated)
    return found


# --- grouping rules across the figures of one sentence ---------------------------------
# Extraction reads each figure with the words around it; some sentences tell what a
# figure counts only through another figure. These rules fill the gap (they never
# replace a measure extraction found, except to mark a part of a whole).

# "71 of the 150 seats", "4.1 million of the 6.4 million registered voters"
_PART_OF = re.compile(r"\s*(?:of|out of|sur|parmi)\s+(?:(?:the|its|their|les|ses|leurs|des)\s+)?",
                      re.IGNORECASE)  # fmt: skip
# "198 morts, et non plus 212", "41 on Monday, up from 29", "rather than", "instead of"
_REVISED_FROM = re.compile(
    r"(?:\s+(?:on|in|at|by|le|en|au|ce)\s+[^\W\d]+)?"  # "41 on Monday, up from 29"
    r"\s*,?\s*(?:(?:et|and|but)\s+)?(?:non plus|not|no longer|rather than|instead of|"
    r"up from|down from|revised from|compared with|compared to|against|contre|au lieu de|"
    r"plutôt que|après|et non|and not)\s*",
    re.IGNORECASE,
)
# "on Sunday alone", "in Aleppo alone", "à elle seule", "rien qu'à Alep"
_PART_MARK = re.compile(r"\b(?:alone|à (?:lui|elle) seule?|à (?:eux|elles) seul(?:e)?s|"
                        r"rien qu['’]|for (?:that|this) day|in a single day|"
                        r"en une seule journée)\b", re.IGNORECASE)  # fmt: skip
PART = " part"  # a measure's suffix: a part of the whole ("on Sunday alone")


def _measure_of(kind: str, predicate_class: str, unit_class: str) -> str:
    from factcheck.core.figures.extract import _measure  # the finder's own table

    return _measure(kind, predicate_class, unit_class)


def regroup(text: str, figures: Sequence[Figure]) -> list[Figure]:
    """The article's figures with what their sentence says through another figure:

    * a part of a whole ("won 71 of the 150 seats", "Some 4.1 million of the 6.4
      million registered voters cast a ballot") counts what the whole counts (the part
      of an electorate that did something is people) and takes the whole's verb when
      it has none;
    * a figure quoted as the one replaced ("198 morts, et non plus 212", "41 dead, up
      from 29") is a figure of the same fact;
    * a figure said to be only a part ("23 people were killed on Sunday alone", "in
      Aleppo alone") is not the whole: its measure is marked as a part, so it makes a
      fact of its own instead of a false conflict with the total.
    """
    out = list(figures)
    by_sentence: dict[int, list[int]] = {}
    for i, f in enumerate(out):
        if f.kind not in ("date", "time", "year", "ordinal"):
            by_sentence.setdefault(f.sentence_start, []).append(i)
    for idx in by_sentence.values():
        idx.sort(key=lambda i: out[i].start)
        for a, b in itertools.pairwise(idx):
            x, y = out[a], out[b]
            between = text[x.end : y.start]
            if x.kind != y.kind:
                continue
            if not x.measure and _PART_OF.fullmatch(between) and y.unit_class not in ("", "other"):
                unit_class = "people" if y.unit_class == "electorate" else y.unit_class
                pred, pred_cls = (x.predicate, x.predicate_class) if x.predicate_class else (
                    y.predicate, y.predicate_class)  # fmt: skip
                measure = _measure_of(x.kind, pred_cls, unit_class)
                if measure:
                    out[a] = replace(x, unit=y.unit, unit_class=unit_class, predicate=pred,
                                     predicate_class=pred_cls, measure=measure)  # fmt: skip
                continue
            after_unit = between
            if x.unit and between.lstrip().startswith(x.unit):  # "198 morts, et non plus 212"
                after_unit = between.lstrip()[len(x.unit) :]
            if x.measure and not y.measure and not y.predicate_class and (
                y.unit_class in ("", x.unit_class)
            ) and _REVISED_FROM.fullmatch(after_unit):  # fmt: skip
                out[b] = replace(y, unit=y.unit or x.unit, unit_class=x.unit_class,
                                 predicate=x.predicate, predicate_class=x.predicate_class,
                                 measure=x.measure, subject=x.subject,
                                 subject_name=x.subject_name, subject_key=x.subject_key,
                                 subject_implicit=x.subject_implicit)  # fmt: skip
    first: dict[int, int] = {}  # sentence start -> where its first figure starts
    for f in out:
        first[f.sentence_start] = min(f.start, first.get(f.sentence_start, f.start))
    for i, f in enumerate(out):
        if not f.measure or f.measure.endswith(PART):
            continue
        clause_end = _clause_end(text, f.end, f.sentence_end)
        # a mark before the figure scopes over it only when it opens the sentence, before
        # any figure ("In the capital alone, 400 people..."), not when it closes another
        # figure's clause ("23 ... on Sunday alone, up from 12 killed")
        if _PART_MARK.search(text, f.end, clause_end) or _PART_MARK.search(
            text, f.sentence_start, first[f.sentence_start]
        ):
            out[i] = replace(f, measure=f.measure + PART)
    return out


def _clause_end(text: str, start: int, limit: int) -> int:
    """Where the clause holding ``start`` ends (a comma, semicolon or the sentence)."""
    for sep in (";", ",", " but ", " mais "):
        at = text.find(sep, start, limit)
        if at != -1:
            limit = at
    return limit
