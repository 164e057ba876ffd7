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


# Scripts written without spaces between words: Han, kana, Thai, Lao, Khmer, Myanmar.
_SPACELESS = re.compile("[\u3040-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff"
                        "\uf900-\ufaff\uff66-\uff9f\u0e00-\u0eff\u1000-\u109f"
                        "\u1780-\u17ff\U00020000-\U0003ffff]")  # fmt: skip
CHARS_PER_SPACELESS_WORD = 2  # a Chinese news word is about two characters long


def article_words(text: str) -> int:
    """About how many words ``text`` has: white-space separated words, where a run of
    a script written without spaces counts one word per two characters (a 2,479
    character Chinese article is ~1,240 words, not the 17 its spaces suggest)."""
    spaceless = len(_SPACELESS.findall(text))
    if not spaceless:
        return len(text.split())
    spaced = len(_SPACELESS.sub(" ", text).split())
    return spaced + spaceless // CHARS_PER_SPACELESS_WORD


def require_article(text: str, name: str, what: str) -> str:
    """``text``, or a refusal when it is too short to be an article.

    ``what`` says what was found instead, e.g. "no article text found in the page".
    """
    if article_words(text) < MIN_ARTICLE_WORDS:
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
