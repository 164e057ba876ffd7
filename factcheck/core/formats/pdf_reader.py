"""PDF files with a text layer: the text in reading order, lines rejoined into paragraphs.

pypdf extracts the text in the order the page draws it (which for a news PDF is reading
order, column by column). A PDF breaks every paragraph into lines; we rejoin them by
looking at where each line sits: a vertical step clearly larger than the page's usual
line spacing, a step of nearly two lines' height, a step upwards (a new column) or a
change of font size (a heading) starts a new paragraph. A PDF that is only pictures (a
scan without OCR) is refused, as is one locked with a password.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path
from typing import Any

from factcheck.core.article_text import read_metadata
from factcheck.core.formats.common import first, iso_date, join_paragraphs, quiet_library
from factcheck.core.model import ArticleDraft
from factcheck.errors import ImportRefused

_HYPHENATED = re.compile(r"[^\W\d_]-$")


@dataclass(slots=True)
class _Line:
    text: str
    y: float | None
    size: float


def _page_lines(page: Any) -> list[_Line]:
    """The page's text lines in extraction order, each with its baseline and font size."""
    lines: list[_Line] = [_Line("", None, 0.0)]

    def visit(text: str, cm: list[float], tm: list[float], _font: Any, size: float) -> None:
        parts = text.split("\n")
        for i, part in enumerate(parts):
            if i:
                lines.append(_Line("", None, 0.0))
            line = lines[-1]
            if part.strip() and line.y is None:
                line.y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
                line.size = float(size) * abs(tm[3] or 1.0) * abs(cm[3] or 1.0)
            line.text += part

    page.extract_text(visitor_text=visit)
    return [ln for ln in lines if ln.text.strip()]


def _paragraphs(lines: list[_Line]) -> list[str]:
    """Lines rejoined into paragraphs (see the module docstring for the rule)."""
    steps = [
        a.y - b.y
        for a, b in pairwise(lines)
        if a.y is not None and b.y is not None and a.y > b.y
    ]
    # The usual line spacing: the lower quartile of the steps down, so that paragraph
    # gaps (fewer than the lines on a page of prose) do not pull it up.
    usual = sorted(steps)[len(steps) // 4] if steps else 0.0
    paragraphs: list[list[str]] = []
    prev: _Line | None = None
    for line in lines:
        new_paragraph = prev is None
        if prev is not None:
            if prev.y is None or line.y is None:
                new_paragraph = True
            else:
                step = prev.y - line.y
                new_paragraph = (
                    step <= 0
                    or step > usual * 1.3 + 0.5
                    or step > line.size * 1.9  # one-line paragraphs: every step is a gap
                    or abs(line.size - prev.size) > 1.0
                )
        if new_paragraph:
            paragraphs.append([line.text.strip()])
        else:
            paragraphs[-1].append(line.text.strip())
        prev = line
    out = []
    for para in paragraphs:
        text = para[0]
        for nxt in para[1:]:
            # "well-" + "known" was one word broken at the line end: keep the hyphen,
            # drop the space; every other line break is a space.
            text += nxt if _HYPHENATED.search(text) else " " + nxt
        out.append(text)
    return out


def read_pdf(path: Path, data: bytes) -> ArticleDraft:
    """A PDF's text layer as an article; refused when encrypted, unreadable or textless."""
    name = path.name
    if not data.startswith(b"%PDF"):
        raise ImportRefused(f"{name}: not a PDF file (it does not start with %PDF)")
    from pypdf import PdfReader

    try:
        with quiet_library("pypdf"):
            reader = PdfReader(io.BytesIO(data))
            if reader.is_encrypted and not reader.decrypt(""):
                raise ImportRefused(f"{name}: the PDF is protected by a password")
            paragraphs: list[str] = []
            for page in reader.pages:
                paragraphs.extend(_paragraphs(_page_lines(page)))
            info = reader.metadata
            title = info.title if info else None
            author = info.author if info else None
            created = _creation_date(info)
    except ImportRefused:
        raise
    except Exception as exc:  # pypdf raises many kinds on damaged files; all are refusals
        raise ImportRefused(f"{name}: the PDF could not be read ({exc})") from None
    text = join_paragraphs(paragraphs)
    if not text.strip():
        raise ImportRefused(f"{name}: the PDF has no text layer (scanned? run OCR on it first)")
    meta = read_metadata(text, fallback_title=path.stem)
    return ArticleDraft(
        title=first(title, meta.title),
        text=text,
        outlet=meta.outlet,
        url=meta.url,
        author=first(author, meta.author),
        published=meta.published or created,
        source_path=str(path),
    )


def _creation_date(info: Any) -> str:
    """The document's creation date as ISO 8601, "" when absent or malformed."""
    if info is None:
        return ""
    try:
        return iso_date(info.creation_date)
    except ValueError:
        return ""
