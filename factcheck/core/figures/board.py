"""What the figures board, the CLI and the report read: facts as rows, a fact with its
figures and judgement, and a stored figure with its fact."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import NamedTuple, overload

from factcheck.core.figures.facts import FactFigure, Judgement
from factcheck.core.figures.model import Figure


@dataclass(frozen=True, slots=True)
class FactRow:
    """One fact as the board lists it (from the cache: cheap for thousands)."""

    id: int
    key: str
    label: str  # the reviewer's name when given, else the automatic one
    auto_label: str
    subject: str
    measure: str
    kind: str  # fixed / level / series
    figures: int
    articles: int
    conflicts: int
    summary: str
    renamed: bool = False


@dataclass(frozen=True, slots=True)
class FactDetail:
    row: FactRow
    figures: tuple[FactFigure, ...]
    judgement: Judgement


@dataclass(frozen=True, slots=True)
class StoredFigure:
    id: int
    article_id: int
    fact_key: str  # "" when it belongs to no fact (or was dismissed)
    edited: str  # "", "move" or "dismiss"
    figure: Figure


class BoardArticle(NamedTuple):
    """One column of the board: an article that gives a figure of a listed fact (its
    title is read when its column comes into view). A named tuple: a project may have
    10,000 columns made each time the board opens."""

    id: int
    published: str  # ISO date or ""


class BoardColumns(Sequence[BoardArticle]):
    """The board's columns in order, kept as two plain lists (article numbers and
    dates): a project may give 10,000 columns each time the board opens, and a column
    becomes a :class:`BoardArticle` only when it is asked for (the columns in view)."""

    __slots__ = ("_position", "dates", "ids")

    def __init__(self, ids: Sequence[int] = (), dates: Sequence[str] = ()) -> None:
        if len(ids) != len(dates):
            raise ValueError("one date per column")
        self.ids = list(ids)
        self.dates = list(dates)
        self._position: dict[int, int] | None = None

    @classmethod
    def of(cls, articles: Sequence[BoardArticle]) -> BoardColumns:
        if isinstance(articles, BoardColumns):
            return articles
        return cls([a.id for a in articles], [a.published for a in articles])

    def __len__(self) -> int:
        return len(self.ids)

    @overload
    def __getitem__(self, index: int) -> BoardArticle: ...
    @overload
    def __getitem__(self, index: slice) -> BoardColumns: ...
    def __getitem__(self, index: int | slice) -> BoardArticle | BoardColumns:
        if isinstance(index, slice):
            return BoardColumns(self.ids[index], self.dates[index])
        return BoardArticle(self.ids[index], self.dates[index])

    def __iter__(self) -> Iterator[BoardArticle]:
        return map(BoardArticle, self.ids, self.dates)

    def position(self, article_id: int) -> int | None:
        """The column of an article (the lookup is built on first use)."""
        if self._position is None:
            self._position = dict(zip(self.ids, range(len(self.ids)), strict=True))
        return self._position.get(article_id)


@dataclass(frozen=True, slots=True)
class BoardCells:
    """Part of one fact's row of the board: its figures in some articles, with what the
    facts cache says of each (in a conflicting pair; how it stands in the timeline)."""

    key: str
    kind: str
    by_article: dict[int, tuple[FactFigure, ...]]
    conflicting: frozenset[int]
    steps: dict[int, str]  # figure id -> "first" / "rising" / "falling" / "level" / "undated"


@dataclass(frozen=True, slots=True)
class BoardFact:
    """The chosen fact under the grid: its figures in timeline order (dated by date,
    then undated; at most a limit of them, ``total`` says how many there are), which
    conflict, how each stands against the one before, and the conflicting pairs in
    words (``conflict_count`` counts them all; the reasons name those among the figures
    shown)."""

    row: FactRow
    figures: tuple[FactFigure, ...]
    conflicting: frozenset[int]
    steps: dict[int, str]
    reasons: tuple[str, ...]
    conflict_count: int
    total: int

    @property
    def complete(self) -> bool:
        return len(self.figures) == self.total


STEP_MARKS = {"rising": "↑", "falling": "↓", "level": "=", "first": "", "undated": ""}


def describe_figure(f: FactFigure) -> str:
    """One figure in words for the board's detail line and tooltips: as written, how it
    reads, when it is true for and who says it."""
    if not f.when:
        when = "no date"
    elif f.when_from == "article":
        when = f"dated {f.when} (the article's date)"
    else:
        when = f"true for {f.when}"
    said = f", said by {f.attribution}" if f.attribution else ""
    return f"“{f.text}” reads as {f.range_text}, {when}{said}"
