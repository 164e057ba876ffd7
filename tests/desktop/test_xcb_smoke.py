"""The real app on a real X server: Xvfb on a free display, ``factcheck --db FILE`` on
Qt's xcb platform (the one a Linux desktop uses, not the offscreen one the other tests
use), a claim marked with key presses sent through the X server by xdotool, Ctrl+Q,
and the claim read back from the project file with the command line.

This is what proves the README's list of system packages complete: CI (``.ci/run``)
installs exactly that list on a bare image and sets FACTCHECK_REQUIRE_DESKTOP_SMOKE=1,
which turns a missing Xvfb or xdotool into a failure instead of a skip.

Nothing here is timed: every wait is for a condition, with a generous limit.
"""

from __future__ import annotations

import json
import os
import select
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from factcheck import config

from ..conftest import REPO

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not sys.platform.startswith("linux"), reason="X11 smoke test: Linux only"),
]

REQUIRED = os.environ.get("FACTCHECK_REQUIRE_DESKTOP_SMOKE") == "1"
LIMIT = 120  # seconds for any one wait; never reached when things work


def _tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        reason = f"{name} is not installed (Debian/Ubuntu: apt-get install xvfb xdotool)"
        if REQUIRED:
            pytest.fail(f"{reason}, and FACTCHECK_REQUIRE_DESKTOP_SMOKE=1 requires this test")
        pytest.skip(reason)
    return path


@pytest.fixture
def display() -> Iterator[str]:
    """A private Xvfb server; Xvfb itself picks a free display number (-displayfd)."""
    xvfb = _tool("Xvfb")
    read_end, write_end = os.pipe()
    server = subprocess.Popen(
        [xvfb, "-displayfd", str(write_end), "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
        pass_fds=(write_end,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    os.close(write_end)
    try:
        number = b""
        while not number.endswith(b"\n"):
            ready, _, _ = select.select([read_end], [], [], LIMIT)
            chunk = os.read(read_end, 16) if ready else b""
            if not chunk:
                pytest.fail(f"Xvfb did not start (exit status {server.poll()})")
            number += chunk
        yield f":{int(number)}"
    finally:
        os.close(read_end)
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def _factcheck(*args: str, env: dict[str, str]) -> str:
    done = subprocess.run([sys.executable, "-m", "factcheck", *args], env=env,
                          capture_output=True, text=True, timeout=LIMIT, check=False)  # fmt: skip
    assert done.returncode == 0, done.stderr
    return done.stdout


def _xdotool(*args: str, env: dict[str, str]) -> str:
    done = subprocess.run([_tool("xdotool"), *args], env=env, capture_output=True, text=True,
                          timeout=LIMIT, check=False)  # fmt: skip
    assert done.returncode == 0, f"xdotool {' '.join(args)}: {done.stderr}"
    return done.stdout


def _claims(project: Path, env: dict[str, str]) -> list[dict[str, Any]]:
    claims: list[dict[str, Any]] = json.loads(_factcheck("claims", "--db", str(project), "--json",
                                                         env=env))  # fmt: skip
    return claims


def _wait_for_window(title: str, app: subprocess.Popen[bytes], log: Path,
                     env: dict[str, str]) -> str:  # fmt: skip
    """The id of the visible window titled ``title``; fails at once (with the app's
    output) if the app exits first, e.g. with the message about missing libraries."""
    deadline = time.monotonic() + LIMIT
    while time.monotonic() < deadline:
        if app.poll() is not None:
            pytest.fail(f"the app exited ({app.returncode}) before showing its window:\n"
                        + log.read_text(encoding="utf-8"))  # fmt: skip
        found = subprocess.run([_tool("xdotool"), "search", "--onlyvisible", "--name", title],
                               env=env, capture_output=True, text=True, timeout=LIMIT,
                               check=False)  # fmt: skip
        if found.returncode == 0 and found.stdout.split():
            return found.stdout.split()[0]
        time.sleep(0.2)
    pytest.fail(f"no window titled {title!r} appeared:\n" + log.read_text(encoding="utf-8"))


def test_mark_a_claim_with_keys_in_the_real_app_on_x11(display: str, tmp_path: Path) -> None:
    _tool("xdotool")
    env = {k: v for k, v in os.environ.items() if k not in ("WAYLAND_DISPLAY",)}
    env |= {
        "DISPLAY": display,
        "QT_QPA_PLATFORM": "xcb",
        "XDG_CONFIG_HOME": str(tmp_path / "xdg-config"),  # Qt's window settings
        "XDG_RUNTIME_DIR": str(tmp_path / "runtime"),
    }
    (tmp_path / "runtime").mkdir(mode=0o700)
    project = tmp_path / "review.db"
    _factcheck("import", "--db", str(project), str(REPO / "seeds"), env=env)
    log = (tmp_path / "app.log").open("w", encoding="utf-8")
    # No reviewer name given or saved: a first start, which must ask nothing before
    # the window (a dialog there would keep the titled window from appearing).
    app = subprocess.Popen([sys.executable, "-m", "factcheck", "--db", str(project)],
                           env=env, stdout=log, stderr=subprocess.STDOUT)  # fmt: skip
    try:
        # The title names the project once it is open and the first article shown.
        window = _wait_for_window(f"^factcheck — {project.name}$", app, tmp_path / "app.log", env)
        geometry = dict(line.split("=", 1) for line in _xdotool(
            "getwindowgeometry", "--shell", window, env=env).split())  # fmt: skip
        width, height = int(geometry["WIDTH"]), int(geometry["HEIGHT"])
        # Put the keyboard in the article text (the middle pane) with a click, then
        # select its first three words with the keyboard and mark them.
        _xdotool("windowfocus", "--sync", window, env=env)
        _xdotool("mousemove", "--window", window, "--sync", str(width // 2), str(height // 2),
                 "click", "1", env=env)  # fmt: skip
        _xdotool("key", "--clearmodifiers", "ctrl+Home", "shift+ctrl+Right", "shift+ctrl+Right",
                 "shift+ctrl+Right", "ctrl+m", env=env)  # fmt: skip
        deadline = time.monotonic() + LIMIT
        while not _claims(project, env) and time.monotonic() < deadline:
            time.sleep(0.5)
        _xdotool("key", "--clearmodifiers", "ctrl+q", env=env)
        assert app.wait(timeout=LIMIT) == 0, (tmp_path / "app.log").read_text(encoding="utf-8")
    finally:
        if app.poll() is None:
            app.kill()
            app.wait()
        log.close()
    claims = _claims(project, env)
    assert len(claims) == 1, (tmp_path / "app.log").read_text(encoding="utf-8")
    (claim,) = claims
    assert claim["article_id"] == 1
    assert claim["quote"] == "The White Helmets"
    assert claim["start"] == 0
    assert claim["reviewer"] == config.system_user_name()
