"""The report as CSV: one row per claim, RFC 4180 (comma, double quotes, CRLF).

Spreadsheet formula injection: a text cell that starts with ``=``, ``+``, ``-``, ``@``,
a tab or a carriage return would be run as a formula by Excel, LibreOffice and Google
Sheets. Such cells get a leading apostrophe (``'=1+1``), which spreadsheets show as the
text itself; a script reading the CSV sees the apostrophe. The test looks past leading
white space (spreadsheets trim it: `` =1+1``, ``"\n=1+1"``) and through full-width
forms (``＝1+1`` is ``=1+1`` after NFKC, which some spreadsheets apply). Number columns
are written as numbers and never prefixed.
"""

from __future__ import annotations

import csv
import unicodedata
from collections.abc import Iterable, Iterator
from typing import TextIO

from factcheck.core.model import Status
from factcheck.core.report.html import Progress
from factcheck.core.report.model import EvidenceItem, Report

COLUMNS = (
    "article_id", "article_title", "outlet", "article_url", "published", "claim_id",
    "start", "end", "quote", "prefix", "suffix", "status", "tags", "reviewer", "note",
    "claimant", "evidence", "created_at", "updated_at", "last_change_at", "last_change_by",
    "last_change",
)  # fmt: skip

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def guard(value: str) -> str:
    """``value`` made inert for spreadsheets (see the module docstring)."""
    if not value:
        return value
    first = value[0]
    if first.isascii() and not first.isspace() and first not in "=+-@":
        # the usual case: NFKC keeps an ASCII first character (or makes a letter of it
        # and a following mark), and nothing is stripped before it
        return value
    if value.startswith(_FORMULA_START):
        return "'" + value
    head = unicodedata.normalize("NFKC", value[:64]).lstrip()
    return "'" + value if head.startswith(_FORMULA_START) else value


def evidence_text(items: Iterable[EvidenceItem]) -> str:
    """A claim's evidence as one cell: items separated by " | "."""
    parts = []
    for e in items:
        if e.other is not None:
            o = e.other
            text = f"{e.label} claim {o.claim_id} ({o.article_title}): “{o.quote}”"
        else:
            text = f"Source: {e.url}"
            if e.title:
                text += f" “{e.title}”"
            if e.accessed:
                text += f" (accessed {e.accessed})"
            if e.quote:
                text += f": “{e.quote}”"
        if e.note:
            text += f" — {e.note}"
        parts.append(text)
    return " | ".join(parts)


# First characters after which a cell needs no closer look (the usual case, see
# :func:`guard`), and the empty cell: a set look-up instead of a call per cell.
_PLAIN_START = frozenset(
    [""] + [chr(i) for i in range(128) if not chr(i).isspace() and chr(i) not in "=+-@"]
)


def write_csv(report: Report, out: TextIO, *, progress: Progress | None = None) -> None:
    writer = csv.writer(out, dialect="excel", lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(COLUMNS)
    writer.writerows(_rows(report, progress))


def _rows(report: Report, progress: Progress | None) -> Iterator[tuple[object, ...]]:
    """The claims' rows in report order (one ``writerows`` over them all), the article's
    progress reported once its last row is written. Each cell is guarded unless its first
    character shows it needs no closer look (a set look-up instead of a call)."""
    g, plain, values = guard, _PLAIN_START, {s: s.value for s in Status}
    total = len(report.articles)
    for done, article in enumerate(report.articles, start=1):
        a = article.info
        aid, title, outlet, url, published = (a.id, g(a.title), g(a.outlet), g(a.url),
                                              g(a.published))  # fmt: skip
        for c in article.claims:
            quote, prefix, suffix, note = c.quote, c.prefix, c.suffix, c.note
            reviewer, claimant = c.reviewer, c.claimant
            tags = "; ".join(c.tags)  # "" when untagged
            ch = c.last_change
            if ch is None:
                at = by = action = ""
            else:
                at, by, action = ch
                if by[:1] not in plain:
                    by = g(by)
            yield (aid, title, outlet, url, published, c.id, c.start, c.end,
                   quote if quote[:1] in plain else g(quote),
                   prefix if prefix[:1] in plain else g(prefix),
                   suffix if suffix[:1] in plain else g(suffix),
                   values[c.status], tags if tags[:1] in plain else g(tags),
                   reviewer if reviewer[:1] in plain else g(reviewer),
                   note if note[:1] in plain else g(note),
                   claimant if claimant[:1] in plain else g(claimant),
                   g(evidence_text(c.evidence)) if c.evidence else "", c.created_at,
                   c.updated_at, at, by, action)  # fmt: skip
        if progress is not None:
            progress(done, total)
