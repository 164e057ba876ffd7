"""Saved web pages: the article's main text and metadata, without the page around it.

Extraction is trafilatura's (offline: it only reads the bytes given), without comments,
so navigation, adverts, cookie banners, comment threads and related links stay out;
script and style content never reaches the text. Its precision mode is used first,
because it scored best on the set of test pages (``tests/data/extraction``, measured by
``python -m tests.extraction_quality``; the README has the table). Precision mode can
drop most of an article on some layouts, so when its text has less than
:data:`FALLBACK_RATIO` of the words recall mode finds, the default mode is taken
instead, and recall mode when the default is short too.

Metadata trafilatura misses is looked up in the page's ``<title>``, headline element,
Open Graph and ``<meta>`` tags and byline elements with lxml. The title is the headline
(``og:title`` or the article's ``<h1>``) when the page's ``<title>`` says something
else (a promotion, the section's name). A standfirst the page marks by class
(``standfirst``, ``lede``, ``lead``, ``intro``, ``dek``...) after the headline is kept
as the first paragraph: every mode drops it when it sits outside the body. Bylines are cleaned by
:func:`factcheck.core.formats.bylines.clean_byline`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from factcheck.core.article_text import read_metadata
from factcheck.core.decoding import looks_binary
from factcheck.core.formats.bylines import clean_byline
from factcheck.core.formats.common import (
    first,
    iso_date,
    join_paragraphs,
    quiet_library,
    require_article,
)
from factcheck.core.model import ArticleDraft
from factcheck.errors import ImportRefused


def _page_metadata(data: bytes) -> dict[str, str]:
    """Metadata from the page's head tags; empty values where a tag is absent."""
    from trafilatura.utils import load_html  # lxml, with trafilatura's encoding handling

    found = {"title": "", "og_title": "", "headline": "", "site": "", "url": "", "author": "",
             "byline": "", "date": "", "standfirst": ""}  # fmt: skip
    root = load_html(data)
    if root is None:
        return found

    def attr(xpath: str, name: str) -> str:
        for el in root.xpath(xpath):
            value = el.get(name)
            if value and value.strip():
                return str(value).strip()
        return ""

    titles = root.xpath("//head/title/text()")
    found["title"] = str(titles[0]).strip() if titles else ""
    found["og_title"] = attr("//meta[@property='og:title']", "content")
    found["site"] = attr("//meta[@property='og:site_name']", "content")
    found["url"] = attr("//link[@rel='canonical']", "href") or attr(
        "//meta[@property='og:url']", "content"
    )
    found["author"] = attr("//meta[@name='author']", "content")
    found["headline"] = _headline(root, found["site"])
    found["standfirst"] = _standfirst(root)
    found["byline"] = _byline(root)
    found["date"] = attr("//meta[@property='article:published_time']", "content") or attr(
        "//time[@datetime]", "datetime"
    )
    return found


def _text_of(el: Any) -> str:
    return " ".join(" ".join(el.itertext()).split())


def _headline(root: Any, site: str) -> str:
    """The article's headline element: an ``<h1>`` in the article (or marked as the
    headline), else the first ``<h1>`` that is not the site's name."""
    for xpath in ("//*[@itemprop='headline']", "//article//h1", "//main//h1", "//h1"):
        for el in root.xpath(xpath):
            text = _text_of(el)
            if text and text.casefold() != site.casefold() and len(text.split()) >= 2:
                return text
    return ""


_STANDFIRST_XPATH = (
    "//h1/following::*[self::p or self::div][re:test(@class, "
    "'(^|[\\s_-])(standfirst|lede|lead|intro|introduction|dek|deck|sub-?headline)"
    "(\\s|$)', 'i')][not(ancestor::aside or ancestor::nav or ancestor::footer)]"
)
MIN_STANDFIRST_WORDS, MAX_STANDFIRST_WORDS = 12, 80  # a sentence or two, not the body


def _standfirst(root: Any) -> str:
    """The article's standfirst (the summary paragraph under the headline), when the
    page marks one by class: extractors drop it when it sits outside the body."""
    regex = {"re": "http://exslt.org/regular-expressions"}
    for el in root.xpath(_STANDFIRST_XPATH, namespaces=regex)[:3]:
        text = _text_of(el)
        if MIN_STANDFIRST_WORDS <= len(text.split()) <= MAX_STANDFIRST_WORDS:
            return text
    return ""


