"""Claims as W3C Web Annotations (JSON-LD), in an ``AnnotationCollection``.

Each claim is one annotation (see :mod:`factcheck.core.interchange.ids` for the IRIs):

* ``motivation``: ``assessing``; ``creator``: the reviewer (a ``Person``);
  ``created``/``modified``: the claim's timestamps.
* ``target``: a ``SpecificResource`` whose ``source`` is the article, with a
  ``TextQuoteSelector`` (exact, prefix, suffix) and a ``TextPositionSelector`` (start,
  end in code points), plus ``fc:contentHash`` (SHA-256 of the article text) so an
  article with a URL can still be matched by its text.
* ``body``, one item per fact:

  - the verdict: ``TextualBody``, purpose ``assessing``, value ``corroborated`` ...;
  - each tag: ``TextualBody``, purpose ``tagging``;
  - the note: ``TextualBody``, purpose ``commenting``, ``text/plain``;
  - each claim link attached to this claim: ``SpecificResource``, purpose ``linking``,
    ``source`` = the other claim's annotation id, ``fc:relation`` = how the *other*
    claim relates to this one (``corroborates``, ``contradicts``, ``same-as``), with
    ``fc:note``, ``creator`` and ``created``. A link is written once, on the claim it
    was attached to, never on both ends;
  - each outside source: ``SpecificResource``, purpose ``linking``, ``source`` = its
    URL, with ``fc:title``, ``fc:quote``, ``fc:accessed``, ``fc:note``. (A source whose
    URL is not an IRI is written as a ``TextualBody`` with purpose ``linking`` and the
    URL as ``value``.)

``fc:`` is ``urn:factcheck:vocab:``, declared in the ``@context`` next to the W3C one.

The collection embeds its first ``AnnotationPage`` in ``first``; further pages (of
:data:`PAGE_SIZE` annotations) are linked by ``next``/``prev`` IRIs, as the model
requires, and their objects are carried in the same file under JSON-LD 1.1
``@included``. Every annotation repeats the ``@context``, so each one can be read
(and validated) on its own.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from typing import Any, TextIO

from factcheck.core.interchange.ids import COLLECTION_URN, article_iri, claim_iri, is_iri
from factcheck.core.report import json_text
from factcheck.core.report.model import (
    ArticleInfo,
    ClaimRef,
    EvidenceItem,
    Report,
    ReportClaim,
)

ANNO_CONTEXT = "http://www.w3.org/ns/anno.jsonld"
FC_VOCAB = "urn:factcheck:vocab:"
CONTEXT: list[Any] = [ANNO_CONTEXT, {"fc": FC_VOCAB}]
PAGE_SIZE = 1000
PRETTY_LIMIT = 5000  # files with more annotations than this are written compact


def _ref_iri(ref: ClaimRef) -> str:
    return claim_iri(ref.article_content_hash, ref.start, ref.end)


def _link_body(e: EvidenceItem) -> dict[str, Any]:
    body: dict[str, Any]
    if e.other is not None:
        body = {"type": "SpecificResource", "purpose": "linking", "source": _ref_iri(e.other),
                "fc:relation": e.relation.value if e.relation else ""}  # fmt: skip
    elif is_iri(e.url):
        body = {"type": "SpecificResource", "purpose": "linking", "source": e.url.strip()}
    else:
        body = {"type": "TextualBody", "purpose": "linking", "value": e.url}
    for key, value in (("fc:title", e.title), ("fc:quote", e.quote),
                       ("fc:accessed", e.accessed), ("fc:note", e.note)):  # fmt: skip
        if value:
            body[key] = value
    if e.reviewer:
        body["creator"] = {"type": "Person", "name": e.reviewer}
    if e.created_at:
        body["created"] = e.created_at
    return body


def annotation(claim: ReportClaim, article: ArticleInfo, iri: str) -> dict[str, Any]:
    """One claim as a standalone Web Annotation (with its own ``@context``)."""
    bodies: list[dict[str, Any]] = [
        {"type": "TextualBody", "purpose": "assessing", "value": claim.status.value,
         "format": "text/plain"},
        *({"type": "TextualBody", "purpose": "tagging", "value": t} for t in claim.tags),
    ]  # fmt: skip
    if claim.note:
        bodies.append({"type": "TextualBody", "purpose": "commenting", "value": claim.note,
                       "format": "text/plain"})  # fmt: skip
    bodies.extend(_link_body(e) for e in claim.evidence if e.outgoing)
    anno: dict[str, Any] = {
        "@context": CONTEXT,
        "id": iri,
        "type": "Annotation",
        "motivation": "assessing",
    }
    if claim.reviewer:
        anno["creator"] = {"type": "Person", "name": claim.reviewer}
    if claim.created_at:
        anno["created"] = claim.created_at
    if claim.updated_at:
        anno["modified"] = claim.updated_at
    anno["body"] = bodies
    anno["target"] = {
        "type": "SpecificResource",
        "source": article_iri(article.url, article.content_hash),
        "fc:contentHash": article.content_hash,
        "selector": [
            {"type": "TextQuoteSelector", "exact": claim.quote, "prefix": claim.prefix,
             "suffix": claim.suffix},
        ],
    }  # fmt: skip
    if claim.placement != "orphaned":  # an orphan's span only marks where it used to be
        anno["target"]["selector"].append(
            {"type": "TextPositionSelector", "start": claim.start, "end": claim.end}
        )
    return anno


def all_annotations(report: Report) -> list[dict[str, Any]]:
    """Every claim of the report as an annotation, in report order."""
    seen: Counter[str] = Counter()
    out = []
    for article in report.articles:
        info = article.info
        for claim in article.claims:
            base = claim_iri(info.content_hash, claim.start, claim.end)
            seen[base] += 1
            iri = claim_iri(info.content_hash, claim.start, claim.end, seen[base])
            out.append(annotation(claim, info, iri))
    return out


def collection(report: Report, *, page_size: int = PAGE_SIZE) -> dict[str, Any]:
    """The report's claims as an ``AnnotationCollection`` (see the module docstring)."""
    items = all_annotations(report)
    digest = hashlib.sha256("\n".join(a["id"] for a in items).encode()).hexdigest()
    coll_id = COLLECTION_URN + digest
    size = max(1, page_size)
    chunks = [items[i : i + size] for i in range(0, len(items), size)] or [[]]
    pages: list[dict[str, Any]] = []
    for n, chunk in enumerate(chunks):
        page: dict[str, Any] = {
            "id": f"{coll_id}:page:{n + 1}", "type": "AnnotationPage",
            "partOf": {"id": coll_id, "label": report.meta.title, "total": len(items)},
            "startIndex": n * size,
        }  # fmt: skip
        if n > 0:
            page["prev"] = f"{coll_id}:page:{n}"
        if n + 1 < len(chunks):
            page["next"] = f"{coll_id}:page:{n + 2}"
        page["items"] = chunk
        pages.append(page)
    coll: dict[str, Any] = {
        "@context": CONTEXT,
        "id": coll_id,
        "type": "AnnotationCollection",
        "label": report.meta.title,
        "total": len(items),
    }
    if report.meta.author_name:
        kind = "Organization" if report.meta.organisation else "Person"
        coll["creator"] = {"type": kind, "name": report.meta.author_name}
    if report.meta.generated_at:
        coll["created"] = report.meta.generated_at
    coll["first"] = pages[0]
    coll["last"] = pages[-1]["id"]
    if len(pages) > 1:
        coll["@included"] = pages[1:]
    return coll


def write_w3c(report: Report, out: TextIO, *, page_size: int = PAGE_SIZE) -> None:
    data = collection(report, page_size=page_size)
    indent = 2 if data["total"] <= PRETTY_LIMIT else None
    out.write(json_text.dumps(data, indent=indent))
    out.write("\n")
