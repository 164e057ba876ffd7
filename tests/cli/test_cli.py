"""Every CLI command, driven as a user types it. Errors are one line, never a traceback."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from factcheck import __version__
from factcheck.cli.main import main

REPO = Path(__file__).resolve().parents[2]


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def project(tmp_path: Path, seeds_dir: Path, capsys: pytest.CaptureFixture[str]) -> str:
    db = str(tmp_path / "t.db")
    assert run(capsys, "import", "--db", db, str(seeds_dir))[0] == 0
    return db


def test_import_seeds_then_again_adds_nothing(
    tmp_path: Path, seeds_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "t.db")
    code, out, _ = run(capsys, "import", "--db", db, str(seeds_dir))
    assert code == 0 and "5 imported, 0 already in the project, 0 refused" in out
    code, out, _ = run(capsys, "import", "--db", db, str(seeds_dir))
    assert code == 0 and "0 imported, 5 already in the project" in out
    code, out, _ = run(capsys, "articles", "--db", db, "--json")
    articles = json.loads(out)
    assert [a["id"] for a in articles] == [1, 2, 3, 4, 5]
    assert (
        articles[1]["title"]
        == "The White Helmets Show The Extraordinary Bravery Of Ordinary Syrians"
    )
    assert articles[1]["published"] == "2016-10-08"
    assert articles[4]["published"] == "2017-10-24"
    assert all(a["title"] and len(a["title"]) <= 121 for a in articles)


def test_import_goes_on_past_refused_files_and_exits_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text("A good article\n\nWith a body.\n")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.md").write_bytes(b"\x00\x01\x02" * 100)
    (folder / "also-good.md").write_text("# Another\n\nBody.\n")
    db = str(tmp_path / "t.db")
    code, out, err = run(capsys, "import", "--db", db, str(folder))
    assert code == 1
    assert "refused: empty.txt: the file is empty" in err
    assert "refused: binary.md: looks like a binary file, not text" in err
    assert "2 imported, 0 already in the project, 2 refused" in out
    assert "Traceback" not in out + err
    code, out, _ = run(capsys, "articles", "--db", db, "--json")
    assert sorted(a["title"] for a in json.loads(out)) == ["A good article", "Another"]


def test_import_json_reports_each_file(
    tmp_path: Path, seeds_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "import", "--db", str(tmp_path / "t.db"), "--json",
                       str(seeds_dir / "001_03b232b3b60840c2.txt"))  # fmt: skip
    (row,) = json.loads(out)
    assert code == 0 and row["outcome"] == "imported" and row["article_id"] == 1


def test_mark_claims_and_search(project: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "mark", "2", "--db", project, "--quote", "nearly 3,000 members",
                       "--status", "contradicted", "--tag", "figures", "--tag", "membership",
                       "--note", "Article 3 says more than 3,000")  # fmt: skip
    assert code == 0
    claim_id = int(out.strip())
    code, out, _ = run(capsys, "mark", "1", "--db", project, "--quote", "White Helmets",
                       "--occurrence", "2")  # fmt: skip
    assert code == 0
    code, out, _ = run(capsys, "claims", "--db", project, "--json")
    claims = json.loads(out)
    first = next(c for c in claims if c["id"] == claim_id)
    assert first["quote"] == "nearly 3,000 members" and first["status"] == "contradicted"
    assert first["tags"] == ["figures", "membership"] and first["end"] - first["start"] == 20
    code, out, _ = run(capsys, "claims", "2", "--db", project)
    assert code == 0 and "nearly 3,000 members" in out and "contradicted" in out
    assert "White Helmets" not in out.split("\n", 1)[1]  # only article 2's claims
    code, out, _ = run(capsys, "search", "--db", project, "more than 3,000", "--json")
    hits = json.loads(out)
    assert {h["article_id"] for h in hits if h["kind"] == "article"} >= {3}
    assert any(h["kind"] == "claim" and h["claim_id"] == claim_id for h in hits)
    code, out, _ = run(capsys, "search", "--db", project, "Nobel")
    assert code == 0 and "[Nobel]" in out


def test_edit_commands(project: str, capsys: pytest.CaptureFixture[str]) -> None:
    a = int(run(capsys, "mark", "2", "--db", project, "--quote", "nearly 3,000 members")[1])
    b = int(run(capsys, "mark", "5", "--db", project, "--quote", "2,700-strong members")[1])
    assert run(capsys, "verdict", str(a), "contradicted", "--db", project)[0] == 0
    assert run(capsys, "tag", str(a), "figures", "x", "--db", project)[0] == 0
    assert run(capsys, "tag", str(a), "x", "--remove", "--db", project)[0] == 0
    code, out, _ = run(capsys, "link", str(a), str(b), "--relation", "contradicts", "--db",
                       project)  # fmt: skip
    assert code == 0 and int(out) > 0
    assert run(capsys, "source", str(a), "https://example.org", "--db", project)[0] == 0
    claims = {c["id"]: c for c in json.loads(run(capsys, "claims", "--db", project, "--json")[1])}
    assert claims[a]["status"] == "contradicted" and claims[a]["tags"] == ["figures"]
    assert run(capsys, "delete-claim", str(b), "--db", project)[0] == 0
    assert b not in {c["id"] for c in json.loads(run(capsys, "claims", "--db", project,
                                                     "--json")[1])}  # fmt: skip


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["mark", "2", "--quote", "not in the text"], "the quote does not occur in article 2"),
        (["mark", "99", "--quote", "x"], "no article with id 99"),
        (["claims", "99"], "no article with id 99"),
        (["verdict", "12345", "corroborated"], "no claim with id 12345"),
        (["link", "1", "1", "--relation", "same-as"], "a claim cannot be evidence for itself"),
        (["link", "7", "8", "--relation", "same-as"], "no claim with id 7"),
        (["mark", "2", "--quote", "White Helmets", "--occurrence", "50"], "not 50"),
    ],
)
def test_errors_are_one_clear_line(
    project: str, capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    code, _out, err = run(capsys, *argv, "--db", project)
    assert code == 1
    assert err.startswith("factcheck: ") and message in err
    assert err.count("\n") == 1 and "Traceback" not in err


def test_a_file_that_is_not_a_project(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bogus = tmp_path / "notes.txt"
    bogus.write_text("hello " * 1000)
    code, _, err = run(capsys, "articles", "--db", str(bogus))
    assert code == 1 and "notes.txt: not a factcheck project file" in err
    assert bogus.read_text() == "hello " * 1000


def test_db_option_works_before_the_command(
    project: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "--db", project, "articles", "--json")
    assert code == 0 and len(json.loads(out)) == 5


def test_default_project_is_seeded_on_first_use(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "articles", "--json")
    assert code == 0 and len(json.loads(out)) == 5
    assert (Path(os.environ["FACTCHECK_DATA_DIR"]) / "factcheck.db").exists()


def test_internal_errors_are_logged_not_shown(
    project: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from factcheck.store import queries

    def boom(*_: object) -> None:
        raise RuntimeError("simulated bug")

    monkeypatch.setattr(queries, "list_articles", boom)
    code, _out, err = run(capsys, "articles", "--db", project)
    assert code == 3
    assert "internal error: RuntimeError: simulated bug; details in" in err
    assert "Traceback" not in err
    log = Path(os.environ["FACTCHECK_DATA_DIR"]) / "logs" / "factcheck.log"
    assert "Traceback" in log.read_text()


def test_real_entry_points(tmp_path: Path, seeds_dir: Path) -> None:
    """The installed console script and ``python -m factcheck`` both work."""
    exe = Path(sys.executable).with_name("factcheck")
    env = dict(os.environ)
    out = subprocess.run([str(exe), "--version"], capture_output=True, text=True, env=env)
    assert out.returncode == 0 and out.stdout.strip() == f"factcheck {__version__}"
    db = str(tmp_path / "t.db")
    out = subprocess.run([sys.executable, "-m", "factcheck", "import", "--db", db, str(seeds_dir)],
                         capture_output=True, text=True, env=env)  # fmt: skip
    assert out.returncode == 0, out.stderr
    out = subprocess.run([str(exe), "articles", "--db", db, "--json"], capture_output=True,
                         text=True, env=env)  # fmt: skip
    assert len(json.loads(out.stdout)) == 5
    out = subprocess.run([str(exe), "mark", "1", "--db", db, "--quote", "nope"],
                         capture_output=True, text=True, env=env)  # fmt: skip
    assert out.returncode == 1 and out.stderr.startswith("factcheck: ")
    assert "Traceback" not in out.stderr
    out = subprocess.run([str(exe), "frobnicate"], capture_output=True, text=True, env=env)
    assert out.returncode == 2 and "invalid choice" in out.stderr
