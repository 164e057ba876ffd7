"""Importing a mixed batch: good files in every format go in, bad ones are refused with
their name, nothing is half-imported, and an update by URL becomes a revision."""

from __future__ import annotations

import shutil
from pathlib import Path

from sqlite_utils import Database

from factcheck.store import importer, queries
from factcheck.store.importer import Outcome
from tests.conftest import DATA
from tests.core.format_files import write_docx, write_pdf

LINES = [["Repairs to the Harbour bridge will not be finished until the autumn of 2027,",
          "two years later than the council promised, according to planning documents."]]


def test_mixed_batch_goes_on_past_refusals(db: Database, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(DATA / "formats" / "news_page.html", folder / "a_page.html")
    write_pdf(folder / "b_good.pdf", [LINES], info={"/Title": "Bridge PDF"})
    write_pdf(folder / "c_scan.pdf", [[]], drawing_only=True)
    write_docx(folder / "d_good.docx", ["The council met on Thursday to discuss the bridge."])
    (folder / "e_corrupt.docx").write_bytes(b"not a zip at all")
    (folder / "f_empty.html").write_text("<html><body><nav>Home</nav></body></html>")
    with (folder / "g_huge.html").open("wb") as fh:
        fh.truncate(200 * 1024 * 1024)
    report = importer.import_paths(db, [folder], "ana")
    outcomes = {Path(r.path).name: r.outcome for r in report.results}
    assert outcomes == {
        "a_page.html": Outcome.IMPORTED, "b_good.pdf": Outcome.IMPORTED,
        "c_scan.pdf": Outcome.REFUSED, "d_good.docx": Outcome.IMPORTED,
        "e_corrupt.docx": Outcome.REFUSED, "f_empty.html": Outcome.REFUSED,
        "g_huge.html": Outcome.REFUSED,
    }  # fmt: skip
    for r in report.results:
        if r.outcome is Outcome.REFUSED:
            assert r.message.startswith(Path(r.path).name + ": ")
            assert "\n" not in r.message
    assert queries.article_count(db) == 3
    assert sorted(a.title for a in queries.list_articles(db)) == [
        "Bridge PDF", "Harbour bridge repairs to run two years over schedule",
        "The council met on Thursday to discuss the bridge.",
    ]  # fmt: skip
    for a in queries.list_articles(db):
        assert len(queries.list_revisions(db, a.id)) == 1


def test_same_url_new_text_updates_the_article(db: Database, tmp_path: Path) -> None:
    page = DATA / "formats" / "news_page.html"
    (first,) = importer.import_paths(db, [page], "ana").results
    assert first.article_id is not None
    from factcheck.store import ops

    ops.mark_quote(db, first.article_id, "61 million pounds", "ana")
    ops.mark_quote(db, first.article_id, "Tomasz Wilk", "ana")
    html = page.read_text(encoding="utf-8").replace("61 million pounds", "64 million pounds")
    (tmp_path / "v2.html").write_text(html, encoding="utf-8")
    report = importer.import_paths(db, [tmp_path / "v2.html"], "bo")
    (result,) = report.results
    assert result.outcome is Outcome.UPDATED and result.article_id == first.article_id
    assert result.revision == 2
    assert result.placements == {"exact": 1, "moved": 0, "fuzzy": 1, "orphaned": 0}
    assert result.message == (
        f"v2.html: updated article {first.article_id} (revision 2): "
        "1 exact, 0 moved, 1 fuzzy, 0 orphaned"
    )
    assert report.summary() == "0 imported, 1 updated, 0 already in the project, 0 refused"
    assert queries.article_count(db) == 1
    # importing the first version again changes nothing
    (again,) = importer.import_paths(db, [page], "bo").results
    assert again.outcome is Outcome.DUPLICATE
    assert "64 million" in queries.get_article(db, first.article_id).text


def test_the_same_text_twice_in_one_batch_is_imported_once(db: Database, tmp_path: Path) -> None:
    """Duplicates are caught within a batch too, not only against what is stored."""
    folder = tmp_path / "in"
    folder.mkdir()
    text = "Council delays bridge\n\nRepairs will not finish until the autumn of 2027.\n"
    (folder / "a_first.txt").write_text(text, encoding="utf-8")
    (folder / "b_copy.txt").write_text(text, encoding="utf-8")
    report = importer.import_paths(db, [folder], "ana")
    first, copy = report.results
    assert (first.outcome, copy.outcome) == (Outcome.IMPORTED, Outcome.DUPLICATE)
    assert copy.article_id == first.article_id
    assert copy.message == f"b_copy.txt: already in the project (article {first.article_id})"
    assert queries.article_count(db) == 1
    assert report.summary() == "1 imported, 1 already in the project, 0 refused"
