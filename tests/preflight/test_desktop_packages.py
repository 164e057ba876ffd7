"""One list of the window's system packages: ``.ci/desktop-packages.txt``. The README
quotes it (Debian names, and the Fedora names the table gives for the same libraries),
``.ci/run`` installs it, and it holds exactly what the bundled Qt's xcb stack links from
the system (beyond the base every Debian has)."""

from __future__ import annotations

import re
from pathlib import Path

from factcheck.preflight.elf import read_elf
from factcheck.preflight.packages import DEBIAN_BASE, PACKAGES

from ..conftest import REPO

FONTS = {"debian": "fonts-dejavu-core", "fedora": "dejavu-sans-fonts"}


def desktop_packages() -> list[str]:
    text = (REPO / ".ci" / "desktop-packages.txt").read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]


def _readme_command(tool: str) -> list[str]:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    (line,) = re.findall(rf"^sudo {tool} install (.+)$", readme, flags=re.MULTILINE)
    return line.split()


def test_readme_quotes_the_list_for_debian() -> None:
    assert _readme_command("apt-get") == [*desktop_packages(), FONTS["debian"]]


def test_readme_fedora_line_names_the_same_libraries() -> None:
    wanted = {fedora for debian, fedora in PACKAGES.values() if debian in desktop_packages()}
    assert set(_readme_command("dnf")) == wanted | {FONTS["fedora"]}


def test_ci_installs_the_list_and_requires_the_smoke_test() -> None:
    script = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert "$(grep -v '^#' .ci/desktop-packages.txt) fonts-dejavu-core xvfb xdotool" in script
    assert "export FACTCHECK_REQUIRE_DESKTOP_SMOKE=1" in script
    named = {
        deb for deb, _ in PACKAGES.values() if re.search(rf"(?<![\w-]){re.escape(deb)}\b", script)
    }
    assert not named, f".ci/run names packages outside the list: {named}"


def _window_on_x11(qt_dir: Path) -> list[Path]:
    """What the running window loads on X11: the PySide6 modules the code imports, the
    xcb plugin and the plugins it opens (SVG icons, compose keys: as found in the
    memory map of the app under Xvfb)."""
    source = "\n".join(p.read_text(encoding="utf-8") for p in (REPO / "factcheck").rglob("*.py"))
    modules = sorted(set(re.findall(r"\bPySide6\.(Qt\w+)", source)))
    assert "QtWidgets" in modules
    plugins = qt_dir / "plugins"
    return [
        *(qt_dir.parent / f"{name}.abi3.so" for name in modules),
        plugins / "platforms" / "libqxcb.so",
        plugins / "iconengines" / "libqsvgicon.so",
        plugins / "platforminputcontexts" / "libcomposeplatforminputcontextplugin.so",
    ]


def _system_sonames(qt_dir: Path, roots: list[Path]) -> set[str]:
    """What ``roots`` and the Qt and PySide6 libraries they link load from outside."""
    own_dirs = [qt_dir / "lib", qt_dir.parent, qt_dir.parent.parent / "shiboken6"]
    queue = list(roots)
    seen: set[Path] = set()
    system: set[str] = set()
    while queue:
        path = queue.pop()
        if path in seen or not path.exists():  # a plugin this Qt build lacks
            continue
        seen.add(path)
        info = read_elf(path)
        assert info is not None, path
        for soname in info.needed:
            own = next((d / soname for d in own_dirs if (d / soname).is_file()), None)
            if own is not None:
                queue.append(own)
            else:
                system.add(soname)
    return system


def test_the_list_is_what_qt_links(qt_dir: Path) -> None:
    sonames = _system_sonames(qt_dir, _window_on_x11(qt_dir))
    unknown = sorted(s for s in sonames if s not in PACKAGES)
    assert not unknown, f"add these libraries to factcheck/preflight/packages.py: {unknown}"
    needed = {PACKAGES[s][0] for s in sonames} - DEBIAN_BASE
    listed = set(desktop_packages())
    assert not needed - listed, f"missing from .ci/desktop-packages.txt: {needed - listed}"
    assert not listed - needed, f"not needed by Qt: {listed - needed}"
    assert len(listed) == len(desktop_packages()), "a package is listed twice"


def test_every_library_the_checked_platforms_load_has_a_package(qt_dir: Path) -> None:
    # so the message after a failed check always names a package to install
    platforms = qt_dir / "plugins" / "platforms"
    roots = [platforms / f"libq{name}.so" for name in ("xcb", "wayland", "offscreen", "minimal")]
    unknown = sorted(s for s in _system_sonames(qt_dir, roots) if s not in PACKAGES)
    assert not unknown, f"add these libraries to factcheck/preflight/packages.py: {unknown}"
