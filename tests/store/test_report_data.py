"""Gathering a report from a project: scope, who it is by, and the new reads."""

from __future__ import annotations

import pytest
from sqlite_utils import Database

from factcheck import config
from factcheck.errors import NotFound
from factcheck.store import ops, queries
from factcheck.store.report_data import gather_report
from tests.core.test_report_corpus import review_seed_corpus


def test_whole_project_and_chosen_articles(seeded_db: Database) -> None:
    review_seed_corpus(seeded_db)
    whole = gather_report(seeded_db, reviewer="r")
    assert whole.meta.scope is None and whole.summary.total == 7
    chosen = gather_report(seeded_db, [5, 2, 5], reviewer="r")
    assert [a.info.id for a in chosen.articles] == [2, 5]
    assert chosen.meta.scope == (2, 5) and chosen.summary.total == 4


def test_an_unknown_article_is_a_clear_error(seeded_db: Database) -> None:
    with pytest.raises(NotFound, match="no article with id 42"):
        gather_report(seeded_db, [1, 42], reviewer="r")


def test_who_the_report_is_by(seeded_db: Database) -> None:
    meta = gather_report(seeded_db, reviewer="alice").meta
    assert (meta.reviewer, meta.organisation, meta.author_name) == ("alice", "", "alice")
    config.save(config.Config(reviewer="bob", organisation="Desk", organisation_url="https://d.example"))
    meta = gather_report(seeded_db).meta
    assert (meta.reviewer, meta.organisation, meta.organisation_url) == (
        "bob", "Desk", "https://d.example")
    ops.set_setting(seeded_db, "organisation", "Project Desk")
    assert gather_report(seeded_db).meta.organisation == "Project Desk"
    assert meta.generator.startswith("factcheck ")
    assert meta.generated_at.endswith("Z")


def test_get_articles_claims_by_ids_and_last_changes(seeded_db: Database) -> None:
    corpus = review_seed_corpus(seeded_db)
    assert [a.id for a in queries.get_articles(seeded_db)] == [1, 2, 3, 4, 5]
    assert [a.id for a in queries.get_articles(seeded_db, [3, 1])] == [1, 3]
    assert queries.get_articles(seeded_db, []) == []
    found = queries.claims_by_ids(seeded_db, [corpus.petition, 999])
    assert list(found) == [corpus.petition] and found[corpus.petition].tags == ("petition",)
    ops.set_note(seeded_db, corpus.petition, "checked", "zoe")
    changes = queries.last_changes(seeded_db)
    assert set(changes) == set(corpus.all)
    assert (changes[corpus.petition].action, changes[corpus.petition].reviewer) == (
        "set note", "zoe")


def test_article_infos_match_the_articles_without_their_text(seeded_db: Database) -> None:
    infos = queries.article_infos(seeded_db, [3, 1])
    whole = queries.get_articles(seeded_db, [1, 3])
    assert [(i.id, i.title, i.url, i.content_hash) for i in infos] == [
        (a.id, a.title, a.url, a.content_hash) for a in whole
    ]
    assert not hasattr(infos[0], "text")
    assert len(queries.article_infos(seeded_db)) == queries.article_count(seeded_db)
    with pytest.raises(NotFound, match="no article with id 99"):
        queries.article_infos(seeded_db, [1, 99])


def test_claims_that_start_together_are_listed_longest_first_then_by_id(
    seeded_db: Database,
) -> None:
    specs = [ops.ClaimSpec(2, 40, 50), ops.ClaimSpec(2, 10, 20), ops.ClaimSpec(2, 40, 90),
             ops.ClaimSpec(2, 40, 50), ops.ClaimSpec(2, 40, 70), ops.ClaimSpec(3, 40, 60),
             ops.ClaimSpec(2, 5, 9)]  # fmt: skip
    ops.mark_claims(seeded_db, specs, "r")
    for scope in (None, [3, 2]):
        report = gather_report(seeded_db, scope, reviewer="r")
        spans = [(c.article_id, c.start, c.end) for _a, c in report.claims()]
        assert spans == [(2, 5, 9), (2, 10, 20), (2, 40, 90), (2, 40, 70), (2, 40, 50),
                         (2, 40, 50), (3, 40, 60)]  # fmt: skip
        same = [c.id for _a, c in report.claims() if (c.start, c.end) == (40, 50)]
        assert same == sorted(same) and len(same) == 2


def test_the_gathered_claims_are_the_stored_claims_with_their_verdicts(
    seeded_db: Database,
) -> None:
    """Gathering reads the claims, tags and verdicts in a few set-based queries; every
    field must be what the per-claim reads give (hostile text, several reviewers, an
    adjudication, a disagreement, sources)."""
    from tests.core.test_report_claims_html import _rich_report

    report = _rich_report(seeded_db)
    verdicts = queries.reviewer_verdicts(seeded_db)
    changes = queries.last_changes(seeded_db)
    seen = 0
    for article in report.articles:
        stored = {c.id: c for c in queries.claims_for_article(seeded_db, article.info.id)}
        assert [c.id for c in article.claims] == [
            c.id for c in sorted(stored.values(), key=lambda c: (c.start, -c.end, c.id))]
        for c in article.claims:
            s = stored[c.id]
            assert (c.article_id, c.start, c.end, c.quote, c.prefix, c.suffix, c.status, c.tags,
                    c.note, c.reviewer, c.created_at, c.updated_at, c.placement, c.claimant,
                    c.gid) == (s.article_id, s.start, s.end, s.quote, s.prefix, s.suffix,
                               s.status, s.tags, s.note, s.reviewer, s.created_at,
                               s.updated_at, s.placement, s.claimant, s.gid)  # fmt: skip
            assert [tuple(v) for v in c.verdicts] == [
                (v.claim_id, v.reviewer, v.status, v.note, v.updated_at)
                for v in verdicts.get(c.id, [])]  # fmt: skip
            assert (c.adjudicated_by, c.adjudication_note) == (
                (s.adjudicated_by, s.adjudication_note) if s.adjudicated_status else ("", ""))
            last = changes[c.id]
            assert c.last_change == (last.at, last.reviewer, last.action)
            seen += len(c.verdicts)
    assert seen > 5 and any(c.adjudicated_by for _, c in report.claims())
