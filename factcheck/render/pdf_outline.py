"""The PDF report's bookmarks (Qt's PDF writer makes none), appended to the file as an
incremental update: the new outline objects, a new version of the document catalog that
points to them, and a cross-reference section that chains to the file's own.

A PDF reader reads the file from its end, so nothing Qt wrote is read or rewritten: only
the page tree is looked up (for each bookmark's page). Copying the whole document
through pypdf instead took longer than laying out the report's pages as plain text, and
held every page of a 10,000-page report in memory at once.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

_STARTXREF = re.compile(rb"startxref\s+(\d+)\s+%%EOF\s*$")


@dataclass
class _Item:
    title: str
    page: int
    children: list[_Item] = field(default_factory=list)


def outline_tree(
    headings: list[tuple[int, str, int]], article_titles: list[str], last_page: int
) -> list[_Item]:
    """The bookmarks: each ``<h2>`` section, and each article (the headings that are
    ``article_titles``, in order) under one "Articles" bookmark at the first of them."""
    top: list[_Item] = []
    pending = [" ".join(t.split()) for t in article_titles]
    articles: _Item | None = None
    for level, title, page in headings:
        if level != 2:
            continue
        page = min(max(page, 0), last_page)
        if pending and title == pending[0]:
            pending.pop(0)
            if articles is None:
                articles = _Item("Articles", page)
                top.append(articles)
            articles.children.append(_Item(title, page))
        else:
            top.append(_Item(title, page))
    return top


def add_outline(
    path: Path, headings: list[tuple[int, str, int]], article_titles: list[str]
) -> None:
    """Add bookmarks to the PDF at ``path`` (see :func:`outline_tree`) and open it with
    them shown."""
    from pypdf import PdfReader
    from pypdf.generic import (
        ArrayObject,
        DictionaryObject,
        IndirectObject,
        NameObject,
        NumberObject,
        TextStringObject,
    )

    if not any(level == 2 for level, _title, _page in headings):
        return
    data = path.read_bytes()
    found = _STARTXREF.search(data[-1024:])
    if found is None:
        raise ValueError(f"{path}: not a PDF with a cross-reference table at its end")
    reader = PdfReader(io.BytesIO(data))
    pages = [p.indirect_reference for p in reader.pages]
    tree = outline_tree(headings, article_titles, len(pages) - 1)
    trailer = reader.trailer
    root_ref = trailer.raw_get("/Root")
    size = int(trailer["/Size"])  # type: ignore[call-overload]

    objects: dict[int, DictionaryObject] = {}
    next_id = size

    def ref(number: int) -> IndirectObject:
        return IndirectObject(number, 0, reader)

    def new_id() -> int:
        nonlocal next_id
        number: int = next_id
        next_id += 1
        return number

    def add_children(parent: int, items: list[_Item]) -> int:
        """Write ``items`` under ``parent``; how many bookmarks in all (all open)."""
        ids = [new_id() for _ in items]
        count = len(items)
        for k, (number, item) in enumerate(zip(ids, items, strict=True)):
            entry = DictionaryObject({
                NameObject("/Title"): TextStringObject(item.title),
                NameObject("/Parent"): ref(parent),
                NameObject("/Dest"): ArrayObject([pages[item.page], NameObject("/Fit")]),
            })  # fmt: skip
            if k:
                entry[NameObject("/Prev")] = ref(ids[k - 1])
            if k + 1 < len(ids):
                entry[NameObject("/Next")] = ref(ids[k + 1])
            objects[number] = entry  # before its children, which add /First and /Last
            if item.children:
                below = add_children(number, item.children)
                entry[NameObject("/Count")] = NumberObject(below)
                count += below
        parent_entry = objects.setdefault(parent, DictionaryObject())
        parent_entry[NameObject("/First")] = ref(ids[0])
        parent_entry[NameObject("/Last")] = ref(ids[-1])
        return count

    outlines = new_id()
    objects[outlines] = DictionaryObject({NameObject("/Type"): NameObject("/Outlines")})
    objects[outlines][NameObject("/Count")] = NumberObject(add_children(outlines, tree))
    catalog = DictionaryObject(trailer["/Root"])  # type: ignore[call-overload]
    catalog[NameObject("/Outlines")] = ref(outlines)
    catalog[NameObject("/PageMode")] = NameObject("/UseOutlines")
    objects[root_ref.idnum] = catalog

    out = io.BytesIO()
    start = len(data) + (0 if data.endswith(b"\n") else 1)
    offsets: dict[int, int] = {}
    for number in sorted(objects):
        offsets[number] = start + out.tell()
        out.write(f"{number} 0 obj\n".encode())
        objects[number].write_to_stream(out)
        out.write(b"\nendobj\n")
    xref_at = start + out.tell()
    out.write(b"xref\n0 1\n0000000000 65535 f \n")
    for first, numbers in _runs(sorted(offsets)):
        out.write(f"{first} {len(numbers)}\n".encode())
        out.write(b"".join(f"{offsets[n]:010d} 00000 n \n".encode() for n in numbers))
    new_trailer: dict[Any, Any] = {
        NameObject("/Size"): NumberObject(next_id),
        NameObject("/Root"): root_ref,
        NameObject("/Prev"): NumberObject(int(found[1])),
    }
    for key in ("/Info", "/ID"):
        if key in trailer:
            new_trailer[NameObject(key)] = trailer.raw_get(key)
    out.write(b"trailer\n")
    DictionaryObject(new_trailer).write_to_stream(out)
    out.write(f"\nstartxref\n{xref_at}\n%%EOF\n".encode())
    with path.open("ab") as tail:
        if not data.endswith(b"\n"):
            tail.write(b"\n")
        tail.write(out.getvalue())


def _runs(numbers: list[int]) -> list[tuple[int, list[int]]]:
    """Sorted object numbers as runs of consecutive ones (the cross-reference's
    subsections)."""
    runs: list[tuple[int, list[int]]] = []
    for n in numbers:
        if runs and runs[-1][1][-1] + 1 == n:
            runs[-1][1].append(n)
        else:
            runs.append((n, [n]))
    return runs
