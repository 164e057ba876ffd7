"""Global ids: every article, claim, tag and evidence row has one, old projects get
them on upgrade, and every export carries them."""

from __future__ import annotations

import json
import uuid
from pathlib import Path

from sqlite_utils import Database

from factcheck.core import ids
from factcheck.core.interchange.claimreview import claim_reviews
from factcheck.core.interchange.w3c import all_annotations
from factcheck.core.model import ArticleDraft
from factcheck.core.report.json_report import report_dict
from factcheck.store import ops, queries
from factcheck.store.migrations import GID_TABLES
from factcheck.store.project import connect
from factcheck.store.report_data import gather_report
from tests.core.test_report_corpus import review_seed_corpus
from tests.store.test_migration_upgrade import _old_project


def _gids(db: Database, table: str) -> list[str]:
    return [r[0] for r in db.execute(f"SELECT gid FROM {table} ORDER BY id")]


def _assert_all_named(db: Database) -> None:
    for table in GID_TABLES:
        gids = _gids(db, table)
        assert all(g and uuid.UUID(g) for g in gids), table
        assert len(set(gids)) == len(gids), table


def test_upgrade_names_existing_rows(tmp_path: Path) -> None:
    path = tmp_path / "old.factcheck"
    _old_project(path)
    db = connect(path)
    _assert_all_named(db)
    (claim_gid,) = _gids(db, "claims")
    assert uuid.UUID(claim_gid).version == 4
    # an article is named by its first text, the same in any copy that imported it
    assert _gids(db, "articles") == [ids.article_gid("hash1"), ids.article_gid("hash2")]
    db.close()
    assert _gids(connect(path), "claims") == [claim_gid]  # stable across openings


def test_new_rows_are_named_by_the_operations(seeded_db: Database) -> None:
    corpus = review_seed_corpus(seeded_db)
    _assert_all_named(seeded_db)
    (first,) = seeded_db.execute("SELECT content_hash FROM article_revisions WHERE "
                                 "article_id = 1 AND number = 1").fetchone()  # fmt: skip
    assert queries.get_article(seeded_db, 1).gid == ids.article_gid(first)
    # a tag is named by its name, without ASCII case, as the project compares tag names
    tag = next(t for t in queries.list_tags(seeded_db))
    assert tag.gid == ids.tag_gid(tag.name.upper()) == ids.tag_gid(f" {tag.name} ")
    assert ids.tag_gid("figures") != ids.tag_gid("figure")
    # deleting and restoring a claim (undo) keeps its global id
    before = queries.get_claim(seeded_db, corpus.killed).gid
    snap = ops.snapshot_claim(seeded_db, corpus.killed)
    ops.delete_claim(seeded_db, corpus.killed, "t")
    ops.restore_claim(seeded_db, snap, "t")
    assert queries.get_claim(seeded_db, corpus.killed).gid == before


def test_a_row_written_outside_the_operations_gets_one(seeded_db: Database) -> None:
    seeded_db.execute(
        'INSERT INTO claims (article_id, start, "end", quote, created_at, updated_at) '
        "VALUES (1, 0, 3, 'abc', 'x', 'x')"
    )
    _assert_all_named(seeded_db)
    (gid,) = seeded_db.execute("SELECT gid FROM claims ORDER BY id DESC LIMIT 1").fetchone()
    assert uuid.UUID(gid).version == 4


def test_an_article_written_outside_the_operations_keeps_search_intact(
    seeded_db: Database,
) -> None:
    seeded_db.execute(
        "INSERT INTO articles (title, text, content_hash, imported_at) "
        "VALUES ('Outside', 'A harbour bridge story.', 'h', 'x')"
    )
    (gid,) = seeded_db.execute("SELECT gid FROM articles WHERE title = 'Outside'").fetchone()
    assert uuid.UUID(gid).version == 4
    seeded_db.execute("INSERT INTO articles_fts (articles_fts) VALUES ('integrity-check')")
    assert [h.title for h in queries.search(seeded_db, "harbour")] == ["Outside"]
    seeded_db.execute("UPDATE articles SET outlet = 'x' WHERE title = 'Outside'")
    seeded_db.execute("INSERT INTO articles_fts (articles_fts) VALUES ('integrity-check')")


def test_exports_carry_the_global_ids(seeded_db: Database) -> None:
    review_seed_corpus(seeded_db)
    report = gather_report(seeded_db)
    claims = {c.id: c.gid for c in queries.all_claims(seeded_db)}
    evidence = {e.gid for e in queries.all_evidence(seeded_db)}
    data = json.loads(json.dumps(report_dict(report)))
    listed = {c["id"]: c["gid"] for a in data["articles"] for c in a["claims"]}
    assert listed == claims
    assert {a["gid"] for a in data["articles"]} == set(_gids(seeded_db, "articles"))
    assert {e["gid"] for a in data["articles"] for c in a["claims"]
            for e in c["evidence"]} == evidence  # fmt: skip
    annos = all_annotations(report)
    assert {a["fc:gid"] for a in annos} == set(claims.values())
    assert {a["target"]["fc:articleGid"] for a in annos} <= set(_gids(seeded_db, "articles"))
    linked = {b["fc:gid"] for a in annos for b in a["body"] if b.get("purpose") == "linking"}
    assert linked == evidence  # each link written once, each source once
    reviews = claim_reviews(report)
    assert reviews and {r["identifier"] for r in reviews} <= set(claims.values())
    judged = {c.gid for c in queries.all_claims(seeded_db) if c.status.value != "unverified"}
    assert {r["identifier"] for r in reviews} == judged


def test_a_batch_of_claims_gets_random_uuids_each_its_own(db: Database) -> None:
    (art,), _ = ops.import_articles(db, [ArticleDraft("a", "one two three four five " * 40)], "t")
    specs = [ops.ClaimSpec(art.article_id, i, i + 3) for i in range(0, 400, 4)]
    specs.append(ops.ClaimSpec(art.article_id, 0, 3, gid="kept-from-elsewhere"))
    specs.append(ops.ClaimSpec(art.article_id, 4, 7, gid="kept-from-elsewhere"))  # taken
    change = ops.mark_claims(db, specs, "t")
    gids = [queries.get_claim(db, c).gid for c in sorted(change.claim_ids)]
    assert gids[-2] == "kept-from-elsewhere" and len(set(gids)) == len(specs)
    for gid in gids[:-2] + gids[-1:]:
        u = uuid.UUID(gid)
        assert (u.version, u.variant, str(u)) == (4, uuid.RFC_4122, gid)
    assert ids.new_gids(0) == []
    many = ids.new_gids(2000)
    assert len(set(many)) == 2000 and {g[19] for g in many} == set("89ab")
    for gid in many:
        u = uuid.UUID(gid)
        assert (u.version, u.variant, str(u)) == (4, uuid.RFC_4122, gid)
