"""Reading what an ELF file links, and resolving it as the loader would."""

from __future__ import annotations

import struct
import sys
from pathlib import Path

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
