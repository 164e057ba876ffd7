"""The export formats by name, with their file extensions and writers.

Every text format is a function ``(report, out, progress) -> None`` writing to an open
text file; :func:`export_text` writes it atomically. The PDF is not here: it needs Qt
and is written by ``factcheck.render.pdf.write_pdf``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from factcheck.core.gc_pause import paused_gc
from factcheck.core.interchange.claimreview import write_claimreview
from factcheck.core.interchange.w3c import write_w3c
from factcheck.core.report.atomic import write_text_atomic
from factcheck.core.report.csv_report import write_csv
from factcheck.core.report.html import Progress, render_html
from factcheck.core.report.json_report import write_json
from factcheck.core.report.markdown import render_markdown
from factcheck.core.report.model import Report

Writer = Callable[[Report, TextIO, "Progress | None"], None]


@dataclass(frozen=True, slots=True)
class Format:
    name: str
    label: str
    extension: str
    writer: Writer | None  # None: drawn by Qt (PDF), or a folder (see ``folder``)
    folder: bool = False  # True: writes a folder of files, not one file


def _html(r: Report, out: TextIO, p: Progress | None) -> None:
    render_html(r, out, progress=p)


def _md(r: Report, out: TextIO, p: Progress | None) -> None:
    render_markdown(r, out, progress=p)


def _csv(r: Report, out: TextIO, p: Progress | None) -> None:
    write_csv(r, out, progress=p)


def _json(r: Report, out: TextIO, p: Progress | None) -> None:
    write_json(r, out)


def _w3c(r: Report, out: TextIO, p: Progress | None) -> None:
    write_w3c(r, out)


def _claimreview(r: Report, out: TextIO, p: Progress | None) -> None:
    write_claimreview(r, out)


FORMATS: dict[str, Format] = {
    f.name: f
    for f in (
        Format("html", "HTML report (one self-contained file)", ".html", _html),
        Format("pdf", "PDF report", ".pdf", None),
        Format("md", "Markdown report", ".md", _md),
        Format("csv", "CSV, one row per claim", ".csv", _csv),
        Format("json", "JSON, the report's data", ".json", _json),
        Format("w3c", "W3C Web Annotations (JSON-LD)", ".jsonld", _w3c),
        Format("claimreview", "schema.org ClaimReview (JSON-LD)", ".claimreview.jsonld",
               _claimreview),
        Format("claimreview-html", "ClaimReview pages (a folder, one HTML page per judged "
               "claim)", "-claimreviews", None, folder=True),
    )
}  # fmt: skip
FORMAT_NAMES: tuple[str, ...] = tuple(FORMATS)


def default_filename(fmt: str, stem: str = "factcheck-report") -> str:
    if fmt == "w3c":
        stem = "factcheck-annotations"
    return stem + FORMATS[fmt].extension


def export_folder(report: Report, fmt: str, path: str | Path,
                  progress: Progress | None = None) -> None:  # fmt: skip
    """Write a folder format (``claimreview-html``) into the folder ``path``."""
    from factcheck.core.interchange.claimreview_pages import write_claimreview_pages

    if not FORMATS[fmt].folder:
        raise ValueError(f"{fmt} is not a folder format")
    write_claimreview_pages(report, path, progress)


def export_text(
    report: Report, fmt: str, path: str | Path, progress: Progress | None = None
) -> None:
    """Write ``report`` as ``fmt`` to ``path``, atomically (complete file or none)."""
    writer = FORMATS[fmt].writer
    if writer is None:
        raise ValueError(f"{fmt} is not a text format")
    with paused_gc():
        write_text_atomic(path, lambda out: writer(report, out, progress))
