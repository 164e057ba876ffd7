"""Placing claims on text: the matchQuote port (one quote in a text) and re-anchoring
(many claims onto a new revision). See the two modules' docstrings."""

from factcheck.core.anchoring.match_quote import (
    QuoteMatch,
    match_quote,
    score_match,
    text_match_score,
)
from factcheck.core.anchoring.reanchor import (
    FAR_FUZZY_MIN_QUOTE_SIMILARITY,
    FAR_FUZZY_MIN_SCORE,
    FUZZY_MIN_QUOTE_SIMILARITY,
    FUZZY_MIN_SCORE,
    Anchor,
    Placement,
    PlacementKind,
    place_in,
    reanchor,
)
from factcheck.core.position_map import PositionMap

__all__ = [
    "FAR_FUZZY_MIN_QUOTE_SIMILARITY",
    "FAR_FUZZY_MIN_SCORE",
    "FUZZY_MIN_QUOTE_SIMILARITY",
    "FUZZY_MIN_SCORE",
    "Anchor",
    "Placement",
    "PlacementKind",
    "PositionMap",
    "QuoteMatch",
    "match_quote",
    "place_in",
    "reanchor",
    "score_match",
    "text_match_score",
]
