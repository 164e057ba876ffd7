"""The name recorded before the reviewer gives one: the account's full name, else the
login name. The window and the command line use the same one."""

from __future__ import annotations

import getpass
import json
import os
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

from factcheck import config

pwd = pytest.importorskip("pwd")


def _gecos(monkeypatch: pytest.MonkeyPatch, gecos: str) -> None:
    monkeypatch.setattr(pwd, "getpwuid", lambda uid: SimpleNamespace(pw_gecos=gecos))


def test_full_name_from_the_account(monkeypatch: pytest.MonkeyPatch) -> None:
    _gecos(monkeypatch, "Ana Reviewer,Room 4,555,")
    assert config.system_user_name() == "Ana Reviewer"
    assert config.Config().reviewer_or_login() == "Ana Reviewer"
    assert config.Config(reviewer=" Bo ").reviewer_or_login() == "Bo"


def test_login_name_when_the_account_has_no_full_name(monkeypatch: pytest.MonkeyPatch) -> None:
    _gecos(monkeypatch, ",,,")
    monkeypatch.setattr(getpass, "getuser", lambda: "ana")
    assert config.system_user_name() == "ana"

    def no_user() -> str:
        raise OSError("no login name")

    monkeypatch.setattr(getpass, "getuser", no_user)
    assert config.system_user_name() == "reviewer"


def test_the_command_line_records_the_same_name(tmp_path: Path) -> None:
    project = tmp_path / "p.db"
    run = [sys.executable, "-m", "factcheck", "--db", str(project)]
    subprocess.run([*run, "import", str(Path(__file__).parent.parent / "seeds")], check=True,
                   capture_output=True)  # fmt: skip
    subprocess.run([*run, "mark", "1", "--quote", "volunteer rescue workers"], check=True,
                   capture_output=True)  # fmt: skip
    out = subprocess.run([*run, "claims", "--json"], check=True, capture_output=True, text=True)
    (claim,) = json.loads(out.stdout)
    assert claim["reviewer"] == config.system_user_name()
    assert os.environ["FACTCHECK_CONFIG_DIR"]  # the user's real preferences are not read
