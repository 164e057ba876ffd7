"""Reading W3C Web Annotations back: from a collection (ours or another tool's) to plain
records that the importer places on articles.

Accepted input: an ``AnnotationCollection`` (first page embedded; further pages found
through ``next`` among the ``@included`` objects), an ``AnnotationPage``, a single
``Annotation``, or a JSON list of annotations. Values may be single or in arrays, as
JSON-LD allows. Annotations by other tools import too: any annotation whose target has
a source and a ``TextQuoteSelector`` or ``TextPositionSelector``; without an
``assessing`` body the claim is unverified. A verdict in another tool's words ("False",
"Mostly true", "Misleading", "Unproven"...) maps onto the nearest status
(:data:`FOREIGN_VERDICTS`, the way ClaimReview ratings group: false-ish ratings
contradict, true-ish ones corroborate, the middle is inconclusive), with a note saying
so; a verdict no table knows leaves the claim unverified, with a note.

Nothing here raises on bad content: an annotation that cannot be read becomes a
:class:`ParseProblem` and the others are still returned. That includes an annotation
holding a lone surrogate (a JSON ``"\ud800"``, which no UTF-8 file or database can
store) and positions that are not plain non-negative integers of at most 18 digits.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from factcheck.core.model import Relation, Status
from factcheck.errors import InvalidInput

_C, _K, _I, _U = Status.CONTRADICTED, Status.CORROBORATED, Status.INCONCLUSIVE, Status.UNVERIFIED
FOREIGN_VERDICTS: dict[str, Status] = {
    **dict.fromkeys((
        "false", "untrue", "not true", "incorrect", "wrong", "fake", "fabricated", "hoax",
        "pants on fire", "mostly false", "partly false", "partially false", "misleading",
        "distorted", "inaccurate", "debunked", "refuted", "contradicts", "scam",
        "false context", "manipulated", "altered", "satire", "exaggerated", "baseless",
    ), _C),
    **dict.fromkeys((
        "true", "correct", "accurate", "mostly true", "mostly correct", "verified",
        "confirmed", "supported", "correct attribution", "legit", "real", "corroborates",
    ), _K),
    **dict.fromkeys((
        "unproven", "unverifiable", "unsubstantiated", "undetermined", "disputed",
        "half true", "half-true", "mixture", "mixed", "unclear", "needs context",
        "missing context", "lacks context", "outdated", "partly true", "research in progress",
        "no evidence", "insufficient evidence", "uncertain",
    ), _I),
    **dict.fromkeys(("not rated", "unrated", "not yet rated", "pending", "unknown"), _U),
}  # fmt: skip


def read_verdict(value: str) -> tuple[Status | None, str]:
    """The status a verdict stands for, with a note when it was translated ("" when the
    value is one of ours); None when no status fits."""
    word = value.strip()
    try:
        return Status(word.lower()), ""
    except ValueError:
        pass
    key = " ".join(word.casefold().replace("_", " ").strip(" .!?\"'").split())
    status = FOREIGN_VERDICTS.get(key) or FOREIGN_VERDICTS.get(key.replace("-", " "))
    if status is None:
        return None, f"unknown verdict {value!r}, left unverified"
    return status, f"verdict {value!r} read as {status.value}"


@dataclass(frozen=True, slots=True)
class LinkRecord:
    target: str  # the other claim's annotation id
    relation: Relation  # how the other claim relates to this one
    note: str = ""
    reviewer: str = ""
    gid: str = ""


@dataclass(frozen=True, slots=True)
class SourceRecord:
    url: str
    title: str = ""
    quote: str = ""
    accessed: str = ""
    note: str = ""
    reviewer: str = ""
    gid: str = ""


@dataclass(frozen=True, slots=True)
class AnnotationRecord:
    id: str
    source: str  # the target's source IRI
    content_hash: str  # fc:contentHash when given, else ""
    exact: str
    prefix: str
    suffix: str
    start: int | None
    end: int | None
    status: Status
    tags: tuple[str, ...]
    note: str
    creator: str
    created: str
    modified: str
    links: tuple[LinkRecord, ...] = ()
    sources: tuple[SourceRecord, ...] = ()
    warnings: tuple[str, ...] = ()
    gid: str = ""  # fc:gid: the claim's global id in the project that wrote it
    claimant: str = ""  # fc:claimant: who made the claim under review


@dataclass(frozen=True, slots=True)
class ParseProblem:
    index: int  # position of the annotation in the file (0-based)
    id: str
    message: str


def _list(value: Any) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _types(node: Any) -> set[str]:
    if not isinstance(node, dict):
        return set()
    return {t for t in _list(node.get("type", node.get("@type"))) if isinstance(t, str)}


def _str(value: Any) -> str:
    """A single string from a JSON-LD value: "x", ["x"], {"@value": "x"}, {"id": "x"}."""
    for v in _list(value):
        if isinstance(v, str):
            return v
        if isinstance(v, dict):
            for key in ("@value", "id", "@id", "value"):
                if isinstance(v.get(key), str):
                    return str(v[key])
    return ""


_DIGITS = re.compile(r"[0-9]{1,18}")  # str.isdigit() also takes "²" and "٣"
MAX_POSITION = 10**18 - 1


def _int(value: Any) -> int | None:
    """A position: a JSON integer or a string of ASCII digits, 0 .. 10**18-1; else None."""
    v = _list(value)[0] if _list(value) else None
    if isinstance(v, bool):
        return None
    if isinstance(v, int):
        return v if 0 <= v <= MAX_POSITION else None
    if isinstance(v, str) and _DIGITS.fullmatch(v.strip()):
        return int(v.strip())
    return None


_SURROGATE = re.compile("[\ud800-\udfff]")


def _lone_surrogate(node: Any) -> str | None:
    """The first string (key or value) in ``node`` holding a lone surrogate, if any.
    Iterative: a deeply nested annotation must not exhaust the stack."""
    stack = [node]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            if _SURROGATE.search(item):
                return item
        elif isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return None


def _agent_name(value: Any) -> str:
    for v in _list(value):
        if isinstance(v, dict):
            name = _str(v.get("name")) or _str(v.get("nickname"))
            if name:
                return name
        elif isinstance(v, str):
            return v
    return ""


def _pages(data: dict[str, Any]) -> list[dict[str, Any]]:
    """The collection's pages in order: ``first``, then along ``next``; any page carried
    in the file but not reached that way comes after."""
    included = [p for p in _list(data.get("@included")) if "AnnotationPage" in _types(p)]
    by_id = {_str(p.get("id")): p for p in included if _str(p.get("id"))}
    first = data.get("first")
    if isinstance(first, list):
        first = first[0] if first else None
    if isinstance(first, str):
        first = by_id.get(first)
    ordered: list[dict[str, Any]] = []
    seen: set[int] = set()
    page = first if isinstance(first, dict) else None
    while page is not None and id(page) not in seen:
        ordered.append(page)
        seen.add(id(page))
        nxt = page.get("next")
        page = by_id.get(_str(nxt)) if nxt is not None else None
        if isinstance(nxt, dict):
            page = nxt
    ordered.extend(p for p in included if id(p) not in seen)
    return ordered


def annotation_nodes(data: Any) -> list[Any]:
    """The annotations held by a collection, a page, one annotation or a list."""
    if isinstance(data, list):
        return data
    if not isinstance(data, dict):
        raise InvalidInput("not a W3C annotation file (expected a JSON object or list)")
    types = _types(data)
    if "AnnotationCollection" in types:
        return [item for page in _pages(data) for item in _list(page.get("items"))]
    if "AnnotationPage" in types:
        return _list(data.get("items"))
    if "Annotation" in types:
        return [data]
    raise InvalidInput(
        "not a W3C annotation file (no AnnotationCollection, AnnotationPage or Annotation)"
    )


def _target(anno: dict[str, Any]) -> tuple[dict[str, Any] | None, str]:
    """The first target that names a source, with that source's IRI."""
    for t in _list(anno.get("target")):
        if isinstance(t, dict) and t.get("source") is not None:
            return t, _str(t.get("source"))
        if isinstance(t, str):
            return {}, t
    return None, ""


