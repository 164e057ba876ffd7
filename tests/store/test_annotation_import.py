"""Importing W3C annotations: round trip, merging two reviewers' work, what cannot be
placed, re-anchoring, and links across projects."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from sqlite_utils import Database

from factcheck.core.interchange.w3c import collection
from factcheck.core.model import Relation, Status
from factcheck.errors import InvalidInput
from factcheck.store import importer, ops, queries
from factcheck.store.annotation_import import (
    import_annotation_file,
    import_annotations,
    locate_quote,
)
from factcheck.store.project import connect
from factcheck.store.report_data import gather_report
from tests.conftest import REPO
from tests.core.test_report_corpus import review_seed_corpus


def _fresh() -> Database:
    db = connect(":memory:")
    importer.import_paths(db, [REPO / "seeds"], "tester")
    return db


def _export(db: Database, article_ids: list[int] | None = None) -> dict[str, Any]:
    report = gather_report(db, article_ids, reviewer="x", generated_at="2024-01-01T00:00:00Z")
    return json.loads(json.dumps(collection(report, page_size=3)))


def _claims_of(coll: dict[str, Any]) -> list[dict[str, Any]]:
    """The annotations without what an import legitimately changes (its timestamps)."""
    out = []
    for page in [coll["first"], *coll.get("@included", [])]:
        for anno in page["items"]:
            anno = {k: v for k, v in anno.items() if k not in ("created", "modified")}
            anno["body"] = [{k: v for k, v in b.items() if k != "created"} for b in anno["body"]]
            anno["target"] = {k: v for k, v in anno["target"].items() if k != "created"}
            out.append(anno)
    return out


def _counts(db: Database) -> dict[str, int]:
    return {t: db.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
            for t in ("claims", "evidence", "claim_tags", "tags", "history")}  # fmt: skip


def test_round_trip_gives_the_same_claims(seeded_db: Database) -> None:
    review_seed_corpus(seeded_db)
    exported = _export(seeded_db)
    other = _fresh()
    result = import_annotations(other, exported, "carol")
    assert result.ok and result.notes == ()
    assert (len(result.created), len(result.merged)) == (7, 0)
    assert (result.links_added, result.sources_added) == (3, 2)
    assert _claims_of(_export(other)) == _claims_of(exported)
    # the relation and direction of every link came back
    links = {(e.claim_id, e.target_claim_id, e.relation) for e in queries.all_evidence(other)
             if e.kind == "claim"}  # fmt: skip
    q = {c.quote: c.id for c in queries.all_claims(other)}
    contradiction = (q["more than 3,000 volunteer rescue workers"],
                     q["the group's 2,700-strong members"], Relation.CONTRADICTS)  # fmt: skip
    assert contradiction in links


def test_importing_twice_changes_nothing_the_second_time(seeded_db: Database) -> None:
    review_seed_corpus(seeded_db)
    exported = _export(seeded_db)
    other = _fresh()
    import_annotations(other, exported, "carol")
    before = _counts(other)
    again = import_annotations(other, exported, "carol")
    assert (len(again.created), len(again.merged)) == (0, 7)
    assert again.links_added == again.sources_added == 0
    assert _counts(other) == before
    # and importing into the project the collection came from is a no-op too
    before = _counts(seeded_db)
    import_annotations(seeded_db, exported, "alice")
    assert _counts(seeded_db) == before


def test_merge_takes_verdict_unions_tags_appends_notes(seeded_db: Database) -> None:
    corpus = review_seed_corpus(seeded_db)
    exported = _export(seeded_db)
    other = _fresh()
    # the second reviewer marked two of the same spans, differently
    first = queries.get_claim(seeded_db, corpus.corroborated)
    mine = ops.mark_claim(other, 1, first.start, first.end, "dave", tags=["mine"],
                          note="Dave's note.").created_id  # fmt: skip
    rescued = queries.get_claim(seeded_db, corpus.rescued)
    judged = ops.mark_claim(other, 4, rescued.start, rescued.end, "dave",
                            status=Status.CONTRADICTED).created_id  # fmt: skip
    assert mine and judged
    result = import_annotations(other, exported, "dave")
    assert result.ok and len(result.merged) == 2 and len(result.created) == 5
    merged = queries.get_claim(other, mine)
    assert merged.status is Status.CORROBORATED  # it was unverified: taken over
    assert merged.tags == ("membership", "mine", "numbers")
    assert merged.note == "Dave's note.\n\nMatches the group's own figures."
    kept = queries.get_claim(other, judged)
    assert kept.status is Status.CONTRADICTED  # both judged: kept, conflict reported
    assert any("keeps its verdict contradicted; the import says inconclusive" in n
               for n in result.notes)  # fmt: skip
    # the other reviewer's verdict is kept beside dave's, not dropped
    verdicts = {v.reviewer: v.status for v in queries.reviewer_verdicts(other)[judged]}
    assert verdicts["dave"] is Status.CONTRADICTED
    assert Status.INCONCLUSIVE in verdicts.values()
    assert queries.get_claim(other, judged).note.startswith("Only the group's own count.")


def test_what_cannot_be_placed_is_reported_and_the_rest_imported(seeded_db: Database) -> None:
    review_seed_corpus(seeded_db)
    exported = _export(seeded_db)
    items = exported["first"]["items"]
    items[0]["target"]["source"] = "https://nowhere.example/article"
    items[0]["target"]["fc:contentHash"] = "0" * 64
    items[1]["target"]["selector"] = [{"type": "TextQuoteSelector",
                                       "exact": "words that are in no article at all"}]  # fmt: skip
    items.append("not an annotation")
    other = _fresh()
    result = import_annotations(other, exported, "carol")
    assert not result.ok
    reasons = [u.line() for u in result.unplaced]
    assert len(reasons) == 2
    assert any("not an annotation" in r for r in reasons)
    assert any(r.endswith("no article in this project for https://nowhere.example/article")
               for r in reasons)  # fmt: skip
    # The article is here but the words are not: kept as a lost claim, never dropped.
    lost_id = result.created[items[1]["id"]]
    lost = queries.get_claim(other, lost_id)
    assert lost.placement == "orphaned" and lost.quote == "words that are in no article at all"
    assert any("kept as a lost (orphaned) claim" in n and "words that are in no" in n
               for n in result.notes)  # fmt: skip
    assert len(result.created) == 6 and queries.all_claims(other) != []


def _with_url(db: Database, article_id: int, url: str) -> None:
    ops.update_article_metadata(db, article_id, "x", url=url)


def test_articles_match_by_url_and_quotes_are_re_anchored(seeded_db: Database) -> None:
    corpus = review_seed_corpus(seeded_db)
    _with_url(seeded_db, 2, "https://example.org/helmets")
    exported = _export(seeded_db, [2])
    # the other project holds the article at the same URL, with a changed text
    old = queries.get_article(seeded_db, 2).text
    new_text = "Editor's note: updated.\n\n" + old.replace(
        "There are nearly 3,000 members", "There are almost 3,000 members")
    other = connect(":memory:")
    from factcheck.core.model import ArticleDraft

    ops.import_articles(other, [ArticleDraft(title="Helmets", text=new_text,
                                             url="https://example.org/helmets")], "x")  # fmt: skip
    result = import_annotations(other, exported, "carol")
    assert result.ok, result.unplaced
    claims = {c.quote: c for c in queries.all_claims(other)}
    petition = claims["more than 325,000 signatures"]  # moved: found by its quote
    assert petition.start == queries.get_claim(seeded_db, corpus.petition).start + 25
    assert "There are almost 3,000 members of the White Helmets" in claims  # approximate
    assert any("placed approximately" in n for n in result.notes)


def test_articles_match_an_older_revision_by_text_hash(seeded_db: Database) -> None:
    corpus = review_seed_corpus(seeded_db)
    exported = _export(seeded_db, [4])
    other = _fresh()
    text = queries.get_article(other, 4).text
    ops.create_revision(other, 4, "Updated. " + text, "x")
    result = import_annotations(other, exported, "carol")
    assert result.ok and len(result.created) == 1
    (claim,) = queries.claims_for_article(other, 4)
    assert claim.quote == queries.get_claim(seeded_db, corpus.rescued).quote
    assert claim.start == queries.get_claim(seeded_db, corpus.rescued).start + len("Updated. ")


def test_links_map_onto_the_new_projects_claim_ids(seeded_db: Database) -> None:
    review_seed_corpus(seeded_db)
    exported = _export(seeded_db)
    other = _fresh()
    for i in range(5):  # claims already there shift every new id
        ops.mark_claim(other, 3, i * 10, i * 10 + 5, "x")
    import_annotations(other, exported, "carol")
    by_quote = {c.quote: c.id for c in queries.all_claims(other)}
    got = {(e.claim_id, e.target_claim_id, e.relation) for e in queries.all_evidence(other)
           if e.kind == "claim"}  # fmt: skip
    q = by_quote
    assert got == {
        (q["more than 3,000 volunteer rescue workers"],
         q["There are nearly 3,000 members of the White Helmets"], Relation.CORROBORATES),
        (q["more than 3,000 volunteer rescue workers"], q["the group's 2,700-strong members"],
         Relation.CONTRADICTS),
        (q["there are 300 currently trapped"], q["more than 3,000 volunteer rescue workers"],
         Relation.SAME_AS),
    }  # fmt: skip


def test_a_link_to_a_claim_outside_the_collection(seeded_db: Database) -> None:
    review_seed_corpus(seeded_db)
    only_first = _export(seeded_db, [1])  # links point at claims of articles 2, 3 and 5
    # into a project that has those claims: linked through their factcheck ids
    other = _fresh()
    rest = _export(seeded_db, [2, 3, 4, 5])
    import_annotations(other, rest, "carol")
    result = import_annotations(other, only_first, "carol")
    assert result.links_added == 2 and result.notes == ()
    # into a project without them: left out, and said so
    bare = _fresh()
    result = import_annotations(bare, only_first, "carol")
    assert result.ok and result.links_added == 0
    assert sum("left out" in n for n in result.notes) == 2


def test_locate_quote_prefers_the_position_then_context() -> None:
    from factcheck.core.interchange.w3c_parse import AnnotationRecord

    text = "one cat here. two cat there. three cat everywhere."

    def rec(start: int | None, prefix: str = "", suffix: str = "") -> AnnotationRecord:
        return AnnotationRecord("urn:x", "urn:s", "", "cat", prefix, suffix, start,
                                None if start is None else start + 3, Status.UNVERIFIED, (),
                                "", "", "", "")  # fmt: skip

    assert locate_quote(text, rec(18)).how == "position"  # type: ignore[union-attr]
    found = locate_quote(text, rec(0, prefix="three ", suffix=" everywhere"))
    assert found is not None and (found.start, found.how) == (35, "quote")
    assert locate_quote("no such word", rec(None)) is None


def test_a_broken_file_is_refused_with_its_name(tmp_path: Path, db: Database) -> None:
    bad = tmp_path / "bad.jsonld"
    bad.write_text("{not json", encoding="utf-8")
    with pytest.raises(InvalidInput, match=r"bad\.jsonld: not valid JSON"):
        import_annotation_file(db, bad, "r")
    other = tmp_path / "other.json"
    other.write_text('{"type": "Person"}', encoding="utf-8")
    with pytest.raises(InvalidInput, match=r"other\.json: not a W3C annotation file"):
        import_annotation_file(db, other, "r")
    with pytest.raises(InvalidInput, match="cannot read the file"):
        import_annotation_file(db, tmp_path / "missing.jsonld", "r")
