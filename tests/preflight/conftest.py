"""Fixtures for the start-up checks: the bundled Qt's plugin folder, a local "X server"
socket that accepts connections, and a library search that pretends chosen libraries
are missing."""

from __future__ import annotations

import socket
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from factcheck.preflight.elf import Asker


@pytest.fixture(scope="session")
def qt_dir() -> Path:
    """The Qt folder inside the installed PySide6 wheel."""
    pyside = pytest.importorskip("PySide6")
    folder = Path(pyside.__file__).parent / "Qt"
    if not (folder / "plugins" / "platforms" / "libqxcb.so").is_file():
        pytest.skip("this PySide6 has no Linux xcb plugin")
    return folder


@pytest.fixture
def x_display() -> Iterator[str]:
    """A display name (":N") on which something accepts connections, as an X server
    would: the check only asks whether the display answers."""
    for number in range(180, 400):
        sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        try:
            sock.bind(f"\0/tmp/.X11-unix/X{number}")
        except OSError:
            sock.close()
            continue
        sock.listen(8)
        try:
            yield f":{number}"
        finally:
            sock.close()
        return
    pytest.skip("no free abstract X socket name")


Find = Callable[[str, Asker], "Path | None"]


def present_except(*gone: str) -> Find:
    """A library search where every library is installed except ``gone``. Qt's own
    libraries are the real files (so the walk follows them); a system library that is
    "installed" resolves to a path with nothing to read, so the walk stops there."""

    def find(soname: str, asker: Asker) -> Path | None:
        if soname in gone:
            return None
        for folder in asker.runpath:
            if (Path(folder) / soname).is_file():
                return Path(folder) / soname
        return Path("/nonexistent-system-lib") / soname

    return find