def _selectors(target: dict[str, Any]) -> Iterator[dict[str, Any]]:
    for s in _list(target.get("selector")):
        while isinstance(s, dict):
            yield s
            s = s.get("refinedBy")


def _body_purposes(body: dict[str, Any]) -> set[str]:
    return {p for p in _list(body.get("purpose")) if isinstance(p, str)}


def _read_bodies(
    anno: dict[str, Any], motivation: set[str]
) -> tuple[Status, list[str], list[str], list[LinkRecord], list[SourceRecord], list[str]]:
    status = Status.UNVERIFIED
    tags: list[str] = []
    notes: list[str] = []
    links: list[LinkRecord] = []
    sources: list[SourceRecord] = []
    warnings: list[str] = []
    bodies = _list(anno.get("body"))
    if anno.get("bodyValue") is not None:
        bodies.append({"type": "TextualBody", "value": _str(anno["bodyValue"])})
    for body in bodies:
        if isinstance(body, str):
            if "linking" in motivation:
                sources.append(SourceRecord(url=body))
            continue
        if not isinstance(body, dict):
            continue
        purposes = _body_purposes(body) or (motivation & {"tagging", "commenting", "assessing"})
        value = _str(body.get("value"))
        if "linking" in purposes or (body.get("source") is not None and not value):
            _read_link(body, links, sources, warnings)
        elif "assessing" in purposes:
            found, note = read_verdict(value)
            if found is not None:
                status = found
            if note:
                warnings.append(note)
        elif "tagging" in purposes:
            if value.strip():
                tags.append(value.strip())
        elif value.strip():
            notes.append(value)
    return status, tags, notes, links, sources, warnings


