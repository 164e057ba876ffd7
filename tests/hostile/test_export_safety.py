"""What exports carry into other programs: spreadsheet formulas behind white space or
full-width forms, non-web URLs, and ``</script>`` inside JSON meant for a page."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from factcheck.core.report.csv_report import guard
from factcheck.core.report.json_text import embeddable
from factcheck.core.urls import web_url
from factcheck.errors import InvalidInput
from factcheck.store import ops
from factcheck.store.project import connect
from tests.hostile.conftest import Run, dump, one_line_naming


@pytest.mark.parametrize("cell", [
    "=1+1", " =1+1", "\n=1+1", "\t=1", "\r=1", "＝1+1", " @SUM(A1)", "＋1", "－1", "＠x",
    "\u3000=1", "\xa0=HYPERLINK(\"x\")",
])  # fmt: skip
def test_formula_cells_are_guarded_behind_white_space_and_full_width(cell: str) -> None:
    assert guard(cell).startswith("'")


@pytest.mark.parametrize("cell", ["", "plain", "3 = 3", "a-b", "e-mail@x", "１２３"])
def test_ordinary_cells_are_left_alone(cell: str) -> None:
    assert guard(cell) == cell


def test_csv_export_guards_a_hostile_note(project: Path, tmp_path: Path, run: Run) -> None:
    db = connect(project)
    ops.set_note(db, 1, " ＝HYPERLINK(\"http://evil\")", "t")
    db.close()
    out = tmp_path / "r.csv"
    assert run("report", "--db", project, "-f", "csv", "-o", out)[0] == 0
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert [r["note"] for r in rows if r["claim_id"] == "1"] == ["' ＝HYPERLINK(\"http://evil\")"]


@pytest.mark.parametrize("url", [
    "javascript:alert(1)", "JavaScript:alert(1)", " data:text/html,<b>", "vbscript:x",
    "file:///etc/passwd", "ftp://x.org/", "http://", "https:///path", "//x.org/a",
    "http://exa mple.org", "http://x.org/\x00", "   ",
])  # fmt: skip
def test_only_web_urls_are_accepted_as_sources(
    url: str, project: Path, run: Run
) -> None:
    before = dump(project)
    code, _, err = run("source", "1", url, "--db", project)
    assert code == 1 and one_line_naming(err, "source"), err
    assert dump(project) == before
    db = connect(project)
    with pytest.raises(InvalidInput):
        ops.add_source(db, 1, url, "t")


def test_a_www_address_gets_https(project: Path, run: Run) -> None:
    assert web_url("www.un.org/press") == "https://www.un.org/press"
    code, out, _ = run("source", "1", "www.un.org/press", "--db", project)
    assert code == 0 and out.strip().isdigit()
    db = connect(project)
    urls = [r[0] for r in db.execute("SELECT url FROM evidence WHERE kind = 'source'")]
    assert urls == ["https://www.un.org/press"]


def test_an_imported_pages_non_web_url_is_dropped(tmp_path: Path, run: Run) -> None:
    db = connect(tmp_path / "p.db")
    from factcheck.core.model import ArticleDraft

    ops.import_articles(db, [ArticleDraft(title="t", text="some text", url="javascript:x()")],
                        "t")  # fmt: skip
    assert db.execute("SELECT url FROM articles").fetchone()[0] == ""
    with pytest.raises(InvalidInput, match="web address"):
        ops.update_article_metadata(db, 1, "t", url="file:///etc/passwd")


@pytest.mark.parametrize("fmt", ["json", "w3c", "claimreview"])
def test_json_exports_never_close_a_script_element(
    fmt: str, project: Path, tmp_path: Path, run: Run
) -> None:
    db = connect(project)
    ops.set_status(db, 1, "contradicted", "t")
    hostile = "</script><script>alert(1)</script><!-- \u2028"
    ops.set_note(db, 1, hostile, "t")
    ops.update_article_metadata(db, 2, "t", title=hostile)  # the claim's article
    db.close()
    out = tmp_path / "r.json"
    assert run("report", "--db", project, "-f", fmt, "-o", out)[0] == 0
    text = out.read_text(encoding="utf-8")
    assert "</" not in text and "<!--" not in text and "\u2028" not in text
    assert "</script><script>" in json.dumps(json.loads(text), ensure_ascii=False)


def test_embeddable_means_the_same_json() -> None:
    data = {"a": "</script> <!-- x \u2028 \u2029 </"}
    assert json.loads(embeddable(json.dumps(data, ensure_ascii=False))) == data
