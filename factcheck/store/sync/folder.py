"""Changeset files in a shared folder (a network drive, a synced folder, a git
repository): one file per export, named for the reviewer and the time, written
completely or not at all.

A file is a one-line header (``FACTCHECK-CHANGESET 1``), one line of JSON (reviewer,
time, image version, number of changes), then the changeset exactly as SQLite's session
extension writes it.
"""

from __future__ import annotations

import json
import os
import re
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from factcheck.errors import InvalidInput
from factcheck.store.sync.engine import check_changeset
from factcheck.store.sync.image import IMAGE_VERSION

MAGIC = b"FACTCHECK-CHANGESET 1\n"
SUFFIX = ".fcsync"
_NAME = re.compile(r"^(?P<who>.+)-(?P<stamp>\d{8}T\d{9}Z)-(?P<rand>[0-9a-f]{6})\.fcsync$")
MAX_BYTES = 512 * 1024 * 1024


@dataclass(frozen=True)
class ChangesetFile:
    path: Path
    reviewer: str
    created: str
    changes: int
    changeset: bytes

    @property
    def name(self) -> str:
        return self.path.name


def _slug(reviewer: str) -> str:
    slug = re.sub(r"[^A-Za-z0-9_.]+", "_", reviewer.strip()).strip("._")
    return slug[:40] or "reviewer"


def file_name(reviewer: str, when: datetime | None = None) -> str:
    when = when or datetime.now(UTC)
    stamp = when.strftime("%Y%m%dT%H%M%S") + f"{when.microsecond // 1000:03d}Z"
    return f"{_slug(reviewer)}-{stamp}-{secrets.token_hex(3)}{SUFFIX}"


def check_folder(folder: Path, *, create: bool) -> Path:
    if folder.exists() and not folder.is_dir():
        raise InvalidInput(f"{folder}: is a file, not a folder")
    if not folder.exists():
        if not create:
            raise InvalidInput(f"{folder}: no such folder")
        try:
            folder.mkdir(parents=True)
        except OSError as exc:
            raise InvalidInput(f"{folder}: cannot create folder ({exc.strerror})") from None
    return folder


def write(folder: Path, reviewer: str, changeset: bytes, changes: int) -> Path:
    """Write the changeset into ``folder`` under a new name (temporary file, then
    rename, so a reader never sees half a file)."""
    check_folder(folder, create=True)
    name = file_name(reviewer)
    meta = {"reviewer": reviewer, "created": datetime.now(UTC).isoformat(),
            "image_version": IMAGE_VERSION, "changes": changes}  # fmt: skip
    target = folder / name
    tmp = folder / f".{name}.part"
    try:
        with open(tmp, "wb") as out:
            out.write(MAGIC)
            out.write(json.dumps(meta, ensure_ascii=False).encode() + b"\n")
            out.write(changeset)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, target)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise InvalidInput(f"{target}: cannot write ({exc.strerror or exc})") from None
    return target


def read(path: Path) -> ChangesetFile:
    """Read and check one file; :class:`InvalidInput` names the file and the problem."""
    try:
        if path.stat().st_size > MAX_BYTES:
            raise InvalidInput(f"{path}: larger than {MAX_BYTES // 2**20} MiB, not read")
        data = path.read_bytes()
    except OSError as exc:
        raise InvalidInput(f"{path}: cannot read ({exc.strerror or exc})") from None
    if not data.startswith(MAGIC):
        raise InvalidInput(f"{path}: not a factcheck changeset file")
    head, sep, changeset = data[len(MAGIC) :].partition(b"\n")
    try:
        meta = json.loads(head) if sep else None
    except ValueError:
        meta = None
    if not isinstance(meta, dict):
        raise InvalidInput(f"{path}: damaged header")
    if meta.get("image_version") != IMAGE_VERSION:
        raise InvalidInput(
            f"{path}: written by another version of factcheck (format "
            f"{meta.get('image_version')!r}); update factcheck on both sides"
        )
    try:
        changes = check_changeset(changeset)
    except ValueError as exc:
        raise InvalidInput(f"{path}: {exc}") from None
    return ChangesetFile(path, str(meta.get("reviewer", "")), str(meta.get("created", "")),
                         changes, changeset)  # fmt: skip


def writer_of(path: Path) -> str:
    """The reviewer part of a changeset file's name."""
    m = _NAME.match(path.name)
    return m["who"] if m else path.name


def pending(folder: Path, done: set[str]) -> list[Path]:
    """Changeset files in ``folder`` not yet exported or applied here, oldest first (by
    the time in their name, then the name)."""
    check_folder(folder, create=False)
    found = []
    for entry in folder.iterdir():
        m = _NAME.match(entry.name)
        if m and entry.name not in done and entry.is_file():
            found.append((m["stamp"], entry.name, entry))
    return [e for _s, _n, e in sorted(found)]
