"""Word (.docx) files: paragraphs and tables in document order, with core properties.

Table rows become paragraphs of their cells' text separated by tabs, placed where the
table stands. A file that is not a Word document (not a zip, or a zip without
``word/document.xml``) is refused with the reason.

A .docx is a zip archive, and XML compresses a thousandfold: a 158 KB file can hold
1.5 million paragraphs that take minutes and gigabytes to parse. Before anything is
parsed, the zip's directory is checked (number of parts, total size once inflated, size
of the XML) and the inflated main document is scanned for its paragraph count; a file
past any limit is refused with the reason. Inflated sizes are the ones the directory
declares, which the zip reader also enforces while inflating.
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

MIB = 1024 * 1024
MAX_PARTS = 2000  # a Word file has tens of parts; pictures add one each
MAX_INFLATED_BYTES = 300 * MIB  # everything, pictures included, once inflated
MAX_XML_BYTES = 16 * MIB  # all the XML parts together (a long article: ~1 MiB)
MAX_PARAGRAPHS = 20_000  # a long article has hundreds


def check_zip_bomb(zf: zipfile.ZipFile, name: str) -> None:
    """Refuse a Word file whose content would take far more than an article's memory
    or time to parse (see the module docstring); reads only the directory and, bounded
    by :data:`MAX_XML_BYTES`, the main document part."""
    infos = zf.infolist()
    if len(infos) > MAX_PARTS:
        raise ImportRefused(f"{name}: too many parts for a Word article ({len(infos)}; "
                            f"at most {MAX_PARTS})")  # fmt: skip
    inflated = sum(i.file_size for i in infos)
    if inflated > MAX_INFLATED_BYTES:
        limit = MAX_INFLATED_BYTES // MIB
        raise ImportRefused(f"{name}: inflates to {inflated / MIB:.0f} MiB, over the {limit} "
                            "MiB limit for a Word article")  # fmt: skip
    xml = sum(i.file_size for i in infos if i.filename.endswith((".xml", ".rels")))
    if xml > MAX_XML_BYTES:
        raise ImportRefused(f"{name}: {xml / MIB:.0f} MiB of document XML once inflated, over "
                            f"the {MAX_XML_BYTES // MIB} MiB limit for a Word article")  # fmt: skip
    body = zf.read("word/document.xml")
    paragraphs = body.count(b"<w:p>") + body.count(b"<w:p ")
    if paragraphs > MAX_PARAGRAPHS:
        raise ImportRefused(f"{name}: {paragraphs} paragraphs, over the {MAX_PARAGRAPHS} "
                            "limit for a Word article")  # fmt: skip


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
            check_zip_bomb(zf, name)
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
