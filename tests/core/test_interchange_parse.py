"""Reading annotations back: our own export, other shapes, and broken input."""

from __future__ import annotations

from typing import Any

import pytest
from sqlite_utils import Database

from factcheck.core.interchange.ids import (
    article_iri,
    claim_iri,
    parse_article_iri,
    parse_claim_iri,
)
from factcheck.core.interchange.w3c import collection
from factcheck.core.interchange.w3c_parse import (
    AnnotationRecord,
    ParseProblem,
    annotation_nodes,
    parse_annotation,
    parse_annotations,
)
from factcheck.core.model import Relation, Status
from factcheck.errors import InvalidInput
from factcheck.store.report_data import gather_report
from tests.core.test_report_corpus import review_seed_corpus

H = "a" * 64


def test_own_export_parses_back_to_the_same_facts(seeded_db: Database) -> None:
    corpus = review_seed_corpus(seeded_db)
    report = gather_report(seeded_db, reviewer="r")
    records, problems = parse_annotations(collection(report, page_size=2))
    assert problems == []
    assert len(records) == 7
    by_quote = {r.exact: r for r in records}
    claims = {c.quote: c for _, c in report.claims()}
    for quote, rec in by_quote.items():
        claim = claims[quote]
        assert (rec.start, rec.end, rec.status, rec.tags, rec.note, rec.creator) == (
            claim.start, claim.end, claim.status, claim.tags, claim.note, claim.reviewer)
    first = by_quote["more than 3,000 volunteer rescue workers"]
    assert {(link.relation, link.note) for link in first.links} == {
        (Relation.CORROBORATES, ""), (Relation.CONTRADICTS, "2,700 is not more than 3,000")}
    assert [(s.url, s.title, s.accessed) for s in first.sources] == [
        ("https://www.whitehelmets.org/en/", "About the White Helmets", "2024-03-01")]
    assert corpus.corroborated  # the corpus was built


def test_pages_are_followed_in_order_whatever_order_they_are_included_in() -> None:
    def page(n: int, nxt: int | None) -> dict[str, Any]:
        p: dict[str, Any] = {"id": f"urn:p:{n}", "type": "AnnotationPage",
                             "items": [_anno(f"urn:a:{n}")]}  # fmt: skip
        if nxt:
            p["next"] = f"urn:p:{nxt}"
        return p

    data = {"type": "AnnotationCollection", "first": "urn:p:1",
            "@included": [page(3, None), page(1, 2), page(2, 3)]}  # fmt: skip
    assert [a["id"] for a in annotation_nodes(data)] == ["urn:a:1", "urn:a:2", "urn:a:3"]


def _anno(ident: str = "urn:x:1", **extra: Any) -> dict[str, Any]:
    anno: dict[str, Any] = {
        "@context": "http://www.w3.org/ns/anno.jsonld", "id": ident, "type": "Annotation",
        "target": {"source": "https://example.org/a",
                   "selector": {"type": "TextQuoteSelector", "exact": "quote"}},
    }  # fmt: skip
    anno.update(extra)
    return anno


def test_a_single_annotation_a_page_and_a_list_are_accepted() -> None:
    one = _anno()
    assert annotation_nodes(one) == [one]
    assert annotation_nodes({"type": "AnnotationPage", "items": [one]}) == [one]
    assert annotation_nodes([one, one]) == [one, one]


def test_another_tools_annotation_imports_with_tags_and_comment() -> None:
    anno = _anno(
        motivation="commenting",
        creator="https://hypothes.is/users/x",
        body=[{"type": "TextualBody", "value": "see source", "purpose": "commenting"},
              {"type": "TextualBody", "value": "politics", "purpose": "tagging"}],
        target=[{"source": "https://example.org/a", "selector": [
            {"type": "RangeSelector", "startSelector": {}, "endSelector": {}},
            {"type": "TextPositionSelector", "start": 5, "end": 10},
            {"type": "TextQuoteSelector", "exact": "quote", "prefix": "a ", "suffix": " b"}]}],
    )  # fmt: skip
    rec = parse_annotation(anno)
    assert isinstance(rec, AnnotationRecord)
    assert (rec.exact, rec.prefix, rec.suffix, rec.start, rec.end) == ("quote", "a ", " b", 5, 10)
    assert (rec.status, rec.tags, rec.note) == (Status.UNVERIFIED, ("politics",), "see source")
    assert rec.creator == "https://hypothes.is/users/x"


@pytest.mark.parametrize(
    ("anno", "message"),
    [
        ("just a string", "not an annotation"),
        ({"id": "urn:x", "type": "Annotation"}, "no target"),
        ({"id": "urn:x", "type": "Annotation", "target": {"source": "https://e.org/",
          "selector": {"type": "CssSelector", "value": "p"}}}, "no TextQuoteSelector"),
    ],
)
def test_unusable_annotations_become_problems(anno: Any, message: str) -> None:
    result = parse_annotation(anno, 4)
    assert isinstance(result, ParseProblem)
    assert message in result.message and result.index == 4


def test_unknown_verdict_and_relation_are_warned_about() -> None:
    rec = parse_annotation(_anno(body=[
        {"type": "TextualBody", "purpose": "assessing", "value": "probably"},
        {"type": "SpecificResource", "purpose": "linking", "source": "urn:x:2",
         "fc:relation": "likes"}]))  # fmt: skip
    assert isinstance(rec, AnnotationRecord)
    assert rec.status is Status.UNVERIFIED and rec.links == ()
    assert len(rec.warnings) == 2


@pytest.mark.parametrize("data", [42, "text", {"type": "Person"}, {}])
def test_a_file_without_annotations_is_refused(data: Any) -> None:
    with pytest.raises(InvalidInput, match="not a W3C annotation file"):
        parse_annotations(data)


def test_ids_round_trip() -> None:
    assert article_iri("", H) == f"urn:factcheck:article:{H}"
    assert article_iri(" https://e.org/a ", H) == "https://e.org/a"
    assert article_iri("e.org/no scheme", H) == f"urn:factcheck:article:{H}"
    assert parse_article_iri(article_iri("", H)) == H
    assert parse_claim_iri(claim_iri(H, 3, 9)) == (H, 3, 9)
    assert parse_claim_iri(claim_iri(H, 3, 9, 2)) == (H, 3, 9)
    assert claim_iri(H, 3, 9, 2).endswith("~2")
    assert parse_claim_iri("urn:factcheck:claim:xyz:1-2") is None
