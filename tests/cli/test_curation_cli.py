"""edit-article, delete-article, tags, tag-edit/merge/delete and codebook through the
command's entry point, with the one-line refusals."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.cli.test_cli import project, run  # noqa: F401  (the fixture)


def test_edit_and_delete_an_article(project: str, capsys: pytest.CaptureFixture[str]) -> None:  # noqa: F811
    assert run(capsys, "edit-article", "--db", project, "3", "--title", "Trapped rescuers",
               "--outlet", "NPR", "--author", "A. Reporter", "--date", "2018-07-22",
               "--url", "https://example.org/a")[0] == 0  # fmt: skip
    _, out, _ = run(capsys, "articles", "--db", project, "--json")
    third = json.loads(out)[2]
    assert (third["title"], third["outlet"], third["published"], third["url"]) == (
        "Trapped rescuers", "NPR", "2018-07-22", "https://example.org/a")
    assert run(capsys, "mark", "--db", project, "3", "--quote", "300")[0] == 0
    code, out, _ = run(capsys, "delete-article", "--db", project, "3")
    assert code == 0 and "with 1 claim" in out
    _, out, _ = run(capsys, "articles", "--db", project, "--json")
    assert [a["id"] for a in json.loads(out)] == [1, 2, 4, 5]
    code, _, err = run(capsys, "delete-article", "--db", project, "3")
    assert code == 1 and err.strip() == "factcheck: no article with id 3"
    code, _, err = run(capsys, "edit-article", "--db", project, "2")
    assert code == 1 and "--title" in err and "Traceback" not in err
    code, _, err = run(capsys, "edit-article", "--db", project, "2", "--title", " ")
    assert code == 1 and "title" in err


def test_tags_and_the_codebook(
    project: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]  # noqa: F811
) -> None:
    run(capsys, "mark", "--db", project, "1", "--quote", "3,000", "--tag", "figures",
        "--tag", "volunteers")  # fmt: skip
    run(capsys, "mark", "--db", project, "2", "--quote", "nearly 3,000", "--tag", "Figures")
    assert run(capsys, "tag-edit", "--db", project, "figures", "--rename", "numbers",
               "--color", "#112233", "--description", "Any figure")[0] == 0  # fmt: skip
    assert run(capsys, "tag-merge", "--db", project, "volunteers", "numbers")[0] == 0
    _, out, _ = run(capsys, "tags", "--db", project, "--json")
    assert json.loads(out) == [{"name": "numbers", "color": "#112233",
                                "description": "Any figure", "claims": 2}]  # fmt: skip
    book = tmp_path / "codebook.csv"
    assert run(capsys, "codebook", "--db", project, "export", str(book))[0] == 0
    assert book.read_bytes().startswith(b"name,color,description,claims\r\n")
    book.write_text("Name,Colour,Description\nsourcing,,Who says so\n", encoding="utf-8")
    code, out, _ = run(capsys, "codebook", "--db", project, "import", str(book))
    assert code == 0 and "1 new tags" in out
    _, out, _ = run(capsys, "tags", "--db", project)
    assert "sourcing" in out and "Who says so" in out
    code, out, _ = run(capsys, "tag-delete", "--db", project, "numbers")
    assert code == 0 and "from 2 claims" in out
    for argv, needle in (
        (["tag-edit", "sourcing", "--color", "blue"], "not a colour"),
        (["tag-edit", "sourcing"], "--rename"),
        (["tag-merge", "sourcing", "nothing"], "no tag named 'nothing'"),
        (["codebook", "import", str(tmp_path / "missing.csv")], "no such file"),
        (["codebook", "import", str(tmp_path)], "folder"),
    ):
        code, _, err = run(capsys, *argv[:1], "--db", project, *argv[1:])
        assert code == 1 and needle in err and "Traceback" not in err, argv
    binary = tmp_path / "b.csv"
    binary.write_bytes(b"\x00\x01name\n")
    code, _, err = run(capsys, "codebook", "--db", project, "import", str(binary))
    assert code == 1 and "binary" in err


def test_codebook_command_through_the_installed_entry_point(
    project: str, tmp_path: Path  # noqa: F811
) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("name,color\nx,notacolour\n", encoding="utf-8")
    argv = [sys.executable, "-m", "factcheck", "--db", project, "codebook", "import", str(bad)]
    done = subprocess.run(argv, capture_output=True, text=True, check=False)
    assert done.returncode == 1
    assert done.stderr.strip() == (f"factcheck: {bad}: row 2: 'notacolour' is not a colour "
                                   "like #1f77b4")  # fmt: skip
