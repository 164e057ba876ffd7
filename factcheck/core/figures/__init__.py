"""Figures in articles and the facts they state — pure Python, no model weights.

The API other features build on:

* :func:`find_figures` ``(text, *, lang=None, published="") -> list[Figure]`` — every
  figure mention with its offsets (code points), hedge and range, unit, predicate,
  subject, time and attribution. :func:`read_article` returns the same plus the aliases
  the article states and its main subject (what grouping across articles needs).
* :func:`fact_key`, :class:`Aliases` — which fact a figure belongs to.
* :func:`judge` — whether a fact's figures agree, with each conflicting pair's reason.
"""

from factcheck.core.figures.extract import ArticleFigures, find_figures, read_article
from factcheck.core.figures.facts import (
    Aliases,
    Conflict,
    FactFigure,
    Judgement,
    conflicting_ids,
    default_label,
    fact_key,
    judge,
    measure_kind,
    measure_label,
    regroup,
    steps,
    timeline,
)
from factcheck.core.figures.lexicon import guess_language
from factcheck.core.figures.model import Figure, describe_range, fmt_number

__all__ = [
    "Aliases", "ArticleFigures", "Conflict", "FactFigure", "Figure", "Judgement",
    "conflicting_ids", "default_label", "describe_range", "fact_key", "find_figures",
    "fmt_number", "guess_language", "judge", "measure_kind", "measure_label", "read_article",
    "regroup", "steps", "timeline",
]  # fmt: skip
