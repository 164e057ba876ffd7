"""Changes to a PDF that Qt's PDF writer just wrote, appended as an incremental update:
the new objects, new versions of changed ones, and a cross-reference section chained to
the file's own. A PDF reader reads the file from its end, so nothing Qt wrote is read
again or rewritten.

Qt writes every PDF the same simple way: one cross-reference table, every object at
the offset it gives, no object streams, one flat page tree. :class:`QtPdf` reads
exactly that (and refuses anything else with a ``ValueError``); it reads a few objects
per page, far cheaper than a general PDF library that parses every page in full (which
took longer than laying the report's pages out).
"""

from __future__ import annotations

import re
import zlib
from pathlib import Path

_STARTXREF = re.compile(rb"startxref\s+(\d+)\s+%%EOF\s*$")
_XREF = re.compile(rb"xref\s+0\s+(\d+)\s+")
_REF = re.compile(rb"(\d+) 0 R")
_ENTRY = {key: re.compile(rb"/" + key.encode() + rb"\s+(\d+) 0 R") for key in (
    "Root", "Info", "Pages", "Contents", "Resources", "Length"
)}  # fmt: skip
_ID = re.compile(rb"/ID\s*(\[[^\]]*\])")
_KIDS = re.compile(rb"/Kids\s*\[([^\]]*)\]")
_MEDIA_BOX = re.compile(rb"/MediaBox\s*(\[[^\]]*\])")
_XOBJECTS = re.compile(rb"/XObject\s*<<")
_LENGTH = re.compile(rb"/Length\s+\d+(?: 0 R)?")


class QtPdf:
    """The objects of a PDF written by Qt's PDF writer (see the module docstring)."""

    def __init__(self, data: bytes, name: str) -> None:
        self.data, self.name = data, name
        found = _STARTXREF.search(data[-1024:])
        table = _XREF.match(data, int(found[1])) if found is not None else None
        if found is None or table is None:
            raise ValueError(f"{name}: not a PDF with one cross-reference table at its end")
        self.xref_at = int(found[1])
        self.size = int(table[1])
        at = table.end()
        entries = data[at : at + 20 * self.size]
        self.offsets = [int(entries[i : i + 10]) for i in range(0, len(entries), 20)]
        if len(self.offsets) != self.size:
            raise ValueError(f"{name}: the cross-reference table is cut short")
        self.trailer = data[at + 20 * self.size : len(data) - len(found[0])]

    def _entry(self, text: bytes, key: str) -> int:
        found = _ENTRY[key].search(text)
        if found is None:
            raise ValueError(f"{self.name}: an object without /{key}")
        return int(found[1])

    def body(self, number: int) -> tuple[bytes, bytes | None]:
        """Object ``number``: its text (a stream's dictionary) and a stream's raw data
        (None for other objects)."""
        start = self.offsets[number] if 0 < number < self.size else -1
        head = f"{number} 0 obj".encode()
        if start < 0 or not self.data.startswith(head, start):
            raise ValueError(f"{self.name}: object {number} is not where the table says")
        start += len(head)
        end = self.data.find(b"endobj", start)
        stream = self.data.find(b"stream\n", start, end)
        if stream < 0:
            return self.data[start:end].strip(), None
        text = self.data[start:stream].strip()
        found = _ENTRY["Length"].search(text)
        if found is not None:
            length = int(self.body(int(found[1]))[0])
        else:
            direct = re.search(rb"/Length\s+(\d+)", text)
            if direct is None:
                raise ValueError(f"{self.name}: a stream without /Length")
            length = int(direct[1])
        begin = stream + len(b"stream\n")
        return text, self.data[begin : begin + length]

    def root(self) -> int:
        return self._entry(self.trailer, "Root")

    def pages(self) -> list[int]:
        """The page objects' numbers, in order."""
        tree = self.body(self._entry(self.body(self.root())[0], "Pages"))[0]
        kids = _KIDS.search(tree)
        if kids is None:
            raise ValueError(f"{self.name}: a page tree without /Kids")
        return [int(n) for n in _REF.findall(kids[1])]

    def contents(self, page: bytes) -> int:
        return self._entry(page, "Contents")

    def resources(self, page: bytes) -> int:
        return self._entry(page, "Resources")

    def media_box(self, page: bytes) -> bytes:
        found = _MEDIA_BOX.search(page)
        if found is None:
            raise ValueError(f"{self.name}: a page without /MediaBox")
        return found[1]

    def trailer_entries(self) -> bytes:
        """The trailer's /Info and /ID, as they are written, for the update's trailer."""
        parts = []
        info = _ENTRY["Info"].search(self.trailer)
        if info is not None:
            parts.append(b"/Info %d 0 R" % int(info[1]))
        ids = _ID.search(self.trailer)
        if ids is not None:
            parts.append(b"/ID " + ids[1])
        return b"\n".join(parts)


