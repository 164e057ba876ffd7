"""Web addresses accepted as sources and article URLs.

Exports put these addresses into HTML links, W3C annotations and schema.org ClaimReview
that other programs open; a ``javascript:``, ``data:``, ``vbscript:`` or ``file:`` URL
there runs code or reads local files when clicked. So only ``http`` and ``https``
addresses with a host are accepted where they enter a project; an address typed as
``www.example.org/...`` gets ``https://`` in front, which is what the person meant.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from factcheck.errors import InvalidInput

_CONTROL = re.compile(r"[\x00-\x20\x7f]")


def web_url(text: str) -> str | None:
    """``text`` as an http(s) URL (``www.`` given a scheme), or None when it is not one."""
    url = text.strip()
    if not url or _CONTROL.search(url):
        return None
    if url.lower().startswith("www."):
        url = "https://" + url
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    return url


def require_web_url(text: str, what: str = "a source") -> str:
    """:func:`web_url` or :class:`InvalidInput` saying what is accepted."""
    url = web_url(text)
    if url is None:
        shown = text.strip()
        shown = shown if len(shown) <= 80 else shown[:79] + "…"
        if not shown:
            raise InvalidInput(f"{what} needs a URL")
        raise InvalidInput(f"{what} must be a web address (http:// or https://), "
                           f"not {shown!r}")  # fmt: skip
    return url
