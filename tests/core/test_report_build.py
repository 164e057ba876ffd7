"""The report's data: what build_report resolves from claims, evidence and history."""

from __future__ import annotations

from sqlite_utils import Database

from factcheck.core.model import Relation, Status
from factcheck.core.report.build import build_report
from factcheck.core.report.model import STATUS_ORDER, ReportMeta
from factcheck.store import ops, queries
from factcheck.store.report_data import gather_report
from tests.core.test_report_corpus import review_seed_corpus


def test_summary_counts_per_verdict_tag_and_article(seeded_db: Database) -> None:
    review_seed_corpus(seeded_db)
    report = gather_report(seeded_db, reviewer="r")
    s = report.summary
    assert s.total == 7
    assert s.by_status == {"corroborated": 3, "contradicted": 1, "inconclusive": 2,
                           "unverified": 1}  # fmt: skip
    assert list(s.by_status) == [st.value for st in STATUS_ORDER]
    assert [(t.name, t.count) for t in s.by_tag] == [
        ("numbers", 3), ("membership", 2), ("casualties", 1), ("petition", 1)]
    assert s.untagged == 1
    assert [a.info.id for a in report.articles] == [1, 2, 3, 4, 5]
    assert [sum(a.counts.values()) for a in report.articles] == [1, 2, 1, 1, 2]


def test_claims_are_in_text_order_with_context(seeded_db: Database) -> None:
    corpus = review_seed_corpus(seeded_db)
    report = gather_report(seeded_db, reviewer="r")
    article2 = report.articles[1]
    assert [c.id for c in article2.claims] == [corpus.petition, corpus.same_figure]
    starts = [c.start for c in article2.claims]
    assert starts == sorted(starts)
    claim = article2.claims[0]
    # the context is cut at word boundaries, with an ellipsis where the text goes on
    assert claim.before == "…were shortlisted had garnered "
    assert claim.after == " by Friday morning, leading…"
    assert claim.prefix.endswith(claim.before[1:]) and claim.suffix.startswith(claim.after[:-1])


def test_links_show_on_both_ends_with_their_direction(seeded_db: Database) -> None:
    corpus = review_seed_corpus(seeded_db)
    report = gather_report(seeded_db, reviewer="r")
    claims = {c.id: c for _, c in report.claims()}
    labels = {(e.label, e.other.claim_id) for e in claims[corpus.corroborated].evidence if e.other}
    assert labels == {("Corroborated by", corpus.same_figure),
                      ("Contradicted by", corpus.contradicting),
                      ("Same as", corpus.trapped)}  # fmt: skip
    back = [e for e in claims[corpus.contradicting].evidence if e.other]
    assert [(e.label, e.other.claim_id) for e in back] == [("Contradicts", corpus.corroborated)]
    sources = [e for e in claims[corpus.corroborated].evidence if e.kind == "source"]
    assert sources[0].url == "https://www.whitehelmets.org/en/"
    assert sources[0].accessed == "2024-03-01"


def test_contradictions_pair_the_linked_claims(seeded_db: Database) -> None:
    corpus = review_seed_corpus(seeded_db)
    report = gather_report(seeded_db, reviewer="r")
    (pair,) = report.contradictions
    assert pair.first.claim_id == corpus.corroborated
    assert pair.second.claim_id == corpus.contradicting
    assert pair.across_articles
    assert pair.note == "2,700 is not more than 3,000"


def test_last_change_is_the_latest_history_entry(seeded_db: Database) -> None:
    corpus = review_seed_corpus(seeded_db)
    ops.set_status(seeded_db, corpus.petition, Status.CONTRADICTED, "zoe")
    report = gather_report(seeded_db, reviewer="r")
    claim = next(c for _, c in report.claims() if c.id == corpus.petition)
    assert claim.last_change is not None
    assert (claim.last_change.action, claim.last_change.reviewer) == ("set status", "zoe")


def test_chosen_articles_resolve_links_to_claims_outside(seeded_db: Database) -> None:
    corpus = review_seed_corpus(seeded_db)
    report = gather_report(seeded_db, [1], reviewer="r")
    assert [a.info.id for a in report.articles] == [1]
    assert report.meta.scope == (1,)
    (claim,) = report.articles[0].claims
    others = {e.other.claim_id: e.other for e in claim.evidence if e.other}
    assert set(others) == {corpus.same_figure, corpus.contradicting, corpus.trapped}
    assert not any(o.in_report for o in others.values())
    assert others[corpus.contradicting].article_title.startswith("Raed al Saleh")
    assert len(report.contradictions) == 1


def test_an_article_without_claims_is_listed_empty(seeded_db: Database) -> None:
    report = gather_report(seeded_db, [3], reviewer="r")
    assert report.summary.total == 0
    assert report.articles[0].claims == ()
    assert report.articles[0].counts == {s.value: 0 for s in STATUS_ORDER}


def test_build_report_ignores_evidence_it_cannot_resolve(seeded_db: Database) -> None:
    corpus = review_seed_corpus(seeded_db)
    articles = queries.get_articles(seeded_db, [1])
    claims = queries.all_claims(seeded_db, [1])
    report = build_report(articles, claims, queries.all_evidence(seeded_db),
                          meta=ReportMeta(title="t"))  # fmt: skip
    (claim,) = report.articles[0].claims
    assert claim.id == corpus.corroborated
    # far ends were not supplied: the claim links are left out, the sources stay
    assert [e.kind for e in claim.evidence] == ["source"]
    assert report.contradictions == ()


def test_orphaned_claims_carry_a_placement_warning(seeded_db: Database) -> None:
    corpus = review_seed_corpus(seeded_db)
    seeded_db.execute("UPDATE claims SET placement = 'orphaned' WHERE id = ?", (corpus.killed,))
    report = gather_report(seeded_db, reviewer="r")
    claim = next(c for _, c in report.claims() if c.id == corpus.killed)
    assert "not found" in claim.placement_warning
    assert all(not c.placement_warning for _, c in report.claims() if c.id != corpus.killed)


def test_relation_labels_cover_every_relation() -> None:
    from factcheck.core.report.model import _RELATION_LABELS

    assert set(_RELATION_LABELS) == set(Relation)
