"""Writing an output file so that it is either complete or absent.

Exports write to a temporary file in the target's folder and rename it over the target
only once everything is written (``os.replace`` is atomic within a file system). On any
failure the temporary file is removed and a :class:`FactcheckError` names the output
file and the reason; a previous file at the target is left untouched.
"""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO

from factcheck.errors import FactcheckError


class OutputError(FactcheckError):
    """An output file could not be written."""


def _reason(exc: OSError) -> str:
    if exc.errno == errno.ENOSPC:
        return "the disk is full"
    if exc.errno in (errno.EACCES, errno.EPERM):
        return "permission denied"
    if exc.errno == errno.ENOENT:
        return "the folder does not exist"
    if exc.errno == errno.ENOTDIR:
        return "a part of the path is a file, not a folder"
    if exc.errno == errno.EISDIR:
        return "it is a folder"
    return exc.strerror or str(exc)


@contextmanager
def atomic_path(target: str | os.PathLike[str]) -> Iterator[Path]:
    """Yield a temporary path next to ``target``; on success move it onto ``target``.

    The caller writes the whole output to the yielded path (by any means: Python file
    objects, Qt's PDF writer...). Raises :class:`OutputError` when the folder cannot
    take the file or the rename fails; never leaves the temporary file behind.
    """
    target = Path(target)
    if target.is_dir():
        raise OutputError(f"{target}: cannot write the file there: it is a folder")
    try:
        fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    except OSError as exc:
        raise OutputError(f"{target}: cannot write the file: {_reason(exc)}") from None
    os.close(fd)
    tmp = Path(name)
    try:
        yield tmp
        os.chmod(tmp, 0o666 & ~_UMASK)
        os.replace(tmp, target)
    except OSError as exc:
        raise OutputError(f"{target}: cannot write the file: {_reason(exc)}") from None
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()


def _read_umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


# Read once at import: os.umask() can only be read by setting it, which is not safe
# while another thread creates files.
_UMASK = _read_umask()


def write_text_atomic(target: str | os.PathLike[str], write: Callable[[TextIO], None]) -> None:
    """Write a text file (UTF-8, newlines as written) atomically with ``write(fh)``."""
    with atomic_path(target) as tmp, tmp.open("w", encoding="utf-8", newline="") as fh:
        write(fh)
        fh.flush()
        os.fsync(fh.fileno())
