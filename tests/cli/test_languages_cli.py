"""``factcheck article-lang`` and the language column of ``factcheck articles``."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / "data" / "languages"
EXE = Path(sys.executable).with_name("factcheck")


def _run(*argv: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(EXE), *argv], capture_output=True, text=True,
                          env=dict(os.environ))  # fmt: skip


def test_show_and_correct_an_articles_language(tmp_path: Path) -> None:
    db = str(tmp_path / "t.db")
    out = _run("import", "--db", db, str(DATA / "ar.txt"), str(DATA / "mixed.txt"))
    assert out.returncode == 0, out.stderr
    out = _run("articles", "--db", db, "--json")
    assert [a["language"] for a in json.loads(out.stdout)] == ["ar", "en"]
    assert " ar " in _run("articles", "--db", db).stdout
    out = _run("article-lang", "2", "--db", db)
    assert out.stdout.strip() == "article 2: language en, direction ltr"
    out = _run("article-lang", "2", "--db", db, "--lang", "ar", "--dir", "rtl", "--json")
    assert json.loads(out.stdout) == {"id": 2, "language": "ar", "direction": "rtl"}
    out = _run("article-lang", "2", "--db", db, "--dir", "auto")
    assert out.stdout.strip() == "article 2: language ar, direction auto"


def test_bad_input_is_one_line(tmp_path: Path) -> None:
    db = str(tmp_path / "t.db")
    assert _run("import", "--db", db, str(DATA / "he.txt")).returncode == 0
    out = _run("article-lang", "1", "--db", db, "--lang", "Hebrew!")
    assert out.returncode == 1 and out.stderr.count("\n") == 1
    assert "not a language tag" in out.stderr and "Traceback" not in out.stderr
    out = _run("article-lang", "9", "--db", db, "--lang", "he")
    assert out.returncode == 1 and "no article with id 9" in out.stderr
    out = _run("article-lang", "1", "--db", db, "--dir", "up")
    assert out.returncode == 2 and "invalid choice" in out.stderr
    assert _run("article-lang", "1", "--db", db).stdout.strip() == \
        "article 1: language he, direction rtl"  # fmt: skip
