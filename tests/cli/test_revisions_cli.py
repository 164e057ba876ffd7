"""The command line for revisions: import --update, revisions, review, confirm, reattach,
and the placement in ``claims --json``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from factcheck.cli.main import main

TEXT = (
    "The council approved the budget on Monday. Spending on schools rises by 4 percent "
    "this year, the finance director said.\n\nThe mayor said the plan would create 300 new "
    "jobs. Critcs called the figure optimistic.\n\nConstruction starts in May."
)


def run(capsys: pytest.CaptureFixture[str], db: Path, *args: str) -> tuple[int, str, str]:
    code = main(["--db", str(db), "--reviewer", "tess", *args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def project(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    """A project with one article (id 1) and three claims (ids 1-3)."""
    db = tmp_path / "p.factcheck"
    (tmp_path / "budget.txt").write_text(TEXT, encoding="utf-8")
    assert run(capsys, db, "import", str(tmp_path / "budget.txt"))[0] == 0
    for quote in ("Spending on schools rises by 4 percent", "Critcs called the figure optimistic",
                  "Construction starts in May"):  # fmt: skip
        assert run(capsys, db, "mark", "1", "--quote", quote)[0] == 0
    return db


def test_import_update_creates_a_revision(
    project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    new = tmp_path / "budget-v2.txt"
    edited = TEXT.replace("Critcs", "Critics")
    new.write_text(edited.replace("Construction starts in May.", "Work begins later."), "utf-8")
    code, out, err = run(capsys, project, "import", "--update", "1", str(new))
    assert (code, err) == (0, "")
    assert out == (
        "budget-v2.txt: updated article 1 (revision 2): 1 exact, 0 moved, 1 fuzzy, 1 orphaned\n"
    )
    code, out, _ = run(capsys, project, "claims", "1", "--json")
    claims = {c["id"]: c for c in json.loads(out)}
    assert [claims[i]["placement"] for i in (1, 2, 3)] == ["exact", "fuzzy", "orphaned"]
    assert claims[2]["quote"] == "Critics called the figure optimistic"
    assert claims[2]["original_quote"] == "Critcs called the figure optimistic"
    assert 0 < claims[2]["placement_score"] < 1
    assert claims[1]["original_quote"] == "" and claims[1]["placement_score"] == 1.0

    code, out, _ = run(capsys, project, "revisions", "1", "--json")
    revs = json.loads(out)
    assert [(r["number"], r["source"], r["current"]) for r in revs] == [
        (1, "import", False), (2, "update-import", True)
    ]  # fmt: skip
    assert revs[1]["source_path"] == str(new) and revs[1]["reviewer"] == "tess"
    code, out, _ = run(capsys, project, "revisions", "1", "--show", "1")
    assert out == TEXT + "\n"
    code, out, _ = run(capsys, project, "revisions", "1")
    assert out.splitlines()[0].split() == ["REV", "CREATED", "REVIEWER", "SOURCE", "CHARS",
                                           "FILE"]  # fmt: skip
    assert out.splitlines()[2].startswith("2 *")


def test_update_with_same_text_is_a_no_op(
    project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    same = tmp_path / "same.txt"
    same.write_text(TEXT, "utf-8")
    code, out, _ = run(capsys, project, "import", "--update", "1", str(same), "--json")
    (row,) = json.loads(out)
    assert (code, row["outcome"], row["revision"]) == (0, "unchanged", 1)


@pytest.mark.parametrize(("args", "message"), [
    (["import", "--update", "9", "{f}"], "factcheck: no article with id 9\n"),
    (["import", "--update", "1", "{f}", "{f}"], "factcheck: --update takes exactly one file\n"),
    (["import", "--update", "1", "{missing}"], "no such file"),
    (["revisions", "1", "--show", "5"], "factcheck: article 1 has no revision 5\n"),
    (["confirm", "3"], "is orphaned"),
    (["reattach", "3"], "needs either --quote or both --start and --end"),
    (["reattach", "3", "--quote", "nowhere to be found"], "occurs 0 times in article 1"),
])  # fmt: skip
def test_errors_are_one_line(
    project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str],
    message: str,
) -> None:
    f = tmp_path / "v.txt"
    f.write_text("Construction is cancelled. " + TEXT.replace("Construction starts in May.", ""),
                 "utf-8")  # fmt: skip
    assert run(capsys, project, "import", "--update", "1", str(f))[0] == 0  # claim 3 orphaned
    argv = [a.format(f=f, missing=tmp_path / "missing.txt") for a in args]
    code, out, err = run(capsys, project, *argv)
    assert code == 1 and out == ""
    assert message in err and err.count("\n") == 1


def test_review_confirm_and_reattach(
    project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    new = tmp_path / "v2.txt"
    edited = TEXT.replace("Critcs", "Critics")
    new.write_text(edited.replace("Construction starts in May.", "Building begins in June."),
                   "utf-8")  # fmt: skip
    run(capsys, project, "import", "--update", "1", str(new))
    _code, out, _ = run(capsys, project, "review", "--json")
    assert [(c["id"], c["placement"]) for c in json.loads(out)] == [(2, "fuzzy"), (3, "orphaned")]
    _code, out, _ = run(capsys, project, "review", "1")
    assert "Critcs called the figure optimistic" in out and "orphaned" in out

    assert run(capsys, project, "confirm", "2")[0] == 0
    assert run(capsys, project, "reattach", "3", "--quote", "Building begins in June")[0] == 0
    _code, out, _ = run(capsys, project, "review")
    assert out == "no claims need review\n"
    claims = {c["id"]: c for c in json.loads(run(capsys, project, "claims", "--json")[1])}
    assert (claims[3]["quote"], claims[3]["placement"]) == ("Building begins in June", "exact")
    assert (claims[2]["quote"], claims[2]["placement"]) == (
        "Critics called the figure optimistic", "exact"
    )  # fmt: skip
    start = claims[1]["start"]
    assert run(capsys, project, "reattach", "1", "--start", str(start),
               "--end", str(start + 8))[0] == 0  # fmt: skip
    assert json.loads(run(capsys, project, "claims", "--json")[1])[0]["quote"] == "Spending"


def test_plain_import_of_same_url_updates(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "p.factcheck"
    first = tmp_path / "one.txt"
    first.write_text("URL: https://news.example/budget\n\n" + TEXT, "utf-8")
    second = tmp_path / "two.txt"
    second.write_text("URL: https://news.example/budget\n\n" + TEXT.replace("Monday", "Tuesday"),
                      "utf-8")  # fmt: skip
    _code, out, _ = run(capsys, db, "import", str(first), str(second), "--json")
    rows = json.loads(out)
    assert [(r["outcome"], r["article_id"], r["revision"]) for r in rows] == [
        ("imported", 1, None), ("updated", 1, 2)
    ]  # fmt: skip
    assert rows[1]["placements"] == {"exact": 0, "moved": 0, "fuzzy": 0, "orphaned": 0}
