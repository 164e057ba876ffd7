"""What a figure mention and a fact are: immutable values, no behaviour beyond reading.

Offsets are Python string indices (Unicode code points) into the article text, as for
claims. A range is ``[low, high]`` with either end possibly open (``low_open``: the
value is strictly above ``low``) or unbounded (``None``).
"""

from __future__ import annotations

from dataclasses import dataclass

# What a number is: a count of things, a share, an amount of money, a year, a calendar
# date, a time of day, or an ordinal ("second", "22nd" outside a date).
KINDS = ("count", "percent", "money", "year", "date", "time", "ordinal")

# How the hedge words read the number (``hedge_kind``):
#   exact     "2,700"                      [v, v]
#   above     "more than 3,000"            (v, none)
#   below     "nearly 3,000"               [v - 5 %, v)
#   about     "some 60,000"                [v - 5 %, v + 5 %]
#   at-least  "at least 19", "3,000 or more"   [v, none)
#   up-to     "up to 300"                  [0, v]
#   under     "fewer than 300"             [0, v)
#   between   "between 20 and 25"          [a, b]
#   vague     "hundreds of", "dozens of"   the span of such numbers
HEDGE_KINDS = ("exact", "above", "below", "about", "at-least", "up-to", "under", "between",
               "vague")  # fmt: skip


@dataclass(frozen=True, slots=True)
class Figure:
    """One figure mention in an article, with what the sentence says of it.

    ``start``/``end`` cover the figure as written including its hedge ("more than
    3,000"); ``num_start``/``num_end`` the number alone ("3,000").

    ``unit`` is the counted noun as written ("volunteer rescue workers", "lives") and
    ``unit_class`` its normalised class ("members", "people"); ``predicate`` the verb or
    noun that says what happened to it as written ("saved", "comprise") and
    ``predicate_class`` its class ("saved", "size", "founded"). ``measure`` is what a fact
    groups by, e.g. ``"saved people"`` or ``"founded"``; "" when the sentence does not
    say enough for the figure to be a fact.

    ``subject`` is who or what the figure is about as written ("the group", "White
    Helmets") and ``subject_name`` the name it resolves to in the article ("White
    Helmets"), "" when unknown. ``time_text`` is the time phrase as written ("since
    2013", "in 2016", "so far"), ``as_of`` the date the figure is true for (ISO, year
    only or full) when the sentence gives one, else "", ``since`` the year counting
    started, and ``to_date`` whether the figure is a running total ("has saved",
    "so far", "since 2013"). ``attribution`` names who says it ("the group", "Jeremy
    Hunt", "the United Nations"), "" when the article states it itself.
    """

    start: int
    end: int
    text: str
    num_start: int
    num_end: int
    kind: str
    value: float | None
    low: float | None
    high: float | None
    low_open: bool = False
    high_open: bool = False
    hedge: str = ""
    hedge_kind: str = "exact"
    date: str = ""  # ISO (partial: "2016", "2016-06", "--09-16") for kind "date"/"year"
    unit: str = ""
    unit_class: str = ""
    predicate: str = ""
    predicate_class: str = ""
    measure: str = ""
    subject: str = ""
    subject_name: str = ""
    subject_key: str = ""  # how names are compared (see context.name_key)
    subject_implicit: bool = False  # no name in the sentence: "it", "the group" or nothing
    time_text: str = ""
    as_of: str = ""
    since: str = ""
    to_date: bool = False
    attribution: str = ""
    sentence_start: int = 0
    sentence_end: int = 0

    @property
    def range_text(self) -> str:
        """The range in words: "above 3,000", "2,850–3,000", "2,700"."""
        return describe_range(self.low, self.high, self.low_open, self.high_open, self.kind)


def fmt_number(value: float, kind: str = "count") -> str:
    if kind == "year":
        return str(int(value))
    if value == int(value):
        return f"{int(value):,}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def describe_range(
    low: float | None, high: float | None, low_open: bool, high_open: bool, kind: str = "count"
) -> str:
    if low is not None and high is not None and low == high:
        return fmt_number(low, kind)
    if high is None and low is not None:
        return f"{'above' if low_open else 'at least'} {fmt_number(low, kind)}"
    if low in (None, 0) and high is not None:
        return f"{'below' if high_open else 'at most'} {fmt_number(high, kind)}"
    if low is not None and high is not None:
        return f"{fmt_number(low, kind)}–{fmt_number(high, kind)}"
    return "unknown"