def with_standfirst(text: str, standfirst: str) -> str:
    """``text`` with the standfirst as its first paragraph, unless it already holds it."""
    if not standfirst:
        return text
    head = " ".join(standfirst.split()[:8])
    if head in " ".join(text.split()):
        return text
    return join_paragraphs([standfirst, *text.split("\n\n")])


_BYLINE_XPATH = (
    "//*[@rel='author' or @itemprop='author' or contains(@class,'byline') "
    "or contains(@class,'author') or @class='by' or contains(@class,'credits')]"
)


def _byline(root: Any) -> str:
    """The text of the first short byline-like element (class byline/author...)."""
    for el in root.xpath(_BYLINE_XPATH):
        text = _text_of(el)
        if text and len(text) <= 120:
            return text
    return ""


MODES = ("precision", "default", "recall")
FALLBACK_RATIO = 0.5  # precision/default text shorter than this share of recall's: fall back


def _extract(data: bytes, mode: str = "precision", *, metadata: bool = True) -> Any:
    import trafilatura

    with quiet_library("trafilatura"), quiet_library("htmldate"):
        return trafilatura.bare_extraction(
            data,
            with_metadata=metadata,
            favor_precision=mode == "precision",
            favor_recall=mode == "recall",
            include_comments=False,
            include_tables=True,
            include_images=False,
            include_links=False,
        )


def _doc_text(doc: Any) -> str:
    return str(getattr(doc, "text", "") or "") if doc is not None else ""


def choose_text(texts: dict[str, str]) -> str:
    """The mode whose text to keep: the first of :data:`MODES` holding at least
    :data:`FALLBACK_RATIO` of the words of the longest text; "" when all are empty."""
    longest = max((len(t.split()) for t in texts.values()), default=0)
    for mode in MODES:
        if mode in texts and len(texts[mode].split()) >= FALLBACK_RATIO * longest:
            return mode
    return ""


def extract_article(data: bytes) -> tuple[Any, str, str]:
    """(trafilatura's document with metadata, the chosen text, the mode it came from).

    Precision mode first; recall mode is run to see whether precision lost most of the
    text, and the default mode only when it did."""
    doc = _extract(data, "precision")
    texts = {"precision": _doc_text(doc), "recall": _doc_text(_extract(data, "recall",
                                                                       metadata=False))}
    if choose_text(texts) != "precision":
        texts["default"] = _doc_text(_extract(data, "default", metadata=False))
    mode = choose_text(texts) or "precision"
    return doc, texts[mode], mode


def _words(text: str) -> set[str]:
    return {w.casefold() for w in text.split() if any(c.isalnum() for c in w)}


def agree(a: str, b: str) -> bool:
    """Whether two titles name the same story (most of the shorter one's words shared)."""
    wa, wb = _words(a), _words(b)
    if not wa or not wb:
        return False
    return len(wa & wb) >= 0.6 * min(len(wa), len(wb))


def choose_title(extracted: str, page: dict[str, str], fallback: str) -> str:
    """The extracted title when it agrees with the headline (``og:title``, the article's
    ``<h1>``), else the headline: ``<title>`` is often a promotion or a section name."""
    headlines = [h for h in (page["og_title"], page["headline"]) if h]
    if extracted and (not headlines or any(agree(extracted, h) for h in headlines)):
        return extracted
    return first(*headlines, extracted, page["title"], fallback)


def read_html(path: Path, data: bytes) -> ArticleDraft:
    """An HTML page saved from the web, reduced to its article; refused when it has none."""
    name = path.name
    if looks_binary(data):
        raise ImportRefused(f"{name}: not an HTML page (the file holds binary data)")
    try:
        doc, raw, _mode = extract_article(data)
    except Exception as exc:  # a parser failing on hostile markup is a refusal, not a crash
        raise ImportRefused(f"{name}: the page could not be read ({exc})") from None
    text = require_article(
        join_paragraphs(raw.split("\n")), name, "no article text found in the page"
    )
    page = _page_metadata(data)
    text = with_standfirst(text, page["standfirst"])
    meta = read_metadata(text, fallback_title=path.stem)
    outlet = first(getattr(doc, "sitename", None), page["site"], meta.outlet)
    return ArticleDraft(
        title=choose_title(first(getattr(doc, "title", None)), page, meta.title),
        text=text,
        outlet=outlet,
        url=first(getattr(doc, "url", None), page["url"], meta.url),
        author=first(*(clean_byline(b, outlet) for b in (
            first(getattr(doc, "author", None)), page["author"], page["byline"], meta.author))),
        published=iso_date(first(getattr(doc, "date", None), page["date"])) or meta.published,
        source_path=str(path),
    )
