"""``factcheck sync``, ``conflicts``, ``resolve-conflict`` and ``adjudicate`` as a desk of
reviewers types them; mistakes are one line and exit 1, never a traceback."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from factcheck.cli.main import main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def desk(tmp_path: Path, seeds_dir: Path, capsys: pytest.CaptureFixture[str]) -> dict[str, str]:
    """Ana sets the project up, marks a claim and exports; Ben and Cy start empty
    projects and pull (the workflow the README gives)."""
    shared = str(tmp_path / "shared")
    ana = str(tmp_path / "ana.factcheck")
    assert run(capsys, "--reviewer", "ana", "import", "--db", ana, str(seeds_dir))[0] == 0
    code, out, _ = run(capsys, "--reviewer", "ana", "mark", "1", "--db", ana,
                       "--quote", "White Helmets")  # fmt: skip
    assert code == 0 and out.strip() == "1"
    code, out, _ = run(capsys, "--reviewer", "ana", "sync", "export", "--db", ana,
                       "--to", shared)  # fmt: skip
    assert code == 0 and out.startswith(f"wrote {shared}/ana-") and "changes)" in out
    paths = {"ana": ana, "shared": shared}
    for name in ("ben", "cy"):
        paths[name] = str(tmp_path / f"{name}.factcheck")
        code, out, _ = run(capsys, "--reviewer", name, "sync", "pull", "--db", paths[name],
                           "--from", shared)  # fmt: skip
        assert code == 0 and "applied ana-" in out
    return paths


def _as(capsys: pytest.CaptureFixture[str], who: str, desk: dict[str, str],
        *argv: str) -> tuple[int, str, str]:  # fmt: skip
    return run(capsys, "--reviewer", who, "--db", desk[who], *argv)


def test_a_desk_of_three_disagrees_and_adjudicates(
    desk: dict[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    shared = desk["shared"]
    assert _as(capsys, "ana", desk, "verdict", "1", "contradicted")[0] == 0
    assert _as(capsys, "ben", desk, "verdict", "1", "corroborated")[0] == 0
    for who in ("ana", "ben", "cy"):
        code, out, _ = _as(capsys, who, desk, "sync", "export", "--to", shared)
        assert code == 0
        code, out, err = _as(capsys, who, desk, "sync", "pull", "--from", shared)
        assert code == 0 and err == ""
    code, out, _ = _as(capsys, "ana", desk, "sync", "pull", "--from", shared)
    assert code == 0 and "applied ben-" in out and "1 conflicts" in out
    assert "conflicts wait for adjudication" in out
    code, out, _ = _as(capsys, "ana", desk, "conflicts", "--json")
    (conflict,) = json.loads(out)
    assert (conflict["claim_id"], conflict["field"], conflict["kind"]) == (1, "status", "edit/edit")
    assert {conflict["local"], conflict["incoming"]} == {"contradicted", "corroborated"}
    code, out, _ = _as(capsys, "ana", desk, "conflicts")
    assert "edit/edit" in out and "corroborated" in out
    code, out, _ = _as(capsys, "ana", desk, "agreement", "--json")
    figures = json.loads(out)
    assert figures["reviewers"] == ["ana", "ben"]
    assert figures["project"]["percent_agreement"] == 0.0
    assert figures["project"]["claims_judged_by_two_or_more"] == 1
    code, out, _ = _as(capsys, "ana", desk, "agreement", "--article", "1")
    assert code == 0 and "VERDICT ALPHA" in out and "0.0%" in out
    # cy, who did not judge, settles it by taking ben's verdict
    code, out, _ = _as(capsys, "cy", desk, "adjudicate", "1", "--accept", "ben",
                       "--note", "the 2016 census")  # fmt: skip
    assert code == 0 and "corroborated (adjudicated by cy)" in out
    assert _as(capsys, "cy", desk, "sync", "export", "--to", shared)[0] == 0
    for who in ("ana", "ben"):
        assert _as(capsys, who, desk, "sync", "pull", "--from", shared)[0] == 0
        code, out, _ = _as(capsys, who, desk, "claims", "--json")
        (claim,) = json.loads(out)
        assert (claim["status"], claim["adjudicated_by"]) == ("corroborated", "cy")
        assert json.loads(_as(capsys, who, desk, "conflicts", "--json")[1]) == []
    code, out, _ = _as(capsys, "ana", desk, "conflicts", "--all", "--json")
    assert json.loads(out)[0]["status"] == "resolved"


def test_resolve_conflict_takes_the_other_note(
    desk: dict[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    shared = desk["shared"]
    for who in ("ana", "ben"):
        code, _, _ = _as(capsys, who, desk, "tag", "1", "figures")
        assert code == 0
    # notes are set through the ops layer by the window; the CLI has no note command,
    # so the conflict here comes from two verdicts, and the note test is in the store tests
    _as(capsys, "ana", desk, "verdict", "1", "inconclusive")
    _as(capsys, "ben", desk, "verdict", "1", "contradicted")
    for who in ("ana", "ben", "ana"):
        _as(capsys, who, desk, "sync", "export", "--to", shared)
        _as(capsys, who, desk, "sync", "pull", "--from", shared)
    code, out, _ = _as(capsys, "ana", desk, "conflicts", "--json")
    (conflict,) = json.loads(out)
    code, _, _ = _as(capsys, "ana", desk, "resolve-conflict", str(conflict["id"]),
                     "--keep", "incoming")  # fmt: skip
    assert code == 0
    claim = json.loads(_as(capsys, "ana", desk, "claims", "--json")[1])[0]
    assert claim["status"] == "contradicted" and claim["tags"] == ["figures"]
    code, _, err = _as(capsys, "ana", desk, "resolve-conflict", str(conflict["id"]),
                       "--keep", "local")  # fmt: skip
    assert code == 1 and err.count("\n") == 1 and "already resolved" in err


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["sync", "pull", "--from", "{tmp}/nowhere"], "no such folder"),
        (["sync", "export", "--to", "{tmp}/afile"], "is a file, not a folder"),
        (["adjudicate", "1"], "give a STATUS or --accept REVIEWER"),
        (["adjudicate", "1", "corroborated", "--accept", "ben"], "one of them"),
        (["adjudicate", "1", "--accept", "nobody"], "'nobody' has given claim 1 no verdict"),
        (["adjudicate", "99", "corroborated"], "no claim with id 99"),
        (["resolve-conflict", "5", "--keep", "local"], "no conflict with id 5"),
        (["agreement", "--article", "99"], "no article with id 99"),
    ],
)
def test_mistakes_are_one_line(
    desk: dict[str, str], capsys: pytest.CaptureFixture[str], tmp_path: Path,
    argv: list[str], message: str,
) -> None:  # fmt: skip
    (tmp_path / "afile").write_text("x")
    argv = [a.replace("{tmp}", str(tmp_path)) for a in argv]
    code, _, err = _as(capsys, "ana", desk, *argv)
    assert code == 1 and message in err and err.count("\n") == 1


def test_a_bad_file_in_the_folder_is_named_and_the_rest_applied(
    desk: dict[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    shared = Path(desk["shared"])
    _as(capsys, "ben", desk, "verdict", "1", "corroborated")
    _as(capsys, "ben", desk, "sync", "export", "--to", str(shared))
    bad = shared / "eve-20200101T000000000Z-000000.fcsync"
    bad.write_bytes(b"FACTCHECK-CHANGESET 1\n{\"image_version\": 1}\n\x00garbage")
    proc = subprocess.run(
        [sys.executable, "-m", "factcheck.cli.main", "--db", desk["cy"], "sync", "pull",
         "--from", str(shared)],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert proc.returncode == 1
    assert proc.stderr.strip().startswith(f"factcheck: {bad}:") and proc.stderr.count("\n") == 1
    assert "Traceback" not in proc.stderr and "applied ben-" in proc.stdout
