"""Which shared libraries a Linux binary needs, and which of them this machine lacks.

Reads the ``DT_NEEDED`` entries of an ELF file and resolves each name roughly as the
dynamic loader does (RPATH, ``LD_LIBRARY_PATH``, RUNPATH with ``$ORIGIN``, the
``ldconfig`` cache, the default folders), then follows the libraries it found. The
point is to name *every* missing library at once, where the loader stops at the first.

The resolver errs on the side of "found": a library it cannot judge is not reported,
so a mistake here never keeps a working window from opening.
"""

from __future__ import annotations

import contextlib
import functools
import os
import struct
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

_PT_LOAD, _PT_DYNAMIC = 1, 2
_DT_NEEDED, _DT_STRTAB, _DT_RPATH, _DT_RUNPATH = 1, 5, 15, 29
_DEFAULT_DIRS = ("/lib64", "/usr/lib64", "/lib", "/usr/lib")


@dataclass(frozen=True, slots=True)
class ElfInfo:
    """The parts of an ELF file's dynamic section the loader uses to find libraries."""

    elf_class: int  # 1 = 32-bit, 2 = 64-bit
    machine: int
    needed: tuple[str, ...]
    rpath: tuple[str, ...]
    runpath: tuple[str, ...]


def read_elf(path: Path) -> ElfInfo | None:
    """The dynamic-linking facts of ``path``; None when it is not a readable ELF file."""
    try:
        with path.open("rb") as f:
            return _parse(f.read(64), f)
    except (OSError, struct.error, ValueError, UnicodeDecodeError):
        return None


def _parse(head: bytes, f: BinaryIO) -> ElfInfo | None:
    if len(head) < 52 or head[:4] != b"\x7fELF" or head[4] not in (1, 2) or head[5] not in (1, 2):
        return None
    wide = head[4] == 2
    end = "<" if head[5] == 1 else ">"
    read = _reader(f)
    (machine,) = struct.unpack_from(end + "H", head, 18)
    if wide:  # ELF64: e_phoff at 32, e_phentsize and e_phnum at 54
        (phoff,) = struct.unpack_from(end + "Q", head, 32)
        phentsize, phnum = struct.unpack_from(end + "HH", head, 54)
        ph_fmt, dyn_fmt = end + "IIQQQQQQ", end + "qQ"
    else:  # ELF32: e_phoff at 28, e_phentsize and e_phnum at 42
        (phoff,) = struct.unpack_from(end + "I", head, 28)
        phentsize, phnum = struct.unpack_from(end + "HH", head, 42)
        ph_fmt, dyn_fmt = end + "IIIIIIII", end + "iI"
    loads: list[tuple[int, int, int]] = []  # (vaddr, offset, filesz)
    dynamic: tuple[int, int] | None = None  # (offset, size)
    table = read(phoff, phentsize * phnum)
    for i in range(phnum):
        fields = struct.unpack_from(ph_fmt, table, i * phentsize)
        if wide:
            p_type, _flags, p_offset, p_vaddr, _paddr, p_filesz = fields[:6]
        else:
            p_type, p_offset, p_vaddr, _paddr, p_filesz = fields[:5]
        if p_type == _PT_LOAD:
            loads.append((p_vaddr, p_offset, p_filesz))
        elif p_type == _PT_DYNAMIC:
            dynamic = (p_offset, p_filesz)
    if dynamic is None:  # a static binary needs nothing
        return ElfInfo(head[4], machine, (), (), ())
    raw = read(*dynamic)
    step = struct.calcsize(dyn_fmt)
    entries: list[tuple[int, int]] = []
    for pos in range(0, len(raw) - step + 1, step):
        tag, value = struct.unpack_from(dyn_fmt, raw, pos)
        if tag == 0:
            break
        entries.append((tag, value))
    strtab = next((v for t, v in entries if t == _DT_STRTAB), None)
    if strtab is None:
        return ElfInfo(head[4], machine, (), (), ())
    base = next((off + strtab - va for va, off, size in loads if va <= strtab < va + size), None)
    if base is None:
        return None

    def string(offset: int) -> str:
        data = read(base + offset, 4096)
        return data.split(b"\0", 1)[0].decode("utf-8")

    def paths(tag: int) -> tuple[str, ...]:
        return tuple(p for t, v in entries if t == tag for p in string(v).split(":") if p)

    needed = tuple(string(v) for t, v in entries if t == _DT_NEEDED)
    return ElfInfo(head[4], machine, needed, paths(_DT_RPATH), paths(_DT_RUNPATH))


