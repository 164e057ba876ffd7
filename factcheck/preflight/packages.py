"""Which system package provides a library Qt needs, on the two Linux families we name,
and the command that installs them.

The table covers every library the bundled Qt's window plugins (xcb, wayland,
offscreen) and their Qt libraries load from the system. A name missing from it is
still reported, with how to look it up.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

# soname -> (Debian/Ubuntu package, Fedora package)
PACKAGES: Mapping[str, tuple[str, str]] = {
    "libxcb-cursor.so.0": ("libxcb-cursor0", "xcb-util-cursor"),
    "libxcb-icccm.so.4": ("libxcb-icccm4", "xcb-util-wm"),
    "libxcb-util.so.1": ("libxcb-util1", "xcb-util"),
    "libxcb-image.so.0": ("libxcb-image0", "xcb-util-image"),
    "libxcb-keysyms.so.1": ("libxcb-keysyms1", "xcb-util-keysyms"),
    "libxcb-render-util.so.0": ("libxcb-render-util0", "xcb-util-renderutil"),
    "libxcb-randr.so.0": ("libxcb-randr0", "libxcb"),
    "libxcb-render.so.0": ("libxcb-render0", "libxcb"),
    "libxcb-shape.so.0": ("libxcb-shape0", "libxcb"),
    "libxcb-shm.so.0": ("libxcb-shm0", "libxcb"),
    "libxcb-sync.so.1": ("libxcb-sync1", "libxcb"),
    "libxcb-xfixes.so.0": ("libxcb-xfixes0", "libxcb"),
    "libxcb-xkb.so.1": ("libxcb-xkb1", "libxcb"),
    "libxcb.so.1": ("libxcb1", "libxcb"),
    "libX11-xcb.so.1": ("libx11-xcb1", "libX11-xcb"),
    "libX11.so.6": ("libx11-6", "libX11"),
    "libXau.so.6": ("libxau6", "libXau"),
    "libXdmcp.so.6": ("libxdmcp6", "libXdmcp"),
    "libxkbcommon.so.0": ("libxkbcommon0", "libxkbcommon"),
    "libxkbcommon-x11.so.0": ("libxkbcommon-x11-0", "libxkbcommon-x11"),
    "libwayland-client.so.0": ("libwayland-client0", "libwayland-client"),
    "libwayland-cursor.so.0": ("libwayland-cursor0", "libwayland-cursor"),
    "libwayland-egl.so.1": ("libwayland-egl1", "libwayland-egl"),
    "libGL.so.1": ("libgl1", "libglvnd-glx"),
    "libGLX.so.0": ("libglx0", "libglvnd-glx"),
    "libEGL.so.1": ("libegl1", "libglvnd-egl"),
    "libOpenGL.so.0": ("libopengl0", "libglvnd-opengl"),
    "libGLdispatch.so.0": ("libglvnd0", "libglvnd"),
    "libfontconfig.so.1": ("libfontconfig1", "fontconfig"),
    "libfreetype.so.6": ("libfreetype6", "freetype"),
    "libpng16.so.16": ("libpng16-16", "libpng"),
    "libexpat.so.1": ("libexpat1", "expat"),
    "libdbus-1.so.3": ("libdbus-1-3", "dbus-libs"),
    "libglib-2.0.so.0": ("libglib2.0-0", "glib2"),
    "libgthread-2.0.so.0": ("libglib2.0-0", "glib2"),
    "libzstd.so.1": ("libzstd1", "libzstd"),
    "libz.so.1": ("zlib1g", "zlib"),
    "libstdc++.so.6": ("libstdc++6", "libstdc++"),
    "libc.so.6": ("libc6", "glibc"),
    "libm.so.6": ("libc6", "glibc"),
    "libdl.so.2": ("libc6", "glibc"),
    "libpthread.so.0": ("libc6", "glibc"),
    "ld-linux-x86-64.so.2": ("libc6", "glibc"),
    "libgcc_s.so.1": ("libgcc-s1", "libgcc"),
}

# Packages every Debian/Ubuntu system has (Python itself needs them); the desktop list
# leaves them out.
DEBIAN_BASE = frozenset({"libc6", "libstdc++6", "libgcc-s1", "zlib1g", "libzstd1"})

DEBIAN, FEDORA = "debian", "fedora"


@dataclass(frozen=True, slots=True)
class Family:
    """A distribution family: how its packages are named and installed."""

    key: str  # DEBIAN or FEDORA
    name: str  # for the message: "Debian/Ubuntu"
    install: str  # the command, without sudo and package names
    search: str  # how to find the package holding a file


FAMILIES = {
    DEBIAN: Family(DEBIAN, "Debian/Ubuntu", "apt-get install", "apt-file search"),
    FEDORA: Family(FEDORA, "Fedora", "dnf install", "dnf provides"),
}


def family_from_os_release(text: str) -> Family | None:
    """The family named by an ``/etc/os-release`` text (``ID`` and ``ID_LIKE``); None
    for a distribution that is neither Debian- nor Fedora-like."""
    ids: list[str] = []
    for line in text.splitlines():
        key, sep, value = line.partition("=")
        if sep and key.strip() in ("ID", "ID_LIKE"):
            ids += value.strip().strip("\"'").lower().split()
    for ident in ids:
        if ident in ("debian", "ubuntu"):
            return FAMILIES[DEBIAN]
        if ident in ("fedora", "rhel", "centos"):
            return FAMILIES[FEDORA]
    return None


def detect_family(os_release: Path = Path("/etc/os-release")) -> Family | None:
    try:
        text = os_release.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return None
    return family_from_os_release(text)


def packages_for(sonames: Iterable[str], family: Family) -> tuple[list[str], list[str]]:
    """(the packages that provide ``sonames``, without repeats, in order; the sonames
    the table does not know)."""
    packages: list[str] = []
    unknown: list[str] = []
    column = 0 if family.key == DEBIAN else 1
    for soname in sonames:
        entry = PACKAGES.get(soname)
        if entry is None:
            unknown.append(soname)
        elif entry[column] not in packages:
            packages.append(entry[column])
    return packages, unknown


def install_command(family: Family, packages: Iterable[str], *, as_root: bool) -> str:
    """The exact command line to type (``sudo`` unless already root)."""
    sudo = "" if as_root else "sudo "
    return f"{sudo}{family.install} {' '.join(packages)}"
