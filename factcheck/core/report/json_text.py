"""JSON text that is also safe inside an HTML ``<script>`` element.

ClaimReview is meant to be pasted into a page as ``<script type="application/ld+json">``
and W3C annotations are embedded the same way; a note holding ``</script>`` would end
the element there and the rest would run as HTML. ``<\\/`` and ``\\u003c!--`` mean the
same to every JSON parser, so every JSON export is written this way. The line and
paragraph separators are escaped too (JavaScript string literals before ES2019 end at
them).
"""

from __future__ import annotations

import json
from typing import Any


def embeddable(text: str) -> str:
    """JSON ``text`` with ``</``, ``<!--`` and U+2028/U+2029 escaped (same meaning)."""
    return (
        text.replace("</", "<\\/")
        .replace("<!--", "\\u003c!--")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


def dumps(data: Any, *, indent: int | None) -> str:
    """``json.dumps`` (UTF-8 text, not ASCII escapes) made :func:`embeddable`."""
    return embeddable(json.dumps(data, ensure_ascii=False, indent=indent))
