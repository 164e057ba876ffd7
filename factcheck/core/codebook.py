"""The codebook: the project's tags with their colours and definitions, as a CSV file.

Qualitative-coding tools (QualCoder, Taguette, ATLAS.ti) exchange code lists as a
table; factcheck reads and writes the simplest common form: one row per tag with the
columns ``name``, ``color`` (``#rrggbb``) and ``description``, a header row first. On
export a ``claims`` column gives each tag's use; on import it (and any other unknown
column) is ignored. Bad input is refused with one line naming the row.
"""

from __future__ import annotations

import csv
import io
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from factcheck.errors import InvalidInput

COLUMNS = ("name", "color", "description")
_COLOR = re.compile(r"^#[0-9a-fA-F]{6}$")


@dataclass(frozen=True, slots=True)
class TagSummary:
    """A tag as the tag manager and the codebook see it: with its use."""

    id: int
    name: str
    color: str
    description: str
    count: int = 0


@dataclass(frozen=True, slots=True)
class CodebookEntry:
    name: str
    color: str = ""  # empty: keep the tag's colour (or pick one for a new tag)
    description: str | None = None  # None: the file had no description column


def valid_color(value: str) -> bool:
    return bool(_COLOR.match(value))


def write_codebook(tags: Iterable[TagSummary]) -> str:
    """CSV text (RFC 4180, CRLF) of the tags, by name."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([*COLUMNS, "claims"])
    for t in sorted(tags, key=lambda t: t.name.casefold()):
        writer.writerow([t.name, t.color, t.description, t.count])
    return out.getvalue()


def read_codebook(text: str, source: str = "codebook") -> list[CodebookEntry]:
    """The entries of a codebook CSV. Needs a ``name`` column (header names are matched
    without regard to case); refuses a bad colour or a repeated name, naming the row."""
    text = text.lstrip("\ufeff")
    reader = csv.reader(io.StringIO(text))
    try:
        header = next(reader)
    except StopIteration:
        raise InvalidInput(f"{source}: the file is empty") from None
    except csv.Error as exc:
        raise InvalidInput(f"{source}: not a CSV file ({exc})") from None
    names = [h.strip().casefold() for h in header]
    if "name" not in names:
        raise InvalidInput(f"{source}: the first row must name the columns, one of them "
                           "'name' (also 'color', 'description')")  # fmt: skip
    at = {c: names.index(c) for c in COLUMNS if c in names}
    entries: list[CodebookEntry] = []
    seen: set[str] = set()
    try:
        for line, row in enumerate(reader, start=2):
            if not any(cell.strip() for cell in row):
                continue

            def cell(column: str, row: list[str] = row) -> str | None:
                i = at.get(column)
                return row[i].strip() if i is not None and i < len(row) else None

            name = cell("name") or ""
            if not name:
                raise InvalidInput(f"{source}: row {line} has no tag name")
            if name.casefold() in seen:
                raise InvalidInput(f"{source}: row {line} repeats the tag {name!r}")
            seen.add(name.casefold())
            color = cell("color") or ""
            if color and not valid_color(color):
                raise InvalidInput(f"{source}: row {line}: {color!r} is not a colour like "
                                   "#1f77b4")  # fmt: skip
            entries.append(CodebookEntry(name, color.lower(), cell("description")))
    except csv.Error as exc:
        raise InvalidInput(f"{source}: not a CSV file ({exc})") from None
    return entries


def save_codebook(path: str | os.PathLike[str], tags: Iterable[TagSummary]) -> int:
    """Write the codebook CSV to ``path`` atomically (whole or not at all); returns how
    many tags it holds. Raises a FactcheckError naming the file when it cannot."""
    from factcheck.core.report.atomic import write_text_atomic

    listed = list(tags)
    text = write_codebook(listed)

    def write(fh: TextIO) -> None:
        fh.write(text)

    write_text_atomic(path, write)
    return len(listed)


MAX_CODEBOOK_BYTES = 5 * 1024 * 1024


def read_codebook_text(path: Path) -> str:
    """A codebook file's text, or one line saying why it cannot be read."""
    try:
        if path.stat().st_size > MAX_CODEBOOK_BYTES:
            raise InvalidInput(f"{path}: larger than 5 MiB; not a codebook")
        data = path.read_bytes()
    except FileNotFoundError:
        raise InvalidInput(f"{path}: no such file") from None
    except IsADirectoryError:
        raise InvalidInput(f"{path}: is a folder, not a CSV file") from None
    except OSError as exc:
        raise InvalidInput(f"{path}: cannot be read ({exc.strerror})") from None
    if b"\x00" in data[:4096]:
        raise InvalidInput(f"{path}: a binary file, not a CSV codebook")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InvalidInput(f"{path}: not UTF-8 text; save the codebook as UTF-8 CSV") from None
