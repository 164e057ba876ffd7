"""Saved web pages: the article's text and metadata in, everything around it out."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.core.ingest import read_article_file
from factcheck.errors import ImportRefused
from tests.conftest import DATA

NEWS_PAGE = DATA / "formats" / "news_page.html"

ARTICLE_SENTENCES = [
    "Repairs to the Harbour bridge will not be finished until the autumn of 2027",
    "engineers found corrosion in 14 of the bridge's 22 steel cables",
    '"We knew the bridge was old, but nobody expected damage on this scale," said the '
    "council's chief engineer, Tomasz Wilk",
    "The cost of the work has risen from 38 million to 61 million pounds.",
    "Ferry operator Bluewater Lines said passenger numbers had tripled",
    '"Residents deserve to know why the survey missed so much damage," said councillor '
    "Aisha Bello.",
]
# Each marker sits in one part of the page that is not the article.
OUTSIDE_MARKERS = [
    "SCRIPT-LEAK-MARKER", "SCRIPT-INLINE-MARKER", "SCRIPT-FOOTER-MARKER", "STYLE-LEAK-MARKER",
    "COOKIE-BANNER-MARKER", "NAV-MARKER", "ADVERT-MARKER", "ADVERT-INLINE-MARKER",
    "COMMENT-MARKER", "RELATED-MARKER", "FOOTER-MARKER", "dataLayer", "gtag", "font-family",
    "Accept all", "Related stories", "Comments (3)", "harbourwatcher", "Sunny Bank",
    "Privacy", "@context",
]  # fmt: skip


def test_news_page_text_is_the_article_only() -> None:
    draft = read_article_file(NEWS_PAGE)
    for sentence in ARTICLE_SENTENCES:
        assert sentence in draft.text
    for marker in OUTSIDE_MARKERS:
        assert marker not in draft.text, marker
    # paragraphs in reading order, separated by one blank line
    paragraphs = draft.text.split("\n\n")
    assert len(paragraphs) >= 6
    order = [draft.text.index(s) for s in ARTICLE_SENTENCES]
    assert order == sorted(order)
    assert all(p == p.strip() and "\n" not in p for p in paragraphs)


def test_news_page_metadata() -> None:
    draft = read_article_file(NEWS_PAGE)
    assert draft.title == "Harbour bridge repairs to run two years over schedule"
    assert draft.author == "Marta Quispe"
    assert draft.published == "2024-03-14"
    assert draft.outlet == "The Coastal Courier"
    assert draft.url == (
        "https://www.coastalcourier.example/news/2024/03/harbour-bridge-repairs-delayed"
    )
    assert draft.source_path == str(NEWS_PAGE)


def test_metadata_falls_back_to_head_tags(tmp_path: Path) -> None:
    body = " ".join(f"Sentence number {i} of a plain article about the river." for i in range(12))
    page = tmp_path / "plain.htm"
    page.write_text(
        "<html><head><title>River report</title>"
        '<meta property="og:url" content="https://example.org/river">'
        '<meta property="og:site_name" content="River Weekly"></head>'
        f"<body><div><p>{body}</p><p>{body}</p></div></body></html>",
        encoding="utf-8",
    )
    draft = read_article_file(page)
    assert draft.title == "River report"
    assert draft.url == "https://example.org/river"
    assert draft.outlet == "River Weekly"
    assert "Sentence number 11" in draft.text


def test_latin1_page_is_decoded(tmp_path: Path) -> None:
    body = " ".join(["Le café de la gare a fermé ses portes après quarante ans."] * 8)
    page = tmp_path / "latin.html"
    page.write_bytes(
        ('<html><head><meta charset="iso-8859-1"><title>Café</title></head>'
         f"<body><article><p>{body}</p><p>{body}</p></article></body></html>").encode("latin-1")
    )  # fmt: skip
    assert "Le café de la gare a fermé" in read_article_file(page).text


@pytest.mark.parametrize("html", [
    "<html><head><title>Log in</title></head><body><nav><a href='/'>Home</a> "
    "<a href='/news'>News</a></nav><form><input name='q'><button>Search</button></form>"
    "<footer>(c) 2024</footer></body></html>",
    "<html><body></body></html>",
    "<html><head><script>var articleText = 'lots of words ' + 'in a script';</script>"
    "</head><body><p>Loading…</p></body></html>",
])  # fmt: skip
def test_page_without_an_article_is_refused(tmp_path: Path, html: str) -> None:
    page = tmp_path / "login.html"
    page.write_text(html, encoding="utf-8")
    with pytest.raises(ImportRefused, match=r"^login\.html: no article text found in the page"):
        read_article_file(page)


def test_binary_file_named_html_is_refused(tmp_path: Path) -> None:
    page = tmp_path / "picture.html"
    page.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    with pytest.raises(ImportRefused, match=r"^picture\.html: not an HTML page"):
        read_article_file(page)
