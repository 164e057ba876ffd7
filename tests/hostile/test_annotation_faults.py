"""``import-annotations`` fed hostile files: deep nesting, odd digits, huge numbers,
lone surrogates, one bad annotation among good ones, and a flood of bad ones."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from factcheck.core.report.formats import export_text
from factcheck.store import queries
from factcheck.store.annotation_import import MAX_FILE_BYTES
from factcheck.store.project import connect
from factcheck.store.report_data import gather_report
from tests.hostile.conftest import Run, dump, one_line_naming


def _export(project: Path, tmp_path: Path) -> dict[str, Any]:
    db = connect(project)
    out = tmp_path / "export.json"
    export_text(gather_report(db, None, reviewer="x"), "w3c", out)
    db.close()
    return json.loads(out.read_text(encoding="utf-8"))


def _one_annotation(project: Path, tmp_path: Path) -> dict[str, Any]:
    anno = _export(project, tmp_path)["first"]["items"][0]
    anno["id"] = "urn:test:one"
    return anno


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("text", [
    "[" * 100_000 + "]" * 100_000,
    '{"a":' * 5_000 + "1" + "}" * 5_000,
], ids=["arrays-100k-deep", "objects-5k-deep"])  # fmt: skip
def test_deep_nesting_is_refused_in_one_line(
    text: str, project: Path, tmp_path: Path, run: Run
) -> None:
    path = _write(tmp_path, "deep.json", text)
    before = dump(project)
    code, _, err = run("import-annotations", path, "--db", project)
    assert code == 1 and one_line_naming(err, str(path)) and "nested too deeply" in err
    assert dump(project) == before


@pytest.mark.parametrize("start", [
    '"²"', '"٣"', '"' + "1" * 5000 + '"', "9" * 5000, "-4", '"1e3"', '" 7x"', "1e400",
], ids=["superscript", "arabic-digit", "5000-digit-string", "5000-digit-number", "negative",
        "exponent-string", "junk", "float-overflow"])  # fmt: skip
def test_odd_or_huge_positions_fall_back_to_the_quote(
    start: str, project: Path, tmp_path: Path, run: Run
) -> None:
    anno = _one_annotation(project, tmp_path)
    for sel in anno["target"]["selector"]:
        if sel["type"] == "TextPositionSelector":
            sel["start"] = "__RAW__"
    text = json.dumps(anno).replace('"__RAW__"', start)
    path = _write(tmp_path, "a.json", text)
    code, out, err = run("import-annotations", path, "--db", project)
    assert code == 0, err
    assert "1 merged into existing claims" in out


def test_a_5000_digit_number_anywhere_is_no_crash(
    project: Path, tmp_path: Path, run: Run
) -> None:
    anno = _one_annotation(project, tmp_path)
    text = json.dumps(anno)[:-1] + ', "fc:count": ' + "9" * 5000 + "}"
    code, out, err = run("import-annotations", _write(tmp_path, "n.json", text), "--db", project)
    assert "1 merged" in out
    assert code == 0, err


def test_a_lone_surrogate_skips_that_annotation_only(
    project: Path, tmp_path: Path, run: Run
) -> None:
    coll = _export(project, tmp_path)
    items = coll["first"]["items"]
    assert len(items) >= 2
    bad_id = items[0]["id"]
    items[0]["body"].append({"type": "TextualBody", "purpose": "commenting",
                             "value": "bad \ud800 note"})  # fmt: skip
    path = _write(tmp_path, "s.json", json.dumps(coll))  # ensure_ascii: "\ud800" escaped
    code, out, err = run("import-annotations", path, "--db", project)
    assert code == 1
    assert bad_id in err and "surrogate" in err
    assert "merged into existing claims, 1 could not be placed" in out


def test_one_bad_annotation_is_named_and_skipped_the_others_import(
    project: Path, tmp_path: Path, run: Run
) -> None:
    template = _one_annotation(project, tmp_path)
    good = json.loads(json.dumps(template))
    good["id"] = "urn:test:good"
    for sel in good["target"]["selector"]:
        if sel["type"] == "TextQuoteSelector":
            sel["exact"] = "the"
            sel["prefix"] = sel["suffix"] = ""
        else:
            sel["start"] = sel["end"] = None
    blank = json.loads(json.dumps(template))
    blank["id"] = "urn:test:blank-span"
    text = queries.get_article(connect(project), 2).text
    space = text.index("  ") if "  " in text else text.index(" ")
    blank["target"]["selector"] = [{"type": "TextPositionSelector", "start": space,
                                    "end": space + 1}]  # fmt: skip
    no_url = json.loads(json.dumps(good))
    no_url["id"] = "urn:test:blank-url"
    for sel in no_url["target"]["selector"]:
        if sel["type"] == "TextQuoteSelector":
            sel["exact"] = "and"
    no_url["body"].append({"purpose": "linking", "source": "   "})
    no_url["motivation"] = ["assessing", "linking"]
    path = _write(tmp_path, "mixed.json", json.dumps([blank, good, no_url]))
    code, out, err = run("import-annotations", path, "--db", project)
    assert code == 1
    assert "urn:test:blank-span" in err and "urn:test:blank-url" in err
    assert "1 claims added" in out
    claims = queries.all_claims(connect(project))
    assert any(c.quote == "the" for c in claims)
    assert not any(c.quote == "and" for c in claims)


def test_a_flood_of_bad_annotations_prints_a_summary(
    project: Path, tmp_path: Path, run: Run
) -> None:
    bad = [{"type": "Annotation", "id": f"urn:bad:{i}", "target": "urn:nowhere"}
           for i in range(5000)]  # fmt: skip
    path = _write(tmp_path, "flood.json", json.dumps(bad))
    before = dump(project)
    code, out, err = run("import-annotations", path, "--db", project)
    assert code == 1
    assert len((out + err).splitlines()) < 30
    assert "4980 more not placed" in err
    assert dump(project) == before
    code, out, _ = run("import-annotations", path, "--db", project, "--json")
    assert len(json.loads(out)["unplaced"]) == 5000


def test_the_size_limit_is_checked_before_reading(
    project: Path, tmp_path: Path, run: Run
) -> None:
    path = tmp_path / "huge.json"
    with path.open("wb") as fh:
        fh.truncate(MAX_FILE_BYTES + 1)  # sparse: no disk, no read
    code, _, err = run("import-annotations", path, "--db", project)
    assert code == 1 and one_line_naming(err, str(path)) and "limit" in err


def test_a_device_is_not_read(project: Path, run: Run) -> None:
    code, _, err = run("import-annotations", "/dev/zero", "--db", project)
    assert code == 1 and one_line_naming(err, "/dev/zero")
