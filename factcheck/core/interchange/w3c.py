"""Claims as W3C Web Annotations (JSON-LD), in an ``AnnotationCollection``.

Each claim is one annotation (see :mod:`factcheck.core.interchange.ids` for the IRIs):

* ``motivation``: ``assessing``; ``creator``: the reviewer (a ``Person`` with a stable
  ``id`` made from the name, ``name`` and ``nickname``); ``created``/``modified``: the
  claim's timestamps; ``generator``: the app (``Software``, with its version) and
  ``generated``: when the file was written.
* ``target``: a ``SpecificResource`` whose ``source`` is the article (an object: its IRI
  as ``id``, ``type`` ``Text``, ``format`` ``text/html`` for a web page or
  ``text/plain`` for text known only by its hash, ``language`` when known, the article's
  author as ``creator``), marked by the reviewer (its own ``creator`` and ``created``),
  with a ``TextQuoteSelector`` (exact, prefix, suffix) and a
  ``TextPositionSelector`` (start, end in code points) -- for plain text also an RFC
  5147 ``FragmentSelector`` (``char=start,end``) -- plus ``fc:contentHash`` (SHA-256 of
  the article text) so an article with a URL can still be matched by its text.
* ``fc:gid``: the claim's global id (the same in every reviewer's copy of the project;
  evidence bodies carry theirs too); the target carries ``fc:articleGid``.
* ``body``, one item per fact:

  - the verdict: ``TextualBody``, purpose ``assessing``, value ``corroborated`` ...,
    ``language`` ``en`` (the verdict's words), with its ``creator`` and ``created``;
  - each tag: ``TextualBody``, purpose ``tagging``;
  - the note: ``TextualBody``, purpose ``commenting``, ``text/plain``, ``language`` as
    detected in the note (a reviewer's note need not be in the article's language);
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

With ``embed_text``, the text of each article is carried in the file too (``@included``
objects of type ``Text`` with the article's IRI as ``id`` and the text as ``value``, like
an ``EmbeddedTextualBody``), so annotations whose target is an ``urn:`` only this app can
resolve still come with what they annotate.

The collection embeds its first ``AnnotationPage`` in ``first``; further pages (of
:data:`PAGE_SIZE` annotations) are linked by ``next``/``prev`` IRIs, as the model
requires, and their objects are carried in the same file under JSON-LD 1.1
``@included``. Every annotation repeats the ``@context``, so each one can be read
(and validated) on its own.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Mapping
from functools import lru_cache
from typing import Any, TextIO

from factcheck.core.interchange.ids import (
    ARTICLE_URN,
    COLLECTION_URN,
    SOFTWARE_IRI,
    agent_iri,
    article_iri,
    claim_iri,
    is_iri,
)
from factcheck.core.language import detect_language
from factcheck.core.report import json_text
from factcheck.core.report.model import (
    ArticleInfo,
    ClaimRef,
    EvidenceItem,
    Report,
    ReportClaim,
    ReportMeta,
)

ANNO_CONTEXT = "http://www.w3.org/ns/anno.jsonld"
FC_VOCAB = "urn:factcheck:vocab:"
CONTEXT: list[Any] = [ANNO_CONTEXT, {"fc": FC_VOCAB}]
PAGE_SIZE = 1000
PRETTY_LIMIT = 5000  # files with more annotations than this are written compact
VERDICT_LANGUAGE = "en"  # the verdict bodies hold English words (corroborated...)
RFC5147 = "http://tools.ietf.org/rfc/rfc5147"


def agent(name: str, kind: str = "Person") -> dict[str, Any]:
    """A W3C Agent known by name, with the stable id of :func:`agent_iri`."""
    return {"id": agent_iri(name), "type": kind, "name": name, "nickname": name}


def generator(meta: ReportMeta) -> dict[str, Any]:
    """The app that wrote the file, as a ``Software`` agent with its version."""
    return {"id": SOFTWARE_IRI, "type": "Software", "name": meta.generator or "factcheck",
            "nickname": "factcheck"}  # fmt: skip


def article_source(article: ArticleInfo) -> dict[str, Any]:
    """The target's ``source``: the article as a resource (IRI, format, language,
    author)."""
    iri = article_iri(article.url, article.content_hash)
    source: dict[str, Any] = {
        "id": iri,
        "type": "Text",
        "format": "text/plain" if iri.startswith(ARTICLE_URN) else "text/html",
    }
    if article.language:
        source["language"] = article.language
    authors = [a.strip() for a in article.author.split(";") if a.strip()]
    if authors:
        people = [agent(a) for a in authors]
        source["creator"] = people[0] if len(people) == 1 else people
    return source


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
    for key, value in (("fc:gid", e.gid), ("fc:title", e.title), ("fc:quote", e.quote),
                       ("fc:accessed", e.accessed), ("fc:note", e.note)):  # fmt: skip
        if value:
            body[key] = value
    if e.reviewer:
        body["creator"] = {"type": "Person", "name": e.reviewer}
    if e.created_at:
        body["created"] = e.created_at
    return body


@lru_cache(maxsize=4096)
def note_language(note: str) -> str:
    """The language a reviewer wrote a note in (detected: it need not be the article's,
    nor the same for every note); "" when the note is too short to tell."""
    return detect_language(note)


def annotation(
    claim: ReportClaim, article: ArticleInfo, iri: str, meta: ReportMeta | None = None
) -> dict[str, Any]:
    """One claim as a standalone Web Annotation (with its own ``@context``)."""
    verdict: dict[str, Any] = {"type": "TextualBody", "purpose": "assessing",
                               "value": claim.status.value, "format": "text/plain",
                               "language": VERDICT_LANGUAGE}  # fmt: skip
    if claim.reviewer:
        verdict["creator"] = agent(claim.reviewer)
    if claim.updated_at or claim.created_at:
        verdict["created"] = claim.updated_at or claim.created_at
    bodies: list[dict[str, Any]] = [
        verdict,
        *({"type": "TextualBody", "purpose": "tagging", "value": t} for t in claim.tags),
    ]
    if claim.note:
        note: dict[str, Any] = {"type": "TextualBody", "purpose": "commenting",
                                "value": claim.note, "format": "text/plain"}  # fmt: skip
        if language := note_language(claim.note):
            note["language"] = language
        bodies.append(note)
    bodies.extend(_link_body(e) for e in claim.evidence if e.outgoing)
    anno: dict[str, Any] = {
        "@context": CONTEXT,
        "id": iri,
        "type": "Annotation",
        "motivation": "assessing",
    }
    if claim.gid:
        anno["fc:gid"] = claim.gid
    if claim.reviewer:
        anno["creator"] = agent(claim.reviewer)
    if claim.claimant:  # who made the claim under review (not who annotated it)
        anno["fc:claimant"] = claim.claimant
    if claim.created_at:
        anno["created"] = claim.created_at
    if claim.updated_at:
        anno["modified"] = claim.updated_at
    if meta is not None:
        anno["generator"] = generator(meta)
        if meta.generated_at:
            anno["generated"] = meta.generated_at
    anno["body"] = bodies
    source = article_source(article)
    anno["target"] = {
        "type": "SpecificResource",
        "source": source,
        "fc:contentHash": article.content_hash,
        **({"fc:articleGid": article.gid} if article.gid else {}),
        "selector": [
            {"type": "TextQuoteSelector", "exact": claim.quote, "prefix": claim.prefix,
             "suffix": claim.suffix},
        ],
    }  # fmt: skip
    if claim.reviewer:  # the span (this SpecificResource) was marked by the reviewer
        anno["target"]["creator"] = agent(claim.reviewer)
    if claim.created_at:
        anno["target"]["created"] = claim.created_at
    if claim.placement != "orphaned":  # an orphan's span only marks where it used to be
        anno["target"]["selector"].append(
            {"type": "TextPositionSelector", "start": claim.start, "end": claim.end}
        )
        if source["format"] == "text/plain":
            fragment = f"char={claim.start},{claim.end}"
            anno["target"]["selector"].append(
                {"type": "FragmentSelector", "conformsTo": RFC5147, "value": fragment}
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
            out.append(annotation(claim, info, iri, report.meta))
    return out


def embedded_articles(report: Report, texts: Mapping[int, str]) -> list[dict[str, Any]]:
    """The text of every article of the report found in ``texts`` (by article id), as
    resources another tool can read without this project."""
    out = []
    for article in report.articles:
        info = article.info
        if info.id not in texts:
            continue
        resource = article_source(info)
        resource["value"] = texts[info.id]
        resource["fc:title"] = info.title
        resource["fc:contentHash"] = info.content_hash
        for key, value in (("fc:outlet", info.outlet), ("fc:published", info.published),
                           ("fc:url", info.url)):  # fmt: skip
            if value:
                resource[key] = value
        out.append(resource)
    return out


def collection(
    report: Report, *, page_size: int = PAGE_SIZE, texts: Mapping[int, str] | None = None
) -> dict[str, Any]:
    """The report's claims as an ``AnnotationCollection`` (see the module docstring);
    ``texts`` (article id -> text) embeds those articles' text."""
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
        coll["creator"] = agent(report.meta.author_name, kind)
        if report.meta.organisation and is_iri(report.meta.organisation_url):
            coll["creator"]["homepage"] = report.meta.organisation_url
    if report.meta.generated_at:
        coll["created"] = report.meta.generated_at
    coll["generator"] = generator(report.meta)
    coll["first"] = pages[0]
    coll["last"] = pages[-1]["id"]
    included: list[dict[str, Any]] = pages[1:]
    if texts:
        included = [*included, *embedded_articles(report, texts)]
    if included:
        coll["@included"] = included
    return coll


def write_w3c(
    report: Report, out: TextIO, *, page_size: int = PAGE_SIZE,
    texts: Mapping[int, str] | None = None,
) -> None:  # fmt: skip
    data = collection(report, page_size=page_size, texts=texts)
    indent = 2 if data["total"] <= PRETTY_LIMIT else None
    out.write(json_text.dumps(data, indent=indent))
    out.write("\n")