def _read_link(
    body: dict[str, Any], links: list[LinkRecord], sources: list[SourceRecord],
    warnings: list[str],
) -> None:  # fmt: skip
    note = _str(body.get("fc:note"))
    reviewer = _agent_name(body.get("creator"))
    relation = _str(body.get("fc:relation"))
    gid = _str(body.get("fc:gid")).strip()
    target = _str(body.get("source")) or _str(body.get("id"))
    if relation:
        try:
            links.append(LinkRecord(target, Relation(relation), note, reviewer, gid))
        except ValueError:
            warnings.append(f"unknown relation {relation!r} to {target}, link left out")
        return
    url = target or _str(body.get("value"))
    if url:
        sources.append(SourceRecord(
            url=url, title=_str(body.get("fc:title")), quote=_str(body.get("fc:quote")),
            accessed=_str(body.get("fc:accessed")), note=note, reviewer=reviewer, gid=gid,
        ))  # fmt: skip


def parse_annotation(anno: Any, index: int = 0) -> AnnotationRecord | ParseProblem:
    """One annotation as a record, or the reason it cannot be used."""
    if not isinstance(anno, dict):
        return ParseProblem(index, "", "not an annotation (expected a JSON object)")
    ident = _str(anno.get("id")) or f"#{index + 1}"
    bad = _lone_surrogate(anno)
    if bad is not None:
        if _SURROGATE.search(ident):
            ident = f"#{index + 1}"
        return ParseProblem(index, ident, "holds an invalid character (a lone UTF-16 "
                            "surrogate such as \\ud800), which cannot be stored")  # fmt: skip
    target, source = _target(anno)
    if target is None or not source:
        return ParseProblem(index, ident, "no target with a source to place it on")
    exact = prefix = suffix = ""
    start = end = None
    for sel in _selectors(target):
        kinds = _types(sel)
        if "TextQuoteSelector" in kinds and not exact:
            exact = _str(sel.get("exact"))
            prefix, suffix = _str(sel.get("prefix")), _str(sel.get("suffix"))
        elif "TextPositionSelector" in kinds and start is None:
            start, end = _int(sel.get("start")), _int(sel.get("end"))
    if start is not None and (end is None or end <= start):
        start = end = None
    if not exact and start is None:
        return ParseProblem(index, ident, "no TextQuoteSelector or TextPositionSelector")
    motivation = {m for m in _list(anno.get("motivation")) if isinstance(m, str)}
    status, tags, notes, links, sources, warnings = _read_bodies(anno, motivation)
    return AnnotationRecord(
        id=ident, source=source, content_hash=_str(target.get("fc:contentHash")),
        exact=exact, prefix=prefix, suffix=suffix, start=start, end=end, status=status,
        tags=tuple(dict.fromkeys(tags)), note="\n\n".join(notes),
        creator=_agent_name(anno.get("creator")), created=_str(anno.get("created")),
        modified=_str(anno.get("modified")), links=tuple(links), sources=tuple(sources),
        warnings=tuple(warnings), gid=_str(anno.get("fc:gid")).strip(),
        claimant=_str(anno.get("fc:claimant"))[:300],
    )  # fmt: skip


def parse_annotations(data: Any) -> tuple[list[AnnotationRecord], list[ParseProblem]]:
    """Every annotation in ``data`` (parsed JSON), split into usable records and problems.

    Raises :class:`InvalidInput` only when ``data`` is no annotation container at all.
    """
    records: list[AnnotationRecord] = []
    problems: list[ParseProblem] = []
    for i, node in enumerate(annotation_nodes(data)):
        result = parse_annotation(node, i)
        (records if isinstance(result, AnnotationRecord) else problems).append(result)  # type: ignore[arg-type]
    return records, problems


@dataclass(frozen=True, slots=True)
class EmbeddedArticle:
    """An article's text carried in the file (``factcheck report --format w3c
    --embed-text``), so annotations on it can be imported into a project without it."""

    id: str  # the IRI annotations use as their target's source
    text: str
    title: str = ""
    url: str = ""
    outlet: str = ""
    author: str = ""
    published: str = ""
    language: str = ""


def embedded_articles(data: Any) -> dict[str, EmbeddedArticle]:
    """The articles whose text a collection carries in ``@included`` (objects with an
    ``id`` and a string ``value`` that are not annotation pages), by IRI."""
    if not isinstance(data, dict):
        return {}
    found: dict[str, EmbeddedArticle] = {}
    for node in _list(data.get("@included")):
        if not isinstance(node, dict) or "AnnotationPage" in _types(node):
            continue
        ident, value = _str(node.get("id")), node.get("value")
        if not ident or not isinstance(value, str) or not value.strip():
            continue
        authors = [_agent_name(a) for a in _list(node.get("creator"))]
        found[ident] = EmbeddedArticle(
            id=ident, text=value, title=_str(node.get("fc:title")), url=_str(node.get("fc:url")),
            outlet=_str(node.get("fc:outlet")), author="; ".join(a for a in authors if a),
            published=_str(node.get("fc:published")), language=_str(node.get("language")),
        )  # fmt: skip
    return found
