"""The PDF report's bookmarks (Qt's PDF writer makes none) and its footers, added to
the file Qt wrote as one incremental update (:mod:`factcheck.render.pdf_update`).

That update reads the file as Qt's PDF writer writes it today. Should a later Qt write
its PDFs another way, :func:`finish_any_pdf` does the same through pypdf, a general
PDF library: slower, and it holds every page, but the report is still whole.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from factcheck.render.pdf_update import QtPdf, Update, stamp_pages


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


def finish_pdf(
    path: Path, footers: Path, headings: list[tuple[int, str, int]], article_titles: list[str]
) -> None:
    """Put each page of ``footers`` (a PDF of as many pages, each holding only that
    page's footer) on the same page of the PDF at ``path``, over what is there, and add
    the bookmarks (see :func:`outline_tree`), opening the file with them shown: one
    incremental update appended to ``path``. Both files are as Qt's PDF writer wrote
    them (:class:`~factcheck.render.pdf_update.QtPdf`)."""
    pdf = QtPdf(path.read_bytes(), str(path))
    update = Update(pdf)
    pages = stamp_pages(update, QtPdf(footers.read_bytes(), str(footers)))
    if any(level == 2 for level, _title, _page in headings):
        tree = outline_tree(headings, article_titles, len(pages) - 1)
        outlines = _outline_objects(update, tree, pages)
        catalog = pdf.body(pdf.root())[0]
        if not catalog.endswith(b">>"):
            raise ValueError(f"{path}: a document catalog that is not a dictionary")
        update.put(pdf.root(), catalog[:-2].rstrip()
                   + b"\n/Outlines %d 0 R\n/PageMode /UseOutlines\n>>" % outlines)  # fmt: skip
    update.append_to(path)


def finish_any_pdf(
    path: Path, footers: Path, headings: list[tuple[int, str, int]], article_titles: list[str]
) -> None:
    """:func:`finish_pdf`, or when the files are not as it reads them, the same footers
    and bookmarks through pypdf; ValueError (naming the file) when neither can."""
    try:
        finish_pdf(path, footers, headings, article_titles)
    except ValueError:
        _finish_with_pypdf(path, footers, headings, article_titles)


def _finish_with_pypdf(
    path: Path, footers: Path, headings: list[tuple[int, str, int]], article_titles: list[str]
) -> None:
    from pypdf import PdfReader, PdfWriter

    part = path.with_name(path.name + ".pages")
    try:
        writer = PdfWriter(clone_from=PdfReader(path))
        stamps = PdfReader(footers)
        if len(stamps.pages) != len(writer.pages):
            raise ValueError(f"{footers}: {len(stamps.pages)} pages for {len(writer.pages)}")
        for page, stamp in zip(writer.pages, stamps.pages, strict=True):
            page.merge_page(stamp)
        if any(level == 2 for level, _title, _page in headings):

            def add(items: list[_Item], parent: object) -> None:
                for item in items:
                    node = writer.add_outline_item(title=item.title, page_number=item.page,
                                                   parent=parent)  # type: ignore[arg-type]
                    add(item.children, node)

            add(outline_tree(headings, article_titles, len(writer.pages) - 1), None)
            writer.page_mode = "/UseOutlines"
        with part.open("wb") as out:
            writer.write(out)
        os.replace(part, path)
    except ValueError:
        raise
    except Exception as exc:  # pypdf raises many kinds on a file it cannot read
        raise ValueError(f"{path}: {exc}") from None
    finally:
        part.unlink(missing_ok=True)


def _text(title: str) -> bytes:
    """``title`` as a PDF text string (UTF-16, which holds any script)."""
    return b"<FEFF%s>" % title.encode("utf-16-be").hex().upper().encode()


def _outline_objects(update: Update, tree: list[_Item], pages: list[int]) -> int:
    """Write the bookmarks ``tree`` (all open, each opening its page whole) into the
    update; the number of their outline dictionary."""
    entries: dict[int, list[bytes]] = {}

    def add_children(parent: int, items: list[_Item]) -> int:
        """Write ``items`` under ``parent``; how many bookmarks in all."""
        ids = [update.new_id() for _ in items]
        count = len(items)
        for k, (number, item) in enumerate(zip(ids, items, strict=True)):
            entry = [b"/Title " + _text(item.title), b"/Parent %d 0 R" % parent,
                     b"/Dest [%d 0 R /Fit]" % pages[item.page]]  # fmt: skip
            if k:
                entry.append(b"/Prev %d 0 R" % ids[k - 1])
            if k + 1 < len(ids):
                entry.append(b"/Next %d 0 R" % ids[k + 1])
            entries[number] = entry  # before its children, which add /First and /Last
            if item.children:
                below = add_children(number, item.children)
                entry.append(b"/Count %d" % below)
                count += below
        entries.setdefault(parent, []).extend(
            [b"/First %d 0 R" % ids[0], b"/Last %d 0 R" % ids[-1]])  # fmt: skip
        return count

    outlines = update.new_id()
    entries[outlines] = [b"/Type /Outlines"]
    entries[outlines].append(b"/Count %d" % add_children(outlines, tree))
    for number, entry in entries.items():
        update.put(number, b"<<\n%s\n>>" % b"\n".join(entry))
    return outlines
