"""Reading what an ELF file links, and resolving it as the loader would."""

from __future__ import annotations

import struct
import sys
from pathlib import Path

import pytest

from factcheck.preflight.elf import Asker, locate, missing_libraries, read_elf


def test_reads_the_xcb_plugins_libraries_and_runpath(qt_dir: Path) -> None:
    info = read_elf(qt_dir / "plugins" / "platforms" / "libqxcb.so")
    assert info is not None
    assert {"libxcb-icccm.so.4", "libxcb-keysyms.so.1", "libQt6Gui.so.6"} <= set(info.needed)
    assert info.runpath == ("$ORIGIN/../../lib",)
    assert info.elf_class == 2


def test_not_an_elf_file(tmp_path: Path) -> None:
    text = tmp_path / "libfake.so"
    text.write_text("INPUT(libc.so.6)\n", encoding="utf-8")  # a linker script, say
    truncated = tmp_path / "libcut.so"
    truncated.write_bytes(Path(sys.executable).resolve().read_bytes()[:40])
    assert read_elf(text) is None
    assert read_elf(truncated) is None
    assert read_elf(tmp_path / "absent.so") is None


def test_the_running_python_lacks_nothing() -> None:
    assert missing_libraries([Path(sys.executable)]) == []


def _bare_elf(path: Path, machine: int) -> None:
    """A 64-bit little-endian ELF header with no program headers."""
    header = b"\x7fELF\x02\x01\x01" + bytes(9)
    header += struct.pack("<HHIQQQIHHHHHH", 3, machine, 1, 0, 0, 0, 0, 64, 56, 0, 64, 0, 0)
    path.write_bytes(header)


def test_a_library_for_another_machine_is_passed_over(tmp_path: Path) -> None:
    python = read_elf(Path(sys.executable).resolve())
    assert python is not None
    asker = Asker((), (str(tmp_path),), python.elf_class, python.machine)
    _bare_elf(tmp_path / "libfactcheck-probe.so.1", machine=python.machine + 1)
    assert locate("libfactcheck-probe.so.1", asker) is None
    _bare_elf(tmp_path / "libfactcheck-probe.so.1", machine=python.machine)
    assert locate("libfactcheck-probe.so.1", asker) == tmp_path / "libfactcheck-probe.so.1"


def test_runpath_origin_is_the_folder_of_the_asking_file(qt_dir: Path) -> None:
    seen: list[tuple[str, Asker]] = []

    def find(soname: str, asker: Asker) -> Path | None:
        seen.append((soname, asker))
        return None

    missing = missing_libraries([qt_dir / "plugins" / "platforms" / "libqxcb.so"], find)
    assert "libQt6Gui.so.6" in missing  # nothing found: everything is missing, once each
    assert len(missing) == len(set(missing))
    plugin_dir = (qt_dir / "plugins" / "platforms").resolve()
    assert {a.runpath for _, a in seen} == {(f"{plugin_dir}/../../lib",)}


def _tiny_elf(path: Path, *, wide: bool, little: bool, needed: list[str], runpath: str) -> None:
    """A minimal shared object: one PT_LOAD (mapped at 0x1000 + file offset), one
    PT_DYNAMIC with DT_NEEDED, DT_RUNPATH and DT_STRTAB, and the string table."""
    end = "<" if little else ">"
    ehsize, phentsize = (64, 56) if wide else (52, 32)
    strings = b"\0" + b"".join(n.encode() + b"\0" for n in [*needed, runpath])
    offsets, pos = [], 1
    for name in [*needed, runpath]:
        offsets.append(pos)
        pos += len(name) + 1
    dyn_fmt = end + ("qQ" if wide else "iI")
    dyn_size = struct.calcsize(dyn_fmt) * (len(needed) + 3)
    dyn_off = ehsize + 2 * phentsize
    str_off = dyn_off + dyn_size
    base = 0x1000
    entries = [(1, o) for o in offsets[:-1]] + [(29, offsets[-1]), (5, base + str_off), (0, 0)]
    dynamic = b"".join(struct.pack(dyn_fmt, t, v) for t, v in entries)
    total = str_off + len(strings)
    ident = b"\x7fELF" + bytes([2 if wide else 1, 1 if little else 2, 1]) + bytes(9)
    if wide:
        head = ident + struct.pack(end + "HHIQQQIHHHHHH", 3, 183, 1, 0, ehsize, 0, 0,
                                   ehsize, phentsize, 2, 64, 0, 0)  # fmt: skip
        ph = struct.pack(end + "IIQQQQQQ", 1, 5, 0, base, base, total, total, 0x1000)
        ph += struct.pack(end + "IIQQQQQQ", 2, 6, dyn_off, base + dyn_off, base + dyn_off,
                          dyn_size, dyn_size, 8)  # fmt: skip
    else:
        head = ident + struct.pack(end + "HHIIIIIHHHHHH", 3, 40, 1, 0, ehsize, 0, 0,
                                   ehsize, phentsize, 2, 40, 0, 0)  # fmt: skip
        ph = struct.pack(end + "IIIIIIII", 1, 0, base, base, total, total, 5, 0x1000)
        ph += struct.pack(end + "IIIIIIII", 2, dyn_off, base + dyn_off, base + dyn_off,
                          dyn_size, dyn_size, 6, 4)  # fmt: skip
    path.write_bytes(head + ph + dynamic + strings)


@pytest.mark.parametrize(("wide", "little"), [(True, True), (False, True), (True, False),
                                              (False, False)])  # fmt: skip
def test_both_classes_and_byte_orders(tmp_path: Path, wide: bool, little: bool) -> None:
    lib = tmp_path / "libtiny.so"
    _tiny_elf(lib, wide=wide, little=little, needed=["libone.so.1", "libtwo.so.2"],
              runpath="$ORIGIN/../lib")  # fmt: skip
    info = read_elf(lib)
    assert info is not None
    assert info.needed == ("libone.so.1", "libtwo.so.2")
    assert info.runpath == ("$ORIGIN/../lib",) and info.rpath == ()
    assert info.elf_class == (2 if wide else 1)
    assert info.machine == (183 if wide else 40)


def test_the_walk_follows_runpath_origin_and_reports_what_is_nowhere(tmp_path: Path) -> None:
    (tmp_path / "lib").mkdir()
    (tmp_path / "plugins").mkdir()
    plugin = tmp_path / "plugins" / "libplugin.so"
    _tiny_elf(plugin, wide=True, little=True, needed=["libfactcheck-own.so.1"],
              runpath="$ORIGIN/../lib")  # fmt: skip
    _tiny_elf(tmp_path / "lib" / "libfactcheck-own.so.1", wide=True, little=True,
              needed=["libfactcheck-nowhere.so.7"], runpath="$ORIGIN")  # fmt: skip
    assert missing_libraries([plugin]) == ["libfactcheck-nowhere.so.7"]
    # the same library built for another machine is not a match
    _tiny_elf(tmp_path / "lib" / "libfactcheck-own.so.1", wide=False, little=True,
              needed=[], runpath="")  # fmt: skip
    assert missing_libraries([plugin]) == ["libfactcheck-own.so.1"]
