"""What the format readers share: turning extracted paragraphs into article text, dates.

Article text is stored as paragraphs separated by one blank line, the way the plain-text
articles are: claims are anchored in this text, so every reader produces the same shape.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import date, datetime

from factcheck.errors import ImportRefused

_SPACES = re.compile(r"[^\S\n]+")  # white space other than line breaks
MIN_ARTICLE_WORDS = 30  # fewer words than this is a menu, a form or an error page


def clean_paragraph(text: str) -> str:
    """One paragraph on one line: runs of white space (line breaks too) become a space."""
    return _SPACES.sub(" ", text.replace("\n", " ")).strip()


def join_paragraphs(paragraphs: Iterable[str]) -> str:
    """Non-empty cleaned paragraphs separated by a blank line."""
    return "\n\n".join(p for p in (clean_paragraph(x) for x in paragraphs) if p)


def require_article(text: str, name: str, what: str) -> str:
    """``text``, or a refusal when it is too short to be an article.

    ``what`` says what was found instead, e.g. "no article text found in the page".
    """
    if len(text.split()) < MIN_ARTICLE_WORDS:
        raise ImportRefused(f"{name}: {what}")
    return text


def iso_date(value: object) -> str:
    """An ISO 8601 date from a datetime/date, or from a string starting with one; else ""."""
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, str):
        m = re.match(r"\s*(\d{4})-(\d{2})-(\d{2})", value)
        if m:
            try:
                return date(int(m[1]), int(m[2]), int(m[3])).isoformat()
            except ValueError:
                return ""
    return ""


def first(*values: object) -> str:
    """The first non-blank string among ``values`` (stripped), or ""."""
    for v in values:
        if isinstance(v, str) and v.strip():
            return v.strip()
    return ""


@contextmanager
def quiet_library(name: str) -> Iterator[None]:
    """Silence a parsing library's log output while it reads one file.

    pypdf and trafilatura log what they repair in damaged files ("EOF marker not
    found"); with no logging configured Python prints those on stderr, in the middle of
    the CLI's one-line report. Our own refusal says what matters.
    """
    logger = logging.getLogger(name)
    level = logger.level
    logger.setLevel(logging.CRITICAL + 1)
    try:
        yield
    finally:
        logger.setLevel(level)
