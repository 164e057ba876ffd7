"""Builders for the import tests: small, deterministic PDF and Word files made at test time.

The PDFs use the standard Helvetica font (no font file embedded), one text object per
line, so the bytes are the same on every run and pypdf reads them back exactly.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Sequence
from pathlib import Path

from pypdf import PdfWriter
from pypdf.generic import (
    DecodedStreamObject,
    DictionaryObject,
    NameObject,
)

PAGE_W, PAGE_H = 612, 792
LEFT, TOP, LEADING, PARA_GAP, SIZE = 72, 720, 14, 10, 11


def _escape(line: str) -> bytes:
    raw = line.encode("cp1252")
    return raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")


def _page_stream(paragraphs: Sequence[Sequence[str]], heading: str = "") -> bytes:
    """Content stream drawing each paragraph's lines top-down, a gap between paragraphs."""
    ops: list[bytes] = []
    y = TOP
    if heading:
        ops.append(b"BT /F1 18 Tf %d %d Td (%s) Tj ET" % (LEFT, y, _escape(heading)))
        y -= 30
    for lines in paragraphs:
        for line in lines:
            ops.append(b"BT /F1 %d Tf %d %d Td (%s) Tj ET" % (SIZE, LEFT, y, _escape(line)))
            y -= LEADING
        y -= PARA_GAP
    return b"\n".join(ops)


def make_pdf(
    pages: Sequence[Sequence[Sequence[str]]],
    *,
    headings: Sequence[str] = (),
    info: dict[str, str] | None = None,
    password: str | None = None,
    drawing_only: bool = False,
) -> bytes:
    """A PDF whose page ``i`` draws the paragraphs ``pages[i]`` (each a list of lines).

    ``drawing_only`` makes pages with a filled rectangle and no text at all (a scan
    without OCR looks like that to a text extractor); ``password`` encrypts with RC4.
    """
    writer = PdfWriter()
    font = DictionaryObject({
        NameObject("/Type"): NameObject("/Font"),
        NameObject("/Subtype"): NameObject("/Type1"),
        NameObject("/BaseFont"): NameObject("/Helvetica"),
        NameObject("/Encoding"): NameObject("/WinAnsiEncoding"),
    })  # fmt: skip
    font_ref = writer._add_object(font)
    for i, paragraphs in enumerate(pages):
        page = writer.add_blank_page(PAGE_W, PAGE_H)
        page[NameObject("/Resources")] = DictionaryObject(
            {NameObject("/Font"): DictionaryObject({NameObject("/F1"): font_ref})}
        )
        stream = DecodedStreamObject()
        if drawing_only:
            stream.set_data(b"0.5 g 72 300 468 400 re f")
        else:
            stream.set_data(_page_stream(paragraphs, headings[i] if i < len(headings) else ""))
        page[NameObject("/Contents")] = writer._add_object(stream)
    if info:
        writer.add_metadata(info)
    if password is not None:
        writer.encrypt(password, algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def write_pdf(path: Path, *args: object, **kwargs: object) -> Path:
    path.write_bytes(make_pdf(*args, **kwargs))  # type: ignore[arg-type]
    return path


def write_docx(
    path: Path,
    paragraphs: Sequence[str],
    *,
    title: str = "",
    author: str = "",
    heading: str = "",
    table: Sequence[Sequence[str]] = (),
    table_after: int = 0,
) -> Path:
    """A .docx with an optional heading, the paragraphs, and an optional table placed
    after paragraph ``table_after``; core properties set when given."""
    import datetime

    import docx

    document = docx.Document()
    if heading:
        document.add_heading(heading, level=1)
    for i, text in enumerate(paragraphs):
        document.add_paragraph(text)
        if table and i + 1 == table_after:
            grid = document.add_table(rows=len(table), cols=len(table[0]))
            for r, row in enumerate(table):
                for c, cell in enumerate(row):
                    grid.cell(r, c).text = cell
    props = document.core_properties
    props.title = title
    props.author = author
    props.created = datetime.datetime(2024, 3, 14, 8, 30, tzinfo=datetime.UTC)
    document.save(str(path))
    return path


def write_zip(path: Path, members: dict[str, bytes]) -> Path:
    """A zip archive (e.g. a .docx missing its document part)."""
    with zipfile.ZipFile(path, "w") as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return path
