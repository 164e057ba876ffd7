"""What the figures board, the CLI and the report read: facts as rows, a fact with its
figures and judgement, and a stored figure with its fact."""

from __future__ import annotations

from dataclasses import dataclass

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
