"""Readers for article files that are not plain text: saved web pages, PDF, Word.

Each reader has the :data:`factcheck.core.ingest.Reader` signature ``(path, data) ->
ArticleDraft`` and refuses bad input with :class:`ImportRefused` naming the file. The
heavy libraries (trafilatura, pypdf, python-docx) are imported on first use, so the CLI
starts fast when it imports only text.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from factcheck.core.formats.docx_reader import read_docx
from factcheck.core.formats.html_reader import read_html
from factcheck.core.formats.pdf_reader import read_pdf
from factcheck.core.model import ArticleDraft

MIB = 1024 * 1024

FORMAT_READERS: dict[str, Callable[[Path, bytes], ArticleDraft]] = {
    ".html": read_html,
    ".htm": read_html,
    ".pdf": read_pdf,
    ".docx": read_docx,
}

# A saved page is mostly markup but still well under 20 MiB; PDFs and Word files carry
# fonts and pictures, so they get more room. Checked before a file is read.
FORMAT_SIZE_LIMITS: dict[str, int] = {
    ".html": 20 * MIB,
    ".htm": 20 * MIB,
    ".pdf": 100 * MIB,
    ".docx": 100 * MIB,
}

__all__ = ["FORMAT_READERS", "FORMAT_SIZE_LIMITS", "read_docx", "read_html", "read_pdf"]
