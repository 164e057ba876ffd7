"""Writing an output file so that it is either complete or absent.

Exports write to a temporary file in the target's folder and rename it over the target
only once everything is written (``os.replace`` is atomic within a file system), then
sync the folder so the rename itself survives a crash. On any failure the temporary file
is removed and a :class:`FactcheckError` names the output file and the reason; a
previous file at the target is left untouched.

What may be replaced: a regular file (its permission bits are kept) or nothing. A
symbolic link is followed on purpose: the file it points to is replaced and the link
stays, as with any editor's "save". A device, FIFO or socket (``-o /dev/null``, a named
pipe) is refused, directly or behind a link: replacing one with a regular file would
break whatever relies on it, and as root could replace a system device.

Temporary names are short and hidden (``.fc-<pid>-<random>.part``), so a target name of
the longest length the file system allows still works; a longer one is refused with one
line. A killed export leaves its ``.part`` file behind; the next export into the same
folder removes those whose process is gone.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import secrets
import stat
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO

from factcheck.core.safe_text import display_path
from factcheck.errors import FactcheckError

_PART = re.compile(r"\.fc-(\d+)-[0-9a-f]{8}\.part")
STALE_AFTER_S = 24 * 3600  # a .part file this old is stale whatever its pid says


class OutputError(FactcheckError):
    """An output file could not be written."""


def _reason(exc: OSError) -> str:
    if exc.errno == errno.ENOSPC:
        return "the disk is full"
    if exc.errno in (errno.EACCES, errno.EPERM):
        return "permission denied"
    if exc.errno == errno.EROFS:
        return "the disk is read-only"
    if exc.errno == errno.ENOENT:
        return "the folder does not exist"
    if exc.errno == errno.ENOTDIR:
        return "a part of the path is a file, not a folder"
    if exc.errno == errno.EISDIR:
        return "it is a folder"
    if exc.errno == errno.ENAMETOOLONG:
        return "the file name is too long"
    return exc.strerror or str(exc)


def _name_max(folder: Path) -> int:
    try:
        return os.pathconf(folder, "PC_NAME_MAX")
    except (OSError, ValueError):
        return 255


def _resolve_target(target: Path) -> Path:
    """The regular file (or free name) that will be replaced; refuses anything else."""
    shown = display_path(target)
    try:
        st = os.stat(target)  # follows links: what a write would reach
    except FileNotFoundError:
        if target.is_symlink():
            raise OutputError(f"{shown}: cannot write the file: it is a link to a "
                              "missing file") from None  # fmt: skip
        return target
    except OSError as exc:
        raise OutputError(f"{shown}: cannot write the file: {_reason(exc)}") from None
    if stat.S_ISDIR(st.st_mode):
        raise OutputError(f"{shown}: cannot write the file there: it is a folder")
    if not stat.S_ISREG(st.st_mode):
        kind = ("a device" if stat.S_ISCHR(st.st_mode) or stat.S_ISBLK(st.st_mode)
                else "a named pipe" if stat.S_ISFIFO(st.st_mode)
                else "a socket" if stat.S_ISSOCK(st.st_mode) else "not a regular file")  # fmt: skip
        raise OutputError(f"{shown}: cannot write the file there: it is {kind}, "
                          "not a regular file")  # fmt: skip
    return Path(os.path.realpath(target)) if target.is_symlink() else target


def remove_stale_parts(folder: Path) -> int:
    """Remove ``.part`` files that killed exports left in ``folder``; how many."""
    removed = 0
    try:
        names = os.listdir(folder)
    except OSError:
        return 0
    now = time.time()
    for name in names:
        m = _PART.fullmatch(name)
        if not m:
            continue
        path = folder / name
        pid = int(m[1])
        try:
            age = now - path.lstat().st_mtime
        except OSError:
            continue
        if pid == os.getpid() and age < STALE_AFTER_S:
            continue  # this process's own export, still running (a thread)
        if age < STALE_AFTER_S and _alive(pid):
            continue
        with contextlib.suppress(OSError):
            path.unlink()
            removed += 1
    return removed


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError):
        return True
    return True


def _fsync_folder(folder: Path) -> None:
    """Make a rename in ``folder`` durable (not possible on every system: best effort)."""
    try:
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


@contextmanager
def atomic_path(target: str | os.PathLike[str]) -> Iterator[Path]:
    """Yield a temporary path next to ``target``; on success move it onto ``target``.

    The caller writes the whole output to the yielded path (by any means: Python file
    objects, Qt's PDF writer...). Raises :class:`OutputError` when the target cannot be
    replaced (see the module docstring), the folder cannot take the file or the rename
    fails; never leaves the temporary file behind.
    """
    target = Path(target)
    shown = display_path(target)
    size = len(os.fsencode(target.name))
    limit = _name_max(target.parent if target.parent.is_dir() else Path("."))
    if size > limit:
        raise OutputError(f"{shown[:100]}…: cannot write the file: the file name is too long "
                          f"({size} bytes; at most {limit})")  # fmt: skip
    real = _resolve_target(target)
    folder = real.parent
    existing_mode = None
    with contextlib.suppress(OSError):
        existing_mode = stat.S_IMODE(os.stat(real).st_mode)
    remove_stale_parts(folder)
    tmp = folder / f".fc-{os.getpid()}-{secrets.token_hex(4)}.part"
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except OSError as exc:
        raise OutputError(f"{shown}: cannot write the file: {_reason(exc)}") from None
    os.close(fd)
    try:
        yield tmp
        os.chmod(tmp, existing_mode if existing_mode is not None else 0o666 & ~_UMASK)
        os.replace(tmp, real)
        _fsync_folder(folder)
    except OSError as exc:
        raise OutputError(f"{shown}: cannot write the file: {_reason(exc)}") from None
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
