"""Word (.docx) files: paragraphs and tables in document order, with core properties.

Table rows become paragraphs of their cells' text separated by tabs, placed where the
table stands. A file that is not a Word document (not a zip, or a zip without
``word/document.xml``) is refused with the reason.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from factcheck.core.article_text import read_metadata
from factcheck.core.formats.common import first, iso_date, join_paragraphs
from factcheck.core.model import ArticleDraft
from factcheck.errors import ImportRefused

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _blocks(document: Any) -> Iterator[tuple[str, str]]:
    """(style name, text) of each body paragraph and each table row, in document order."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    body = document.element.body
    for child in body.iterchildren():
        if child.tag == f"{_W}p":
            para = Paragraph(child, document)
            style = para.style.name if para.style is not None else ""
            yield style or "", para.text
        elif child.tag == f"{_W}tbl":
            for row in Table(child, document).rows:
                cells: list[str] = []
                for cell in row.cells:
                    text = " ".join(p.text.strip() for p in cell.paragraphs if p.text.strip())
                    if text and (not cells or cells[-1] != text):  # merged cells repeat
                        cells.append(text)
                yield "", "\t".join(cells)


def read_docx(path: Path, data: bytes) -> ArticleDraft:
    """A Word document as an article; refused when corrupt or without text."""
    name = path.name
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise ImportRefused(f"{name}: not a Word document (a .docx file is a zip archive)")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            if "word/document.xml" not in zf.namelist():
                raise ImportRefused(f"{name}: not a Word document (no word/document.xml inside)")
        import docx

        document = docx.Document(io.BytesIO(data))
        blocks = list(_blocks(document))
        props = document.core_properties
        title, author, created = props.title, props.author, props.created
    except ImportRefused:
        raise
    except Exception as exc:  # damaged XML or package parts: a refusal, never a crash
        raise ImportRefused(f"{name}: the Word document could not be read ({exc})") from None
    paragraphs = [text for _style, text in blocks]
    # Table cells are kept apart by a tab; join_paragraphs would turn it into a space.
    text = "\n\n".join(
        "\t".join(join_paragraphs([cell]) for cell in p.split("\t")) for p in paragraphs
        if p.strip()
    )
    if not text.strip():
        raise ImportRefused(f"{name}: the Word document contains no text")
    heading = next(
        (t.strip() for s, t in blocks if t.strip() and (s == "Title" or s.startswith("Heading"))),
        "",
    )
    meta = read_metadata(text, fallback_title=path.stem)
    return ArticleDraft(
        title=first(title, heading, meta.title),
        text=text,
        outlet=meta.outlet,
        url=meta.url,
        author=first(author, meta.author),
        published=meta.published or iso_date(created),
        source_path=str(path),
    )
