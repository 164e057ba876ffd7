"""One HTML page per judged claim, each carrying its ClaimReview as embedded JSON-LD.

Publishers put one ClaimReview on one page, the page that shows the review (search
engines read the markup from there). :func:`write_claimreview_pages` writes
``claim-<id>.html`` for every judged claim into a folder, plus an ``index.html``
linking them. Each page shows the claim in context, the verdict, the note and the
evidence, and embeds the same ClaimReview as ``factcheck report --format claimreview``
with ``url`` set to where the page will live, ``<organisation_url>/claim-<id>.html``
(the folder is meant to be published at the organisation site's address), when one is
configured.

The JSON-LD sits in a ``<script type="application/ld+json">`` block; ``<``, ``>`` and
``&`` are written as JSON ``\\u`` escapes, so no quote or note can close the script
element (``</script>``) or open a comment in it, and the JSON parses to the same data.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, TextIO
from urllib.parse import urljoin

from markupsafe import Markup

from factcheck.core.colors import STATUS_GRAPHIC_COLORS
from factcheck.core.interchange.claimreview import claim_review, missing_settings
from factcheck.core.report.atomic import OutputError, write_text_atomic
from factcheck.core.report.html import Progress, get_template
from factcheck.core.report.model import ArticleInfo, Report, ReportClaim, ReportMeta

PAGE_TEMPLATE = "claimreview_page.html.j2"
INDEX_TEMPLATE = "claimreview_index.html.j2"


def page_name(claim: ReportClaim) -> str:
    return f"claim-{claim.id}.html"


def page_url(claim: ReportClaim, meta: ReportMeta) -> str:
    """The published address of the claim's page, or "" without an organisation site."""
    base = meta.organisation_url.split("#")[0].strip()
    if not base.lower().startswith(("http://", "https://")):
        return ""
    return urljoin(base if base.endswith("/") else base + "/", page_name(claim))


def json_ld(data: Any) -> Markup:
    """``data`` as JSON safe inside an HTML ``<script>`` element."""
    text = json.dumps(data, ensure_ascii=False, indent=2)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return Markup(text)


def judged(report: Report) -> list[tuple[ArticleInfo, ReportClaim]]:
    return [(a.info, c) for a in report.articles for c in a.claims
            if claim_review(c, a.info, report.meta) is not None]  # fmt: skip


def render_page(report: Report, article: ArticleInfo, claim: ReportClaim) -> str:
    url = page_url(claim, report.meta)
    review = claim_review(claim, article, report.meta, url=url)
    return "".join(get_template(PAGE_TEMPLATE).generate(
        report=report, article=article, c=claim, review=review, json_ld=json_ld(review),
        canonical=url, border=STATUS_GRAPHIC_COLORS[claim.status],
    ))  # fmt: skip


def _write(path: Path, text: str) -> None:
    def put(out: TextIO) -> None:
        out.write(text)

    write_text_atomic(path, put)


def write_claimreview_pages(
    report: Report, folder: str | Path, progress: Progress | None = None
) -> list[Path]:
    """Write one page per judged claim and an index into ``folder`` (created if needed;
    each file written whole or not at all). Returns the pages written."""
    folder = Path(folder)
    if folder.exists() and not folder.is_dir():
        raise OutputError(f"{folder}: exists and is not a folder (claimreview-html writes "
                          "one page per claim into a folder)")  # fmt: skip
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"{folder}: cannot create the folder ({exc.strerror})") from None
    items = judged(report)
    written = []
    for done, (article, claim) in enumerate(items, start=1):
        path = folder / page_name(claim)
        html = render_page(report, article, claim)
        _write(path, html)
        written.append(path)
        if progress is not None:
            progress(done, len(items))
    index = "".join(get_template(INDEX_TEMPLATE).generate(
        report=report, items=items, page_name=page_name, missing=missing_settings(report.meta),
    ))  # fmt: skip
    _write(folder / "index.html", index)
    return written