def _reader(f: BinaryIO) -> Callable[[int, int], bytes]:
    def read(offset: int, size: int) -> bytes:
        f.seek(offset)
        return f.read(size)

    return read


def _expand(entries: Iterable[str], origin: Path) -> list[str]:
    return [e.replace("${ORIGIN}", str(origin)).replace("$ORIGIN", str(origin)) for e in entries]


@functools.cache
def ldconfig_cache() -> Mapping[str, tuple[str, ...]]:
    """soname -> paths, from ``ldconfig -p`` (empty when ldconfig is not there)."""
    import shutil
    import subprocess

    exe = shutil.which("ldconfig") or next(
        (p for p in ("/sbin/ldconfig", "/usr/sbin/ldconfig") if os.path.exists(p)), None
    )
    if exe is None:
        return {}
    try:
        out = subprocess.run([exe, "-p"], capture_output=True, text=True, timeout=10,
                             check=False).stdout  # fmt: skip
    except (OSError, subprocess.SubprocessError):
        return {}
    found: dict[str, list[str]] = {}
    for line in out.splitlines():
        name, sep, target = line.strip().partition(" => ")
        if sep:
            found.setdefault(name.split(" (", 1)[0], []).append(target.strip())
    return {k: tuple(v) for k, v in found.items()}


def _multiarch_dirs() -> list[str]:
    dirs: list[str] = []
    for top in ("/lib", "/usr/lib"):
        with contextlib.suppress(OSError):
            dirs += sorted(str(p) for p in Path(top).glob("*-linux-gnu*") if p.is_dir())
    return dirs


@dataclass(frozen=True, slots=True)
class Asker:
    """The object whose ``DT_NEEDED`` entry is being resolved: its own search folders
    (``$ORIGIN`` expanded) and its architecture, which a candidate must match."""

    rpath: tuple[str, ...]
    runpath: tuple[str, ...]
    elf_class: int
    machine: int


Locate = Callable[[str, Asker], "Path | None"]


def locate(soname: str, asker: Asker) -> Path | None:
    """Where the loader would find ``soname`` for ``asker``; None when it is nowhere.
    A candidate for another architecture (a 32-bit copy, say) does not count, as for
    the loader."""
    env_dirs = [d for d in os.environ.get("LD_LIBRARY_PATH", "").split(":") if d]
    folders = [*asker.rpath, *env_dirs, *asker.runpath]
    candidates = [str(Path(d) / soname) for d in folders]
    candidates += ldconfig_cache().get(soname, ())
    candidates += [str(Path(d) / soname) for d in (*_DEFAULT_DIRS, *_multiarch_dirs())]
    for candidate in candidates:
        path = Path(candidate)
        if not path.is_file():
            continue
        info = read_elf(path)
        if info is None or (info.elf_class, info.machine) == (asker.elf_class, asker.machine):
            return path
    return None


def missing_libraries(roots: Iterable[Path], find: Locate = locate) -> list[str]:
    """The sonames that ``roots`` (and what they load, recursively) need and ``find``
    cannot locate, in the order first met. Unreadable files are skipped, not reported."""
    missing: list[str] = []
    seen: set[Path] = set()
    queue = list(roots)
    while queue:
        path = queue.pop(0).resolve()
        if path in seen:
            continue
        seen.add(path)
        info = read_elf(path)
        if info is None:
            continue
        origin = path.parent
        asker = Asker(
            rpath=tuple(_expand(info.rpath, origin)) if not info.runpath else (),
            runpath=tuple(_expand(info.runpath, origin)),
            elf_class=info.elf_class,
            machine=info.machine,
        )
        for soname in info.needed:
            if soname in missing:
                continue
            found = find(soname, asker)
            if found is None:
                missing.append(soname)
            else:
                queue.append(found)
    return missing