class Update:
    """An incremental update to ``pdf``: objects written as PDF text, by number."""

    def __init__(self, pdf: QtPdf) -> None:
        self.pdf = pdf
        self.next_id = pdf.size
        self.objects: dict[int, bytes] = {}
        self.written: dict[bytes, int] = {}  # copied objects (not streams) by their text

    def new_id(self) -> int:
        number = self.next_id
        self.next_id += 1
        return number

    def put(self, number: int, text: bytes) -> None:
        self.objects[number] = text

    def put_stream(self, number: int, entries: bytes, data: bytes, *, packed: bool = False) -> None:
        """A stream of ``data`` (Flate-compressed here unless ``packed``, i.e. already
        compressed as ``entries`` say) with the dictionary entries ``entries``."""
        if not packed:
            data = zlib.compress(data)
            entries += b"\n/Filter /FlateDecode"
        self.objects[number] = b"<<\n%s\n/Length %d\n>>\nstream\n%s\nendstream" % (
            entries, len(data), data)  # fmt: skip

    def append_to(self, path: Path) -> None:
        """Append the objects, their cross-reference section and a trailer chained to
        the file's own to ``path`` (the file the update's PDF was read from)."""
        data = self.pdf.data
        start = len(data) + (0 if data.endswith(b"\n") else 1)
        chunks: list[bytes] = [] if data.endswith(b"\n") else [b"\n"]
        offsets: list[tuple[int, int]] = []
        at = start
        for number in sorted(self.objects):
            chunk = b"%d 0 obj\n%s\nendobj\n" % (number, self.objects[number])
            offsets.append((number, at))
            chunks.append(chunk)
            at += len(chunk)
        table = [b"xref\n0 1\n0000000000 65535 f \n"]
        k = 0
        while k < len(offsets):  # runs of consecutive numbers: the table's subsections
            end = k + 1
            while end < len(offsets) and offsets[end][0] == offsets[end - 1][0] + 1:
                end += 1
            table.append(b"%d %d\n" % (offsets[k][0], end - k))
            table.extend(b"%010d 00000 n \n" % offset for _n, offset in offsets[k:end])
            k = end
        chunks.extend(table)
        chunks.append(b"trailer\n<<\n/Size %d\n/Root %d 0 R\n/Prev %d\n%s\n>>\n"
                      % (self.next_id, self.pdf.root(), self.pdf.xref_at,
                         self.pdf.trailer_entries()))  # fmt: skip
        chunks.append(b"startxref\n%d\n%%%%EOF\n" % at)
        with path.open("ab") as tail:
            tail.write(b"".join(chunks))


FOOTER_NAME = b"/FactcheckFooter"


def stamp_pages(update: Update, footers: QtPdf) -> list[int]:
    """Draw each page of ``footers`` (as many pages as the update's PDF) on the same
    page of the update's PDF, after the page's own content (so text extraction reads it
    last, as when it was painted there): the page's content is wrapped in ``q``/``Q``
    and the footer page drawn as a form in the page's own space. The pages' object
    numbers, in order."""
    pdf = update.pdf
    pages, stamps = pdf.pages(), footers.pages()
    if len(stamps) != len(pages):
        raise ValueError(f"{footers.name}: {len(stamps)} pages for {len(pages)}")
    save, draw = update.new_id(), update.new_id()
    update.put_stream(save, b"", b"q\n")
    update.put_stream(draw, b"", b"Q\n%s Do\n" % FOOTER_NAME)
    copied: dict[int, int] = {}
    for number, stamp in zip(pages, stamps, strict=True):
        footer = footers.body(stamp)[0]
        text, data = footers.body(footers.contents(footer))
        if data is None:
            raise ValueError(f"{footers.name}: page content that is not a stream")
        entries = _LENGTH.sub(b"", text[2:-2].strip())  # the update writes its own
        entries = _REF.sub(lambda m: b"%d 0 R" % _copy(update, footers, int(m[1]), copied),
                           entries)  # fmt: skip
        form = update.new_id()
        update.put_stream(form, b"/Type /XObject\n/Subtype /Form\n/BBox %s\n/Resources %d 0 R\n%s"
                          % (footers.media_box(footer),
                             _copy(update, footers, footers.resources(footer), copied), entries),
                          data, packed=True)  # fmt: skip
        page = pdf.body(number)[0]
        resources = pdf.body(pdf.resources(page))[0]
        entry = b"\n%s %d 0 R\n" % (FOOTER_NAME, form)
        if (found := _XOBJECTS.search(resources)) is not None:
            resources = resources[: found.end()] + entry + resources[found.end() :]
        elif resources.endswith(b">>"):
            resources = resources[:-2] + b"/XObject <<" + entry + b">>\n>>"
        else:
            raise ValueError(f"{pdf.name}: page resources that are not a dictionary")
        new_resources = update.new_id()
        update.put(new_resources, resources)
        contents = pdf.contents(page)
        page = _ENTRY["Contents"].sub(b"/Contents [%d 0 R %d 0 R %d 0 R]" % (save, contents, draw),
                                      page, count=1)  # fmt: skip
        page = _ENTRY["Resources"].sub(b"/Resources %d 0 R" % new_resources, page, count=1)
        update.put(number, page)
    return pages


def _copy(update: Update, source: QtPdf, number: int, copied: dict[int, int]) -> int:
    """Copy object ``number`` of ``source``, and every object it refers to, into the
    update, each once (``copied`` maps the source's numbers to the update's); objects
    written alike (each footer page's resources) become one."""
    if number in copied:
        if copied[number] < 0:
            raise ValueError(f"{source.name}: objects that refer to each other in a cycle")
        return copied[number]
    copied[number] = -1
    text, data = source.body(number)
    text = _REF.sub(lambda m: b"%d 0 R" % _copy(update, source, int(m[1]), copied), text)
    body = text if data is None else b"%s\nstream\n%s\nendstream" % (text, data)
    same = update.written.get(body) if data is None else None
    new = copied[number] = same if same is not None else update.new_id()
    if same is None:
        update.put(new, body)
        if data is None:
            update.written[body] = new
    return new
