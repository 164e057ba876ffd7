"""Search finds a word however it is written: Arabic without its vowel marks or with
other alef forms, Chinese and Japanese substrings, figures with or without thousands
separators, decomposed accents; snippets show the text as stored. Older projects get
the folded index built on upgrade."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from sqlite_utils import Database

from factcheck.core.model import ArticleDraft
from factcheck.store import ops, queries
from factcheck.store.migrations import migrations
from factcheck.store.project import connect

DATA = Path(__file__).resolve().parents[1] / "data" / "languages"
NAMES = ("ar", "he", "fa", "zh", "mixed")


def _text(name: str) -> str:
    return (DATA / f"{name}.txt").read_text(encoding="utf-8")


@pytest.fixture
def project(db: Database) -> dict[str, int]:
    imported, _ = ops.import_articles(db, [ArticleDraft(n, _text(n)) for n in NAMES], "t")
    return {n: i.article_id for n, i in zip(NAMES, imported, strict=True)}


def _articles(db: Database, query: str) -> set[int]:
    return {h.article_id for h in queries.search(db, query) if h.kind == "article"}


@pytest.mark.parametrize(
    ("query", "names"),
    [
        ("السلام", {"ar"}),  # the text has السَّلَامُ, with its marks
        ("السَّلَامُ", {"ar"}),  # and typed with them
        ("اكثر", {"ar"}),  # the text has أكثر (alef with hamza)
        ("الخوذ البيضاء", {"ar"}),
        ("志愿者", {"zh"}),  # inside a run of 18 characters without a space
        ("救援", {"zh"}),  # two characters: the trigram tokenizer could not find this
        ("白头盔", {"zh", "mixed"}),
        ("کلاه سفیدها", {"fa", "mixed"}),  # written with a zero-width non-joiner
        ("הקסדות", {"he", "mixed"}),
        ("3000", {"ar", "he", "fa", "mixed"}),  # 3,000 and ۳۰۰۰
        ("3.000", {"ar", "he", "fa", "mixed"}),
        ("٣٬٠٠٠", {"ar", "he", "fa", "mixed"}),
    ],
)
def test_words_are_found_however_they_are_written(
    db: Database, project: dict[str, int], query: str, names: set[str]
) -> None:
    assert _articles(db, query) == {project[n] for n in names}


def test_snippets_show_the_stored_text(db: Database, project: dict[str, int]) -> None:
    (hit,) = [h for h in queries.search(db, "السلام") if h.kind == "article"]
    assert "[السَّلَامُ]" in hit.snippet
    hits = {h.article_id: h.snippet for h in queries.search(db, "3000") if h.kind == "article"}
    assert "[3,000]" in hits[project["ar"]] and "[۳۰۰۰]" in hits[project["fa"]]
    (zh,) = [h for h in queries.search(db, "志愿者") if h.article_id == project["zh"]]
    assert "[志愿者]" in zh.snippet


def test_claims_and_notes_too(db: Database, project: dict[str, int]) -> None:
    cid = ops.mark_quote(db, project["ar"], "السَّلَامُ", "r").created_id
    ops.set_note(db, cid or 0, "رقم ٣٬٠٠٠ غير مؤكد", "r")
    claims = {h.claim_id for h in queries.search(db, "السلام") if h.kind == "claim"}
    assert claims == {cid}
    assert {h.claim_id for h in queries.search(db, "3000") if h.kind == "claim"} == {cid}
    ops.delete_claim(db, cid or 0, "r")
    assert [h for h in queries.search(db, "السلام") if h.kind == "claim"] == []


def test_decomposed_accents_match_typed_ones(db: Database) -> None:
    nfd = unicodedata.normalize("NFD", "Die Zahl wurde geprüft und bestätigt.")
    (imp,), _ = ops.import_articles(db, [ArticleDraft("de", nfd)], "t")
    assert _articles(db, "geprüft") == {imp.article_id}
    assert _articles(db, unicodedata.normalize("NFD", "bestätigt")) == {imp.article_id}


def test_an_older_project_gets_its_index_built_on_upgrade(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    old = Database(str(path))
    migrations.apply(old, stop_before="0009b_search_normalised")
    old.execute("INSERT INTO articles (id, gid, title, text, content_hash, imported_at) "
                "VALUES (1, 'g1', 'ar', ?, 'h', 'x')", (_text("ar"),))  # fmt: skip
    old.execute('INSERT INTO claims (id, gid, article_id, start, "end", quote, note, '
                "created_at, updated_at) VALUES (3, 'c3', 1, 0, 4, 'x', 'ملاحظة: ٣٬٠٠٠', 'x', "
                "'x')")  # fmt: skip
    assert queries.search(old, "السلام") == []  # what the unfolded index alone can do
    old.close()
    db = connect(path)
    assert _articles(db, "السلام") == {1}
    assert [h.claim_id for h in queries.search(db, "3000") if h.kind == "claim"] == [3]
    db.execute("UPDATE articles SET text = 'nothing left' WHERE id = 1")
    assert _articles(db, "السلام") == set()
    db.close()


def test_thousands_separators_in_plain_ascii_text_fold_as_the_pattern_says() -> None:
    """ASCII text drops its thousands separators by a byte scan, not the pattern: the
    two agree on every string of up to six of the characters that matter."""
    import itertools

    from factcheck.core.search_text import _THOUSANDS, fold

    alphabet = "01,.' a"
    for n in range(7):
        for chars in itertools.product(alphabet, repeat=n):
            s = "".join(chars)
            assert fold(s) == _THOUSANDS.sub(r"\1", s), s
    said = "3,000,000 and 1'234.5 or 12,3456 or 2.500"
    assert fold(said) == "3000000 and 1234.5 or 12,3456 or 2500"
