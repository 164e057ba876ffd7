"""``make run``'s offer to install the missing packages (as root, at a terminal): it
asks first, "no" runs nothing, "yes" runs the command and checks again. The problem
found is injected; the command run is a real process that leaves a mark."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

from factcheck.preflight import __main__ as preflight_main
from factcheck.preflight.check import Problem


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def _setup(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, answer: str,
           results: list[Problem | None]) -> Path:  # fmt: skip
    mark = tmp_path / "installed"
    install = (sys.executable, "-c", f"open({str(mark)!r}, 'w').close()")
    found = iter([Problem("Qt's X11 platform needs libxcb-icccm.so.4", install), *results])
    monkeypatch.setattr(preflight_main, "diagnose", lambda: next(found))
    monkeypatch.setattr(sys, "stdin", Terminal(answer))
    monkeypatch.setattr(preflight_main, "is_root", lambda: True)
    return mark


def test_no_runs_nothing(monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
                         capsys: pytest.CaptureFixture[str]) -> None:  # fmt: skip
    mark = _setup(monkeypatch, tmp_path, "n\n", [])
    assert preflight_main.main(["--offer-install"]) == 1
    assert not mark.exists()
    out, err = capsys.readouterr()
    assert "now? [y/N]" in out and "libxcb-icccm.so.4" in err


def test_yes_installs_and_checks_again(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    mark = _setup(monkeypatch, tmp_path, "y\n", [None])
    assert preflight_main.main(["--offer-install"]) == 0
    assert mark.exists()


def test_still_broken_after_installing(monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
                                       capsys: pytest.CaptureFixture[str]) -> None:  # fmt: skip
    mark = _setup(monkeypatch, tmp_path, "yes\n", [Problem("still missing: libfoo.so.1")])
    assert preflight_main.main(["--offer-install"]) == 1
    assert mark.exists() and "still missing: libfoo.so.1" in capsys.readouterr().err


def test_without_the_option_nothing_is_asked(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    mark = _setup(monkeypatch, tmp_path, "y\n", [])
    assert preflight_main.main([]) == 1
    assert not mark.exists() and "[y/N]" not in capsys.readouterr().out


def test_not_root_is_not_asked(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    mark = _setup(monkeypatch, tmp_path, "y\n", [])
    monkeypatch.setattr(preflight_main, "is_root", lambda: False)
    assert preflight_main.main(["--offer-install"]) == 1
    assert not mark.exists()
