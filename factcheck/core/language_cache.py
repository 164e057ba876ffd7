"""A decompressed copy of py3langid's model, kept in a folder the caller names.

py3langid ships its model LZMA-compressed (4.5 MB): every process that detects a
language spends most of a second decompressing it to 68 MB of arrays. This module
keeps those arrays once, uncompressed, in one file that the next process reads in a
few tens of milliseconds.

The copy is only ever a faster way to the same arrays, never a second source of truth:

* Its name holds py3langid's version and the SHA-256 of the model file it came from, so
  an upgraded py3langid or a changed model is never read through an older copy.
* The file carries a CRC-32 of everything after its header, checked on every read, and
  each array's type and shape are checked against the file's length; a file that
  fails any check is treated as absent (and replaced by the next write).
* It is written to a temporary file and renamed into place, so a reader never sees
  half a file, and never changed in place (a reader maps it); copies of other
  versions in the folder, and temporary files an interrupted write left, are removed
  then.
* Every failure (a folder that cannot be created or written, a full disk, a corrupt or
  foreign file) falls back to py3langid's own loading: the same model, only slower.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import mmap
import os
import struct
import zlib
from pathlib import Path
from typing import Any

MAGIC = b"FCLANGM1"  # this file layout; a new layout gets a new magic
_HEAD = struct.Struct("<8sI")  # magic, length of the JSON header that follows
_ALIGN = 64  # each array starts at a multiple of this offset
_PREFIX = "py3langid-"
_SUFFIX = ".model"
_WRITING = ".writing-"  # a copy being written, renamed into place when whole


def file_name(version: str, model_file: Path) -> str:
    """The copy's name for py3langid ``version`` and the model file it ships."""
    digest = hashlib.sha256(model_file.read_bytes()).hexdigest()[:32]
    safe = "".join(c if c.isalnum() or c in ".-_" else "_" for c in version)
    return f"{_PREFIX}{safe}-{digest}{_SUFFIX}"


def read(path: Path) -> dict[str, Any] | None:
    """The arrays stored in ``path`` (read-only NumPy arrays over the file mapped in
    memory),
    or None when the file is missing, unreadable, damaged or of another layout."""
    import numpy as np

    try:
        with path.open("rb") as f:  # mapped, not copied: the pages are the page cache's
            data = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)
    except (OSError, ValueError):  # ValueError: an empty file cannot be mapped
        return None
    try:
        magic, size = _HEAD.unpack_from(data)
        if magic != MAGIC:
            return None
        body = _HEAD.size + size
        header = json.loads(data[_HEAD.size : body].decode("utf-8"))
        if zlib.crc32(memoryview(data)[body:]) != header["crc32"]:
            return None
        arrays: dict[str, Any] = {}
        for name, dtype, shape, offset in header["arrays"]:
            kind = np.dtype(dtype)
            if any(int(n) < 0 for n in shape) or int(offset) < 0:
                return None
            count = int(np.prod(shape, dtype=np.int64))
            start = body + int(offset)
            if kind.hasobject or start + count * kind.itemsize > len(data):
                return None
            array = np.frombuffer(data, dtype=kind, count=count, offset=start)
            arrays[str(name)] = array.reshape(shape)
        arrays["classes"] = list(header["classes"])
        return arrays
    except (ValueError, KeyError, TypeError, IndexError, struct.error, UnicodeDecodeError):
        return None


def write(path: Path, arrays: dict[str, Any], classes: list[str]) -> bool:
    """Store ``arrays`` (name -> NumPy array) and the class labels at ``path``,
    atomically; False when that could not be done (the caller goes on without)."""
    import numpy as np

    layout: list[list[Any]] = []
    blobs: list[bytes] = []
    offset = 0
    crc = 0
    for name, array in arrays.items():
        pad = -offset % _ALIGN
        if pad:
            blobs.append(b"\0" * pad)
            crc = zlib.crc32(blobs[-1], crc)
            offset += pad
        contiguous = np.ascontiguousarray(array)
        layout.append([name, contiguous.dtype.str, list(contiguous.shape), offset])
        blobs.append(contiguous.tobytes())
        crc = zlib.crc32(blobs[-1], crc)
        offset += len(blobs[-1])
    header = json.dumps({"arrays": layout, "classes": classes, "crc32": crc}).encode("utf-8")
    import tempfile  # only here: it loads random and shutil

    tmp = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, name = tempfile.mkstemp(prefix=_WRITING, dir=path.parent)
        tmp = Path(name)
        with os.fdopen(fd, "wb") as out:
            out.write(_HEAD.pack(MAGIC, len(header)))
            out.write(header)
            for blob in blobs:
                out.write(blob)
        os.replace(tmp, path)
        tmp = None
    except OSError:
        return False
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                tmp.unlink()
    _remove_others(path)
    return True


def _remove_others(keep: Path) -> None:
    """Remove copies made for other py3langid versions or models (68 MB each), and
    temporary files an interrupted write left (an hour old: not one being written)."""
    import time

    with contextlib.suppress(OSError):
        for other in keep.parent.glob(f"{_PREFIX}*{_SUFFIX}"):
            if other.name != keep.name:
                with contextlib.suppress(OSError):
                    other.unlink()
        for left in keep.parent.glob(f"{_WRITING}*"):
            with contextlib.suppress(OSError):
                if time.time() - left.stat().st_mtime > 3600:
                    left.unlink()
