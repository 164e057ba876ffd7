"""Saved web pages: the article's main text and metadata, without the page around it.

Extraction is trafilatura's (offline: it only reads the bytes given), tuned for
precision and without comments, so navigation, adverts, cookie banners, comment threads
and related links stay out; script and style content never reaches the text. Metadata
trafilatura misses is looked up in the page's ``<title>``, Open Graph and ``<meta>``
tags with lxml.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from factcheck.core.article_text import read_metadata
from factcheck.core.decoding import looks_binary
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

    found = {"title": "", "og_title": "", "site": "", "url": "", "author": "", "date": ""}
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
    found["date"] = attr("//meta[@property='article:published_time']", "content") or attr(
        "//time[@datetime]", "datetime"
    )
    return found


def _extract(data: bytes) -> Any:
    import trafilatura

    with quiet_library("trafilatura"), quiet_library("htmldate"):
        return trafilatura.bare_extraction(
            data,
            with_metadata=True,
            favor_precision=True,
            include_comments=False,
            include_tables=True,
            include_images=False,
            include_links=False,
        )


def read_html(path: Path, data: bytes) -> ArticleDraft:
    """An HTML page saved from the web, reduced to its article; refused when it has none."""
    name = path.name
    if looks_binary(data):
        raise ImportRefused(f"{name}: not an HTML page (the file holds binary data)")
    try:
        doc = _extract(data)
    except Exception as exc:  # a parser failing on hostile markup is a refusal, not a crash
        raise ImportRefused(f"{name}: the page could not be read ({exc})") from None
    raw = str(getattr(doc, "text", "") or "") if doc is not None else ""
    text = require_article(
        join_paragraphs(raw.split("\n")), name, "no article text found in the page"
    )
    page = _page_metadata(data)
    meta = read_metadata(text, fallback_title=path.stem)
    return ArticleDraft(
        title=first(getattr(doc, "title", None), page["og_title"], page["title"], meta.title),
        text=text,
        outlet=first(getattr(doc, "sitename", None), page["site"], meta.outlet),
        url=first(getattr(doc, "url", None), page["url"], meta.url),
        author=first(getattr(doc, "author", None), page["author"], meta.author),
        published=iso_date(first(getattr(doc, "date", None), page["date"])) or meta.published,
        source_path=str(path),
    )
