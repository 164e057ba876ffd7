"""The real command: ``factcheck`` on a machine whose X11 plugin needs a library that is
not installed prints one message and exits 1, before Qt can abort (and before the
project file is created).

The missing library is made real without touching the system: a copy of the bundled
xcb plugin whose link entry for ``libxcb-xkb.so.1`` is renamed to a soname no machine
has, put where Qt looks first (QT_QPA_PLATFORM_PLUGIN_PATH), next to a link to Qt's own
libraries so that its RUNPATH still finds them."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="a Linux check")

REAL, FAKE = b"libxcb-xkb.so.1\0", b"libxcb-xkb.so.9\0"


def _broken_plugin(qt_dir: Path, where: Path) -> Path:
    data = (qt_dir / "plugins" / "platforms" / "libqxcb.so").read_bytes()
    assert data.count(REAL) == 1, "the plugin no longer links libxcb-xkb.so.1 by that name"
    platforms = where / "plugins" / "platforms"
    platforms.mkdir(parents=True)
    (where / "lib").symlink_to(qt_dir / "lib", target_is_directory=True)
    (platforms / "libqxcb.so").write_bytes(data.replace(REAL, FAKE))
    return platforms


def test_missing_library_gives_one_message_and_exit_1(qt_dir: Path, x_display: str,
                                                      tmp_path: Path) -> None:  # fmt: skip
    platforms = _broken_plugin(qt_dir, tmp_path / "qt")
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "xcb",
        "QT_QPA_PLATFORM_PLUGIN_PATH": str(platforms),
        "DISPLAY": x_display,
    }
    env.pop("WAYLAND_DISPLAY", None)
    project = tmp_path / "p.db"
    done = subprocess.run([sys.executable, "-m", "factcheck", "--db", str(project)], env=env,
                          capture_output=True, text=True, timeout=120, check=False)  # fmt: skip
    assert done.returncode == 1, done.stderr
    assert done.stdout == ""
    assert done.stderr.startswith("factcheck: the window cannot open: Qt's X11 (xcb) platform")
    assert "libxcb-xkb.so.9" in done.stderr.splitlines()[0]
    assert "libxcb-xkb.so.9" in done.stderr.splitlines()[-1]  # how to find its package
    assert "qt.qpa" not in done.stderr and "Traceback" not in done.stderr
    assert not project.exists()


def test_no_display_gives_one_message_and_exit_1(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}  # fmt: skip
    project = tmp_path / "p.db"
    done = subprocess.run([sys.executable, "-m", "factcheck", "--db", str(project)], env=env,
                          capture_output=True, text=True, timeout=120, check=False)  # fmt: skip
    assert done.returncode == 1
    assert done.stderr.splitlines() == [
        "factcheck: the window cannot open: there is no display (neither DISPLAY nor "
        "WAYLAND_DISPLAY is set). Start factcheck from a desktop session, or use its "
        "commands (factcheck --help)."
    ]
    assert not project.exists()


def test_make_runs_check_without_a_terminal_only_prints(
    qt_dir: Path, x_display: str, tmp_path: Path
) -> None:
    """``python -m factcheck.preflight --offer-install`` is what ``make run`` calls
    first; with no terminal to ask at, it prints the message and exits 1."""
    env = {k: v for k, v in os.environ.items() if k != "WAYLAND_DISPLAY"}
    plugins = _broken_plugin(qt_dir, tmp_path / "qt")
    env |= {
        "QT_QPA_PLATFORM": "xcb",
        "DISPLAY": x_display,
        "QT_QPA_PLATFORM_PLUGIN_PATH": str(plugins),
    }
    command = [sys.executable, "-m", "factcheck.preflight", "--offer-install"]
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=120,
                          stdin=subprocess.DEVNULL, check=False)  # fmt: skip
    assert done.returncode == 1
    assert done.stderr.startswith("factcheck: the window cannot open:")
    assert "libxcb-xkb.so.9" in done.stderr and "[y/N]" not in done.stdout + done.stderr
