"""Faults found by attacking the command line: file names that are not UTF-8, numbers
SQLite cannot hold, terminal escape sequences in what the CLI prints."""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO
from tests.hostile.conftest import Run, dump, one_line_naming

HUGE = "99999999999999999999"  # > 2**63


def test_a_file_name_that_is_not_utf8_does_not_stop_the_batch(
    tmp_path: Path, run: Run
) -> None:
    folder = tmp_path / "d"
    folder.mkdir()
    bad = os.fsencode(folder) + b"/bad\xff.txt"
    with open(bad, "wb") as fh:
        fh.write(b"A title\n\nSome words of an article.\n")
    (folder / "good.txt").write_text("Good one\n\nOther words here.\n", encoding="utf-8")
    db = tmp_path / "p.db"
    code, out, err = run("import", "--db", db, folder)
    assert code == 0, err
    assert "bad\\xff.txt: imported as article" in out
    assert "2 imported" in out
    code, out, _ = run("articles", "--db", db, "--json")
    assert code == 0 and len(json.loads(out)) == 2
    code, out, _ = run("revisions", "--db", db, "1", "--json")
    assert code == 0 and json.loads(out)[0]["source_path"].endswith("bad\\xff.txt")


def test_a_file_name_that_is_not_utf8_through_a_real_terminal_pipe(tmp_path: Path) -> None:
    """Same through the installed entry point: stdout is a pipe with strict UTF-8."""
    folder = tmp_path / "d"
    folder.mkdir()
    with open(os.fsencode(folder) + b"/\xfe\xff.md", "wb") as fh:
        fh.write(b"# T\n\nwords\n")
    proc = subprocess.run(
        [sys.executable, "-m", "factcheck", "import", "--db", str(tmp_path / "p.db"),
         str(folder), "--json"],
        capture_output=True, env={**os.environ, "PYTHONIOENCODING": "utf-8"}, cwd=REPO,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    report = json.loads(proc.stdout)
    assert report[0]["outcome"] == "imported" and report[0]["path"].endswith("\\xfe\\xff.md")


COMMANDS_WITH_IDS = [
    ["verdict", HUGE, "corroborated"],
    ["claims", HUGE],
    ["delete-claim", HUGE],
    ["review", HUGE],
    ["revisions", "1", "--show", HUGE],
    ["revisions", HUGE],
    ["search", "x", "--limit", HUGE],
    ["mark", HUGE, "--quote", "x"],
    ["mark", "1", "--quote", "x", "--occurrence", HUGE],
    ["tag", HUGE, "t"],
    ["link", "1", HUGE, "--relation", "same-as"],
    ["source", HUGE, "https://example.org"],
    ["confirm", HUGE],
    ["reattach", "1", "--start", "0", "--end", HUGE],
    ["report", "-f", "json", "-o", "x.json", "--article", HUGE],
    ["import", "--update", HUGE, "x.txt"],
    ["verdict", "1" + "0" * 5000, "corroborated"],
    ["verdict", "²", "corroborated"],
    ["verdict", "٣", "corroborated"],
    ["verdict", "-1", "corroborated"],
    ["verdict", "0", "corroborated"],
    ["verdict", "1_000", "corroborated"],
    ["search", "x", "--limit", "0"],
]


@pytest.mark.parametrize("argv", COMMANDS_WITH_IDS, ids=lambda a: " ".join(a)[:40])
def test_numbers_sqlite_cannot_hold_are_refused_by_the_parser(
    argv: list[str], project: Path, run: Run
) -> None:
    before = dump(project)
    code, _, err = run(*argv, "--db", project)
    assert code == 2, err
    assert "error: argument" in err and "Traceback" not in err
    assert len(err) < 2000  # a 5,000-digit number is not echoed back whole
    assert dump(project) == before


def test_the_largest_id_sqlite_holds_is_simply_not_found(project: Path, run: Run) -> None:
    code, _, err = run("verdict", str(2**63 - 1), "corroborated", "--db", project)
    assert code == 1 and one_line_naming(err, str(2**63 - 1))


ESCAPES = "\x1b]0;owned\x07\x1b[2J\x1b[31mred\x9b1m\r\u202eevil"


def test_terminal_escapes_in_titles_and_names_are_shown_not_run(tmp_path: Path, run: Run) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    name = "x\x1b[2Jy.txt"
    (folder / name).write_text(f"{ESCAPES} title\n\nbody words\n", encoding="utf-8")
    db = tmp_path / "p.db"
    code, out, err = run("import", "--db", db, folder)
    assert code == 0
    code2, out2, _ = run("articles", "--db", db)
    code3, out3, _ = run("search", "--db", db, "title")
    code4, out4, _ = run("revisions", "--db", db, "1", "--show", "1")
    code5, out5, _ = run("articles", "--db", db, "--json")
    assert (code2, code3, code4, code5) == (0, 0, 0, 0)
    for text in (out, err, out2, out3, out4, out5):
        assert not any(ch in text for ch in "\x1b\x07\x9b\r\u202e"), repr(text)
    assert "x\\x1b[2Jy.txt" in out
    assert "\\x1b]0;owned\\x07" in out2
    assert json.loads(out5)[0]["title"].startswith("\x1b]0;owned")  # JSON keeps the data


def test_an_error_message_with_escapes_is_escaped(tmp_path: Path, run: Run) -> None:
    bad = tmp_path / "no\x1b[31mfile.json"
    code, _, err = run("import-annotations", bad, "--db", tmp_path / "p.db")
    assert code == 1 and "\x1b" not in err and "no\\x1b[31mfile.json" in err


def test_update_from_a_file_name_that_is_not_utf8(project: Path, tmp_path: Path, run: Run) -> None:
    name = os.fsencode(tmp_path) + b"/new\xff.txt"
    with open(name, "wb") as fh:
        fh.write(b"A new text\n\nWith other words than before.\n")
    code, out, err = run("import", "--db", project, "--update", "4", os.fsdecode(name))
    assert code == 0, err
    assert out.startswith("new\\xff.txt: updated article 4")
    code, out, _ = run("revisions", "--db", project, "4", "--json")
    assert json.loads(out)[-1]["source_path"].endswith("new\\xff.txt")


def test_an_unrecognised_argument_with_escapes_is_shown_escaped(project: Path, run: Run) -> None:
    code, _, err = run("articles", "--db", project, "\x1b[31mX")
    assert code == 2 and "\x1b" not in err and "\\x1b[31mX" in err


def _actions(parser: argparse.ArgumentParser) -> list[tuple[str, argparse.Action]]:
    found = []
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, child in action.choices.items():
                found += [(f"{name} {n}".strip(), a) for n, a in _actions(child)]
        else:
            found.append(("", action))
    return found


def test_every_numeric_argument_uses_the_shared_type() -> None:
    """A new command cannot bring back plain ``type=int`` (and its OverflowError)."""
    from factcheck.cli import argtypes
    from factcheck.cli.main import build_parser

    shared = {argtypes.row_id, argtypes.positive, argtypes.offset}
    plain = [f"{where} {a.dest}" for where, a in _actions(build_parser()) if a.type is int]
    assert plain == []
    assert sum(a.type in shared for _, a in _actions(build_parser())) >= 15
