"""``factcheck article-lang`` and the language column of ``factcheck articles``."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / "data" / "languages"
EXE = Path(sys.executable).with_name("factcheck")


def _run(*argv: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(EXE), *argv], capture_output=True, text=True,
                          env=dict(os.environ))  # fmt: skip


def test_show_and_correct_an_articles_language(tmp_path: Path) -> None:
    db = str(tmp_path / "t.db")
    out = _run("import", "--db", db, str(DATA / "ar.txt"), str(DATA / "mixed.txt"))
    assert out.returncode == 0, out.stderr
    out = _run("articles", "--db", db, "--json")
    assert [a["language"] for a in json.loads(out.stdout)] == ["ar", "en"]
    assert " ar " in _run("articles", "--db", db).stdout
    out = _run("article-lang", "2", "--db", db)
    assert out.stdout.strip() == "article 2: language en, direction ltr"
    out = _run("article-lang", "2", "--db", db, "--lang", "ar", "--dir", "rtl", "--json")
    assert json.loads(out.stdout) == {"id": 2, "language": "ar", "direction": "rtl"}
    out = _run("article-lang", "2", "--db", db, "--dir", "auto")
    assert out.stdout.strip() == "article 2: language ar, direction auto"


def test_bad_input_is_one_line(tmp_path: Path) -> None:
    db = str(tmp_path / "t.db")
    assert _run("import", "--db", db, str(DATA / "he.txt")).returncode == 0
    out = _run("article-lang", "1", "--db", db, "--lang", "Hebrew!")
    assert out.returncode == 1 and out.stderr.count("\n") == 1
    assert "not a language tag" in out.stderr and "Traceback" not in out.stderr
    out = _run("article-lang", "9", "--db", db, "--lang", "he")
    assert out.returncode == 1 and "no article with id 9" in out.stderr
    out = _run("article-lang", "1", "--db", db, "--dir", "up")
    assert out.returncode == 2 and "invalid choice" in out.stderr
    assert _run("article-lang", "1", "--db", db).stdout.strip() == \
        "article 1: language he, direction rtl"  # fmt: skip


def test_mark_by_quote_ignores_direction_marks_and_normalisation(tmp_path: Path) -> None:
    """A plain text file is kept byte for byte (its decomposed ü and its marks stay);
    the quote typed on a keyboard still finds them, and the claim covers the stored
    characters."""
    import unicodedata

    text = ("Bericht aus Aleppo\n\n" + unicodedata.normalize(
        "NFD", "Die Zahl wurde geprüft. Die Helfer nennen sich \u200fالخوذ\u200e البيضاء "
        "und sind mehr als 3,000.") + " Weitere Sätze folgen hier, damit es ein Artikel ist.\n")
    path = tmp_path / "bericht.txt"
    path.write_text(text, encoding="utf-8")
    db = str(tmp_path / "t.db")
    assert _run("import", "--db", db, str(path)).returncode == 0
    out = _run("mark", "1", "--db", db, "--quote", "geprüft")
    assert out.returncode == 0, out.stderr
    out = _run("mark", "1", "--db", db, "--quote", "الخوذ البيضاء")
    assert out.returncode == 0, out.stderr
    claims = json.loads(_run("claims", "1", "--db", db, "--json").stdout)
    quotes = [c["quote"] for c in claims]
    assert quotes == [unicodedata.normalize("NFD", "geprüft"), "الخوذ\u200e البيضاء"]
    for c in claims:
        assert text[c["start"] : c["end"]] == c["quote"]
    out = _run("search", "--db", db, "geprüft", "--json")
    assert out.returncode == 0 and json.loads(out.stdout)


def test_a_folder_of_many_languages_imported_together(tmp_path: Path) -> None:
    """Enough files to find their languages in one batch (more than BATCH_MIN that
    only the model can tell): each gets its own, as when imported one by one."""
    db = str(tmp_path / "t.db")
    quake, seeds = DATA.parent / "figures" / "quake_fr", DATA.parents[2] / "seeds"
    out = _run("import", "--db", db, str(DATA), str(quake), str(seeds))
    assert out.returncode == 0, out.stderr
    rows = json.loads(_run("articles", "--db", db, "--json").stdout)
    assert [a["language"] for a in rows] == [
        "ar", "fa", "he", "ja", "en", "zh", "zh", "fr", "fr", "fr", "en", "en", "en", "en", "en"]
    for name in ("ar", "mixed"):  # one at a time: the same
        one = str(tmp_path / f"{name}.db")
        assert _run("import", "--db", one, str(DATA / f"{name}.txt")).returncode == 0
        (row,) = json.loads(_run("articles", "--db", one, "--json").stdout)
        assert row["language"] == {"ar": "ar", "mixed": "en"}[name]


def test_the_model_copy_in_the_cache_folder(tmp_path: Path) -> None:
    """An import keeps py3langid's model decompressed in the cache folder; later
    imports read it; a damaged copy or a folder that cannot be written changes
    nothing the user sees."""
    cache = tmp_path / "cache"
    files = [str(DATA / "ar.txt"), str(DATA / "mixed.txt"), str(DATA / "he.txt")]

    def languages(name: str, folder: Path) -> list[str]:
        db = str(tmp_path / name)
        env = dict(os.environ, FACTCHECK_CACHE_DIR=str(folder))
        out = subprocess.run([str(EXE), "import", "--db", db, *files], capture_output=True,
                             text=True, env=env)  # fmt: skip
        assert out.returncode == 0, out.stderr
        assert out.stderr.startswith("factcheck: created a new project"), out.stderr
        assert out.stderr.count("\n") == 1
        return [a["language"] for a in json.loads(_run("articles", "--db", db, "--json").stdout)]

    assert languages("1.db", cache) == ["ar", "en", "he"]
    (copy,) = cache.glob("py3langid-*.model")
    assert languages("2.db", cache) == ["ar", "en", "he"]  # read from the copy
    copy.write_bytes(copy.read_bytes()[:1000])
    assert languages("3.db", cache) == ["ar", "en", "he"]
    assert copy.stat().st_size > 60_000_000  # written again whole
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the cache folder would be")
    assert languages("4.db", blocked / "cache") == ["ar", "en", "he"]
