"""Importing news in other scripts: Chinese and Japanese pages are articles (their length
is counted in characters, not spaces); text from pages and Word files is normalised to
NFC, plain text files are kept byte for byte."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from factcheck.core.formats.common import MIN_ARTICLE_WORDS, article_words
from factcheck.core.ingest import read_article_file
from factcheck.errors import ImportRefused
from tests.core.format_files import write_docx

DATA = Path(__file__).resolve().parents[1] / "data" / "languages"
NFD_SENTENCE = unicodedata.normalize(
    "NFD", "Die Zahl der Freiwilligen wurde von drei Redaktionen unabhängig geprüft und "
    "bestätigt; die Behörden äußerten sich nicht zu den Berichten über die Rettungskräfte.")


@pytest.mark.parametrize("name", ["zh.html", "ja.html"])
def test_chinese_and_japanese_pages_are_articles(name: str) -> None:
    draft = read_article_file(DATA / name)
    assert "三千" in draft.text and "救" in draft.text
    assert len(draft.text.split()) < MIN_ARTICLE_WORDS  # what the old count saw
    assert article_words(draft.text) > 100
    assert "首页" not in draft.text  # the navigation stays out


def test_a_short_chinese_page_is_still_refused(tmp_path: Path) -> None:
    page = tmp_path / "short.html"
    page.write_text("<html><body><article><p>白头盔表示，有三千多名志愿者。</p></article>"
                    "</body></html>", encoding="utf-8")  # fmt: skip
    with pytest.raises(ImportRefused, match=r"short\.html: no article text found"):
        read_article_file(page)


def test_word_count_mixes_scripts() -> None:
    assert article_words("one two three") == 3
    assert article_words("白头盔表示 three words here") == 3 + 2  # 5 characters: 2 words


def test_pages_and_word_files_are_normalised_to_nfc(tmp_path: Path) -> None:
    body = "".join(f"<p>{n}. {NFD_SENTENCE}</p>" for n in ("Erstens", "Zweitens", "Drittens"))
    page = tmp_path / "de.html"
    page.write_text(f"<html><head><title>Geprüft</title></head><body><article>{body}"
                    "</article></body></html>", encoding="utf-8")  # fmt: skip
    draft = read_article_file(page)
    assert "geprüft" in draft.text and unicodedata.is_normalized("NFC", draft.text)
    doc = write_docx(tmp_path / "de.docx", [f"{n}. {NFD_SENTENCE}" for n in "ABC"],
                     title=unicodedata.normalize("NFD", "Geprüft"))  # fmt: skip
    draft = read_article_file(doc)
    assert "geprüft" in draft.text and draft.title == "Geprüft"


def test_plain_text_stays_byte_for_byte(tmp_path: Path) -> None:
    path = tmp_path / "de.txt"
    text = f"Geprüft\n\n{NFD_SENTENCE}\n"
    path.write_text(text, encoding="utf-8")
    draft = read_article_file(path)
    assert draft.text == text and "geprüft" not in draft.text
