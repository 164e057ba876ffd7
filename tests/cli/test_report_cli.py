"""``factcheck report`` and ``factcheck import-annotations`` from the command line."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from factcheck.cli.main import main
from factcheck.core.report.formats import FORMAT_NAMES
from factcheck.store import importer, queries
from factcheck.store.project import connect
from tests.conftest import REPO
from tests.core.test_report_corpus import Corpus, review_seed_corpus


@pytest.fixture
def project(tmp_path: Path) -> tuple[Path, Corpus]:
    path = tmp_path / "project" / "p.db"  # its own folder: SQLite adds -wal/-shm files
    db = connect(path)
    importer.import_paths(db, [REPO / "seeds"], "tester")
    corpus = review_seed_corpus(db)
    db.close()
    return path, corpus


def _text(path: Path, fmt: str) -> str:
    if fmt == "claimreview-html":  # a folder: one page per judged claim and an index
        return "\n".join(p.read_text(encoding="utf-8") for p in sorted(path.glob("*.html")))
    if fmt == "pdf":
        return "\n".join(page.extract_text() for page in PdfReader(path).pages)
    return path.read_text(encoding="utf-8")


@pytest.mark.parametrize("fmt", FORMAT_NAMES)
def test_every_format(
    fmt: str, project: tuple[Path, Corpus], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db, _ = project
    out = tmp_path / f"report.{fmt}"
    assert main(["report", "--format", fmt, "-o", str(out), "--db", str(db)]) == 0
    said = capsys.readouterr()
    if fmt.startswith("claimreview"):  # no organisation configured here: the CLI says so
        assert [line[:6] for line in said.err.splitlines()] == ["note: ", "note: "]
    else:
        assert said.err == ""
    assert said.out.strip() == f"wrote {out} ({fmt}): 7 claims from 5 articles"
    text = _text(out, fmt)
    if fmt == "csv":
        assert len(list(csv.reader(io.StringIO(text, newline="")))) == 8
    elif fmt in ("json", "w3c", "claimreview"):
        json.loads(text)
    if not fmt.startswith("claimreview"):  # the unverified claim has no review
        assert "more than 325,000 signatures" in " ".join(text.split())
    assert "2,700-strong members" in " ".join(text.split())
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_chosen_articles(project: tuple[Path, Corpus], tmp_path: Path,
                         capsys: pytest.CaptureFixture[str]) -> None:  # fmt: skip
    db, _ = project
    out = tmp_path / "r.json"
    assert main(["report", "-f", "json", "-o", str(out), "--article", "2", "--article", "5",
                 "--db", str(db)]) == 0  # fmt: skip
    data = json.loads(out.read_text(encoding="utf-8"))
    assert [a["id"] for a in data["articles"]] == [2, 5]
    assert data["meta"]["scope"] == [2, 5]
    assert "4 claims from 2 articles" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("target", "message"),
    [
        ("missing/r.html", "the folder does not exist"),
        ("blocker/r.html", "a part of the path is a file"),
        ("folder", "it is a folder"),
    ],
)
def test_unwritable_output_is_a_clear_error(
    target: str, message: str, project: tuple[Path, Corpus], tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    db, _ = project
    (tmp_path / "blocker").write_text("x", encoding="utf-8")
    (tmp_path / "folder").mkdir()
    before = sorted(p.name for p in tmp_path.iterdir())
    out = tmp_path / target
    assert main(["report", "-f", "html", "-o", str(out), "--db", str(db)]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"factcheck: {out}: cannot write the file")
    assert message in err and "Traceback" not in err and err.count("\n") == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == before


def test_unwritable_pdf_is_a_clear_error(
    project: tuple[Path, Corpus], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db, _ = project
    out = tmp_path / "missing" / "r.pdf"
    assert main(["report", "-f", "pdf", "-o", str(out), "--db", str(db)]) == 1
    assert "the folder does not exist" in capsys.readouterr().err


def test_unknown_article_and_format(project: tuple[Path, Corpus], tmp_path: Path,
                                    capsys: pytest.CaptureFixture[str]) -> None:  # fmt: skip
    db, _ = project
    assert main(["report", "-f", "md", "-o", str(tmp_path / "r.md"), "--article", "9",
                 "--db", str(db)]) == 1  # fmt: skip
    assert capsys.readouterr().err == "factcheck: no article with id 9\n"
    assert not (tmp_path / "r.md").exists()
    with pytest.raises(SystemExit) as exc:
        main(["report", "-f", "docx", "-o", str(tmp_path / "r.docx"), "--db", str(db)])
    assert exc.value.code == 2


def test_import_annotations_round_trip(project: tuple[Path, Corpus], tmp_path: Path,
                                       capsys: pytest.CaptureFixture[str]) -> None:  # fmt: skip
    db, _ = project
    exported = tmp_path / "a.jsonld"
    assert main(["report", "-f", "w3c", "-o", str(exported), "--db", str(db)]) == 0
    other = tmp_path / "other.db"
    assert main(["import", str(REPO / "seeds"), "--db", str(other)]) == 0
    capsys.readouterr()
    assert main(["import-annotations", str(exported), "--db", str(other)]) == 0
    out = capsys.readouterr().out
    assert out.strip().endswith(
        "7 claims added, 0 merged into existing claims, 0 could not be placed; "
        "3 links and 2 sources added")
    assert len(queries.all_claims(connect(other))) == 7
    assert main(["import-annotations", str(exported), "--db", str(other), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert (len(data["created"]), len(data["merged"]), data["ok"]) == (0, 7, True)


def test_import_annotations_reports_what_it_could_not_place(
    project: tuple[Path, Corpus], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db, _ = project
    exported = tmp_path / "a.jsonld"
    main(["report", "-f", "w3c", "-o", str(exported), "--db", str(db)])
    data = json.loads(exported.read_text(encoding="utf-8"))
    data["first"]["items"][0]["target"]["source"] = "https://nowhere.example/x"
    data["first"]["items"][0]["target"].pop("fc:contentHash")
    exported.write_text(json.dumps(data), encoding="utf-8")
    other = tmp_path / "other.db"
    main(["import", str(REPO / "seeds"), "--db", str(other)])
    capsys.readouterr()
    assert main(["import-annotations", str(exported), "--db", str(other)]) == 1
    said = capsys.readouterr()
    lines = said.err.splitlines()
    assert len(lines) == 1 and lines[0].startswith("not placed: urn:factcheck:claim:")
    assert lines[0].endswith("no article in this project for https://nowhere.example/x")
    assert "6 claims added" in said.out and "1 could not be placed" in said.out


def test_import_annotations_bad_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("[1, 2", encoding="utf-8")
    assert main(["import-annotations", str(bad), "--db", str(tmp_path / "p.db")]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"factcheck: {bad}: not valid JSON") and err.count("\n") == 1


def test_report_in_a_real_process(project: tuple[Path, Corpus], tmp_path: Path) -> None:
    """The installed command, in a plain environment without a display: HTML and PDF."""
    db, _ = project
    exe = Path(sys.executable).parent / "factcheck"
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY",
                                                          "QT_QPA_PLATFORM")}  # fmt: skip
    for fmt in ("html", "pdf"):
        out = tmp_path / f"r.{fmt}"
        command = [str(exe), "--db", str(db), "report", "--format", fmt, "-o", str(out)]
        done = subprocess.run(command, capture_output=True, text=True, env=env, timeout=120)
        assert done.returncode == 0, done.stderr
        assert done.stdout.startswith(f"wrote {out}")
        assert "more than 325,000 signatures" in " ".join(_text(out, fmt).split())
    bad = subprocess.run([str(exe), "--db", str(db), "report", "-f", "csv", "-o",
                          str(tmp_path / "no" / "r.csv")], capture_output=True, text=True,
                         env=env, timeout=120)  # fmt: skip
    assert bad.returncode == 1
    assert bad.stderr.strip() == (f"factcheck: {tmp_path / 'no' / 'r.csv'}: cannot write the "
                                  "file: the folder does not exist")  # fmt: skip
