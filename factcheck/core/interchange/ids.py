"""Identifiers of articles and claims in exported annotations (IRIs, as W3C requires).

* An article is its ``url`` when that is an absolute IRI, else
  ``urn:factcheck:article:<sha256 of its text>``: the same article text in two projects
  has the same IRI, which is what lets one reviewer's annotations be placed in another
  reviewer's project.
* A claim is ``urn:factcheck:claim:<sha256 of its article's text>:<start>-<end>``
  (code points): stable across projects and across re-exports, so a merge recognises
  the same claim and links between claims survive a round trip. Two claims on exactly
  the same span in one project (rare) are told apart by a ``~2``, ``~3``... suffix in
  the order of their ids.
* A reviewer (or an article's author) is ``urn:factcheck:agent:<hash of the name>``
  (:func:`agent_iri`); the app itself is ``urn:factcheck:software:factcheck``.
"""

from __future__ import annotations

import hashlib
import re

ARTICLE_URN = "urn:factcheck:article:"
CLAIM_URN = "urn:factcheck:claim:"
COLLECTION_URN = "urn:factcheck:collection:"
AGENT_URN = "urn:factcheck:agent:"
SOFTWARE_IRI = "urn:factcheck:software:factcheck"

# RFC 3987 absolute IRI, loosely: a scheme, a colon, then no white space, controls or
# the characters IRIs never hold unescaped.
_IRI = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*:[^\s<>\"{}|\\^`\x00-\x1f\x7f]+$")
_CLAIM = re.compile(r"^urn:factcheck:claim:([0-9a-f]{64}):(\d+)-(\d+)(?:~\d+)?$")
_ARTICLE = re.compile(r"^urn:factcheck:article:([0-9a-f]{64})$")


def is_iri(value: str) -> bool:
    return bool(_IRI.match(value))


def article_iri(url: str, content_hash: str) -> str:
    url = url.strip()
    return url if is_iri(url) else ARTICLE_URN + content_hash


def claim_iri(content_hash: str, start: int, end: int, nth: int = 1) -> str:
    base = f"{CLAIM_URN}{content_hash}:{start}-{end}"
    return base if nth <= 1 else f"{base}~{nth}"


def parse_claim_iri(iri: str) -> tuple[str, int, int] | None:
    """(article content hash, start, end) of a claim IRI made by :func:`claim_iri`."""
    m = _CLAIM.match(iri)
    return (m[1], int(m[2]), int(m[3])) if m else None


def parse_article_iri(iri: str) -> str | None:
    """The content hash in an ``urn:factcheck:article:`` IRI, else None."""
    m = _ARTICLE.match(iri)
    return m[1] if m else None


def agent_iri(name: str) -> str:
    """A stable IRI for a person or organisation known only by name: the same name
    (ignoring case and surrounding space) gives the same IRI in every project and export,
    so another tool can tell reviewers apart without their names being unique keys."""
    digest = hashlib.sha256(" ".join(name.split()).casefold().encode("utf-8")).hexdigest()
    return AGENT_URN + digest[:32]
