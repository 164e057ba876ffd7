"""The figures commands through the entry point, as a user types them."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "factcheck", *args], capture_output=True,
                          text=True, cwd=REPO, timeout=120)  # fmt: skip


def test_facts_figures_and_edits(tmp_path: Path) -> None:
    db = str(tmp_path / "p.db")
    assert _run("import", "--db", db, str(REPO / "seeds")).returncode == 0
    out = _run("facts", "--db", db, "--conflicts", "--json")
    assert out.returncode == 0, out.stderr
    facts = json.loads(out.stdout)
    assert {f["measure"] for f in facts} == {"size members", "founded"}
    members = next(f for f in facts if f["measure"] == "size members")
    assert members["conflict_count"] == 5 and all(c["reason"] for c in members["conflicts"])
    table = _run("facts", "--db", db)
    assert "lives saved" in table.stdout and "rising" in table.stdout
    figs = json.loads(_run("figures", "2", "--db", db, "--json").stdout)
    nearly = next(f for f in figs if f["text"] == "nearly 3,000")
    assert (nearly["hedge"], nearly["unit"], nearly["fact"]) == (
        "nearly", "members", members["key"])
    fid = str(members["id"])
    assert _run("fact", "rename", fid, "Size", "--db", db).returncode == 0
    shown = _run("fact", "show", fid, "--db", db)
    assert shown.stdout.startswith(f"fact {fid}: Size") and "conflict:" in shown.stdout
    assert _run("fact", "dismiss", str(nearly["id"]), "--db", db).returncode == 0
    after = json.loads(_run("fact", "show", fid, "--db", db, "--json").stdout)
    assert "nearly 3,000" not in {f["text"] for f in after["figures"]}
    founded = next(f for f in facts if f["measure"] == "founded")
    claims = _run("fact", "claims", str(founded["id"]), "--db", db)
    assert claims.returncode == 0 and len(claims.stdout.split()) == 2


def test_bad_input_is_one_line(tmp_path: Path) -> None:
    db = str(tmp_path / "p.db")
    _run("import", "--db", db, str(REPO / "seeds"))
    for args in (("fact", "show", "9999"), ("fact", "dismiss", "9999"),
                 ("fact", "rename", "1", " "), ("figures", "77")):  # fmt: skip
        out = _run(*args, "--db", db)
        assert out.returncode == 1 and out.stderr.count("\n") == 1, (args, out.stderr)
        assert "Traceback" not in out.stderr
    assert _run("fact", "--db", db).returncode == 2


def test_report_has_figures_that_disagree_in_every_format(tmp_path: Path) -> None:
    db = str(tmp_path / "p.db")
    _run("import", "--db", db, str(REPO / "seeds"))
    for fmt in ("html", "md", "json"):
        out = tmp_path / f"r.{fmt}"
        done = _run("report", "--db", db, "--format", fmt, "-o", str(out))
        assert done.returncode == 0, done.stderr
        text = out.read_text(encoding="utf-8")
        if fmt == "json":
            facts = json.loads(text)["figures_that_disagree"]
            assert {f["kind"] for f in facts} == {"level", "fixed"}
            assert any("different years" in r for f in facts for r in f["reasons"])
        else:
            assert "Figures that disagree" in text and "founding year" in text
            assert "nearly 3,000" in text and "2,700" in text
