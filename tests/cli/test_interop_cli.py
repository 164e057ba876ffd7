"""The CLI side of the interchange work: authors in ``articles --json``, the project's
settings, the Datasette configuration, and what the exports say is missing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from factcheck.cli.main import main
from tests.conftest import DATA


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def project(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    db = str(tmp_path / "p" / "t.db")
    pages = DATA / "extraction"
    files = [str(pages / n) for n in ("01-harbour-ferry.html", "06-duplicate-author.html")]
    assert run(capsys, "import", "--db", db, *files)[0] == 0
    return db


def test_articles_json_has_the_cleaned_author(
    project: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "articles", "--db", project, "--json")
    assert code == 0
    assert [a["author"] for a in json.loads(out)] == ["Joshua Sokol", "Jeffrey Gettleman"]


def test_settings_set_show_and_refuse_a_bad_url(
    project: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "settings", "--db", project, "--json")
    assert code == 0 and json.loads(out) == {"organisation": "", "organisation_url": ""}
    code, out, _ = run(capsys, "settings", "--db", project, "--organisation", "Fact Desk",
                       "--organisation-url", "https://factdesk.example/")  # fmt: skip
    assert code == 0
    assert "organisation: Fact Desk" in out and "https://factdesk.example/" in out
    code, out, err = run(capsys, "settings", "--db", project, "--organisation-url", "javascript:x")
    assert code == 1 and out == ""
    assert err.count("\n") == 1 and "not an http(s) address" in err
    code, out, _ = run(capsys, "settings", "--db", project, "--json")
    assert json.loads(out)["organisation_url"] == "https://factdesk.example/"  # untouched


def test_datasette_config_for_the_file(project: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "datasette-config", "--db", project)
    assert code == 0
    tables = json.loads(out)["databases"]["t"]["tables"]
    assert tables["claims"]["label_column"] == "quote"
    assert "claims_view" in tables
