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
    (tmp_path / "p").mkdir()
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


def test_w3c_with_embedded_text_imports_into_an_empty_project(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from tests.conftest import REPO

    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    source = str(tmp_path / "a" / "a.db")
    assert run(capsys, "import", "--db", source, str(REPO / "seeds"))[0] == 0
    code, _, _ = run(capsys, "mark", "2", "--db", source, "--quote", "nearly 3,000",
                       "--status", "contradicted", "--tag", "figures")  # fmt: skip
    assert code == 0
    plain, embedded = tmp_path / "plain.jsonld", tmp_path / "embedded.jsonld"
    assert run(capsys, "report", "--db", source, "--format", "w3c", "-o", str(plain))[0] == 0
    assert run(capsys, "report", "--db", source, "--format", "w3c", "--embed-text",
               "-o", str(embedded))[0] == 0  # fmt: skip
    data = json.loads(embedded.read_text(encoding="utf-8"))
    texts = [n for n in data["@included"] if n.get("type") == "Text"]
    assert len(texts) == 5 and all(n["value"] and n["id"].startswith("urn:") for n in texts)
    target = str(tmp_path / "b" / "b.db")
    code, _, err = run(capsys, "import-annotations", "--db", target, str(plain))
    assert code == 1 and "no article in this project" in err  # the urn: cannot be resolved
    code, out, err = run(capsys, "import-annotations", "--db", target, str(embedded), "--json")
    result = json.loads(out)
    assert code == 0 and result["ok"] and len(result["created"]) == 1
    code, out, _ = run(capsys, "claims", "--db", target, "--json")
    (claim,) = json.loads(out)
    assert (claim["quote"], claim["status"], claim["tags"]) == (
        "nearly 3,000", "contradicted", ["figures"]
    )  # fmt: skip
    code, out, _ = run(capsys, "articles", "--db", target, "--json")
    assert len(json.loads(out)) == 1  # only the annotated article was brought in


def test_embed_text_is_only_for_w3c(project: str, tmp_path: Path,
                                    capsys: pytest.CaptureFixture[str]) -> None:  # fmt: skip
    out = tmp_path / "r.html"
    code, _, err = run(capsys, "report", "--db", project, "--format", "html", "--embed-text",
                       "-o", str(out))  # fmt: skip
    assert code == 1 and "--embed-text" in err and not out.exists()


def test_foreign_verdicts_map_onto_statuses(
    project: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = "https://www.coastalcourier.example/news/2024/05/ferry-timetable-cut"
    words = {"a third of its deck crew": "False", "up to 40 percent more": "Mostly True",
             "hardest decision": "Misleading", "four crossings a day": "Nonsense"}  # fmt: skip
    annotations = [{
        "@context": "http://www.w3.org/ns/anno.jsonld", "id": f"https://other.example/a{i}",
        "type": "Annotation", "motivation": "assessing",
        "body": {"type": "TextualBody", "purpose": "assessing", "value": verdict},
        "target": {"source": url, "selector": {"type": "TextQuoteSelector", "exact": quote}},
    } for i, (quote, verdict) in enumerate(words.items())]  # fmt: skip
    path = tmp_path / "other.json"
    path.write_text(json.dumps(annotations), encoding="utf-8")
    code, out, _ = run(capsys, "import-annotations", "--db", project, str(path))
    assert code == 0
    assert "verdict 'Misleading' read as contradicted" in out
    assert "unknown verdict 'Nonsense', left unverified" in out
    code, out, _ = run(capsys, "claims", "--db", project, "--json")
    status = {c["quote"]: c["status"] for c in json.loads(out)}
    assert status == {"a third of its deck crew": "contradicted",
                      "up to 40 percent more": "corroborated",
                      "hardest decision": "contradicted",
                      "four crossings a day": "unverified"}  # fmt: skip


def test_claimreview_exports_say_what_is_missing(
    project: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _out, _ = run(capsys, "mark", "1", "--db", project, "--quote", "four crossings a day",
                       "--status", "corroborated")  # fmt: skip
    assert code == 0
    target = tmp_path / "reviews.jsonld"
    code, _, err = run(capsys, "report", "--db", project, "--format", "claimreview", "-o",
                       str(target))  # fmt: skip
    assert code == 0 and target.exists()
    assert err.count("note: ") == 2 and "--organisation NAME" in err and "urn:" in err
    run(capsys, "settings", "--db", project, "--organisation", "Desk",
        "--organisation-url", "https://desk.example/checks")  # fmt: skip
    pages = tmp_path / "pages"
    code, _, err = run(capsys, "report", "--db", project, "--format", "claimreview-html",
                       "-o", str(pages))  # fmt: skip
    assert code == 0 and err == ""
    (page,) = pages.glob("claim-*.html")
    assert "https://desk.example/checks/claim-" in page.read_text(encoding="utf-8")
